package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"sort"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/chart"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// Job is a render under way: the site worked out, the theme parsed and the
// charts drawn, the pages not yet made. Its methods are safe to call from
// several goroutines.
type Job struct {
	site     *Site
	tmpls    map[string]*template.Template // by layout
	files    *themeFiles
	signer   *signer
	list     []*Page
	byFile   map[string]*Page
	assets   []File // published as they are
	rows     *rowCache
	partials *partialCache
	prev     *Output
}

// Prepare starts rendering the site of h with a theme, reusing what prev,
// which may be nil, made from the same inputs.
func Prepare(h *model.Handbook, theme fs.FS, prev *Output) (*Job, error) {
	s := newSite(h)
	assets, err := readAssets(theme)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	j := &Job{site: s, prev: prev, rows: newRowCache(h.Concerns, prev), partials: newPartialCache()}
	s.assets = make(map[string]string, len(assets))
	for _, a := range assets {
		s.assets[a.name] = a.path
		j.assets = append(j.assets, File{Path: a.path, Data: a.data})
	}
	j.tmpls, j.files, err = parseLayouts(theme, funcs(s, newMarkdown(s.Base), j.rows, j.partials))
	if err != nil {
		return nil, err
	}
	j.signer, err = newSigner(s, theme, assets)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	j.rows.tmpl, j.rows.shell = j.tmpls[layouts[0]], j.signer.shell
	j.partials.tmpl = j.tmpls[layouts[0]]
	s.Charts = charts(s, j.signer, prev)
	j.list = pages(s)
	j.byFile = make(map[string]*Page, len(j.list))
	for _, p := range j.list {
		p.Site = s
		j.byFile[p.File()] = p
	}
	return j, nil
}

// File makes the one file at path, as Finish will: a dev server shows a page
// with it while the rest are still being made. It reports false for a path
// the site does not have.
func (j *Job) File(path string) ([]byte, bool, error) {
	if p, ok := j.byFile[path]; ok {
		var buf bytes.Buffer
		if err := j.tmpls[p.Layout].ExecuteTemplate(&buf, "base.html", p); err != nil {
			return nil, true, j.files.error(err, p.Path)
		}
		return buf.Bytes(), true, nil
	}
	if path == sitemapFile {
		return sitemap(j.site, j.list), true, nil
	}
	for _, f := range j.assets {
		if f.Path == path {
			return f.Data, true, nil
		}
	}
	return nil, false, nil
}

// Finish makes every file of the site.
func (j *Job) Finish() (*Output, Stats, error) {
	pages, stats, err := j.execute(nil)
	if err != nil {
		return nil, Stats{}, err
	}
	out := &Output{
		pages: make(map[string]rendered, len(j.list)), rows: j.rows.cur.done,
		charts: j.site.Charts, chartsInputs: j.signer.charts(),
	}
	files := j.unpaged()
	for i, p := range j.list {
		out.pages[p.File()] = pages[i]
		files = append(files, File{Path: p.File(), Data: pages[i].data})
	}
	sort.Slice(files, func(a, b int) bool { return files[a].Path < files[b].Path })
	out.Files = files
	return out, stats, nil
}

func (j *Job) stream(emit func(File) error) (Stats, error) {
	_, stats, err := j.execute(emit)
	if err != nil {
		return Stats{}, err
	}
	for _, f := range j.unpaged() {
		if err := emit(f); err != nil {
			return Stats{}, err
		}
	}
	return stats, nil
}

const sitemapFile = "sitemap.xml"

// unpaged returns the files of the site that are not pages: the theme's
// assets and the sitemap.
func (j *Job) unpaged() []File {
	return slices.Concat(j.assets, []File{{Path: sitemapFile, Data: sitemap(j.site, j.list)}})
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

// execute renders the pages on every core, reusing those the last render
// made from the same inputs. With emit, each page goes to it as soon as it is
// made and none is kept; without, they come back in the order of j.list.
func (j *Job) execute(emit func(File) error) ([]rendered, Stats, error) {
	list, prev := j.list, j.prev
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
				inputs = j.signer.sign(p)
			}
			if prev != nil {
				if old, ok := prev.pages[p.File()]; ok && old.inputs == inputs {
					results[i] = old
					return
				}
			}
			buf.Reset()
			if err := j.tmpls[p.Layout].ExecuteTemplate(&buf, "base.html", p); err != nil {
				errs[i] = j.files.error(err, p.Path)
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
		return nil, Stats{}, err
	}
	if err := emitFailed.Load(); err != nil {
		return nil, Stats{}, *err
	}
	return results, Stats{Pages: len(list), Rendered: int(renders.Load())}, nil
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
