package render

import (
	"html/template"

	"github.com/reliability-council/handbook/internal/search"
)

// Cache is what one render leaves for the next render of the same site: the
// pages it made, the concern rows and the data files, each under the
// signature of what it was made from, and what the search index worked
// out for each document. The dev server keeps one across rebuilds; a single build
// needs none.
type Cache struct {
	kept   kept // by the last render that succeeded
	search *search.Cache
	theme  *keptTheme // the layouts last parsed
}

// kept is what one render made that the next can take. A render reads the
// last one's as it was when the render was prepared, and replaces it whole
// once it succeeds: a page made alone while the render runs (the preview's
// first look) reads the same, without a race.
type kept struct {
	pages     *signedPages // nil before the first render
	rows      map[uint64]template.HTML
	generated map[string]signedPage // by file, those with a signature
}

// signedPages are the pages of a render, each under its signature, once
// ready is closed: a first render signs them after it is done.
type signedPages struct {
	ready  chan struct{}
	byFile map[string]signedPage
}

type signedPage struct {
	sig  uint64
	data []byte
}

// NewCache returns an empty cache: the first render with it makes
// everything.
func NewCache() *Cache { return &Cache{search: search.NewCache()} }

// page returns the bytes of the page at file when the render made it from
// the same inputs.
func (k *kept) page(file string, sig uint64) ([]byte, bool) {
	if k.pages == nil {
		return nil, false
	}
	<-k.pages.ready
	old, ok := k.pages.byFile[file]
	if !ok || old.sig != sig {
		return nil, false
	}
	return old.data, true
}
