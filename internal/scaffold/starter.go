package scaffold

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"
	"time"
)

// starter is the handbook Init writes: site.yaml and one file of each kind,
// written as templates for the dates, so that the first meeting is held on
// the day the handbook starts and its action is due two weeks later.
//
//go:embed starter
var starter embed.FS

// dueAfter is how long after the first meeting its action is due.
const dueAfter = 14 * 24 * time.Hour

// Starter returns the files of a new handbook started today: they build
// at once and check without a warning, once the folder is kept in git.
func Starter(today time.Time) ([]File, error) {
	data := struct{ Today, Due, SiteSchema string }{
		Today:      today.Format(time.DateOnly),
		Due:        today.Add(dueAfter).Format(time.DateOnly),
		SiteSchema: SchemaDir + "/" + SchemaFile("site"),
	}
	var files []File
	err := fs.WalkDir(starter, "starter", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		t, err := template.ParseFS(starter, p)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := t.Execute(&b, data); err != nil {
			return err
		}
		files = append(files, File{Path: strings.TrimPrefix(p, "starter/"), Text: b.Bytes()})
		return nil
	})
	return files, err
}

// Init writes the starter handbook into dir, which is made if it does not
// exist. A folder that holds anything but hidden entries (such as .git) is
// refused before anything is written: a handbook is started, not mixed
// into other files. It returns the files written.
func Init(dir string, today time.Time) ([]File, error) {
	files, err := Starter(today)
	if err != nil {
		return nil, err
	}
	if err := checkEmpty(dir); err != nil {
		return nil, err
	}
	for i, f := range files {
		if err := f.Write(dir); err != nil {
			return files[:i], err
		}
	}
	return files, nil
}

// checkEmpty refuses a folder a new handbook cannot be started in, saying
// where it could be.
func checkEmpty(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		if info, statErr := os.Stat(dir); statErr == nil && !info.IsDir() {
			return fmt.Errorf("%s is a file, not a folder (name a new folder to start the handbook in)", dir)
		}
		return err
	}
	var held []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		name := e.Name()
		if e.IsDir() {
			name += "/"
		}
		held = append(held, name)
	}
	if len(held) == 0 {
		return nil
	}
	if len(held) > 3 {
		held = append(held[:3], "more")
	}
	return fmt.Errorf("%s is not empty: it holds %s (start the handbook in a new or empty folder, such as %s)",
		dir, strings.Join(held, ", "), filepath.Join(dir, "handbook"))
}
