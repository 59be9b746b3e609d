package load

import "github.com/reliability-council/handbook/internal/model"

// Kind is what a content file describes, told by the folder it sits in.
type Kind int

// The kinds of content file.
const (
	KindPage Kind = iota
	KindTeam
	KindConcern
	KindMeeting
)

// Document is one source file.
type Document struct {
	Kind Kind
	Slug string // the file name without .md
	File string // relative to the site folder, with forward slashes
	Line int    // the line of the opening ---
	// FrontHash identifies the frontmatter block, so that the history of
	// a file whose frontmatter did not change need not be worked out again.
	FrontHash uint64
	Front     *Node
	Body      model.Markdown
	// text is the body's text, kept only by a loader that keeps bodies.
	text []byte
}

// Site is every source file of a site that could be read.
type Site struct {
	Dir    string
	Config *Document   // site.yaml, its whole text as Front; nil when unreadable
	Docs   []*Document // by file
	// History is the past of the content files; nil when it was not read
	// (a build reads it with package history).
	History *History

	docs map[string]*Document       // by file
	errs map[string]model.ErrorList // by the file or folder they are about
	// unreadable holds the files that exist but could not be read.
	unreadable map[string]sourceFile
	keepBodies bool // the bodies' text is in memory, not only on disk
	// inspect is handed every body as it is read; nil for none.
	inspect func(model.Markdown, []byte) error
}
