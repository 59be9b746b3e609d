package model

// Source is where a piece of content came from, for error messages and
// "edit this page" links.
type Source struct {
	File string // relative to the site folder, with forward slashes
	Line int    // the line its frontmatter starts on
	// Hash identifies the file's content, so that a rebuild can tell which
	// pages read a file that changed.
	Hash uint64
	// FrontHash identifies the frontmatter alone: the pages that only list
	// the content (its title, levels, status) need no new render when only
	// its body changes.
	FrontHash uint64
}

// Markdown is a body of Markdown and the line it starts on in its file.
type Markdown struct {
	Text []byte
	Line int
}
