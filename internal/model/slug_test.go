package model

import "testing"

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

// FuzzSlugifyAsByRune holds Slugify, which takes a name in ASCII in one
// pass, to the rune-by-rune slug of every name.
func FuzzSlugifyAsByRune(f *testing.F) {
	for _, s := range []string{"In progress", "  --a--b  ", "A\tB\x7fC", "9 Lives!", "Zu\u0308rich", "_x_", "\x00a\x1fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := Slugify(name), runeSlug(name); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", name, got, want)
		}
	})
}
