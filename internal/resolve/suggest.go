package resolve

import (
	"fmt"
	"slices"
	"strings"
	"sync"
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
	return suggestWithin(got, newNearNames(want), nil)
}

// suggestWithin is suggest for lists as long as the content, such as every
// concern's slug: it looks for a near name only while the search budget
// lasts, so that a file misspelling a hundred thousand slugs costs no more
// to check than to read.
func suggestWithin(got string, want *nearNames, budget *int) string {
	if best := nearestWithin(got, want, budget); best != "" {
		return fmt.Sprintf("did you mean %q?", best)
	}
	names := want.names
	if len(names) == 0 {
		return "there are none yet"
	}
	if len(names) > maxListed {
		return fmt.Sprintf("want one of %s, … (%d in all)", strings.Join(names[:maxListed], ", "), len(names))
	}
	return "want one of " + strings.Join(names, ", ")
}

// nearest returns the one of want that got is most likely a misspelling
// of: the closest, ignoring case, at most maxEdits edits away and fewer
// than its own length; "" when there is none.
func nearest(got string, want []string) string {
	return nearestWithin(got, newNearNames(want), nil)
}

// searchBudget is how much comparing (in letters) nearestWithin does for
// one file when it is given a budget.
const searchBudget = 4 << 20

// nearNames is a list of names made ready, when first searched, for
// finding the one nearest a word: each in lower case, and the names sorted
// by their number of letters, so that a search compares only those within
// maxEdits letters of the word's length. Looking through every team's
// slug, counting each one's letters and lowering it again for each word,
// made a meeting of guests written like slugs take seconds to check on a
// handbook of 5,000 teams. It is safe to search from several goroutines.
type nearNames struct {
	names    []string
	once     sync.Once
	lower    []string  // each name in lower case
	byLength [][]int32 // the names' indexes, ascending, by number of letters
}

func newNearNames(names []string) *nearNames { return &nearNames{names: names} }

// ready makes the lists a search uses, once.
func (n *nearNames) ready() {
	n.once.Do(func() {
		n.lower = make([]string, len(n.names))
		for i, name := range n.names {
			n.lower[i] = strings.ToLower(name)
			letters := utf8.RuneCountInString(name)
			if letters >= len(n.byLength) {
				n.byLength = append(n.byLength, make([][]int32, letters+1-len(n.byLength))...)
			}
			n.byLength[letters] = append(n.byLength[letters], int32(i))
		}
	})
}

// nearestWithin is nearest that stops looking once budget, when not nil,
// is spent, with the nearest name found so far; each comparison takes the
// letters of the name it looked at from it. It looks at the names in
// their order in the list.
func nearestWithin(got string, want *nearNames, budget *int) string {
	want.ready()
	g := []rune(strings.ToLower(got))
	// The names of a length close enough, by how far it is from the
	// word's, each list ascending.
	var near [2*maxEdits + 1][]int32
	for d := -maxEdits; d <= maxEdits; d++ {
		if l := len(g) + d; l >= 0 && l < len(want.byLength) {
			near[d+maxEdits] = want.byLength[l]
		}
	}
	var (
		e       edits
		letters []rune
	)
	best, bestDist := "", maxEdits+1
	for {
		// The lowest index left in the lists.
		next := -1
		for l, list := range near {
			if len(list) > 0 && (next < 0 || list[0] < near[next][0]) {
				next = l
			}
		}
		if next < 0 {
			break
		}
		i := near[next][0]
		near[next] = near[next][1:]
		n := len(g) + next - maxEdits // the name's letters
		if budget != nil {
			if *budget <= 0 {
				break
			}
			*budget -= n
		}
		letters = letters[:0]
		for _, c := range want.lower[i] {
			letters = append(letters, c)
		}
		if d := e.within(g, letters, maxEdits); d < bestDist && d < n {
			best, bestDist = want.names[i], d
		}
	}
	return best
}

// edits works out edit distances, keeping its two rows of the table for
// the next.
type edits struct{ prev, cur []int }

// within is the Levenshtein edit distance between a and b when it is at
// most k, and k+1 otherwise. It works out only the cells of the table
// within k of its diagonal, so it takes time in proportion to the length
// of the words, not to its square.
func (e *edits) within(a, b []rune, k int) int {
	far := k + 1
	if abs(len(a)-len(b)) > k {
		return far
	}
	e.prev, e.cur = slices.Grow(e.prev[:0], len(b)+1)[:len(b)+1], slices.Grow(e.cur[:0], len(b)+1)[:len(b)+1]
	prev, cur := e.prev, e.cur
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
	return suggestWithin(written, r.nearTeams, r.budget(file))
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
	return suggestWithin(written, r.nearConcerns, r.budget(file))
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
