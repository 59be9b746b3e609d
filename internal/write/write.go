// Package write publishes a built site to its output folder. The new site is
// written beside the old one and swapped in with renames, so a failed build
// or write leaves the previous site as it was, and no stale page survives a
// build.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/reliability-council/handbook/internal/render"
)

// Marker is the file that marks a folder as handbook's output. Only a folder
// holding it, or an empty one, is ever replaced.
const Marker = ".handbook-build"

const markerText = "This folder is written by `handbook build`; it is replaced whole on every build.\n"

// Site replaces the folder out with files.
func Site(out string, files []render.File) error {
	st, err := Begin(out)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := st.Write(f); err != nil {
			st.Abort()
			return err
		}
	}
	return st.Commit()
}

// Staging is a new site being written beside the output folder. Files are
// written as they are made, so a large site need never be held in memory.
type Staging struct {
	out, dir string

	mu   sync.Mutex
	made map[string]bool // folders already created
}

// Begin starts a new site for the folder out, which must be missing, empty,
// or an earlier build's.
func Begin(out string) (*Staging, error) {
	out = filepath.Clean(out)
	if err := CheckOwned(out); err != nil {
		return nil, err
	}
	parent, name := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{out: out, dir: dir, made: map[string]bool{dir: true}}, nil
}

// Write writes one file of the new site. It is safe to call from several
// goroutines.
func (s *Staging) Write(f render.File) error {
	p := filepath.Join(s.dir, filepath.FromSlash(f.Path))
	dir := filepath.Dir(p)
	s.mu.Lock()
	made := s.made[dir]
	s.mu.Unlock()
	if !made {
		if err := s.mkdir(dir); err != nil {
			return err
		}
	}
	return os.WriteFile(p, f.Data, 0o644)
}

// mkdir makes the folder dir of the new site and those above it. A site is
// mostly folders of one page each whose parent is already made: for them a
// single mkdir does, where MkdirAll would first look at the folder and its
// parent, a third of the system calls of writing a page.
func (s *Staging) mkdir(dir string) error {
	s.mu.Lock()
	parentMade := s.made[filepath.Dir(dir)]
	s.mu.Unlock()
	var err error
	if parentMade {
		err = os.Mkdir(dir, 0o755)
		if errors.Is(err, fs.ErrExist) { // made by another goroutine meanwhile
			err = nil
		}
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.made[dir] = true
	s.mu.Unlock()
	return nil
}

// Commit puts the new site in place of the old one.
func (s *Staging) Commit() error {
	if err := s.Write(render.File{Path: Marker, Data: []byte(markerText)}); err != nil {
		s.Abort()
		return err
	}
	if err := swap(s.dir, s.out); err != nil {
		s.Abort()
		return err
	}
	return nil
}

// Abort throws the new site away, leaving the old one as it was.
func (s *Staging) Abort() {
	_ = os.RemoveAll(s.dir)
}

// CheckOwned refuses to replace a folder of someone else's files: out may be
// missing, empty, or hold the marker of an earlier build.
func CheckOwned(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		return nil
	}
	return fmt.Errorf("%s holds files that handbook did not write (it has no %s file); empty it, or choose another folder with -o", out, Marker)
}

// swap puts staging in place of out, putting the old folder back if that fails.
func swap(staging, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = staging + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	}
	if err := os.Rename(staging, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
