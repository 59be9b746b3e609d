package write

import (
	"io/fs"
	"path/filepath"
	"sync"
)

// listing is what the published site holds. A later build lists it while
// the new site is made rather than when publishing it: walking the ten
// thousand folders of a large site takes a fifth of a second. No other
// build changes the folder meanwhile, where files can be locked; a file
// that someone removes by hand meanwhile counts as removed when the new
// site is published.
type listing struct {
	quit  chan struct{} // closed to stop the walk, once
	once  sync.Once
	done  chan struct{} // closed once the rest is set
	files []string      // slash paths of the files, below the output folder
	empty []string      // folders that hold nothing
	err   error
}

// listPublished starts listing the folder out.
func listPublished(out string) *listing {
	l := &listing{quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		var folders []string
		held := map[string]bool{} // folders with something in them
		l.err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || p == out {
				return err
			}
			select {
			case <-l.quit:
				return filepath.SkipAll
			default:
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

// stop ends the walk, if it still runs, once it has let go of the folder.
func (l *listing) stop() {
	l.once.Do(func() { close(l.quit) })
	<-l.done
}
