package model

import (
	"cmp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plural counts something in words: "1 concern", "3 concerns".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// StatusLabel writes a status as words: "in-progress" -> "In progress".
func StatusLabel(status string) string { return Sentence(status) }

// Sentence writes a slug as words that start a sentence: in-progress is
// "In progress", card-retries "Card retries".
func Sentence(slug string) string {
	if slug == "" {
		return ""
	}
	words := []rune(strings.ReplaceAll(slug, "-", " "))
	return strings.ToUpper(string(words[0])) + string(words[1:])
}

// Name returns the team's title, or "No team" for a concern without one.
func (t *Team) Name() string {
	if t == nil {
		return "No team"
	}
	return t.Title
}

// orList joins words as a sentence does: "a, b or c".
func orList(words []string) string { return joinList(words, " or ") }

// OrList joins words as a sentence does, for messages outside this
// package: "a, b or c".
func OrList(words []string) string { return orList(words) }

// andList joins words as a sentence does: "a, b and c".
func andList(words []string) string { return joinList(words, " and ") }

func joinList(words []string, last string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + last + words[len(words)-1]
}

// CompareNatural compares two titles as a reader orders them: as
// CompareFold does, but with each run of digits taken as the number it
// writes, so that "Guide 2" comes before "Guide 10".
func CompareNatural(a, b string) int {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			na, nb := digitsAt(a), digitsAt(b)
			// Without their leading zeros, the longer number is the larger,
			// and numbers of one length compare as their digits do.
			da, db := strings.TrimLeft(a[:na], "0"), strings.TrimLeft(b[:nb], "0")
			if c := cmp.Or(cmp.Compare(len(da), len(db)), strings.Compare(da, db)); c != 0 {
				return c
			}
			a, b = a[na:], b[nb:]
			continue
		}
		var c int
		if c, a, b = compareFirstFolded(a, b); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// digitsAt returns the length of the run of digits s starts with.
func digitsAt(s string) int {
	n := 0
	for n < len(s) && isDigit(s[n]) {
		n++
	}
	return n
}

// CompareFold compares two strings as strings.ToLower would leave them,
// without making the lowered copies: sorting thousands of titles calls it
// hundreds of thousands of times.
func CompareFold(a, b string) int {
	for a != "" && b != "" {
		var c int
		if c, a, b = compareFirstFolded(a, b); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(a), len(b))
}

// compareFirstFolded compares the first letters of a and b, neither
// empty, as strings.ToLower would leave them, and returns what follows
// them.
func compareFirstFolded(a, b string) (int, string, string) {
	if a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf {
		return cmp.Compare(lowerASCII(a[0]), lowerASCII(b[0])), a[1:], b[1:]
	}
	ra, na := utf8.DecodeRuneInString(a)
	rb, nb := utf8.DecodeRuneInString(b)
	return cmp.Compare(unicode.ToLower(ra), unicode.ToLower(rb)), a[na:], b[nb:]
}
