package render

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/chart"
	"github.com/reliability-council/handbook/internal/execute"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
	"github.com/reliability-council/handbook/internal/reads"
	"github.com/reliability-council/handbook/internal/search"
)

// Job is a render under way: the site worked out, the theme parsed and
// checked, the charts drawn, the pages not yet made. Its methods are safe
// to call from several goroutines. Rendering never changes the handbook.
type Job struct {
	site      *Site
	compiled  map[string]*compiledLayout // by layout, to run
	files     *themeFiles
	deps      *deps
	list      []*Page
	assets    map[string][]byte // published as they are, by file
	generated map[string]generated
	siteMap   *Map
	rows      *rowCache
	partials  *partialCache
	cache     *Cache // where this render leaves what it made; nil when no render follows
	last      *kept  // what the last render made, as it was when this one was prepared; nil without a cache
	bodies    Bodies
}

// Prepare starts rendering the site of h with a theme, the text of its
// bodies taken from bodies. With a cache, the render takes from it every
// page and row made last time from the same inputs, and leaves its own
// there for the next; cache may be nil.
func Prepare(h *model.Handbook, theme fs.FS, bodies Bodies, cache *Cache) (*Job, error) {
	s := newSite(h)
	// The charts are worked out beside the rest, which does not need them.
	charts := make(chan *chart.Set, 1)
	go func() {
		charts <- chart.Build(h, s.link)
	}()
	defer func() {
		s.Charts = <-charts
		s.Risk = newRisk(h, s.Charts)
	}()
	assets, err := readAssets(theme)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	var last *kept
	if cache != nil {
		k := cache.kept
		last = &k
	}
	j := &Job{
		site: s, cache: cache, last: last, bodies: bodies, assets: make(map[string][]byte, len(assets)),
		rows: newRowCache(h.Concerns, last), partials: newPartialCache(),
	}
	s.assets = make(map[string]string, len(assets))
	for _, a := range assets {
		s.assets[a.name] = a.path
		j.assets[a.path] = a.data
	}
	markdown := newMarkdown(s.Base).writer(bodies)
	described := funcs(s, markdown, j.rows, j.partials)
	funcMap := reads.FuncMap(described)
	parsed, err := parseTheme(theme, funcMap, described, cache.keptTheme())
	if err != nil {
		return nil, err
	}
	j.files, j.deps = parsed.files, newDeps(s, theme, parsed)
	if cache == nil {
		j.compiled = compileLayouts(parsed.tmpls, funcMap, htmlWriters(markdown), j.deps.runByName())
	} else {
		j.compiled = cache.keepTheme(parsed).compile(funcMap, htmlWriters(markdown), j.deps.runByName())
	}
	j.rows.tmpl, j.rows.deps = j.compiled[layouts[0]], j.deps
	j.partials.tmpl = j.compiled[layouts[0]]
	j.list = pages(s)
	var searchCache *search.Cache // the index has a cache of its own
	if cache != nil {
		searchCache = cache.search
	}
	index := search.New(h, s.link, bodies, searchCache)
	s.SearchFilters = index.Filters()
	j.generated = generatedFiles(s, j.list, index)
	j.siteMap, err = newMap(j.list, assets, slices.Sorted(maps.Keys(j.generated)))
	if err != nil {
		return nil, err
	}
	return j, nil
}

// FileWithBodies makes the page at path, as File does, when it is the page
// of one of the content files in bodies, with that file's body as given
// there. It reports false for any other path, and for a page that fails.
func (j *Job) FileWithBodies(path string, bodies map[string]model.Markdown) ([]byte, bool) {
	p, ok := j.siteMap.page(path)
	if !ok {
		return nil, false
	}
	body, ok := bodies[p.Source]
	if !ok {
		return nil, false
	}
	data, err := j.page(p.withBody(body))
	return data, err == nil
}

// page makes p alone, in a buffer of its own.
func (j *Job) page(p *Page) ([]byte, error) {
	var buf execute.Buffer
	if err := j.execute(&buf, p); err != nil {
		return nil, err
	}
	return buf.Copy(), nil
}

// Map returns the site's map: its files, their URLs, the assets' names.
func (j *Job) Map() *Map { return j.siteMap }

// File makes the one file at path, as Run does: a dev server shows a page
// with it while the rest are still being made. It reports false for a path
// the site does not have.
func (j *Job) File(path string) ([]byte, bool, error) {
	if p, ok := j.siteMap.page(path); ok {
		data, err := j.page(p)
		return data, true, err
	}
	if _, ok := j.generated[path]; ok {
		return j.generate(path), true, nil
	}
	data, ok := j.assets[path]
	return data, ok, nil
}

