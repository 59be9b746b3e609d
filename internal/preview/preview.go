// Package preview runs the local preview, handbook serve: it builds the
// site into memory, serves it, watches the sources and rebuilds on every
// save, telling open pages exactly what changed. It decides; the command
// line only reports what it hears from a Reporter.
package preview

import (
	"bytes"
	"context"
	"errors"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/serve"
	"github.com/reliability-council/handbook/internal/watch"
	"github.com/reliability-council/handbook/internal/write"
)

// Options configure a preview.
type Options struct {
	Dir      string       // the site folder
	Listener net.Listener // where to serve
	Hosts    []string     // host names to answer to besides this machine's
	Today    func() (time.Time, error)
	Report   Reporter
}

// Reporter hears what the preview does, to tell the person running it.
type Reporter interface {
	// Serving: the site is served below base on the listener.
	Serving(base string)
	// Built: a build finished and is served.
	Built(b Built)
	// Failed: a build failed; the last good one, if any, is still served.
	Failed(errs model.ErrorList, stillServing bool)
	// Problem: something to know that stops nothing, such as a watcher
	// error or a baseURL that moved.
	Problem(msg string)
}

// Built describes one finished build.
type Built struct {
	Took     time.Duration
	Pages    int // in the site
	Rendered int // pages whose templates ran
	Changed  int // files that differ from the last build's
}

// Run previews the site until ctx is done. It returns an error only when
// the watcher or the server cannot run; problems with the sources are
// reported and the preview goes on.
func Run(ctx context.Context, o Options) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	p := &preview{opts: o, session: build.NewSession(o.Dir)}
	start := time.Now()
	// The folders are watched while the sources are read: on a large
	// handbook, setting up the watches takes a tenth of a second.
	watching := make(chan watched, 1)
	go func() {
		w, err := watch.New(watch.Options{
			Recursive: []string{filepath.Join(o.Dir, load.ContentDir), filepath.Join(o.Dir, load.ThemesDir)},
			Shallow:   []string{o.Dir},
			Ignore:    p.ignored,
		})
		watching <- watched{w, err}
	}()
	first := p.start(nil)
	if first != nil {
		// Show pages as they are asked for while the rest are made: a large
		// handbook's pages take seconds, its sources a fraction of that.
		p.server.Preview(newPendingSite(first))
	}
	served := make(chan error, 1)
	go func() { served <- p.server.Serve(ctx, o.Listener) }()
	ready := <-watching
	if ready.err != nil {
		stop()
		<-served
		return ready.err
	}
	w := ready.watcher
	defer func() { _ = w.Close() }()

	o.Report.Serving(p.base)
	if first != nil {
		p.finish(first, nil, start)
	}
	for {
		select {
		case <-ctx.Done():
			return <-served
		case err := <-served:
			return err
		case batch, ok := <-w.Batches():
			if !ok {
				return nil
			}
			if batch.Err != nil {
				o.Report.Problem("watching: " + batch.Err.Error())
			}
			if batch.Overflow {
				p.rebuild(nil)
				continue
			}
			if changed := p.sources(batch.Paths); len(changed) > 0 {
				p.rebuild(changed)
			}
		}
	}
}

// watched is a watcher, or why there is none.
type watched struct {
	watcher *watch.Watcher
	err     error
}

// preview is one run of handbook serve: a build session, the server that
// shows its last good build, and what that build was.
type preview struct {
	opts    Options
	session *build.Session
	server  *serve.Server // made by the first build, which knows the baseURL
	base    string        // the baseURL's path, where the site is served
	shown   *memorySite   // the last good build; nil before the first
	// ahead are the pages served over shown ahead of the build under way:
	// the pages open in browsers, as that build makes them.
	ahead map[string][]byte
}

// rebuild builds after changes to the sources (nil: everything) and hands
// the result to the server.
func (p *preview) rebuild(changed []string) {
	start := time.Now()
	if pending := p.start(changed); pending != nil {
		p.finish(pending, changed, start)
	}
}

