package blocks

import (
	"slices"
	"testing"
)

// TestSlicesStayApart wants each slice taken zeroed and with no room past
// its length, so that neither writing nor appending to one reaches the
// next, and more than a block taken whole.
func TestSlicesStayApart(t *testing.T) {
	var b Of[int64]
	first := b.Copy([]int64{1, 2, 3})
	second := b.Take(2)
	if cap(first) != 3 || !slices.Equal(second, []int64{0, 0}) {
		t.Fatalf("taken %v (capacity %d) then %v", first, cap(first), second)
	}
	first = append(first, 4)
	second[0] = 5
	if second[0] != 5 || second[1] != 0 {
		t.Errorf("appending to one slice changed the next: %v", second)
	}
	big := b.Take(Size) // eight blocks' worth of int64
	if len(big) != Size || cap(big) != Size {
		t.Errorf("a slice past a block: length %d, capacity %d", len(big), cap(big))
	}
	if after := b.Take(1); &after[0] == &big[len(big)-1] {
		t.Error("a slice taken after a long one overlaps it")
	}
}
