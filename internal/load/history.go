package load

import "time"

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
	// Front is its frontmatter block, as FrontBlock cuts it out; nil when
	// it had none. Revisions whose frontmatter is the same share it.
	Front []byte
}

// Available reports whether h holds the site's history.
func (h *History) Available() bool { return h.Missing == "" }
