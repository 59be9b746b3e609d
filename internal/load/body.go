package load

import (
	"io"
	"path/filepath"
	"sync"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/sysfile"
)

// Bodies gives the text of the site's Markdown bodies.
type Bodies interface {
	// Use calls use with the text of body, which is use's only until it
	// returns: the text is not to be kept, nor changed.
	Use(body model.Markdown, use func(text []byte) error) error
}

// Bodies returns where the text of the site's bodies is: the site itself
// when it keeps them, else their files, which holds on to nothing else of
// the site (its frontmatter can go once it is resolved).
func (s *Site) Bodies() Bodies {
	if s.keepBodies {
		return memoryBodies{s}
	}
	return diskBodies{dir: s.Dir}
}

// memoryBodies are the bodies a site loaded with Load keeps.
type memoryBodies struct{ site *Site }

func (m memoryBodies) Use(body model.Markdown, use func([]byte) error) error {
	if body.Len == 0 {
		return use(nil)
	}
	if d, ok := m.site.docs[body.File]; ok && d.Body.Sum == body.Sum {
		return use(d.text)
	}
	return changedError(body)
}

// diskBodies are read again from their files, for a site loaded with
// LoadFrontmatter. A file that no longer holds the body it was loaded with
// changed while the site was being built: an error.
type diskBodies struct{ dir string }

// texts hold files and bodies read from disk while they are used. A build
// reads each file whole to load it, and each body twice more, for its page
// and for the search index; read into new memory each time, the bodies
// alone were 232 MB on the long shape's 10,000 concerns, and most of the
// time those reads took went to the system handing the process memory new
// to it.
var texts = sync.Pool{New: func() any { return new([]byte) }}

// keepRoom keeps the memory read into for the next read from room, when
// the read needed more than room had.
func keepRoom(room *[]byte, read []byte) {
	if cap(read) > cap(*room) {
		*room = read[:0]
	}
}

func (d diskBodies) Use(body model.Markdown, use func([]byte) error) error {
	if body.Len == 0 {
		return use(nil)
	}
	room := texts.Get().(*[]byte)
	defer texts.Put(room)
	// Opened as every source is: a file swapped for a named pipe since it
	// was loaded must not block the build.
	name := filepath.Join(d.dir, filepath.FromSlash(body.File))
	text, ok := sysfile.Read(name, MaxFileSize, int64(body.Offset), body.Len, *room)
	if !ok {
		var err error
		if text, err = readSpan(name, int64(body.Offset), body.Len); err != nil {
			return model.ErrorList{sourceError(body.File, err)}
		}
	}
	keepRoom(room, text)
	if bodySum(text) != body.Sum {
		return changedError(body)
	}
	return use(text)
}

// readSpan reads n bytes at offset of the plain file name, or as many as
// it has.
func readSpan(name string, offset int64, n int) ([]byte, error) {
	f, _, err := openPlain(name, MaxFileSize, false)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	text := make([]byte, n)
	if _, err := f.ReadAt(text, offset); err != nil && err != io.EOF {
		return nil, err
	}
	return text, nil
}

func changedError(body model.Markdown) error {
	return model.ErrorList{model.Errorf(body.File, body.Line, "changed while the site was being built (build again)")}
}
