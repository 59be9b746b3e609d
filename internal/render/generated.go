package render

import (
	"maps"

	"github.com/reliability-council/handbook/internal/export"
	"github.com/reliability-council/handbook/internal/search"
)

// generatedFiles lists every file the site makes from the whole handbook
// rather than with a layout or from the theme, by path: the sitemap, the
// data exports and the search index, each made when its function is
// called. It is the one list of them: the site's map and Run both take
// theirs from it.
func generatedFiles(s *Site, list []*Page) map[string]func() []byte {
	files := map[string]func() []byte{
		sitemapFile: func() []byte { return sitemap(s, list) },
	}
	maps.Copy(files, export.New(s.Handbook, func(v any) string {
		p, _ := pathOf(v)
		return s.Config.BaseURL + p
	}).Files())
	index := search.New(s.Handbook, func(v any) string {
		p, _ := pathOf(v)
		return s.Base + p
	})
	for _, path := range index.Files() {
		files[path] = func() []byte { return index.File(path) }
	}
	return files
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
