package write

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
)

// journal is the list of changes that turn the published site into the new
// one, written into the staging folder before the first of them is made.
// Every change can be undone from what the staging folder then holds: each
// new file waits there under its number, and each old file it replaces or
// the site drops is moved to "old/". The journal's presence says the output
// may be half changed; it goes once the output is whole again.
type journal struct {
	out, dir string   // the output folder and the staging folder
	Puts     []put    `json:"puts"`    // new files, in order
	Removes  []string `json:"removes"` // published files the site no longer has
	empty    []string // published folders that held nothing already
}

type put struct {
	Path     string `json:"path"`     // in the site
	Staged   string `json:"staged"`   // its name in the staging folder
	Replaces bool   `json:"replaces"` // a published file is there now
}

// journalFile is the journal's name in the staging folder.
const journalFile = "journal.json"

// plan works out the changes: published lists the output folder as it is,
// changed lists the new files by their names in dir, and site is every
// path of the new site.
func plan(out, dir string, published *listing, site map[string]bool, changed map[string]string) (*journal, error) {
	now, err := published.wait()
	if err != nil {
		return nil, err
	}
	j := &journal{out: out, dir: dir, empty: now.empty}
	for _, rel := range now.files {
		if !site[rel] {
			j.Removes = append(j.Removes, rel)
		}
	}
	// Sorted: folders before what they hold, and the same order every time.
	for _, path := range slices.Sorted(maps.Keys(changed)) {
		info, err := os.Lstat(j.at(path))
		j.Puts = append(j.Puts, put{Path: path, Staged: changed[path], Replaces: err == nil && !info.IsDir()})
	}
	return j, nil
}

// at returns where a site path is published.
func (j *journal) at(path string) string { return filepath.Join(j.out, filepath.FromSlash(path)) }

// aside returns where the old file of change n waits while it is undone.
func (j *journal) aside(kind string, n int) string {
	return filepath.Join(j.dir, "old", kind+strconv.Itoa(n))
}

// run records the journal, then makes every change. If one fails, the
// changes made are undone and the error says so.
func (j *journal) run() error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	if err := writeSynced(filepath.Join(j.dir, journalFile), data); err != nil {
		return fmt.Errorf("recording the changes to make: %w", cause(err))
	}
	if err := os.Mkdir(filepath.Join(j.dir, "old"), 0o755); err != nil {
		return err
	}
	if err := j.apply(); err != nil {
		if undoErr := j.undo(); undoErr != nil {
			return fmt.Errorf("publishing the new site failed (%w), and so did putting the old one back (%v): the output folder may hold parts of both; run handbook build again", err, undoErr)
		}
		return fmt.Errorf("publishing the new site failed (%w); the output folder was put back as it was", err)
	}
	// Whole again: the journal goes first, then the old files with the
	// staging folder.
	if err := os.Remove(filepath.Join(j.dir, journalFile)); err != nil {
		return err
	}
	return os.RemoveAll(j.dir)
}

// apply makes the changes: the dropped files out of the way first, so that
// a folder may take the place of a file and the other way round.
func (j *journal) apply() error {
	for n, path := range j.Removes {
		if err := moveTo(j.at(path), j.aside("r", n)); err != nil {
			if errors.Is(err, fs.ErrNotExist) && !exists(j.at(path)) {
				continue // removed meanwhile, by hand
			}
			return fmt.Errorf("removing %s: %w", path, cause(err))
		}
	}
	for n, p := range j.Puts {
		to := j.at(p.Path)
		if info, err := os.Lstat(to); err == nil && info.IsDir() {
			// An old folder, emptied above, where a file now goes.
			if err := pruneEmpty(to); err != nil {
				return fmt.Errorf("placing %s: %w", p.Path, cause(err))
			}
			if err := os.Remove(to); err != nil {
				return fmt.Errorf("placing %s: %w", p.Path, cause(err))
			}
		}
		if p.Replaces {
			if err := moveTo(to, j.aside("p", n)); err != nil {
				return fmt.Errorf("replacing %s: %w", p.Path, cause(err))
			}
		}
		if err := moveTo(filepath.Join(j.dir, p.Staged), to); err != nil {
			return fmt.Errorf("placing %s: %w", p.Path, cause(err))
		}
	}
	// Only a folder that held nothing, or held a file now removed, can be
	// empty now: looking in those alone, rather than in every folder, saves
	// a large site's rebuild a tenth of a second or more.
	maybe := slices.Clone(j.empty)
	for _, path := range j.Removes {
		maybe = append(maybe, filepath.Dir(j.at(path)))
	}
	return pruneFolders(j.out, maybe)
}

// undo puts the published site back as it was before apply, from whatever
// point apply reached: each step looks at where the files are now.
func (j *journal) undo() error {
	var errs []error
	for n := len(j.Puts) - 1; n >= 0; n-- {
		p := j.Puts[n]
		staged, to, old := filepath.Join(j.dir, p.Staged), j.at(p.Path), j.aside("p", n)
		if !exists(staged) && exists(to) { // the new file is in: take it out
			errs = append(errs, os.Rename(to, staged))
		}
		if exists(old) {
			errs = append(errs, moveTo(old, to))
		}
	}
	// A folder made for a new file may stand where an old file goes back.
	errs = append(errs, pruneEmpty(j.out))
	for n := len(j.Removes) - 1; n >= 0; n-- {
		if old := j.aside("r", n); exists(old) {
			errs = append(errs, moveTo(old, j.at(j.Removes[n])))
		}
	}
	errs = append(errs, pruneEmpty(j.out))
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(j.dir, journalFile)); err != nil {
		return err
	}
	return os.RemoveAll(j.dir)
}

// moveTo renames from to to, making to's folder first.
func moveTo(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.Rename(from, to)
}

// writeSynced writes a file and waits until it is on the disk.
func writeSynced(p string, data []byte) error {
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if closeErr := f.Close(); err == nil {
		err = closeErr
	}
	return err
}

// readJournal reads the journal a killed build left in the staging folder
// dir for the output folder out; false when there is none.
func readJournal(out, dir string) (*journal, bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, journalFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	j := &journal{out: out, dir: dir}
	if err := json.Unmarshal(data, j); err != nil {
		return nil, false, fmt.Errorf("%s: %w", filepath.Join(dir, journalFile), err)
	}
	return j, true, nil
}
