package write

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/reliability-council/handbook/internal/render"
)

// fresh is a first build: the whole site written beside the output folder,
// which is missing or empty, and renamed into place in one step.
type fresh struct {
	out, dir string
	mu       sync.Mutex
	made     map[string]bool // folders already created
}

func newFresh(out, dir string) *fresh {
	return &fresh{out: out, dir: dir, made: map[string]bool{dir: true}}
}

func (s *fresh) write(f render.File) error {
	p := filepath.Join(s.dir, filepath.FromSlash(f.Path))
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return fmt.Errorf("writing %s: %w", f.Path, cause(err))
	}
	return writeFile(p, f)
}

func (s *fresh) create(path string) (io.WriteCloser, error) {
	return newPieces(path, s.write, func() (string, func() error, error) {
		p := filepath.Join(s.dir, filepath.FromSlash(path))
		return p, func() error { return nil }, s.mkdir(filepath.Dir(p))
	}), nil
}

// mkdir makes the folder dir and those above it. A site is mostly folders
// of one page each whose parent is already made: for them a single mkdir
// does, where MkdirAll would first look at the folder and its parent.
func (s *fresh) mkdir(dir string) error {
	s.mu.Lock()
	made, parentMade := s.made[dir], s.made[filepath.Dir(dir)]
	s.mu.Unlock()
	if made {
		return nil
	}
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

// commit renames the new site into place. An empty output folder goes
// first: a rename cannot replace a folder.
func (s *fresh) commit() error {
	if err := s.write(render.File{Path: Marker, Data: []byte(markerText)}); err != nil {
		return err
	}
	err := os.Remove(s.out)
	removed := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(s.dir, s.out); err != nil {
		if removed {
			_ = os.Mkdir(s.out, 0o755) // it was there, empty: put it back
		}
		return err
	}
	return nil
}

func (s *fresh) abort() { _ = os.RemoveAll(s.dir) }
