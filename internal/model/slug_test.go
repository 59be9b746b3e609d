package model

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"In progress":        "in-progress",
		"  --a--b  ":         "a-b",
		"Z\u00fcrich":        "z\u00fcrich",
		"Zu\u0308rich":       "z\u00fcrich",        // decomposed, as macOS writes it
		"\u0915\u094d\u0937": "\u0915\u094d\u0937", // a conjunct: the virama is a mark
		"\u0301a":            "a",                  // a mark with no letter before it
		"!!!":                "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// slugByRune is Slugify as written first, rune by rune for every name:
// the reference its ASCII path is held to.
func slugByRune(name string) string {
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

// FuzzSlugifyAsByRune holds Slugify to the rune-by-rune reference.
func FuzzSlugifyAsByRune(f *testing.F) {
	for _, s := range []string{"In progress", "  --a--b  ", "A\tB\x7fC", "9 Lives!", "Zu\u0308rich", "_x_", "\x00a\x1fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := Slugify(name), slugByRune(name); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", name, got, want)
		}
	})
}
