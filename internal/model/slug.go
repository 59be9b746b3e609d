package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Slugify turns a name into the part of a URL that names it, keeping letters
// of every script: "In progress" -> "in-progress", "Zürich" -> "zürich".
// Accents are composed first (NFC), so that a name typed on one system and
// the same name typed on another give one slug; a combining mark that
// remains belongs to the letter before it ("हिन्दी" keeps its vowel signs).
func Slugify(name string) string {
	if slug, ok := asciiSlug(name); ok {
		return slug
	}
	return runeSlug(name)
}

// runeSlug is Slugify of any name, rune by rune.
func runeSlug(name string) string {
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

// asciiSlug is Slugify of a name all in ASCII, which needs no composing,
// in one pass and one allocation: headings and names are mostly such. It
// reports false for any other name.
func asciiSlug(name string) (string, bool) {
	slug := make([]byte, 0, len(name))
	dash := false
	for i := range len(name) {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return "", false
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		default:
			dash = true
			continue
		}
		if dash && len(slug) > 0 {
			slug = append(slug, '-')
		}
		dash = false
		slug = append(slug, c)
	}
	return string(slug), true
}
