package resolve

import (
	"fmt"
	"strings"
)

// maxListed is how many choices an error lists before it stops.
const maxListed = 8

// suggest names the closest of want to got ("did you mean ...?"), or lists
// them all when none is close.
func suggest(got string, want []string) string {
	best, bestDist := "", 3
	for _, w := range want {
		if d := distance(strings.ToLower(got), strings.ToLower(w)); d < bestDist && d < len(w) {
			best, bestDist = w, d
		}
	}
	if best != "" {
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

// distance is the Levenshtein edit distance between a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
