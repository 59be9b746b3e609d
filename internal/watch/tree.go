package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"
)

// tree keeps fsnotify's watches in step with the folders that should be
// watched: fsnotify watches one folder at a time and never a folder below
// it, so every new folder needs a watch of its own.
//
// Only files' folders are watched, never files: editors save by renaming a
// new file over the old one, which would leave a watch on a file behind.
type tree struct {
	fsw       *fsnotify.Watcher
	recursive []string
	shallow   []string
	ignore    func(path string) bool
	watched   map[string]bool // folders with a watch, by the path it was added under
}

// newTree checks the folders opts names and adds every watch they call
// for.
func newTree(opts Options) (*tree, error) {
	recursive, err := absAll(opts.Recursive)
	if err != nil {
		return nil, err
	}
	shallow, err := absAll(opts.Shallow)
	if err != nil {
		return nil, err
	}
	for _, dir := range shallow {
		if _, err := os.Stat(dir); err != nil {
			return nil, fmt.Errorf("watch: %w", err) // Shallow folders must exist
		}
	}

	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		if errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE) {
			return nil, tooManyInstances(err)
		}
		return nil, fmt.Errorf("watch: %w", err)
	}
	t := &tree{
		fsw:       fsw,
		recursive: recursive,
		shallow:   shallow,
		ignore:    opts.Ignore,
		watched:   make(map[string]bool),
	}
	if err := t.addAll(); err != nil {
		_ = fsw.Close() // the error that matters is the one above
		return nil, err
	}
	return t, nil
}

// wanted reports whether dir should have a watch: it is in a Recursive
// folder or is a Shallow one.
func (t *tree) wanted(dir string) bool {
	return slices.ContainsFunc(t.recursive, func(root string) bool { return within(dir, root) }) ||
		slices.Contains(t.shallow, dir)
}

// addAll adds every watch the options call for.
func (t *tree) addAll() error {
	for _, dir := range append(slices.Clip(t.shallow), t.recursive...) {
		if t.watched[dir] {
			continue // added already, from a folder above it
		}
		// Stat, not Lstat: the site folder itself may be a symlink, and
		// fsnotify follows it. Symlinks below it are not followed, so that
		// one pointing above it cannot make the walk go round for ever.
		info, err := os.Stat(dir)
		if errors.Is(err, fs.ErrNotExist) {
			continue // not made yet, or gone: a Recursive folder may be either
		}
		if err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		if !info.IsDir() {
			return fmt.Errorf("watch: %s is not a folder", dir)
		}
		if err := t.add(dir, nil); err != nil {
			return err
		}
	}
	return nil
}

// add adds a watch on dir, a folder, if it is wanted, and on every wanted
// folder below it. If found is not nil, it is called with every file and
// folder found inside a watched folder: when a folder appears, these may
// have been made before its watch was, and would otherwise go unreported.
func (t *tree) add(dir string, found func(path string)) error {
	if t.ignored(dir) || !t.wanted(dir) {
		return nil
	}
	// Watch first, then list: a file made in between is then in one or the
	// other, or both.
	if err := t.watch(dir); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // gone already; its parent's watch reports the removal
	}
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		if t.ignored(path) {
			continue
		}
		if found != nil {
			found(path)
		}
		if e.IsDir() {
			if err := t.add(path, found); err != nil {
				return err
			}
		}
	}
	return nil
}

// watch adds a watch on dir.
func (t *tree) watch(dir string) error {
	err := t.fsw.Add(dir)
	switch {
	case err == nil:
		t.watched[dir] = true
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return nil // removed since it was listed; its parent's watch reports it
	case errors.Is(err, syscall.ENOSPC):
		return tooManyWatches(err)
	}
	return fmt.Errorf("watch: %s: %w", dir, err)
}

// forget removes the watches on path and below it, once path has been
// removed or renamed. After a rename, fsnotify would go on reporting
// changes below the folder under its old name, and a folder that comes back
// would get its old, misnamed watch again rather than a new one.
func (t *tree) forget(path string) {
	if !t.watched[path] {
		return
	}
	for dir := range t.watched {
		if within(dir, path) {
			_ = t.fsw.Remove(dir) // fails if the kernel dropped it first, as it does on removal
			delete(t.watched, dir)
		}
	}
}

// reset removes every watch and adds them all again, after the kernel
// dropped events and so the watches may no longer match the folders.
func (t *tree) reset() error {
	for dir := range t.watched {
		_ = t.fsw.Remove(dir) // fails if the folder went away unreported
		delete(t.watched, dir)
	}
	return t.addAll()
}

// within reports whether path is dir or below it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, dir+string(filepath.Separator))
}

// absAll makes every folder absolute and clean, so that it compares equal
// to the paths fsnotify reports.
func absAll(dirs []string) ([]string, error) {
	abs := make([]string, len(dirs))
	for i, dir := range dirs {
		a, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("watch: %w", err)
		}
		abs[i] = a
	}
	return abs, nil
}
