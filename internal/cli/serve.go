package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/serve"
	"github.com/reliability-council/handbook/internal/watch"
)

func runServe(env Env, args []string) int {
	fs := newFlags(env, "serve", "[-s SITE_DIR] [--port N] [--bind ADDR]",
		"Serve builds the site into memory, serves it, and rebuilds on every save: open pages\nreload by themselves, and errors show over the page until they are fixed.")
	siteDir := fs.String("s", ".", "the site `folder`, holding site.yaml")
	port := fs.Int("port", 1313, "the `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; only this machine can connect unless you change it")
	if code, done := parse(env, fs, args); done {
		return code
	}
	parent := env.Context
	if parent == nil {
		parent = context.Background()
	}
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := serve.Listen(net.JoinHostPort(*bind, strconv.Itoa(*port)))
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s serve: %v\n", programName, err)
		return exitFailed
	}
	addr := net.JoinHostPort(*bind, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port))
	return (&preview{env: env, dir: *siteDir, addr: addr, session: build.NewSession(*siteDir)}).run(ctx, ln)
}

// preview is one run of handbook serve: a build session, the server that
// shows its last good build, and the watcher that drives rebuilds.
type preview struct {
	env     Env
	dir     string
	addr    string // as the user asked for it, for the address printed
	session *build.Session
	good    bool          // a build has succeeded: the server has a site to show
	server  *serve.Server // made by the first build, which knows the baseURL
	base    string        // the baseURL's path, where the site is served
}

