package resolve

import (
	"strings"
	"testing"
)

// levenshtein is the edit distance worked out over the whole table, as
// edits.within's reference.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// FuzzDistanceWithin checks the banded edit distance against the whole
// table: the same distance up to the bound, and past it only "too far".
func FuzzDistanceWithin(f *testing.F) {
	for _, seed := range [][2]string{{"effort", "efort"}, {"Hihg", "High"}, {"", "ab"}, {"abc", ""}, {"kitten", "sitting"}, {"ab", "ba"}, {"zürich", "zurich"}} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := []rune(a), []rune(b)
		if len(ra) > 64 || len(rb) > 64 {
			return
		}
		want := min(levenshtein(ra, rb), maxEdits+1)
		var e edits
		// Twice, the second time with the rows the first left.
		for range 2 {
			if got := e.within(ra, rb, maxEdits); got != want {
				t.Fatalf("within(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	})
}

func TestNearestWithinStopsWhenItsBudgetIsSpent(t *testing.T) {
	want := newNearNames([]string{"alpha", "bravo", "charlie"})
	budget := 6 // enough for the first two names of five letters, not the third
	if got := nearestWithin("bravp", want, &budget); got != "bravo" {
		t.Errorf("got %q, want bravo", got)
	}
	budget = 6
	if got := nearestWithin("charlei", want, &budget); got != "" {
		t.Errorf("got %q after the budget was spent, want nothing", got)
	}
	if got := suggestWithin("zzz", want, &budget); !strings.HasPrefix(got, "want one of alpha") {
		t.Errorf("without a budget left, the choices are listed: %q", got)
	}
}

// TestNearestLooksWhereAScanLooks checks that looking only at the names of
// a close length finds what comparing with every name in turn finds: the
// first of the closest, at most maxEdits edits away and fewer than its
// own length.
func TestNearestLooksWhereAScanLooks(t *testing.T) {
	names := []string{"ops", "Data", "data-eng", "dataeng", "платформа", "web", "wbe", "a", "ab", "sre", "SRE-Team", "İstanbul", "payments", "pay", "ml"}
	scan := func(got string) string {
		g := []rune(strings.ToLower(got))
		best, bestDist := "", maxEdits+1
		for _, w := range names {
			n := len([]rune(w))
			if d := min(levenshtein(g, []rune(strings.ToLower(w))), maxEdits+1); d < bestDist && d < n && abs(n-len(g)) <= maxEdits {
				best, bestDist = w, d
			}
		}
		return best
	}
	near := newNearNames(names)
	for _, word := range []string{"opps", "data", "DATA-ENG", "dataen", "платформы", "wbe", "ew", "b", "abc", "sre-team", "istanbul", "paymnt", "py", "m", "", "nothing-like-it"} {
		if got, want := nearestWithin(word, near, nil), scan(word); got != want {
			t.Errorf("nearest to %q: %q, but a scan of every name finds %q", word, got, want)
		}
	}
}
