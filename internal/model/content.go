package model

// Source is where a piece of content came from, for error messages and
// "edit this page" links.
type Source struct {
	File string // relative to the site folder, with forward slashes
	Line int    // the line its frontmatter starts on
}

// Markdown is the body of a content file: where it stands in the file and
// what identifies its text. The text itself is not kept here: the pages
// that show a body get it from where it is kept, in memory for the dev
// server, or read again from the file for a single build, which then needs
// no memory for the bodies of a large handbook.
type Markdown struct {
	File   string // the content file, relative to the site folder
	Offset int    // where the body starts in the file, in bytes
	Len    int    // its length in bytes; 0 for a file with no body
	Line   int    // the line it starts on
	Sum    uint64 // identifies the text: the same Sum, the same text
}
