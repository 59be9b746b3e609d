package render

import (
	"path"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// Map is the site's map: every file of the site, the URL that serves it,
// and the name the theme gives each asset. It is the one place that knows
// how URLs become files: the dev server and the CLI ask it rather than
// taking names apart.
//
// Its entries are one list sorted by file, searched by halves: two maps of
// every file, by name and by address, took 5 MB at 20,000 files, kept
// while every page is made.
type Map struct {
	entries []Entry // sorted by File
}

// Entry is one file of the site.
type Entry struct {
	File string // relative to the output folder, with forward slashes
	// URL is where the file is served, below the base: "concerns/etl/"
	// for a page, the file itself for anything else.
	URL string
	// Page is set for the pages made by the theme's layouts.
	Page bool
	// Asset is a theme asset's own name ("style.css"), "" for other files.
	Asset string
	// Fingerprinted is set for a file named after its content
	// (assets/style.1a2b3c4d.css): it never changes under its name.
	Fingerprinted bool
	page          *Page // the page it is, when Page is set
}

// notFoundFile is the page static hosts answer missing paths with.
const notFoundFile = "404.html"

// pageFile returns where a page is published: a folder with index.html, so
// that URLs stay pretty on any static host; the 404 page is the file static
// hosts look for.
func pageFile(p *Page) string {
	if isNotFound(p) {
		return notFoundFile
	}
	return p.Path + "index.html"
}

// isNotFound reports whether p is the page that answers missing paths.
func isNotFound(p *Page) bool { return p.Layout == "404" }

// pageURL returns where a page is served, below the base.
func pageURL(p *Page) string {
	if isNotFound(p) {
		return notFoundFile
	}
	return p.Path
}

// newMap maps the pages, the assets and the other files. Two things that
// would be published as one file, or a file where another needs a folder,
// are errors, named at the content file that makes them.
func newMap(list []*Page, assets []asset, other []string) (*Map, error) {
	entries := make([]Entry, 0, len(list)+len(assets)+len(other))
	for _, p := range list {
		entries = append(entries, Entry{File: pageFile(p), URL: pageURL(p), Page: true, page: p})
	}
	for _, a := range assets {
		entries = append(entries, Entry{File: a.path, URL: a.path, Asset: a.name, Fingerprinted: a.fingerprinted})
	}
	for _, f := range other {
		entries = append(entries, Entry{File: f, URL: f})
	}
	// Sorted stably, the entries of one file stand together in the order
	// they came: the first is the file, each other clashes with it.
	slices.SortStableFunc(entries, func(a, b Entry) int { return strings.Compare(a.File, b.File) })
	m := &Map{entries: entries[:0]}
	var errs model.ErrorList
	for _, e := range entries {
		if n := len(m.entries); n > 0 && m.entries[n-1].File == e.File {
			errs = append(errs, clash(e, m.entries[n-1]))
			continue
		}
		m.entries = append(m.entries, e)
	}
	for _, e := range m.entries {
		for dir := path.Dir(e.File); dir != "."; dir = path.Dir(dir) {
			if old, ok := m.Entry(dir); ok {
				errs = append(errs, clash(e, old))
			}
		}
		for _, part := range strings.Split(e.File, "/") {
			if len(part) > maxNameBytes {
				src := e.source()
				errs = append(errs, model.Errorf(src.File, src.Line,
					"its page would be published as %s, whose name part %.20q... is longer than the %d bytes a file system allows (shorten it)", e.File, part, maxNameBytes))
				break
			}
		}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return m, nil
}

// maxNameBytes is the longest name of a file or folder that common file
// systems allow.
const maxNameBytes = 255

// source is the content file an entry is made from, for errors; none for
// the handbook's own pages and files.
func (e Entry) source() model.Source {
	if e.page == nil {
		return model.Source{}
	}
	return pageSource(e.page)
}

func pageSource(p *Page) model.Source {
	switch {
	case p.Concern != nil:
		return p.Concern.Source
	case p.Team != nil:
		return p.Team.Source
	case p.Meeting != nil:
		return p.Meeting.Source
	case p.Doc != nil:
		return p.Doc.Source
	}
	return model.Source{}
}

// clash reports two entries that would be published as one file, at the
// content file behind one of them.
func clash(e, old Entry) *model.Error {
	if e.source().File == "" {
		e, old = old, e
	}
	other := "the page of " + old.source().File
	switch {
	case old.source().File != "":
	case old.Page:
		other = "the handbook's own page /" + old.URL
	default:
		other = "the handbook's file " + old.File
	}
	return model.Errorf(e.source().File, 0, "its page would be published as %s, like %s (rename the file)", e.File, other)
}

// Files returns every file of the site, sorted.
func (m *Map) Files() []string {
	files := make([]string, len(m.entries))
	for i, e := range m.entries {
		files[i] = e.File
	}
	return files
}

// Entry returns what the map knows of file.
func (m *Map) Entry(file string) (Entry, bool) {
	i, ok := slices.BinarySearchFunc(m.entries, file, func(e Entry, file string) int { return strings.Compare(e.File, file) })
	if !ok {
		return Entry{}, false
	}
	return m.entries[i], true
}

// page returns the page published as file, if it is one.
func (m *Map) page(file string) (*Page, bool) {
	e, _ := m.Entry(file)
	return e.page, e.page != nil
}

// Fingerprinted reports whether the file at path carries a fingerprint of
// its content in its name, so that a browser may keep it for good.
func (m *Map) Fingerprinted(path string) bool {
	e, ok := m.Entry(path)
	return ok && e.Fingerprinted
}

// Find returns the file that answers rel, a URL path below the base
// without its leading slash: "" is the overview, "concerns/etl/" a
// concern's page; a file's own path answers with that file. redirect is
// set instead for a page's URL without its final slash.
func (m *Map) Find(rel string) (file, redirect string, ok bool) {
	if e, ok := m.pageAt(rel); ok {
		return e.File, "", true
	}
	if _, ok := m.Entry(rel); ok {
		return rel, "", true
	}
	if rel != "" && !strings.HasSuffix(rel, "/") {
		if _, ok := m.pageAt(rel + "/"); ok {
			return "", rel + "/", false
		}
	}
	return "", "", false
}

// pageAt returns the page served at url: a folder's, published as its
// index.html (see pageFile).
func (m *Map) pageAt(url string) (Entry, bool) {
	if url != "" && !strings.HasSuffix(url, "/") {
		return Entry{}, false
	}
	e, ok := m.Entry(url + "index.html")
	return e, ok && e.Page && e.URL == url
}

// NotFound returns the page that answers a path the site does not have.
func (m *Map) NotFound() (string, bool) {
	_, ok := m.Entry(notFoundFile)
	return notFoundFile, ok
}
