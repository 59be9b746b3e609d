package write

import (
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
	s.mu.Lock()
	name := strconv.Itoa(len(s.changed))
	s.changed[f.Path] = name
	s.mu.Unlock()
	return writeFile(filepath.Join(s.dir, name), f)
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
