package model

import (
	"strings"
	"testing"
)

// TestCompareNatural wants titles in the order a reader counts them.
func TestCompareNatural(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"Guide 2", "Guide 10", -1},
		{"Guide 10", "Guide 9: audit log", 1},
		{"guide 3", "Guide 3", 0},
		{"Guide 03", "Guide 3", 0},
		{"Guide 3", "Guide 3b", -1},
		{"Release 1.10", "Release 1.9", 1},
		{"2024 review", "Audit", -1},
		{"Runbook", "Runbooks", -1},
		{"Zürich 2", "zürich 12", -1},
		{"Guide 100000000000000000000001", "Guide 99999999999999999999", 1},
		{"", "a", -1},
	} {
		if got := CompareNatural(c.a, c.b); got != c.want {
			t.Errorf("CompareNatural(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := CompareNatural(c.b, c.a); got != -c.want {
			t.Errorf("CompareNatural(%q, %q) = %d, want %d", c.b, c.a, got, -c.want)
		}
	}
}

// TestCompareFold wants the order of the strings strings.ToLower leaves,
// in ASCII, in other scripts and in both at once.
func TestCompareFold(t *testing.T) {
	words := []string{"", "a", "A", "ab", "aB", "Ab", "b", "Z", "z", "_", "[", "Zürich", "zürich", "ZÜRICH", "zurich", "Ärger", "ärger", "Москва", "москва", "東京", "İstanbul", "istanbul", "Σ", "σ", "9", "a9"}
	for _, a := range words {
		for _, b := range words {
			if got, want := CompareFold(a, b), strings.Compare(strings.ToLower(a), strings.ToLower(b)); got != want {
				t.Errorf("CompareFold(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}
