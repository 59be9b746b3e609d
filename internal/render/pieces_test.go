package render

import (
	"bytes"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/resolve"
)

// pieceOutput keeps every file Run puts in it, and which came a piece at a
// time.
type pieceOutput struct {
	mu       sync.Mutex
	files    map[string][]byte
	inPieces map[string]bool
}

func (o *pieceOutput) Write(f File) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.files[f.Path] = bytes.Clone(f.Data) // Run may reuse what it hands over
	return nil
}

func (o *pieceOutput) Create(path string) (io.WriteCloser, error) {
	return &pieceFile{o: o, path: path}, nil
}

type pieceFile struct {
	o    *pieceOutput
	path string
	bytes.Buffer
}

func (f *pieceFile) Close() error {
	f.o.mu.Lock()
	defer f.o.mu.Unlock()
	f.o.files[f.path], f.o.inPieces[f.path] = f.Bytes(), true
	return nil
}

// TestLongPagesGoOutInPieces renders a handbook whose lists of concerns
// and actions run past one piece of the page buffer, and the longest past
// the four a page is held in before it goes out as it is made: those pages
// go out a piece at a time, the others whole, and every page is what the
// page made alone is. A piece is 64 KiB.
func TestLongPagesGoOutInPieces(t *testing.T) {
	dir := t.TempDir()
	site := gensite.Generate(gensite.Options{Concerns: 600, Meetings: 30, Teams: 4, Seed: 5})
	if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	src, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h, err := resolve.Resolve(src, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	theme, err := load.Theme(dir, "default")
	if err != nil {
		t.Fatal(err)
	}
	j, err := Prepare(h, theme, src.Bodies(), nil)
	if err != nil {
		t.Fatal(err)
	}
	out := &pieceOutput{files: map[string][]byte{}, inPieces: map[string]bool{}}
	if _, err := j.Run(out); err != nil {
		t.Fatal(err)
	}
	pages, longest := 0, 0
	for _, p := range j.list {
		path := pageFile(p)
		got := out.files[path]
		want, _, err := j.File(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %d bytes from Run, %d made alone", path, len(got), len(want))
		}
		if long := len(want) > 64<<10; out.inPieces[path] != long {
			t.Errorf("%s: %d bytes, in pieces: %v", path, len(want), out.inPieces[path])
		}
		if out.inPieces[path] {
			pages++
		}
		longest = max(longest, len(want))
	}
	if pages == 0 {
		t.Error("no page was long enough to go out in pieces")
	}
	if longest <= 4*64<<10 {
		t.Errorf("the longest page is %d bytes: none went out as it was made", longest)
	}
}
