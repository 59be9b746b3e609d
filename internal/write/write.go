// Package write publishes a built site to its output folder, all at once:
// the folder holds exactly the last build's site or exactly the one before,
// never a mix, whatever fails and wherever the build is killed.
//
// A first build writes the site beside the output folder and renames it into
// place: one rename, which either happened or did not. Later builds compare
// each file with the one already published and set aside only those that
// differ: re-creating every folder and file on every build would cost
// seconds of file-system time for a large handbook. Committing them writes a
// journal of the changes beside the output folder, then moves each old file
// aside and the new one in. Should a step fail, the journal puts the old
// files back; should the build be killed on the way, the next build, or
// check, reads the journal and does the same before anything else.
package write

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/sysfile"
)

// Marker is the file that marks a folder as handbook's output. Only a folder
// holding it, or an empty one, is ever replaced.
const Marker = ".handbook-build"

const markerText = "This folder is written by `handbook build`: each build leaves in it exactly the site's files.\n"

// publisher is one way of putting a new site in place of the old.
type publisher interface {
	write(f render.File) error // safe to call from several goroutines
	// create starts the file at path, written a piece at a time; safe to
	// call from several goroutines.
	create(path string) (io.WriteCloser, error)
	commit() error
	abort()
}

// checkOwned refuses to replace a folder of someone else's files: out may
// be missing, empty, or hold the marker of an earlier build. shown is its
// path as the user wrote it.
func checkOwned(out, shown string) error {
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
	return refuse("%s holds files that handbook did not write (it has no %s file); empty it, or choose another folder with -o", shown, Marker)
}

// writeFile writes one file of the site; an error names the page, not the
// place it was set aside in.
func writeFile(p string, f render.File) error {
	if err := sysfile.Create(p, f.Data); err != nil {
		return fmt.Errorf("writing %s: %w", f.Path, cause(err))
	}
	return nil
}

// cause is the system's reason behind a file error, without the path.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// same reports whether the file at p holds exactly data.
func same(p string, data []byte) bool {
	chunk := chunks.Get().(*[]byte)
	defer chunks.Put(chunk)
	if holds, ok := sysfile.Holds(p, data, *chunk); ok {
		return holds
	}
	f, err := os.Open(p)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
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

// exists reports whether something is at p (a link counts as itself).
func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// pruneFolders removes each of folders, and then each folder above it
// below root, that is empty, deepest first.
func pruneFolders(root string, folders []string) error {
	seen := map[string]bool{}
	var all []string
	for _, f := range folders {
		for ; f != root && !seen[f] && Inside(f, root); f = filepath.Dir(f) {
			seen[f] = true
			all = append(all, f)
		}
	}
	// A folder's path is longer than its parent's: longest first is
	// deepest first.
	slices.SortFunc(all, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	for _, f := range all {
		if entries, err := os.ReadDir(f); err == nil && len(entries) == 0 {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// pruneEmpty removes the empty folders below root, deepest first.
func pruneEmpty(root string) error {
	var dirs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root {
			dirs = append(dirs, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return pruneFolders(root, dirs)
}