func (p *preview) run(ctx context.Context, ln net.Listener) int {
	start := time.Now()
	first := p.start(nil)
	if first != nil {
		// Show pages as they are asked for while the rest are made: a large
		// handbook's pages take seconds, its sources a fraction of that.
		p.server.Preview(first.File)
	}
	w, err := watch.New(watch.Options{
		Recursive: []string{filepath.Join(p.dir, load.ContentDir), filepath.Join(p.dir, load.ThemesDir)},
		Shallow:   []string{p.dir},
		Ignore:    p.ignored,
	})
	if err != nil {
		fmt.Fprintf(p.env.Stderr, "%s serve: %v\n", programName, err)
		return exitFailed
	}
	defer func() { _ = w.Close() }()

	served := make(chan error, 1)
	go func() { served <- p.server.Serve(ctx, ln) }()
	fmt.Fprintf(p.env.Stdout, "Serving %s at http://%s%s (Ctrl-C to stop)\n", p.dir, p.addr, p.base)
	if first != nil {
		p.finish(first, nil, start)
	}

	for {
		select {
		case <-ctx.Done():
			<-served
			fmt.Fprintln(p.env.Stdout, "Stopped.")
			return exitOK
		case err := <-served:
			fmt.Fprintf(p.env.Stderr, "%s serve: %v\n", programName, err)
			return exitFailed
		case batch, ok := <-w.Batches():
			if !ok {
				return exitOK
			}
			if batch.Err != nil {
				fmt.Fprintf(p.env.Stderr, "%s serve: watching: %v\n", programName, batch.Err)
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

// rebuild builds after changes to the sources (nil: everything), hands the
// result to the server and reports it.
func (p *preview) rebuild(changed []string) {
	start := time.Now()
	if pending := p.start(changed); pending != nil {
		p.finish(pending, changed, start)
	}
}

// start reads and resolves the sources. On problems it reports them, here
// and on the pages, and returns nil.
func (p *preview) start(changed []string) *build.Pending {
	day, err := today(p.env)
	var pending *build.Pending
	if err == nil {
		pending, err = p.session.Start(changed, day)
	}
	if p.server == nil {
		// A first build that failed on its content has still read the
		// baseURL, unless site.yaml itself is broken.
		p.base = p.session.Config().BasePath()
		p.server = serve.New(serve.Options{Base: p.base})
	}
	if err != nil {
		p.fail(err)
		return nil
	}
	return pending
}

// finish makes the pages of a build started at start, hands them to the
// server and reports the build.
func (p *preview) finish(pending *build.Pending, changed []string, start time.Time) {
	result, err := pending.Finish()
	if err != nil {
		p.fail(err)
		return
	}
	if base := result.Handbook.Config.BasePath(); base != p.base {
		fmt.Fprintf(p.env.Stderr, "%s serve: the baseURL's path is now %s; restart handbook serve to serve the site there\n", programName, base)
	}
	p.good = true
	p.server.Update(result.Files, p.change(result, changed))
	fmt.Fprintf(p.env.Stdout, "built in %s: %d of %d pages rendered, %s changed\n",
		time.Since(start).Round(time.Millisecond), result.Stats.Rendered, result.Stats.Pages, model.Plural(len(result.Changed), "file"))
}

// fail reports a build that failed: every problem on the terminal, and on
// the pages over the last good build.
func (p *preview) fail(err error) {
	var list model.ErrorList
	if !errors.As(err, &list) {
		list = model.ErrorList{{File: "handbook", Msg: err.Error()}}
	}
	for _, e := range list {
		fmt.Fprintln(p.env.Stderr, e)
	}
	if p.good {
		fmt.Fprintf(p.env.Stderr, "%s: %s; still serving the last good build\n", programName, model.Plural(len(list), "error"))
	} else {
		fmt.Fprintf(p.env.Stderr, "%s: %s; fix them and save, and the site will appear\n", programName, model.Plural(len(list), "error"))
	}
	p.server.Fail(list)
}

// change tells the server which pages to reload. When only stylesheets
// changed, pages swap them in place instead of reloading, even though every
// page's link to the stylesheet changed with its fingerprint.
func (p *preview) change(result *build.Result, sources []string) serve.Change {
	if sources != nil && allStyles(sources) {
		if styles := swappedStyles(result, p.base); len(styles) > 0 {
			return serve.Change{Styles: styles}
		}
	}
	var pages []string
	for _, f := range result.Changed {
		switch {
		case f == "index.html":
			pages = append(pages, p.base)
		case strings.HasSuffix(f, "/index.html"):
			pages = append(pages, p.base+strings.TrimSuffix(f, "index.html"))
		case f == "404.html":
			pages = append(pages, p.base+f)
		}
	}
	return serve.Change{Pages: pages}
}

func allStyles(sources []string) bool {
	for _, s := range sources {
		if !strings.HasPrefix(s, load.ThemesDir+"/") || path.Ext(s) != ".css" {
			return false
		}
	}
	return true
}

// swappedStyles pairs each stylesheet that went away with the one that took
// its name: assets/style.1a2b3c4d.css -> assets/style.5e6f7a8b.css.
func swappedStyles(result *build.Result, base string) map[string]string {
	now := make(map[string]bool, len(result.Files))
	for _, f := range result.Files {
		now[f.Path] = true
	}
	gone, came := map[string]string{}, map[string]string{}
	for _, f := range result.Changed {
		if path.Ext(f) != ".css" {
			continue
		}
		stem := strings.TrimSuffix(f, path.Ext(strings.TrimSuffix(f, ".css"))+".css")
		if now[f] {
			came[stem] = f
		} else {
			gone[stem] = f
		}
	}
	styles := map[string]string{}
	for stem, old := range gone {
		if cur, ok := came[stem]; ok {
			styles[base+old] = base + cur
		}
	}
	return styles
}

// sources turns the watcher's paths into the site-relative paths a session
// rebuilds from, leaving out everything that is not a source.
func (p *preview) sources(paths []string) []string {
	root, err := filepath.Abs(p.dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, abs := range paths {
		rel, err := filepath.Rel(root, abs)
		if err != nil {
			continue
		}
		rel = filepath.ToSlash(rel)
		switch {
		case rel == load.ConfigFile,
			strings.HasPrefix(rel, load.ContentDir+"/"), rel == load.ContentDir,
			strings.HasPrefix(rel, load.ThemesDir+"/"):
			out = append(out, rel)
		}
	}
	return out
}

// ignored keeps the watcher out of the default output folder.
func (p *preview) ignored(path string) bool {
	out, err := filepath.Abs(filepath.Join(p.dir, "build"))
	return err == nil && within(path, out)
}
