package gensite

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFiles writes files below dir, which must be empty or absent: the
// generator never overwrites anything.
func WriteFiles(dir string, files []File) error {
	entries, err := os.ReadDir(dir)
	switch {
	case err == nil && len(entries) > 0:
		return fmt.Errorf("%s is not empty (remove it, or pick another folder)", dir)
	case err != nil && !os.IsNotExist(err):
		return err
	}
	made := map[string]bool{}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
