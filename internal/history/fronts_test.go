package history

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/reliability-council/handbook/internal/load"
)

// TestFrontsReadBack keeps thousands of frontmatter blocks, a few
// megabytes, in three reads joined, as a first build keeps what git gives:
// every block, and every stretch of several that a reader takes at once,
// reads back as it was given, across the blocks of memory they fill.
func TestFrontsReadBack(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var all []byte // every block given, one after another
	given := map[string][]byte{}
	read := func(n int) *fronts {
		f := newFronts()
		for range n {
			id := strconv.Itoa(len(given))
			front := make([]byte, 1+rng.IntN(8000))
			for i := range front {
				front[i] = byte('a' + rng.IntN(26))
			}
			given[id] = front
			f.add(id, front)
			all = append(all, front...)
		}
		f.add("none"+strconv.Itoa(len(given)), nil)
		return f
	}
	f := read(300)
	f.join(read(500))
	f.join(read(200))
	if got, want := f.memSize(), int64(len(all)); got != want || len(all) < 2*frontBlock {
		t.Fatalf("%d bytes in memory, want %d, over at least two blocks", got, want)
	}
	for id, want := range given {
		got, ok := f.span(id).Read(f, nil)
		if !ok || !bytes.Equal(got, want) {
			t.Fatalf("version %s reads back otherwise", id)
		}
	}
	if s := f.span("none300"); s != load.NoFront {
		t.Errorf("a version with no frontmatter has span %v", s)
	}
	for range 200 {
		off := rng.Int64N(int64(len(all)))
		window := make([]byte, 64<<10)
		n, err := f.ReadAt(window, off)
		want := all[off:min(int64(len(all)), off+int64(len(window)))]
		if !bytes.Equal(window[:n], want) || (n < len(window)) != (err == io.EOF) {
			t.Fatalf("reading %d bytes at %d: %d bytes, %v; want %d bytes", len(window), off, n, err, len(want))
		}
	}
}
