package write

import (
	"io/fs"
	"path/filepath"
)

// listing is what the published site holds. A later build lists it while
// the new site is made rather than when publishing it: walking the ten
// thousand folders of a large site takes a fifth of a second, and nothing
// else changes the folder while the build holds its lock.
type listing struct {
	done  chan struct{} // closed once the rest is set
	files []string      // slash paths of the files, below the output folder
	empty []string      // folders that hold nothing
	err   error
}

// listPublished starts listing the folder out.
func listPublished(out string) *listing {
	l := &listing{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		var folders []string
		held := map[string]bool{} // folders with something in them
		l.err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == out {
				return err
			}
			held[filepath.Dir(p)] = true
			if d.IsDir() {
				folders = append(folders, p)
				return nil
			}
			rel, _ := filepath.Rel(out, p)
			l.files = append(l.files, filepath.ToSlash(rel))
			return nil
		})
		for _, f := range folders {
			if !held[f] {
				l.empty = append(l.empty, f)
			}
		}
	}()
	return l
}

// wait returns the listing once it is complete.
func (l *listing) wait() (*listing, error) {
	<-l.done
	return l, l.err
}
