package write

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/reliability-council/handbook/internal/render"
)

// spillAt is how large a file written a piece at a time grows in memory
// before it goes to a file of its own as it is written.
const spillAt = 1 << 20

// pieces is a file of the site written a piece at a time. Most such files
// are small: gathered, they are written whole as any other, by whole. One
// that grows past spillAt goes to the file open names, as it is written,
// and done finishes it once it is closed.
type pieces struct {
	path  string // in the site
	buf   *[]byte
	whole func(render.File) error
	open  func() (p string, done func() error, err error)

	file *os.File // once spilled
	w    *bufio.Writer
	done func() error
}

// gathered keeps the memory files were gathered in, for the next ones,
// one for each core that may be writing one, up to keptGathered. Not a
// sync.Pool, which every collection empties: a build paced by its memory
// limit collects several times a second, and most of its lists of a few
// hundred kilobytes grew their memory anew, by doubling: 28 MB of the 290
// MB that the pages of a handbook of 5,000 meetings allocate.
var gathered = make(chan *[]byte, min(runtime.GOMAXPROCS(0), keptGathered))

// keptGathered bounds what gathered holds, each up to spillAt, for the
// whole build: on a machine of many cores, a megabyte a core would count
// against the build's memory budget.
const keptGathered = 4

func newPieces(path string, whole func(render.File) error, open func() (string, func() error, error)) *pieces {
	var buf *[]byte
	select {
	case buf = <-gathered:
		*buf = (*buf)[:0]
	default:
		buf = new([]byte)
	}
	return &pieces{path: path, buf: buf, whole: whole, open: open}
}

func (f *pieces) Write(b []byte) (int, error) {
	if f.file == nil && len(*f.buf)+len(b) <= spillAt {
		*f.buf = append(*f.buf, b...)
		return len(b), nil
	}
	if f.file == nil {
		if err := f.spill(); err != nil {
			return 0, err
		}
	}
	return f.w.Write(b)
}

// spill opens the file and writes what was gathered to it.
func (f *pieces) spill() error {
	p, done, err := f.open()
	if err == nil {
		f.file, err = os.Create(p)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", f.path, cause(err))
	}
	f.w, f.done = bufio.NewWriterSize(f.file, 64<<10), done
	_, err = f.w.Write(*f.buf)
	f.release()
	return err
}

// release hands back the memory the file was gathered in.
func (f *pieces) release() {
	if f.buf == nil {
		return
	}
	select {
	case gathered <- f.buf:
	default:
	}
	f.buf = nil
}

func (f *pieces) Close() error {
	if f.file == nil {
		defer f.release()
		return f.whole(render.File{Path: f.path, Data: *f.buf})
	}
	err := f.w.Flush()
	if cerr := f.file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", f.path, cause(err))
	}
	return f.done()
}

// sameFiles reports whether the files at a and b hold the same bytes.
func sameFiles(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	ia, errA := fa.Stat()
	ib, errB := fb.Stat()
	if errA != nil || errB != nil || !ia.Mode().IsRegular() || ia.Size() != ib.Size() {
		return false
	}
	ca, cb := chunks.Get().(*[]byte), chunks.Get().(*[]byte)
	defer chunks.Put(ca)
	defer chunks.Put(cb)
	for {
		na, errA := io.ReadFull(fa, *ca)
		nb, errB := io.ReadFull(fb, (*cb)[:len(*ca)])
		if na != nb || !bytes.Equal((*ca)[:na], (*cb)[:nb]) {
			return false
		}
		if errA != nil || errB != nil { // the end of both, or a failed read
			return errA == errB || (errA == io.ErrUnexpectedEOF && errB == io.ErrUnexpectedEOF)
		}
	}
}
