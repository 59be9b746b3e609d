package render

import (
	"slices"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// mapOf maps a few pages, an asset and a file as a handbook would.
func mapOf(t *testing.T) *Map {
	t.Helper()
	m, err := newMap([]*Page{
		{Layout: "overview", Path: ""},
		{Layout: "concerns", Path: "concerns/"},
		{Layout: "concern", Path: "concerns/etl/", Concern: &model.Concern{Source: model.Source{File: "content/concerns/etl.md", Line: 1}}},
		{Layout: "404", Path: "404/"},
	}, []asset{{name: "style.css", path: "assets/style.1a2b3c4d.css", fingerprinted: true}}, []string{"sitemap.xml"})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestMapFinds wants every address answered with its file: a page's by
// its folder, without its final slash by a redirect, any file by its own
// path.
func TestMapFinds(t *testing.T) {
	m := mapOf(t)
	for _, c := range []struct{ rel, file, redirect string }{
		{"", "index.html", ""},
		{"concerns/", "concerns/index.html", ""},
		{"concerns/etl/", "concerns/etl/index.html", ""},
		{"concerns/etl", "", "concerns/etl/"},
		{"concerns/etl/index.html", "concerns/etl/index.html", ""},
		{"404.html", "404.html", ""},
		{"404/", "", ""},
		{"assets/style.1a2b3c4d.css", "assets/style.1a2b3c4d.css", ""},
		{"sitemap.xml", "sitemap.xml", ""},
		{"sitemap.xml/", "", ""},
		{"concerns/db/", "", ""},
		{"assets", "", ""},
	} {
		file, redirect, ok := m.Find(c.rel)
		if file != c.file || redirect != c.redirect || ok != (c.file != "") {
			t.Errorf("Find(%q) = %q, %q, %v; want %q, %q", c.rel, file, redirect, ok, c.file, c.redirect)
		}
	}
	if f, ok := m.NotFound(); !ok || f != "404.html" {
		t.Errorf("NotFound() = %q, %v", f, ok)
	}
	want := []string{"404.html", "assets/style.1a2b3c4d.css", "concerns/etl/index.html", "concerns/index.html", "index.html", "sitemap.xml"}
	if got := m.Files(); !slices.Equal(got, want) {
		t.Errorf("Files() = %q, want %q", got, want)
	}
	if e, ok := m.Entry("assets/style.1a2b3c4d.css"); !ok || e.Asset != "style.css" || !m.Fingerprinted(e.File) || m.Fingerprinted("sitemap.xml") {
		t.Errorf("the asset's entry: %+v, %v", e, ok)
	}
	if p, ok := m.page("concerns/etl/index.html"); !ok || p.Layout != "concern" {
		t.Errorf("page: %v, %v", p, ok)
	}
	if _, ok := m.page("sitemap.xml"); ok {
		t.Error("sitemap.xml is a page")
	}
}

// TestMapClashes wants every file two things would be published as, every
// file where another needs a folder and every name too long named at the
// content file behind it, in one run.
func TestMapClashes(t *testing.T) {
	concern := func(slug string) *Page {
		return &Page{Layout: "concern", Path: "concerns/" + slug + "/",
			Concern: &model.Concern{Source: model.Source{File: "content/concerns/" + slug + ".md", Line: 1}}}
	}
	doc := func(file, path string) *Page {
		return &Page{Layout: "page", Path: path, Doc: &model.Page{Source: model.Source{File: file, Line: 1}}}
	}
	long := strings.Repeat("x", maxNameBytes+1)
	_, err := newMap([]*Page{
		{Layout: "concerns", Path: "concerns/"},
		doc("content/concerns.md", "concerns/"),
		concern("etl"), doc("content/etl.md", "concerns/etl/"), doc("content/more/etl.md", "concerns/etl/"),
		doc("content/sitemap.xml.md", "sitemap.xml/"),
		concern(long),
	}, nil, []string{"sitemap.xml"})
	var errs model.ErrorList
	if err != nil {
		errs = err.(model.ErrorList)
	}
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		`content/concerns.md: its page would be published as concerns/index.html, like the handbook's own page /concerns/ (rename the file)`,
		"content/concerns/" + long + ".md:1: its page would be published as concerns/" + long + `/index.html, whose name part "xxxxxxxxxxxxxxxxxxxx"... is longer than the 255 bytes a file system allows (shorten it)`,
		`content/etl.md: its page would be published as concerns/etl/index.html, like the page of content/concerns/etl.md (rename the file)`,
		`content/more/etl.md: its page would be published as concerns/etl/index.html, like the page of content/concerns/etl.md (rename the file)`,
		`content/sitemap.xml.md: its page would be published as sitemap.xml/index.html, like the handbook's file sitemap.xml (rename the file)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
