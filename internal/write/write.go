// Package write publishes a built site to its output folder. Nothing in the
// output folder changes until the whole site has been made: a build that
// fails leaves the previous site as it was, and no stale page survives one
// that succeeds.
//
// A first build writes the site beside the output folder and renames it into
// place. Later builds compare each file with the one already published and
// set aside only those that differ; committing renames them into place and
// removes what the site no longer has. Re-creating every folder and file on
// every build would cost seconds of file-system time for a large handbook,
// and on some file systems creating files soon after deleting as many is
// slower still. Should committing itself fail (a full disk, say), each file
// of the output is whole, some old and some new; the next build puts it
// right.
package write

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"github.com/reliability-council/handbook/internal/render"
)

// Marker is the file that marks a folder as handbook's output. Only a folder
// holding it, or an empty one, is ever replaced.
const Marker = ".handbook-build"

const markerText = "This folder is written by `handbook build`: each build leaves in it exactly the site's files.\n"

// staging is a new site being written. Files are written as they are made,
// so a large site need never be held in memory; the output folder changes
// only on Commit.
type staging struct {
	out string
	dir string // beside out: the new site, or the files that changed
	// update is set when out holds an earlier build, which is updated in
	// place on Commit rather than replaced.
	update bool

	mu      sync.Mutex
	made    map[string]bool   // first build: folders already created
	site    map[string]bool   // update: every path of the new site
	changed map[string]string // update: path in the site -> file in dir
}

// begin starts a new site for the folder out, which must be missing, empty,
// or an earlier build's.
func begin(out string) (*staging, error) {
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
	_, err = os.Stat(filepath.Join(out, Marker))
	return &staging{
		out: out, dir: dir, update: err == nil,
		made: map[string]bool{dir: true}, site: map[string]bool{}, changed: map[string]string{},
	}, nil
}

// Write writes one file of the new site. It is safe to call from several
// goroutines.
func (s *staging) Write(f render.File) error {
	if !s.update {
		return s.create(filepath.Join(s.dir, filepath.FromSlash(f.Path)), f.Data)
	}
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
	return writeFile(filepath.Join(s.dir, name), f.Data)
}

// create writes a file of a new site, making its folder first.
func (s *staging) create(p string, data []byte) error {
	dir := filepath.Dir(p)
	s.mu.Lock()
	made := s.made[dir]
	s.mu.Unlock()
	if !made {
		if err := s.mkdir(dir); err != nil {
			return err
		}
	}
	return writeFile(p, data)
}

func writeFile(p string, data []byte) error { return os.WriteFile(p, data, 0o644) }

// mkdir makes the folder dir and those above it. A site is mostly folders
// of one page each whose parent is already made: for them a single mkdir
// does, where MkdirAll would first look at the folder and its parent.
func (s *staging) mkdir(dir string) error {
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

// same reports whether the file at p holds exactly data.
func same(p string, data []byte) bool {
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	chunk := chunks.Get().(*[]byte)
	defer chunks.Put(chunk)
	for len(data) > 0 {
		old := (*chunk)[:min(len(*chunk), len(data))]
		if _, err := io.ReadFull(f, old); err != nil || !bytes.Equal(old, data[:len(old)]) {
			return false
		}
		data = data[len(old):]
	}
	return true
}

// chunks are what same reads the old file into, a piece at a time: reading
// every page of a large site whole would make as much garbage as the site.
var chunks = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// Commit puts the new site in place of the old one.
func (s *staging) Commit() error {
	err := s.Write(render.File{Path: Marker, Data: []byte(markerText)})
	if err == nil && s.update {
		err = s.commitUpdate()
	} else if err == nil {
		err = swap(s.dir, s.out)
	}
	if err != nil {
		s.Abort()
	}
	return err
}

// commitUpdate moves the files that changed into the output folder, then
// removes the files and folders the new site no longer has. Each rename
// replaces one file whole, so a reader never sees half of a page.
func (s *staging) commitUpdate() error {
	made := map[string]bool{s.out: true} // folders of the output known to exist
	// Sorted: folders before what they hold, and the same order every time.
	for _, p := range slices.Sorted(maps.Keys(s.changed)) {
		if err := s.place(filepath.Join(s.dir, s.changed[p]), filepath.Join(s.out, filepath.FromSlash(p)), made); err != nil {
			return err
		}
	}
	if err := s.prune(); err != nil {
		return err
	}
	return os.RemoveAll(s.dir)
}

// place renames the new file from into its place to in the output folder,
// making its folder, and clearing the way when an old file stands where a
// folder now goes, or an old folder where a file goes.
func (s *staging) place(from, to string, made map[string]bool) error {
	dir := filepath.Dir(to)
	if !made[dir] {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			if err := s.clearWay(dir); err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		made[dir] = true
	}
	if info, err := os.Lstat(to); err == nil && info.IsDir() {
		if err := os.RemoveAll(to); err != nil {
			return err
		}
	}
	return os.Rename(from, to)
}

// clearWay removes the old file that stands where the folder dir, or one
// above it, must go.
func (s *staging) clearWay(dir string) error {
	for d := dir; d != s.out && len(d) > len(s.out); d = filepath.Dir(d) {
		if info, err := os.Lstat(d); err == nil && !info.IsDir() {
			return os.Remove(d)
		}
	}
	return fmt.Errorf("cannot make folder %s", dir)
}

// prune removes from the output folder every file the new site does not
// have, and the folders that leaves empty.
func (s *staging) prune() error {
	var dirs []string
	err := filepath.WalkDir(s.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(s.out, p)
		rel = filepath.ToSlash(rel)
		switch {
		case p == s.out:
		case d.IsDir():
			dirs = append(dirs, p)
		case !s.site[rel]:
			return os.Remove(p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i := len(dirs) - 1; i >= 0; i-- { // the deepest first
		if entries, err := os.ReadDir(dirs[i]); err == nil && len(entries) == 0 {
			if err := os.Remove(dirs[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Abort throws the new site away, leaving the old one as it was.
func (s *staging) Abort() {
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
	return refuse("%s holds files that handbook did not write (it has no %s file); empty it, or choose another folder with -o", out, Marker)
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