// Sample makes one page of every layout and throws it away: what would
// fail while rendering fails here too, at a fraction of the cost of making
// every page. (What in a body would cost the Markdown renderer far more
// than its length, check finds as it reads the sources: CheckBody.) The
// pages are made on every core; each makes only the concern rows it shows.
func (j *Job) Sample() error {
	seen := map[string]bool{}
	var sample []*Page
	for _, p := range j.list {
		if !seen[p.Layout] {
			seen[p.Layout] = true
			sample = append(sample, p)
		}
	}
	errs := make([]error, len(sample))
	parallel.Each(len(sample), func() func(int) {
		var buf execute.Buffer
		return func(i int) {
			buf.Reset()
			errs[i] = j.execute(&buf, sample[i])
		}
	})
	j.rows.wait()
	return joinErrors(errs)
}

// Stats counts the work a render did.
type Stats struct {
	Pages    int // pages in the site
	Rendered int // pages whose templates ran; the others came from the cache
}

// Run makes every file of the site and puts each in out as soon as it is
// made, from several goroutines at once; out must not keep a file's Data
// after Write returns unless the job has a cache. The pages in first are
// made before the others: the dev server shows those someone has open as
// soon as they are ready. Run stops at the first error of out and returns
// it. Without a cache, the generated files are written into out a piece
// at a time; with one, they are kept whole for the next render. Once Run
// succeeds, the cache holds this render's pages and rows.
func (j *Job) Run(out Output, first ...string) (Stats, error) {
	var (
		rendered  atomic.Int64
		stopped   atomic.Bool
		outErr    error
		outOnce   sync.Once
		errs      = make([]error, len(j.list))
		signed    []signedPage
		keepPages = j.cache != nil
		// A first render has no pages to compare with: it signs its own
		// for the next render once they are all made, beside whatever
		// comes next, rather than before each.
		signAfter = keepPages && j.last.pages == nil
	)
	if keepPages {
		signed = make([]signedPage, len(j.list))
	}
	j.rows.shared.Store(true)
	fail := func(err error) {
		if err != nil {
			outOnce.Do(func() { outErr = err })
			stopped.Store(true)
		}
	}
	send := func(f File) { fail(out.Write(f)) }
	stream := func(path string, write func(io.Writer) error) {
		w, err := out.Create(path)
		if err != nil {
			fail(err)
			return
		}
		err = write(w)
		fail(errors.Join(err, w.Close()))
	}
	order, showsRows, tables := j.order(first)
	if !keepPages {
		j.rows.expectTables(tables)
	}
	parallel.Each(len(order), func() func(int) {
		var buf pageBuffer
		return func(n int) {
			if stopped.Load() {
				return
			}
			i := order[n]
			p := j.list[i]
			if !keepPages && showsRows[p.Layout] {
				defer j.rows.tableMade()
			}
			file := pageFile(p)
			if keepPages && !signAfter {
				sig := j.deps.page(p)
				if data, ok := j.last.page(file, sig); ok {
					signed[i] = signedPage{sig: sig, data: data}
					send(File{Path: file, Data: data})
					return
				}
				signed[i].sig = sig
			}
			buf.start(p.Layout)
			if !keepPages {
				// A list of thousands goes out as it is made, rather than
				// held whole: at 50,000 concerns, the list of every
				// concern is 43 MB.
				buf.SpillTo(func() (io.WriteCloser, error) { return out.Create(file) })
			}
			if err := j.execute(&buf.Buffer, p); err != nil {
				errs[i] = err
				_ = buf.Finish() // the page failed, and the build with it
				return
			}
			rendered.Add(1)
			switch {
			case keepPages:
				signed[i].data = buf.Copy()
				send(File{Path: file, Data: signed[i].data})
			case buf.Spilled():
				if err := buf.Finish(); err != nil {
					fail(fmt.Errorf("page /%s: %w", p.Path, err))
				}
			case buf.Whole():
				send(File{Path: file, Data: buf.Bytes()})
			default:
				// A page of many pieces, a list of thousands, goes out
				// piece by piece rather than joined into a copy.
				stream(file, func(w io.Writer) error {
					_, err := buf.WriteTo(w)
					return err
				})
			}
		}
	})
	j.rows.wait()
	if err := firstPerLayout(j.list, errs); err != nil {
		return Stats{}, err
	}
	if !keepPages {
		j.rows.forget()
		j.partials.done.forget()
	}
	// The generated files after the pages, once the rows and partials are
	// let go: the largest take tens of megabytes while they are made. One
	// per core at a time, so that the data files, each made on one core,
	// leave no core idle beside them.
	generated := slices.Sorted(maps.Keys(j.generated))
	var made [][]byte // kept for the cache
	if keepPages {
		made = make([][]byte, len(generated))
	}
	parallel.Each(len(generated), func() func(int) {
		return func(i int) {
			if stopped.Load() {
				return
			}
			if !keepPages {
				stream(generated[i], j.generated[generated[i]].write)
				return
			}
			made[i] = j.generate(generated[i])
			send(File{Path: generated[i], Data: made[i]})
		}
	})
	for _, path := range slices.Sorted(maps.Keys(j.assets)) {
		send(File{Path: path, Data: j.assets[path]})
	}
	if outErr != nil {
		return Stats{}, outErr
	}
	if keepPages {
		next := kept{
			pages:     &signedPages{ready: make(chan struct{}), byFile: make(map[string]signedPage, len(j.list))},
			rows:      j.rows.made.all(),
			generated: make(map[string]signedPage, len(generated)),
		}
		keep := func() {
			for i, p := range j.list {
				next.pages.byFile[pageFile(p)] = signed[i]
			}
			close(next.pages.ready)
		}
		if signAfter {
			go func() {
				parallel.Each(len(j.list), func() func(int) {
					return func(i int) { signed[i].sig = j.deps.page(j.list[i]) }
				})
				keep()
			}()
		} else {
			keep()
		}
		for i, path := range generated {
			if from := j.generated[path].from; from != nil {
				next.generated[path] = signedPage{sig: from(), data: made[i]}
			}
		}
		j.cache.kept = next
	}
	return Stats{Pages: len(j.list), Rendered: int(rendered.Load())}, nil
}

