package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a name into the part of a URL that names it, keeping letters
// of every script: "In progress" -> "in-progress", "Zürich" -> "zürich".
// Accents are composed first (NFC), so that a name typed on one system and
// the same name typed on another give one slug; a combining mark that
// remains belongs to the letter before it ("हिन्दी" keeps its vowel signs).
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(strings.TrimSpace(norm.NFC.String(name))) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		case unicode.IsMark(r) && !dash && b.Len() > 0:
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
