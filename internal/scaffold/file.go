package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is a file to write into a site.
type File struct {
	Path string // relative to the site folder, with forward slashes
	Text []byte
}

// Write writes the file into the site folder, making the folders it needs.
// It refuses to replace a file already there: what a person wrote is never
// lost to a command that meant to start something new.
func (f File) Write(site string) error {
	p := filepath.Join(site, filepath.FromSlash(f.Path))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return existsError(f.Path)
	}
	if err != nil {
		return err
	}
	if _, err := out.Write(f.Text); err != nil {
		_ = out.Close()
		_ = os.Remove(p) // half a file would only confuse the next try
		return err
	}
	return out.Close()
}

// CheckFree reports whether the file at path in the site is still to be
// written, so that nobody is asked questions for a file that cannot be.
func CheckFree(site, path string) error {
	_, err := os.Lstat(filepath.Join(site, filepath.FromSlash(path)))
	switch {
	case err == nil:
		return existsError(path)
	case errors.Is(err, fs.ErrNotExist):
		return nil
	}
	return err
}

func existsError(path string) error {
	return fmt.Errorf("%s already exists (it is left as it is: pick another name, or edit that file)", path)
}
