package load

import (
	"io"
	"slices"
	"time"
)

// History is the past of a site's content files, as package history reads
// it from git: as far back as git knows it, up to the commit checked out.
// What is not committed yet is not in it; the files themselves are.
type History struct {
	// Head is the commit the history ends at; "" when there is none.
	Head string
	// Missing says why there is no history, in words a user can act on;
	// "" when there is one.
	Missing string
	// Files holds each content file's revisions, oldest first, by its path
	// now (relative to the site folder, with forward slashes, as Document
	// names it), followed back through renames. A file git does not know
	// has none.
	Files map[string][]Revision
	// Fronts holds the revisions' frontmatter blocks, each where its
	// Revision's Front says. Package history reads them from the file it
	// keeps in the repository as they are asked for: tens of thousands of
	// old blocks, held in memory through a build, were a third of its peak.
	Fronts io.ReaderAt
}

// Commit is a commit that changed content files.
type Commit struct {
	ID      string
	Time    time.Time // the author's date, in the author's time zone
	Subject string    // the first line of its message
}

// Revision is a content file as a commit left it.
type Revision struct {
	Commit *Commit
	// Path is what the file was called then, relative to the site folder.
	Path string
	// Front is where its frontmatter block, as FrontBlock cuts it out,
	// lies in the history's Fronts; NoFront when it had none.
	Front Span
}

// Span is a stretch of a history's Fronts.
type Span struct {
	At   int64
	Size int
}

// NoFront is the Front of a revision that had no frontmatter.
var NoFront = Span{At: -1}

// Read reads the stretch s of r into buf, which it grows as needed; ok is
// false for NoFront, or when the stretch cannot be read whole.
func (s Span) Read(r io.ReaderAt, buf []byte) (text []byte, ok bool) {
	if s == NoFront {
		return buf[:0], false
	}
	buf = slices.Grow(buf[:0], s.Size)[:s.Size]
	if n, _ := r.ReadAt(buf, s.At); n < len(buf) { // the error of a read in full may be io.EOF
		return buf[:0], false
	}
	return buf, true
}

// Available reports whether h holds the site's history.
func (h *History) Available() bool { return h.Missing == "" }
