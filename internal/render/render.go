package render

import (
	"html/template"
	"io/fs"

	"github.com/reliability-council/handbook/internal/chart"
	"github.com/reliability-council/handbook/internal/model"
)

// File is one file of the built site.
type File struct {
	Path string // relative to the output folder, with forward slashes
	Data []byte
}

// Output is a rendered site, with what each page was made from, so that the
// next render can reuse every page whose inputs did not change.
type Output struct {
	Files []File // sorted by path
	pages map[string]rendered
	rows  map[uint64]template.HTML // concern rows, by what they show
	// charts and what they were made from, for the next render to reuse.
	charts       *chart.Set
	chartsInputs uint64
}

type rendered struct {
	inputs uint64
	data   []byte
}

// Stats counts the work a render did.
type Stats struct {
	Pages    int // pages in the site
	Rendered int // pages whose templates ran; the others were reused
}

// Render makes every file of the site from the handbook and a theme. Pages
// whose inputs are the same as in prev are taken from it instead of being
// rendered again; prev may be nil. The result depends on nothing but its
// inputs.
func Render(h *model.Handbook, theme fs.FS, prev *Output) (*Output, Stats, error) {
	j, err := Prepare(h, theme, prev)
	if err != nil {
		return nil, Stats{}, err
	}
	return j.Finish()
}

// Stream makes every file of the site as Render does, but hands each to emit
// as soon as it is made, from several goroutines, and keeps none: memory
// stays flat however large the site. emit must not keep a file's Data after
// it returns. Stream returns the first error of emit. It uses the handbook
// up: each Markdown body is let go once its page is made, so h cannot be
// rendered again.
func Stream(h *model.Handbook, theme fs.FS, emit func(File) error) (Stats, error) {
	j, err := Prepare(h, theme, nil)
	if err != nil {
		return Stats{}, err
	}
	return j.stream(emit)
}
