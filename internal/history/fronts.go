package history

import (
	"io"

	"github.com/reliability-council/handbook/internal/load"
)

// fronts holds the frontmatter of every version a history names, by the
// version's id. The versions a store's file holds stay in it, read as they
// are asked for; those git gave since are in memory after them, in blocks
// of frontBlock bytes, one after another: held in one slice grown as git
// gave them, the old slice and its larger copy were both live at each
// growth, 70 MB of a first build's 40 MB of frontmatter on the short shape.
type fronts struct {
	at   map[string]load.Span
	file io.ReaderAt // the store's file; nil when there is none
	size int64       // the end of the file's stretch: a Span at or past it is in mem
	mem  [][]byte    // each full, frontBlock bytes, but the last
}

// frontBlock is the size of the blocks of fronts' memory.
const frontBlock = 1 << 20

func newFronts() *fronts { return &fronts{at: map[string]load.Span{}} }

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

// add keeps front as the frontmatter of the version id; nil when the
// version has none.
func (f *fronts) add(id string, front []byte) {
	if front == nil {
		f.at[id] = load.NoFront
		return
	}
	f.at[id] = load.Span{At: f.size + f.memSize(), Size: len(front)}
	f.appendMem(front)
}

// appendMem adds b to the memory's end, filling the last block before it
// starts another.
func (f *fronts) appendMem(b []byte) {
	for len(b) > 0 {
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
	base := f.size + f.memSize()
	for id, s := range more.at {
		if s != load.NoFront {
			s.At += base
		}
		f.at[id] = s
	}
	if len(f.mem) == 0 {
		f.mem = more.mem // a first read: all of it, tens of megabytes, not copied
		return
	}
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
	if off > f.memSize() {
		return 0, io.EOF
	}
	n := 0
	for block := int(off / frontBlock); n < len(p) && block < len(f.mem); block++ {
		n += copy(p[n:], f.mem[block][off%frontBlock:])
		off = 0
	}
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