// start reads and resolves the sources. A save to bodies alone shows the
// open pages of the files saved before anything is resolved. On problems
// it reports them, here and on the pages, and returns nil.
func (p *preview) start(changed []string) *build.Pending {
	p.ahead = map[string][]byte{}
	day, err := p.opts.Today()
	var pending *build.Pending
	if err == nil {
		edit := p.session.Read(changed, day)
		if edit != nil && p.shown != nil {
			// The browsers load those pages before the rebuild takes the
			// cores, for a second or so of CPU on a large handbook.
			if pages, build := p.showFirst(edit.Remake(p.openFiles(p.shown.Map))); len(pages) > 0 {
				p.server.WaitShown(pages, build, loadWait)
			}
		}
		pending, err = p.session.Resolve()
	}
	if p.server == nil {
		// A first build that failed on its content has still read the
		// baseURL, unless site.yaml itself is broken.
		p.base = p.session.Config().BasePath()
		p.server = serve.New(serve.Options{Base: p.base, Hosts: p.opts.Hosts})
	}
	if err != nil {
		p.fail(err)
		return nil
	}
	return pending
}

// finish makes the files of a build started at start, hands them to the
// server with what changed since the last good build, and reports it.
func (p *preview) finish(pending *build.Pending, changed []string, start time.Time) {
	site := newMemorySite(pending.Map(), p.shown)
	emit, open := site.add, p.openFiles(pending.Map())
	var first *openFirst
	if p.shown != nil && len(open) > 0 && (changed == nil || !onlyStylesheets(changed)) {
		first = newOpenFirst(open, p.showFirst)
		emit = func(f render.File) error {
			_ = site.add(f)
			first.add(f)
			return nil
		}
	}
	stats, err := pending.Run(render.Emit(emit), open...)
	first.wait()
	shownEarly := p.ahead
	if err != nil {
		p.fail(err)
		return
	}
	site.name()
	if base := pending.Handbook.Config.BasePath(); base != p.base {
		p.opts.Report.Problem("the baseURL's path is now " + base + "; restart handbook serve to serve the site there")
	}
	diff := site.diff(p.shown)
	p.server.Update(site, site.build, reloads(p.shown, site, diff, changed, p.base, shownEarly))
	p.shown = site
	p.opts.Report.Built(Built{Took: time.Since(start), Pages: stats.Pages, Rendered: stats.Rendered, Changed: len(diff)})
}

// openFiles returns the files of the pages open in browsers, as the map of
// a build finds their URLs.
func (p *preview) openFiles(m *render.Map) []string {
	var files []string
	for _, u := range p.server.Open() {
		rel, ok := strings.CutPrefix(u, p.base)
		if !ok {
			continue
		}
		if file, _, ok := m.Find(rel); ok {
			files = append(files, file)
		}
	}
	return files
}

// loadWait is how long a rebuild that showed pages ahead of itself waits
// for the browsers to load them: a reload takes a tenth of a second or two.
const loadWait = 500 * time.Millisecond

// showFirst serves, over the last good build and the pages served ahead of
// the build under way so far, the pages open in browsers that the build
// changed, and reloads them, before the rest of the build is made. It
// returns the pages it reloads, and the name of the build they show.
func (p *preview) showFirst(made map[string][]byte) (pages []string, build string) {
	for file, data := range made {
		before, ok := p.ahead[file]
		if !ok {
			before = p.shown.files[file]
		}
		if !bytes.Equal(before, data) {
			p.ahead[file] = data
			if e, ok := p.shown.Map.Entry(file); ok && e.Page {
				pages = append(pages, p.base+e.URL)
			}
		}
	}
	if len(pages) == 0 {
		return nil, ""
	}
	slices.Sort(pages)
	site := p.shown.with(p.ahead)
	p.server.Update(site, site.build, serve.Change{Pages: pages})
	return pages, site.build
}

// fail reports a build that failed: every problem on the terminal, and on
// the pages over the last good build.
func (p *preview) fail(err error) {
	var list model.ErrorList
	if !errors.As(err, &list) {
		list = model.ErrorList{{File: "handbook", Msg: err.Error()}}
	}
	p.opts.Report.Failed(list, p.shown != nil)
	p.server.Fail(list)
}

// sources turns the watcher's paths into the site-relative paths a session
// rebuilds from, leaving out everything that is not a source.
func (p *preview) sources(paths []string) []string {
	root, err := filepath.Abs(p.opts.Dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, abs := range paths {
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			continue
		}
		if rel = filepath.ToSlash(rel); load.IsSource(rel) {
			out = append(out, rel)
		}
	}
	return out
}

// ignored keeps the watcher out of the default output folder.
func (p *preview) ignored(path string) bool {
	out, err := filepath.Abs(write.DefaultDir(p.opts.Dir))
	return err == nil && write.Inside(path, out)
}