// order returns the indexes of the pages in the order to make them: those
// published as the files in first; then those that may show concern rows
// (showsRows), so that a build lets the rows go once they are made; then
// the rest. It counts the pages that may show rows.
func (j *Job) order(first []string) (order []int, showsRows map[string]bool, tables int) {
	order = make([]int, 0, len(j.list))
	early := make(map[*Page]bool, len(first))
	for _, f := range first {
		if p, ok := j.siteMap.page(f); ok && !early[p] {
			early[p] = true
		}
	}
	showsRows = make(map[string]bool, len(layouts))
	for _, l := range layouts {
		showsRows[l] = j.deps.showsRows(l)
	}
	for _, p := range j.list {
		if showsRows[p.Layout] {
			tables++
		}
	}
	for _, take := range []func(p *Page) bool{
		func(p *Page) bool { return early[p] },
		func(p *Page) bool { return !early[p] && showsRows[p.Layout] },
		func(p *Page) bool { return !early[p] && !showsRows[p.Layout] },
	} {
		for i, p := range j.list {
			if take(p) {
				order = append(order, i)
			}
		}
	}
	return order, showsRows, tables
}

// execute renders page p into buf.
func (j *Job) execute(buf *execute.Buffer, p *Page) error {
	if err := j.compiled[p.Layout].get().Execute(buf, baseLayout, p); err != nil {
		var content model.ErrorList
		if errors.As(err, &content) {
			return content // a body's problem, at its place in the content
		}
		return j.files.error(err, p.Path)
	}
	return nil
}

// pageBuffer is a worker's buffer for its pages. It keeps its memory from
// one page to the next of the same layout, however much that is, and lets
// a large buffer go when the layout changes. Only lists grow large: a list
// of every concern is one of a kind, and holding its megabytes through the
// thousands of small pages after it would waste them; but the lists of a
// tag's or a team's concerns come one after another, and growing a buffer
// for each afresh, through new memory the system must hand over, cost a
// tenth of a build whose tags and teams have hundreds of concerns each.
type pageBuffer struct {
	execute.Buffer
	layout string // of the last page made in it
}

// largeBuffer is the size of a buffer let go when the layout changes.
const largeBuffer = 1 << 20

// start empties the buffer for a page of layout.
func (b *pageBuffer) start(layout string) {
	if b.Size() > largeBuffer && layout != b.layout {
		b.Buffer = execute.Buffer{}
	}
	b.layout = layout
	b.Reset()
}

// firstPerLayout keeps the first error of each layout: a broken template
// fails every page that uses it, and one message is enough. Problems of
// the content, each at its own place, are all kept.
func firstPerLayout(list []*Page, errs []error) error {
	failed := map[string]bool{}
	var kept []error
	for i, err := range errs {
		var content model.ErrorList
		if errors.As(err, &content) {
			kept = append(kept, err)
			continue
		}
		if err == nil || failed[list[i].Layout] {
			continue
		}
		failed[list[i].Layout] = true
		kept = append(kept, err)
	}
	return joinErrors(kept)
}

// joinErrors returns the errors as one: a model.ErrorList when each has a
// place, sorted, each once.
func joinErrors(errs []error) error {
	var found model.ErrorList
	var other []error
	for _, err := range errs {
		var placed model.ErrorList
		if err == nil {
			continue
		}
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
		// A body shown on several pages fails each of them the same way.
		return slices.CompactFunc(found, func(a, b *model.Error) bool { return *a == *b })
	}
	return nil
}
