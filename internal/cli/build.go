package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/write"
)

func runBuild(env Env, args []string) int {
	fs := newFlags(env, "build", "[-s SITE_DIR] [-o OUT_DIR]",
		"Build reads site.yaml and content/ from SITE_DIR and writes the static site to OUT_DIR.\nOn errors it prints each as PATH:LINE: message, exits 1, and leaves OUT_DIR untouched.")
	siteDir := fs.String("s", ".", "the site `folder`, holding site.yaml")
	outDir := fs.String("o", "", "the output `folder` (default SITE_DIR/build)")
	if code, done := parse(env, fs, args); done {
		return code
	}
	if *outDir == "" {
		*outDir = filepath.Join(*siteDir, "build")
	}
	if err := checkOutDir(*siteDir, *outDir); err != nil {
		fmt.Fprintf(env.Stderr, "%s build: %v\n", programName, err)
		return exitUsage
	}
	if err := write.CheckOwned(*outDir); err != nil { // before any work, and as a usage error
		fmt.Fprintf(env.Stderr, "%s build: %v\n", programName, err)
		return exitUsage
	}
	day, err := today(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s build: %v\n", programName, err)
		return exitUsage
	}

	if env.Getenv("GOGC") == "" {
		debug.SetGCPercent(buildGCPercent)
	}
	start := time.Now()
	out := newOutput(*outDir)
	result, err := build.Stream(*siteDir, day, out.write)
	if err == nil {
		err = out.commit()
	}
	if err != nil {
		out.abort()
		return reportFailure(env, err)
	}
	h := result.Handbook
	fmt.Fprintf(env.Stdout, "built %s, %s, %s: %s in %s (%s)\n",
		model.Plural(len(h.Concerns), "concern"), model.Plural(len(h.Teams), "team"), model.Plural(len(h.Meetings), "meeting"),
		model.Plural(int(out.files.Load()), "file"), *outDir, time.Since(start).Round(time.Millisecond))
	if n := len(h.Warnings); n > 0 {
		fmt.Fprintf(env.Stderr, "%s: %s (see them with: handbook check)\n", programName, model.Plural(n, "warning"))
	}
	return exitOK
}

// buildGCPercent is the garbage collector's target for a build: the heap
// may grow by 80% of what is live before a collection, not the default
// 100%. A build holds the whole handbook while it renders, so the peak is
// mostly that growth: a large handbook builds in a tenth less memory, for
// no time that can be measured. GOGC in the environment overrides it.
const buildGCPercent = 80

// output writes the new site beside the old folder, starting only when the
// first file arrives: a build that fails on its sources makes no folder at
// all.
type output struct {
	dir     string
	once    sync.Once
	staging *write.Staging
	err     error
	files   atomic.Int64
}

func newOutput(dir string) *output { return &output{dir: dir} }

func (o *output) write(f render.File) error {
	o.once.Do(func() { o.staging, o.err = write.Begin(o.dir) })
	if o.err != nil {
		return o.err
	}
	o.files.Add(1)
	return o.staging.Write(f)
}

func (o *output) commit() error {
	if o.staging == nil {
		return o.err
	}
	return o.staging.Commit()
}

func (o *output) abort() {
	if o.staging != nil {
		o.staging.Abort()
	}
}

// reportFailure prints every content error, one per line, then a summary.
func reportFailure(env Env, err error) int {
	var list model.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(env.Stderr, e)
		}
		fmt.Fprintf(env.Stderr, "%s: %s; nothing was written\n", programName, model.Plural(len(list), "error"))
		return exitFailed
	}
	fmt.Fprintf(env.Stderr, "%s: %v\nnothing was written\n", programName, err)
	return exitFailed
}

// checkOutDir refuses an output folder that would replace the sources,
// however the path is spelled: through "..", or through a symbolic link.
func checkOutDir(siteDir, outDir string) error {
	site, err := realPath(siteDir)
	if err != nil {
		return err
	}
	out, err := realPath(outDir)
	if err != nil {
		return err
	}
	if within(site, out) {
		return fmt.Errorf("refusing to write to %s: it holds the site's sources (choose another -o)", outDir)
	}
	for _, src := range []string{load.ContentDir, load.ThemesDir, load.ConfigFile} {
		path := filepath.Join(site, src)
		switch {
		case out == path:
			return fmt.Errorf("refusing to write to %s: it is the site's %s (choose another -o)", outDir, src)
		case within(out, path):
			return fmt.Errorf("refusing to write to %s: it is inside the site's %s (choose another -o)", outDir, src)
		}
	}
	return nil
}

// realPath returns the absolute path of p with every symbolic link in it
// resolved, for a path whose last parts may not exist yet.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if parent := filepath.Dir(dir); parent == dir {
			return abs, nil
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
