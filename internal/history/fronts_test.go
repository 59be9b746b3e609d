package history

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"github.com/reliability-council/handbook/internal/load"
)

// TestFrontsReadBack keeps thousands of frontmatter blocks, a few
// megabytes, in three reads joined, as a first build keeps what git gives:
// every block, and every stretch of several that a reader takes at once,
// reads back as it was given, across the blocks of memory they fill, and
// across a spill file and memory, where the full blocks go to a file and
// no more than one stays in memory.
func TestFrontsReadBack(t *testing.T) {
	for _, spill := range []bool{false, true} {
		t.Run(map[bool]string{false: "memory", true: "spilled"}[spill], func(t *testing.T) { frontsReadBack(t, spill) })
	}
}

func frontsReadBack(t *testing.T, spill bool) {
	rng := rand.New(rand.NewPCG(1, 2))
	var all []byte // every block given, one after another
	given := map[string][]byte{}
	dir := t.TempDir()
	var made []*fronts
	read := func(n int) *fronts {
		f := newFronts()
		if spill && !f.spillTo(dir) {
			t.Fatal("no spill file")
		}
		made = append(made, f)
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
	f := newFronts()
	f.join(read(300))
	f.join(read(500))
	f.join(read(200))
	if got, want := f.afterFile(), int64(len(all)); got != want || len(all) < 3*frontBlock {
		t.Fatalf("%d bytes kept, want %d, over at least three blocks", got, want)
	}
	if held := f.memSize(); spill && (held > frontBlock || f.spilled == 0) {
		t.Fatalf("%d bytes in memory and %d in the spill file, want a block at most in memory", held, f.spilled)
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
	f.closeSpill()
	for _, m := range made {
		if m.spill != nil && m != f {
			t.Errorf("a read joined into another keeps its spill file open")
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("the spill files are left behind: %v", left)
	}
}
