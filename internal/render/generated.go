package render

import (
	"bytes"
	"io"

	"github.com/reliability-council/handbook/internal/export"
	"github.com/reliability-council/handbook/internal/search"
)

// generated is a file the site makes from the whole handbook rather than
// with a layout or from the theme.
type generated struct {
	write func(out io.Writer) error // makes the file, writing it to out as it goes
	// from returns the signature of what the file is made from: a render
	// with a cache takes the last render's bytes when it is the same. nil
	// for a file made every time.
	from func() uint64
}

// generatedFiles lists every generated file by path: the sitemap, the
// data exports and the search index. It is the one list of them: the
// site's map and Run both take theirs from it. The sitemap, the feed and
// the data exports read all of the handbook but its bodies, which the
// handbook's FrontSum identifies: a save that changes only a body keeps
// them.
func generatedFiles(s *Site, list []*Page, index *search.Index) map[string]generated {
	frontmatter := func() uint64 { return s.Handbook.FrontSum }
	files := map[string]generated{
		sitemapFile: {write: whole(func() []byte { return sitemap(s, list) }), from: frontmatter},
		feedFile:    {write: whole(func() []byte { return feed(s) }), from: frontmatter},
	}
	exports := export.New(s.Handbook, s.fullLink)
	for path, write := range exports.Files() {
		files[path] = generated{write: write, from: frontmatter}
	}
	for _, path := range index.Files() {
		files[path] = generated{write: whole(func() []byte { return index.File(path) })}
	}
	return files
}

// whole writes the file that make makes whole.
func whole(make func() []byte) func(io.Writer) error {
	return func(out io.Writer) error {
		_, err := out.Write(make())
		return err
	}
}

// generate makes the generated file at path, or takes it from the cache
// when the last render made it from the same inputs.
func (j *Job) generate(path string) []byte {
	g := j.generated[path]
	if g.from != nil && j.last != nil {
		if old, ok := j.last.generated[path]; ok && old.sig == g.from() {
			return old.data
		}
	}
	var b bytes.Buffer
	_ = g.write(&b) // a bytes.Buffer takes every write
	return b.Bytes()
}

// DataFiles are the data files published with the site, for links to
// them: paths below the base.
type DataFiles struct {
	JSON, Schema, ConcernsCSV, ActionsCSV, Calendar string
}

// dataFiles names the export's files.
var dataFiles = DataFiles{
	JSON: export.JSONFile, Schema: export.SchemaFile,
	ConcernsCSV: export.ConcernsCSVFile, ActionsCSV: export.ActionsCSVFile, Calendar: export.CalendarFile,
}
