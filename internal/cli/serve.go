package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/preview"
	"github.com/reliability-council/handbook/internal/serve"
)

func runServe(env Env, args []string) int {
	fs := newFlags(env, "serve", "[-s SITE_DIR] [--port N] [--bind ADDR] [--host NAME]",
		"Serve builds the site into memory, serves it, and rebuilds on every save: open pages\nreload by themselves, and errors show over the page until they are fixed.")
	siteDir := siteDirFlag(fs)
	port := fs.Int("port", 1313, "the `port` to listen on")
	bind := fs.String("bind", "127.0.0.1", "the `address` to listen on; only this machine can connect unless you change it")
	var hosts []string
	fs.Func("host", "also answer to this host `name`, such as a tunnel's (.example.org: every name below it); repeat for more", func(name string) error {
		if name == "" || strings.ContainsAny(name, "/: ") {
			return fmt.Errorf("want a host name such as preview.example.org, found %q", name)
		}
		hosts = append(hosts, name)
		return nil
	})
	if code, done := parse(env, fs, args); done {
		return code
	}
	if code, done := checkSiteDir(env, "serve", *siteDir); done {
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
	firstDone := paceFirstBuild(env)
	defer firstDone()
	err = preview.Run(ctx, preview.Options{
		Dir: *siteDir, Listener: ln, Hosts: hosts,
		Today:  func() (time.Time, error) { return today(env) },
		Report: &serveReport{env: env, dir: *siteDir, addr: addr, firstDone: firstDone},
	})
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s serve: %v\n", programName, err)
		return exitFailed
	}
	fmt.Fprintln(env.Stdout, "Stopped.")
	return exitOK
}

// firstBuildGCPercent is the room the garbage collector leaves the
// preview's heap to grow into, as a share of what is live, while it makes
// its first build: every page, while a person waits for them. Twice Go's
// default room makes the first build of 10,000 concerns with their history
// in 1.70 to 1.94 s rather than 1.88 to 2.05 s, at a peak of 647 to 652
// MiB rather than 572 to 578. The rebuilds after it, which make a page or
// a few, keep Go's default. GOGC or GOMEMLIMIT in the environment sets
// its own pace instead.
const firstBuildGCPercent = 200

// paceFirstBuild paces the collector for the preview's first build, and
// returns what sets Go's default pace back, once, when that build is done.
func paceFirstBuild(env Env) func() {
	if env.Getenv("GOGC") != "" || env.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	before := debug.SetGCPercent(firstBuildGCPercent)
	return sync.OnceFunc(func() { debug.SetGCPercent(before) })
}

// serveReport prints what the preview does.
type serveReport struct {
	env       Env
	dir       string
	addr      string // as the user asked for it
	firstDone func() // told of every build made or failed
}

func (r *serveReport) Serving(base string) {
	fmt.Fprintf(r.env.Stdout, "Serving %s at http://%s%s (Ctrl-C to stop)\n", r.dir, r.addr, base)
}

func (r *serveReport) Built(b preview.Built) {
	r.firstDone()
	fmt.Fprintf(r.env.Stdout, "built in %s: %d of %d pages rendered, %s changed\n",
		b.Took.Round(time.Millisecond), b.Rendered, b.Pages, model.Plural(b.Changed, "file"))
}

func (r *serveReport) Failed(errs model.ErrorList, stillServing bool) {
	r.firstDone()
	for _, e := range errs {
		fmt.Fprintln(r.env.Stderr, e)
	}
	if stillServing {
		fmt.Fprintf(r.env.Stderr, "%s: %s; still serving the last good build\n", programName, model.Plural(len(errs), "error"))
	} else {
		fix := "fix them"
		if len(errs) == 1 {
			fix = "fix it"
		}
		fmt.Fprintf(r.env.Stderr, "%s: %s; %s and save, and the site will appear\n", programName, model.Plural(len(errs), "error"), fix)
	}
}

func (r *serveReport) Problem(msg string) {
	fmt.Fprintf(r.env.Stderr, "%s serve: %s\n", programName, msg)
}
