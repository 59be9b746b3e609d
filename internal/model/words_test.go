package model

import "testing"

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
