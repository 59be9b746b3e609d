package write

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/reliability-council/handbook/internal/render"
)

// update is a later build: each file compared with the published one, and
// only those that differ set aside, to be moved in on commit.
type update struct {
	out, dir  string
	published *listing // what the output folder holds
	mu        sync.Mutex
	site      map[string]bool   // every path of the new site
	changed   map[string]string // path in the site -> its name in dir
	named     int               // names given in dir
}

func newUpdate(out, dir string, published *listing) *update {
	return &update{out: out, dir: dir, published: published, site: map[string]bool{}, changed: map[string]string{}}
}

func (s *update) write(f render.File) error {
	s.mu.Lock()
	s.site[f.Path] = true
	s.mu.Unlock()
	if same(filepath.Join(s.out, filepath.FromSlash(f.Path)), f.Data) {
		return nil
	}
	name := s.newName()
	s.keep(f.Path, name)
	return writeFile(filepath.Join(s.dir, name), f)
}

// create writes a file a piece at a time. A large one goes into dir as it
// is written, and once it is closed, is kept only when it differs from
// the published one.
func (s *update) create(path string) (io.WriteCloser, error) {
	return newPieces(path, s.write, func() (string, func() error, error) {
		s.mu.Lock()
		s.site[path] = true
		s.mu.Unlock()
		name := s.newName()
		p := filepath.Join(s.dir, name)
		return p, func() error {
			if sameFiles(filepath.Join(s.out, filepath.FromSlash(path)), p) {
				return os.Remove(p)
			}
			s.keep(path, name)
			return nil
		}, nil
	}), nil
}

// newName names a new file in dir.
func (s *update) newName() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.named++
	return strconv.Itoa(s.named - 1)
}

// keep notes that the file at path in the site changed: the new one is
// name in dir.
func (s *update) keep(path, name string) {
	s.mu.Lock()
	s.changed[path] = name
	s.mu.Unlock()
}

// commit moves the changed files in and the files the site no longer has
// out, by a journal that can be undone.
func (s *update) commit() error {
	if err := s.write(render.File{Path: Marker, Data: []byte(markerText)}); err != nil {
		return err
	}
	j, err := plan(s.out, s.dir, s.published, s.site, s.changed)
	if err != nil {
		return err
	}
	return j.run()
}

func (s *update) abort() { _ = os.RemoveAll(s.dir) }
