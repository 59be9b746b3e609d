// Package write publishes a built site to its output folder. The new site is
// written beside the old one and swapped in with renames, so a failed write
// leaves the previous site as it was, and no stale page survives a build.
package write

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/reliability-council/handbook/internal/render"
)

// Marker is the file that marks a folder as handbook's output. Only a folder
// holding it, or an empty one, is ever replaced.
const Marker = ".handbook-build"

const markerText = "This folder is written by `handbook build`; it is replaced whole on every build.\n"

// Site replaces the folder out with files.
func Site(out string, files []render.File) error {
	out = filepath.Clean(out)
	if err := CheckOwned(out); err != nil {
		return err
	}
	parent, name := filepath.Split(out)
	if parent == "" {
		parent = "."
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	staging, err := os.MkdirTemp(parent, "."+name+".new-")
	if err != nil {
		return err
	}
	defer func() { _ = os.RemoveAll(staging) }() // gone already after a successful swap
	if err := os.Chmod(staging, 0o755); err != nil {
		return err
	}
	if err := writeAll(staging, files); err != nil {
		return err
	}
	return swap(staging, out)
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

func writeAll(root string, files []render.File) error {
	made := map[string]bool{root: true}
	for _, f := range append(files, render.File{Path: Marker, Data: []byte(markerText)}) {
		p := filepath.Join(root, filepath.FromSlash(f.Path))
		if dir := filepath.Dir(p); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
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
