package resolve

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/reliability-council/handbook/internal/model"
)

// The longest texts that are shown on many pages, in characters: a title
// is in the navigation, lists and tables of other pages, the site's
// description on every page, and a tag names a folder of the site, whose
// name a file system takes only up to 255 bytes (60 characters are at most
// 240 bytes, however they are written).
const (
	maxTitle       = 200
	maxDescription = 500
	maxTag         = 60
)

// maxNumber is the largest size of a weight or a score on the scale: far
// above any a council uses, and far enough below the largest floating-point
// number that sums and products of them stay numbers.
const maxNumber = 1e6

// title reads a title, which may be at most maxTitle characters long.
func (f *fields) title() string {
	return f.short("title", maxTitle, "title")
}

// description reads a description, which may be at most maxDescription
// characters long.
func (f *fields) description() string {
	return f.short("description", maxDescription, "description")
}

func (f *fields) short(key string, limit int, what string) string {
	s := f.text(key)
	if n := utf8.RuneCountInString(s); n > limit {
		f.failKey(key, "%d characters long, more than the %d a %s may have (shorten it: the body is the place for more)", n, limit, what)
	}
	return s
}

// checkTag reports a tag too long to be a name in the site.
func (f *fields) checkTag(key, name string) bool {
	if n := utf8.RuneCountInString(name); n > maxTag {
		f.failKey(key, "tag %q is %d characters long, more than the %d a tag may have (shorten it)", clip(name, 30), n, maxTag)
		return false
	}
	return true
}

// clip shortens a text quoted in a message to its first n characters.
func clip(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// finite checks a number read from the sources: NaN and infinities are
// not numbers a council writes, and too large ones make sums that are.
func finite(s string, n float64) (string, bool) {
	switch {
	case math.IsNaN(n) || math.IsInf(n, 0):
		return "want a number, found " + strconv.Quote(s), false
	case math.Abs(n) > maxNumber:
		return "want a number between " + model.FormatNumber(-maxNumber) + " and " + model.FormatNumber(maxNumber) + ", found " + s, false
	}
	return "", true
}
