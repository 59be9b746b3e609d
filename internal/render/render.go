package render

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/reliability-council/handbook/internal/chart"
	"html/template"
	"io/fs"
	"sort"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
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
	return render(h, theme, prev, nil)
}

// Stream makes every file of the site as Render does, but hands each to emit
// as soon as it is made, from several goroutines, and keeps none: memory
// stays flat however large the site. emit must not keep a file's Data after
// it returns. Stream returns the first error of emit. It uses the handbook
// up: each Markdown body is let go once its page is made, so h cannot be
// rendered again.
func Stream(h *model.Handbook, theme fs.FS, emit func(File) error) (Stats, error) {
	_, stats, err := render(h, theme, nil, emit)
	return stats, err
}

func render(h *model.Handbook, theme fs.FS, prev *Output, emit func(File) error) (*Output, Stats, error) {
	s := newSite(h)
	assets, err := readAssets(theme)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("theme: %w", err)
	}
	s.assets = make(map[string]string, len(assets))
	published := make([]File, 0, len(assets)+len(h.Concerns)+len(h.Teams)+len(h.Meetings)+16)
	for _, a := range assets {
		s.assets[a.name] = a.path
		published = append(published, File{Path: a.path, Data: a.data})
	}

	md := newMarkdown(s.Base)
	rows := newRowCache(prev)
	partials := newPartialCache()
	tmpls, files, err := parseLayouts(theme, funcs(s, md, rows, partials))
	if err != nil {
		return nil, Stats{}, err
	}
	signer, err := newSigner(s, theme, assets)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("theme: %w", err)
	}
	rows.tmpl, rows.shell = tmpls[layouts[0]], signer.shell
	partials.tmpl = tmpls[layouts[0]]
	s.Charts = charts(s, signer, prev)
	list := pages(s)
	for _, p := range list {
		p.Site = s
	}
	out := &Output{pages: make(map[string]rendered, len(list)), rows: rows.cur.done, charts: s.Charts, chartsInputs: signer.charts()}
	stats, err := execute(tmpls, files, signer, list, prev, out, emit)
	if err != nil {
		return nil, Stats{}, err
	}
	published = append(published, File{Path: "sitemap.xml", Data: sitemap(s, list)})
	if emit != nil {
		for _, f := range published {
			if err := emit(f); err != nil {
				return nil, Stats{}, err
			}
		}
		return out, stats, nil
	}
	for _, p := range list {
		published = append(published, File{Path: p.File(), Data: out.pages[p.File()].data})
	}
	sort.Slice(published, func(i, j int) bool { return published[i].Path < published[j].Path })
	out.Files = published
	return out, stats, nil
}

// charts computes the handbook's charts, or takes them from prev when
// nothing they show has changed: they show the frontmatter of everything.
func charts(s *Site, signer *signer, prev *Output) *chart.Set {
	if prev != nil && prev.charts != nil && prev.chartsInputs == signer.charts() {
		return prev.charts
	}
	return chart.Build(s.Handbook, func(v any) string {
		p, _ := pathOf(v)
		return s.Base + p
	})
}

// execute renders the pages on every core, reusing those prev already has
// with the same inputs.
func execute(tmpls map[string]*template.Template, files *themeFiles, signer *signer, list []*Page, prev *Output, out *Output, emit func(File) error) (Stats, error) {
	results := make([]rendered, len(list))
	errs := make([]error, len(list))
	var renders atomic.Int64
	var emitFailed atomic.Pointer[error] // the first: after it, nothing more is written
	order := renderOrder(list, emit != nil)
	parallel.Each(len(list), func() func(int) {
		var buf bytes.Buffer
		return func(n int) {
			i := order[n]
			p := list[i]
			if emit != nil {
				defer p.releaseBody()
			}
			var inputs uint64
			if emit == nil { // kept for the next render, which compares them
				inputs = signer.sign(p)
			}
			if prev != nil {
				if old, ok := prev.pages[p.File()]; ok && old.inputs == inputs {
					results[i] = old
					return
				}
			}
			buf.Reset()
			if err := tmpls[p.Layout].ExecuteTemplate(&buf, "base.html", p); err != nil {
				errs[i] = files.error(err, p.Path)
				return
			}
			renders.Add(1)
			defer releaseLarge(&buf)
			if emit != nil {
				if emitFailed.Load() == nil {
					if err := emit(File{Path: p.File(), Data: buf.Bytes()}); err != nil {
						emitFailed.CompareAndSwap(nil, &err)
					}
				}
				return
			}
			results[i] = rendered{inputs: inputs, data: bytes.Clone(buf.Bytes())}
		}
	})

	if err := firstPerLayout(list, errs); err != nil {
		return Stats{}, err
	}
	if err := emitFailed.Load(); err != nil {
		return Stats{}, *err
	}
	if emit == nil {
		for i, p := range list {
			out.pages[p.File()] = results[i]
		}
	}
	return Stats{Pages: len(list), Rendered: int(renders.Load())}, nil
}

// renderOrder returns the order in which to render list. Streamed, the pages
// of a content file go first and the lists last: the lists' large buffers
// then come when the bodies, let go page by page, are gone.
func renderOrder(list []*Page, streamed bool) []int {
	order := make([]int, 0, len(list))
	for i, p := range list {
		if !streamed || p.Source != "" {
			order = append(order, i)
		}
	}
	for i, p := range list {
		if streamed && p.Source == "" {
			order = append(order, i)
		}
	}
	return order
}

// largeBuffer is the size above which a worker lets its buffer go after a
// page instead of keeping it for the next: only the few lists of every
// concern grow that big, and holding their buffers through the thousands of
// small pages after them would waste megabytes.
const largeBuffer = 1 << 20

func releaseLarge(buf *bytes.Buffer) {
	if buf.Cap() > largeBuffer {
		*buf = bytes.Buffer{}
	}
}

// firstPerLayout keeps the first error of each layout: a broken template
// fails every page that uses it, and one message is enough.
func firstPerLayout(list []*Page, errs []error) error {
	failed := map[string]bool{}
	var found model.ErrorList
	var other []error
	for i, err := range errs {
		if err == nil || failed[list[i].Layout] {
			continue
		}
		failed[list[i].Layout] = true
		var placed model.ErrorList
		if errors.As(err, &placed) {
			found = append(found, placed...)
		} else {
			other = append(other, err)
		}
	}
	if len(other) > 0 {
		return errors.Join(other...)
	}
	if len(found) > 0 {
		found.Sort()
		return found
	}
	return nil
}
