package history

import (
	"io"

	"github.com/reliability-council/handbook/internal/load"
)

// fronts holds the frontmatter of every version a history names, by the
// version's id. The versions a store's file holds stay in it, read as they
// are asked for; those git gave since are in memory after them.
type fronts struct {
	at   map[string]load.Span
	file io.ReaderAt // the store's file; nil when there is none
	size int64       // the end of the file's stretch: a Span at or past it is in mem
	mem  []byte
}

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

// add keeps front as the frontmatter of the version id; nil when the
// version has none.
func (f *fronts) add(id string, front []byte) {
	if front == nil {
		f.at[id] = load.NoFront
		return
	}
	f.at[id] = load.Span{At: f.size + int64(len(f.mem)), Size: len(front)}
	f.mem = append(f.mem, front...)
}

// join adds the versions of more, which has no file, to f.
func (f *fronts) join(more *fronts) {
	base := f.size + int64(len(f.mem))
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
	f.mem = append(f.mem, more.mem...)
}

// ReadAt reads the frontmatter at off, as a Span of f names it.
func (f *fronts) ReadAt(p []byte, off int64) (int, error) {
	if off < f.size {
		return f.file.ReadAt(p, off)
	}
	off -= f.size
	if off > int64(len(f.mem)) {
		return 0, io.EOF
	}
	n := copy(p, f.mem[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
