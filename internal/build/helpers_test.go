package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/write"
)

// published builds the site in dir the way handbook build does, into a
// fresh output folder, and returns the files it holds.
func published(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out")
	o, err := write.Open(dir, out)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Start(dir, fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Run(o); err != nil {
		o.Abort()
		t.Fatal(err)
	}
	if err := o.Commit(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if rel == write.Marker {
			return nil
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// served is one build of a session as the dev server keeps it.
type served struct {
	files   map[string][]byte
	stats   render.Stats
	changed []string // files that differ from the session's last build
}

// rebuilt builds again after the files in changed did, as the dev server
// does; no names rebuild everything.
func rebuilt(t testing.TB, s *Session, last *served, changed ...string) *served {
	t.Helper()
	r, err := tryRebuild(s, last, changed...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func tryRebuild(s *Session, last *served, changed ...string) (*served, error) {
	var list []string
	if len(changed) > 0 {
		list = changed
	}
	p, err := s.Start(list, fixtureDay)
	if err != nil {
		return nil, err
	}
	return runPending(p, last)
}

// run makes the files of the build p.
func run(t testing.TB, p *Pending) *served {
	t.Helper()
	r, err := runPending(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func runPending(p *Pending, last *served) (*served, error) {
	var mu sync.Mutex
	r := &served{files: map[string][]byte{}}
	var err error
	r.stats, err = p.Run(render.Emit(func(f render.File) error {
		mu.Lock()
		defer mu.Unlock()
		if _, dup := r.files[f.Path]; dup {
			return errors.New(f.Path + " made twice")
		}
		r.files[f.Path] = f.Data
		return nil
	}))
	if err != nil {
		return nil, err
	}
	for path, data := range r.files {
		if last == nil || !bytes.Equal(last.files[path], data) {
			r.changed = append(r.changed, path)
		}
	}
	if last != nil {
		for path := range last.files {
			if _, ok := r.files[path]; !ok {
				r.changed = append(r.changed, path)
			}
		}
	}
	sort.Strings(r.changed)
	return r, nil
}

// differences names the first file in which got and want differ, or returns
// "" when they hold the same files with the same bytes.
func differences(got, want map[string][]byte) string {
	var paths []string
	for p := range got {
		paths = append(paths, p)
	}
	for p := range want {
		if _, ok := got[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	for _, p := range paths {
		g, inGot := got[p]
		w, inWant := want[p]
		switch {
		case !inGot:
			return p + " is missing"
		case !inWant:
			return p + " is extra"
		case !bytes.Equal(g, w):
			return p + " has other bytes:\n" + firstDifference(w, g)
		}
	}
	return ""
}
