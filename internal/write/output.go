package write

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

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
	out  string // the folder's physical path
	lock *outputLock
	// published lists what the folder holds, for a later build; nil for a
	// first one.
	published *listing
	// Recovered is set when Open found a build that was killed while it
	// published, and put the folder back as it was before that build.
	Recovered bool

	once  sync.Once
	pub   publisher
	err   error
	files atomic.Int64
}

// Open readies the folder out for the site whose sources are in siteDir.
// It refuses, with a *Refusal, a folder that would replace the sources
// however its path is spelt (through "..", or symbolic links) and one that
// holds someone else's files. A symbolic link names the folder it points
// to: that folder is written, and the link stays. Only one build writes to
// a folder at a time, and what a killed build left is cleared first.
func Open(siteDir, out string) (*Output, error) {
	phys, err := physical(out)
	if err != nil {
		return nil, err
	}
	if err := checkNotSources(siteDir, phys, out); err != nil {
		return nil, err
	}
	lock, err := lockOutput(phys)
	if err != nil {
		return nil, fmt.Errorf("another handbook build is writing to %s; wait for it to finish (%v)", out, err)
	}
	o := &Output{out: phys, lock: lock}
	o.Recovered, err = recoverLeftovers(phys)
	if err == nil {
		err = checkOwned(phys, out)
	}
	if err != nil {
		lock.release()
		return nil, err
	}
	if exists(filepath.Join(phys, Marker)) {
		o.published = listPublished(phys)
	}
	return o, nil
}

// staging returns the pattern of the folders a build sets the new site
// aside in, beside the output folder.
func staging(out string) string { return "." + filepath.Base(out) + ".new-" }

// recoverLeftovers undoes a build killed while it published, and removes
// what killed builds set aside. It reports whether the output folder had
// to be put back.
func recoverLeftovers(out string) (bool, error) {
	left, err := filepath.Glob(filepath.Join(filepath.Dir(out), staging(out)+"*"))
	if err != nil {
		return false, err
	}
	recovered := false
	for _, dir := range left {
		j, ok, err := readJournal(out, dir)
		if err != nil {
			return recovered, err
		}
		if ok {
			if err := j.undo(); err != nil {
				return recovered, fmt.Errorf("an earlier build was killed while it published, and putting %s back failed: %w", out, err)
			}
			recovered = true
		}
		if err := os.RemoveAll(dir); err != nil {
			return recovered, err
		}
	}
	return recovered, nil
}

// Write writes one file of the new site. It is safe to call from several
// goroutines.
func (o *Output) Write(f render.File) error {
	o.once.Do(func() { o.pub, o.err = o.begin() })
	if o.err != nil {
		return o.err
	}
	o.files.Add(1)
	return o.pub.write(f)
}

// Create starts one file of the new site, to be written a piece at a time
// and closed. It is safe to call from several goroutines.
func (o *Output) Create(path string) (io.WriteCloser, error) {
	o.once.Do(func() { o.pub, o.err = o.begin() })
	if o.err != nil {
		return nil, o.err
	}
	o.files.Add(1)
	return o.pub.create(path)
}

// begin sets up the folder beside the output that the new site goes to: a
// whole site for a first build, the changed files for a later one.
func (o *Output) begin() (publisher, error) {
	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(filepath.Dir(o.out), staging(o.out))
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	if o.published != nil {
		return newUpdate(o.out, dir, o.published), nil
	}
	return newFresh(o.out, dir), nil
}

// Files returns how many files were written.
func (o *Output) Files() int { return int(o.files.Load()) }

// Commit puts the new site in place of the old one, all at once.
func (o *Output) Commit() error {
	defer o.release()
	if o.pub == nil {
		return o.err
	}
	if err := o.pub.commit(); err != nil {
		o.pub.abort()
		return err
	}
	return nil
}

// Abort throws the new site away, leaving the folder as it was.
func (o *Output) Abort() {
	defer o.release()
	if o.pub != nil {
		o.pub.abort()
	}
}

// release lets go of the folder: the listing of it, then its lock.
func (o *Output) release() {
	if o.published != nil {
		o.published.stop()
	}
	o.lock.release()
}

// physical returns the absolute path of p as the file system resolves it:
// a relative path from the real working folder (not the one a shell
// entered through a link), and every symbolic link followed, the last part
// too when it is one. A link to nothing is refused.
func physical(p string) (string, error) {
	if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, err := filepath.EvalSymlinks(p)
		if err != nil {
			return "", refuse("%s is a symbolic link to a folder that does not exist (create the folder, or choose another -o)", p)
		}
		if info, err := os.Stat(target); err != nil || !info.IsDir() {
			return "", refuse("%s is a symbolic link to %s, which is not a folder (choose another -o)", p, target)
		}
		return realPath(target)
	}
	return realPath(p)
}

// checkNotSources refuses an output folder that is the site folder, holds
// it, or is or lies in one of its sources. out is the folder's physical
// path, outDir as the user wrote it.
func checkNotSources(siteDir, out, outDir string) error {
	site, err := realPath(siteDir)
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
// resolved, for a path whose last parts may not exist yet. A relative path
// starts from the working folder as the file system knows it: a shell that
// entered it through a link reports the link's path, but ".." leads from
// the real one.
func realPath(p string) (string, error) {
	abs := p
	if !filepath.IsAbs(p) {
		wd, err := syscall.Getwd() // the system's own, not $PWD as os.Getwd prefers
		if err != nil {
			return "", err
		}
		abs = filepath.Join(wd, p)
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
