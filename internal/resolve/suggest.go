package resolve

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reliability-council/handbook/internal/model"
)

// maxListed is how many choices an error lists before it stops.
const maxListed = 8

// maxEdits is how far a name may be from what was written to be suggested.
const maxEdits = 2

// suggest names the closest of want to got ("did you mean ...?"), or lists
// them all when none is close.
func suggest(got string, want []string) string {
	return suggestWithin(got, want, nil)
}

// suggestWithin is suggest for lists as long as the content, such as every
// concern's slug: it looks for a near name only while the search budget
// lasts, so that a file misspelling a hundred thousand slugs costs no more
// to check than to read.
func suggestWithin(got string, want []string, budget *int) string {
	if best := nearestWithin(got, want, budget); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	if len(want) == 0 {
		return "there are none yet"
	}
	if len(want) > maxListed {
		return fmt.Sprintf("want one of %s, … (%d in all)", strings.Join(want[:maxListed], ", "), len(want))
	}
	return "want one of " + strings.Join(want, ", ")
}

// nearest returns the one of want that got is most likely a misspelling
// of: the closest, ignoring case, at most maxEdits edits away and fewer
// than its own length; "" when there is none.
func nearest(got string, want []string) string {
	return nearestWithin(got, want, nil)
}

// searchBudget is how much comparing (in letters) nearestWithin does for
// one file when it is given a budget.
const searchBudget = 4 << 20

// nearestWithin is nearest that stops looking once budget, when not nil,
// is spent, with the nearest name found so far; each comparison takes the
// letters of the name it looked at from it.
func nearestWithin(got string, want []string, budget *int) string {
	g := []rune(strings.ToLower(got))
	best, bestDist := "", maxEdits+1
	for _, w := range want {
		n := utf8.RuneCountInString(w)
		if abs(n-len(g)) > maxEdits {
			continue
		}
		if budget != nil {
			if *budget <= 0 {
				break
			}
			*budget -= n
		}
		if d := distanceWithin(g, []rune(strings.ToLower(w)), maxEdits); d < bestDist && d < n {
			best, bestDist = w, d
		}
	}
	return best
}

// distanceWithin is the Levenshtein edit distance between a and b when it
// is at most k, and k+1 otherwise. It works out only the cells of the
// table within k of its diagonal, so it takes time in proportion to the
// length of the words, not to its square.
func distanceWithin(a, b []rune, k int) int {
	far := k + 1
	if abs(len(a)-len(b)) > k {
		return far
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = min(j, far)
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		// The cells just outside the band stand for "too far".
		cur[lo-1] = far
		if lo == 1 {
			cur[0] = min(i, far)
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j-1]+cost, cur[j-1]+1, prev[j]+1, far)
			best = min(best, cur[j])
		}
		if best >= far {
			return far
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// budget returns what is left of file's budget for looking up near names.
func (r *resolver) budget(file string) *int {
	b := r.searched[file]
	if b == nil {
		b = new(int)
		*b = searchBudget
		r.searched[file] = b
	}
	return b
}

// teamHint says how to write a reference to a team that does not exist:
// the slug of the team whose title or name was written, a near slug, or
// the slugs there are.
func (r *resolver) teamHint(file, written string) string {
	t := r.teamTitles[strings.ToLower(written)]
	if t == nil {
		t = r.teams[model.Slugify(written)]
	}
	if t != nil {
		return "write the team's slug: " + t.Slug
	}
	return suggestWithin(written, r.teamSlugs, r.budget(file))
}

// concernHint says how to write a reference to a concern that does not
// exist: as a list, when several were written as one text; as its slug,
// when its name was written; or as a near slug.
func (r *resolver) concernHint(file, key, written string) string {
	if strings.Contains(written, ",") && key == "concerns" {
		return fmt.Sprintf("to list several, write %s: %s", key, asList(written))
	}
	if c := r.concerns[model.Slugify(written)]; c != nil {
		return "write the concern's slug: " + c.Slug
	}
	return suggestWithin(written, r.concernSlugs, r.budget(file))
}

// asList writes a text holding commas as the YAML list it was probably
// meant to be: "a, b," becomes "[a, b]".
func asList(written string) string {
	var parts []string
	for part := range strings.SplitSeq(written, ",") {
		if part = strings.TrimSpace(part); part != "" {
			parts = append(parts, part)
		}
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
