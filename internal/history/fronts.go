package history

import (
	"io"
	"os"

	"github.com/reliability-council/handbook/internal/load"
)

// fronts holds the frontmatter of every version a history names, by the
// version's id. The versions a store's file holds stay in it, read as they
// are asked for; those git gave since come after them, in blocks of
// frontBlock bytes, one after another: held in one slice grown as git
// gave them, the old slice and its larger copy were both live at each
// growth, 70 MB of a first build's 40 MB of frontmatter on the short shape.
// With a spill file, each block goes there once it is full, and only the
// last is in memory: a first build's site, read meanwhile, waits for the
// history beside it, and the two were the most a build of short bodies and
// long lists held.
type fronts struct {
	at   map[string]load.Span
	file io.ReaderAt // the store's file; nil when there is none
	size int64       // the end of the file's stretch: a Span at or past it is after it
	// spill holds the first spilled bytes after the file's stretch, the
	// full blocks written there so far; nil for none. While spilling, the
	// next full block goes there too.
	spill    *os.File
	spilled  int64
	spilling bool
	mem      [][]byte // after those, each full, frontBlock bytes, but the last
}

// frontBlock is the size of the blocks of fronts' memory.
const frontBlock = 1 << 20

func newFronts() *fronts { return &fronts{at: map[string]load.Span{}} }

// spillTo has f write its full blocks to a new file in dir, which no name
// keeps once f is done with it; false when it cannot make one, and f
// keeps them in memory.
func (f *fronts) spillTo(dir string) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	file, err := os.CreateTemp(dir, ".versions-*")
	if err != nil {
		return false
	}
	// Where the system allows it, the name goes at once, and the file with
	// the process whatever becomes of it; elsewhere, when f closes it.
	_ = os.Remove(file.Name())
	f.spill, f.spilling = file, true
	return true
}

// closeSpill lets go of the spill file, once nothing reads f again.
func (f *fronts) closeSpill() {
	if f.spill != nil {
		_ = f.spill.Close()
		_ = os.Remove(f.spill.Name())
		f.spill, f.spilled, f.spilling = nil, 0, false
	}
}

// has reports whether the version id is read already.
func (f *fronts) has(id string) bool {
	_, ok := f.at[id]
	return ok
}

// span returns where the frontmatter of the version id is; NoFront when it
// has none or was never read.
func (f *fronts) span(id string) load.Span {
	if s, ok := f.at[id]; ok {
		return s
	}
	return load.NoFront
}

// memSize is how many bytes of frontmatter f holds in memory.
func (f *fronts) memSize() int64 {
	if len(f.mem) == 0 {
		return 0
	}
	return int64(len(f.mem)-1)*frontBlock + int64(len(f.mem[len(f.mem)-1]))
}

// afterFile is how many bytes of frontmatter f holds past the file's
// stretch: spilled, then in memory.
func (f *fronts) afterFile() int64 { return f.spilled + f.memSize() }

// add keeps front as the frontmatter of the version id; nil when the
// version has none.
func (f *fronts) add(id string, front []byte) {
	if front == nil {
		f.at[id] = load.NoFront
		return
	}
	f.at[id] = load.Span{At: f.size + f.afterFile(), Size: len(front)}
	f.appendMem(front)
}

// appendMem adds b to the memory's end, filling the last block before it
// starts another.
func (f *fronts) appendMem(b []byte) {
	for len(b) > 0 {
		if f.spilling && len(f.mem) == 1 && len(f.mem[0]) == frontBlock {
			if _, err := f.spill.WriteAt(f.mem[0], f.spilled); err == nil {
				f.spilled += frontBlock
				f.mem[0] = f.mem[0][:0]
			} else {
				f.spilling = false // what is spilled stays there; the rest in memory
			}
		}
		if len(f.mem) == 0 || len(f.mem[len(f.mem)-1]) == frontBlock {
			f.mem = append(f.mem, make([]byte, 0, frontBlock))
		}
		last := &f.mem[len(f.mem)-1]
		n := min(len(b), frontBlock-len(*last))
		*last = append(*last, b[:n]...)
		b = b[n:]
	}
}

// join adds the versions of more, which has no file, to f.
func (f *fronts) join(more *fronts) {
	base := f.size + f.afterFile()
	for id, s := range more.at {
		if s != load.NoFront {
			s.At += base
		}
		f.at[id] = s
	}
	if f.afterFile() == 0 {
		// A first read: all of it, tens of megabytes, not copied.
		f.closeSpill()
		f.spill, f.spilled, f.spilling, f.mem = more.spill, more.spilled, more.spilling, more.mem
		more.spill, more.mem = nil, nil // f's now
		return
	}
	block := make([]byte, frontBlock)
	for off := int64(0); off < more.spilled; off += frontBlock {
		n, _ := more.spill.ReadAt(block, off)
		f.appendMem(block[:n])
	}
	more.closeSpill()
	for _, b := range more.mem {
		f.appendMem(b)
	}
}

// ReadAt reads the frontmatter at off, as a Span of f names it.
func (f *fronts) ReadAt(p []byte, off int64) (int, error) {
	if off < f.size {
		return f.file.ReadAt(p, off)
	}
	off -= f.size
	n := 0
	if off < f.spilled {
		m, err := f.spill.ReadAt(p[:min(int64(len(p)), f.spilled-off)], off)
		if err != nil {
			return m, err
		}
		n, off = m, f.spilled
	}
	off -= f.spilled
	if off > f.memSize() {
		return n, io.EOF
	}
	for block := int(off / frontBlock); n < len(p) && block < len(f.mem); block++ {
		n += copy(p[n:], f.mem[block][off%frontBlock:])
		off = 0
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
