package write

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/render"
)

// Refusal is an output folder that must not be written: it holds the
// site's sources, or files that handbook did not write.
type Refusal struct{ msg string }

func (r *Refusal) Error() string { return r.msg }

func refuse(format string, args ...any) error { return &Refusal{fmt.Sprintf(format, args...)} }

// DefaultDir returns the output folder of the site in siteDir when none is
// named.
func DefaultDir(siteDir string) string { return filepath.Join(siteDir, "build") }

// Output is the site being written to an output folder. The folder is
// touched only once the first file arrives, so a build that fails on its
// sources makes nothing at all, and changes only on Commit.
type Output struct {
	dir     string
	once    sync.Once
	staging *staging
	err     error
	files   atomic.Int64
}

// Open readies the folder out for the site whose sources are in siteDir.
// It refuses, with a *Refusal, a folder that would replace the sources
// however its path is spelt (through "..", or a symbolic link) and one that
// holds someone else's files.
func Open(siteDir, out string) (*Output, error) {
	if err := checkNotSources(siteDir, out); err != nil {
		return nil, err
	}
	if err := CheckOwned(out); err != nil {
		return nil, err
	}
	return &Output{dir: out}, nil
}

// Write writes one file of the new site. It is safe to call from several
// goroutines.
func (o *Output) Write(f render.File) error {
	o.once.Do(func() { o.staging, o.err = begin(o.dir) })
	if o.err != nil {
		return o.err
	}
	o.files.Add(1)
	return o.staging.Write(f)
}

// Files returns how many files were written.
func (o *Output) Files() int { return int(o.files.Load()) }

// Commit puts the new site in place of the old one.
func (o *Output) Commit() error {
	if o.staging == nil {
		return o.err
	}
	return o.staging.Commit()
}

// Abort throws the new site away, leaving the folder as it was.
func (o *Output) Abort() {
	if o.staging != nil {
		o.staging.Abort()
	}
}

// checkNotSources refuses an output folder that is the site folder, holds
// it, or is or lies in one of its sources.
func checkNotSources(siteDir, outDir string) error {
	site, err := realPath(siteDir)
	if err != nil {
		return err
	}
	out, err := realPath(outDir)
	if err != nil {
		return err
	}
	if Inside(site, out) {
		return refuse("refusing to write to %s: it holds the site's sources (choose another -o)", outDir)
	}
	for _, src := range load.Sources() {
		p := filepath.Join(site, src)
		switch {
		case out == p:
			return refuse("refusing to write to %s: it is the site's %s (choose another -o)", outDir, src)
		case Inside(out, p):
			return refuse("refusing to write to %s: it is inside the site's %s (choose another -o)", outDir, src)
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

// Inside reports whether path is dir or lies inside it.
func Inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// IsRefusal reports whether err is a refusal to write to a folder.
func IsRefusal(err error) bool {
	var r *Refusal
	return errors.As(err, &r)
}
