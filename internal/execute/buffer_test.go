package execute

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestBufferHoldsWhatBytesBufferHolds writes, truncates and empties a
// Buffer and a bytes.Buffer alike, with writes of every size from none to
// several pieces, and wants the same bytes from each of its readers.
func TestBufferHoldsWhatBytesBufferHolds(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var got Buffer
	var want bytes.Buffer
	sizes := []int{0, 1, 7, 100, pieceSize - 1, pieceSize, pieceSize + 1, 3*pieceSize + 5}
	for step := range 400 {
		switch op := rng.IntN(10); {
		case op < 6:
			text := strings.Repeat(string(rune('a'+step%26)), sizes[rng.IntN(len(sizes))])
			if step%2 == 0 {
				got.WriteString(text)
			} else {
				got.Write([]byte(text))
			}
			want.WriteString(text)
		case op < 8:
			n := rng.IntN(want.Len() + 1)
			got.Truncate(n)
			want.Truncate(n)
		case op < 9:
			got.Reset()
			want.Reset()
		}
		if got.Len() != want.Len() {
			t.Fatalf("step %d: Len %d, want %d", step, got.Len(), want.Len())
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) || !bytes.Equal(got.Copy(), want.Bytes()) || got.String() != want.String() {
			t.Fatalf("step %d: Bytes, Copy or String differ from what was written", step)
		}
		var out bytes.Buffer
		if n, err := got.WriteTo(&out); err != nil || n != int64(want.Len()) || !bytes.Equal(out.Bytes(), want.Bytes()) {
			t.Fatalf("step %d: WriteTo wrote %d bytes, %v, not what was written", step, n, err)
		}
		if got.Whole() != (got.Len() <= pieceSize) && got.Len() > 0 {
			t.Fatalf("step %d: %d bytes, Whole says %v", step, got.Len(), got.Whole())
		}
	}
}

// TestBufferKeepsItsPieces wants a Buffer emptied and filled again to the
// same size to take no new memory, and one that grows to take no more
// than what it holds and a piece.
func TestBufferKeepsItsPieces(t *testing.T) {
	var b Buffer
	page := strings.Repeat("x", 10*pieceSize+3)
	b.WriteString(page)
	if b.Size() > b.Len()+pieceSize {
		t.Errorf("%d bytes held in %d", b.Len(), b.Size())
	}
	size := b.Size()
	if allocs := testing.AllocsPerRun(10, func() {
		b.Reset()
		b.WriteString(page)
	}); allocs != 0 || b.Size() != size {
		t.Errorf("filling it again took %v allocations, and %d bytes rather than %d", allocs, b.Size(), size)
	}
}
