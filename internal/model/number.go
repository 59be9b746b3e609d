package model

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cutNumber reads a plain decimal number, such as 30 or 1.5, from the start
// of s. Signs, exponents and thousands separators are not numbers here: an
// estimate is written the way people write one.
func cutNumber(s string) (n float64, rest string, ok bool) {
	end := digits(s)
	if end == 0 {
		return 0, s, false
	}
	if end < len(s) && s[end] == '.' {
		if frac := digits(s[end+1:]); frac > 0 {
			end += 1 + frac
		}
	}
	n, err := strconv.ParseFloat(s[:end], 64)
	if err != nil || math.IsInf(n, 0) {
		return 0, s, false
	}
	return n, s[end:], true
}

func digits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// cutWord reads a run of letters from the start of s.
func cutWord(s string) (word, rest string) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return s[:i], s[i:]
}

func trimSpace(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }

// roundMinutes rounds bad minutes to a millionth of a minute, far below
// anything shown, so that amounts a reader would call equal compare equal:
// (1 − 99.9%) × 525,600 is 525.6 in floating point only once rounded.
func roundMinutes(m float64) float64 { return math.Round(m*1e6) / 1e6 }

// FormatNumber writes a number for a reader checking the arithmetic by
// hand: to two decimals, or to four significant digits when that takes
// more, without trailing zeros: 1440, 121.67, 4.056, 0.25, 0.001.
func FormatNumber(f float64) string {
	places := 2
	if a := math.Abs(f); a > 0 {
		places = max(places, 3-int(math.Floor(math.Log10(a))))
	}
	p := math.Pow(10, float64(places))
	return strconv.FormatFloat(math.Round(f*p)/p, 'f', -1, 64)
}

// FormatColumn writes numbers that stand in one column of a table, so that
// they line up: each to the same number of decimals, the most that
// FormatNumber would give any of them, but at most most. A column of whole
// numbers stays whole: 486, 165, 72; one fraction among them gives every
// number its decimals: 0.25, 0.10, 0.05.
func FormatColumn(values []float64, most int) []string {
	places := 0
	for _, v := range values {
		if _, frac, ok := strings.Cut(FormatNumber(v), "."); ok {
			places = max(places, len(frac))
		}
	}
	places = min(places, most)
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strconv.FormatFloat(v, 'f', places, 64)
	}
	return out
}
