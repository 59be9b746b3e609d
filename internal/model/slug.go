package model

import (
	"strings"
	"unicode"
)

// Slugify turns a name into the part of a URL that names it, keeping letters
// of every script: "In progress" -> "in-progress", "Zürich" -> "zürich".
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(name)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
