package resolve

import (
	"slices"
	"testing"
)

// TestDistinct wants each item once, in the order first met, in lists
// shorter and longer than those looked through.
func TestDistinct(t *testing.T) {
	for _, n := range []int{0, 5, longList - 1, longList, 3 * longList} {
		var d distinct[int]
		var list, want []int
		for i := range 3 * n {
			x := (i * 7) % (n + 1) // each of 0..n, and again
			list = d.appendNew(list, x)
			if !slices.Contains(want, x) {
				want = append(want, x)
			}
		}
		if !slices.Equal(list, want) {
			t.Errorf("%d items: got %v, want %v", n, list, want)
		}
	}
}
