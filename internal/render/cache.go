package render

import "html/template"

// Cache is what one render leaves for the next render of the same site: the
// pages it made and the concern rows, each under the signature of what it
// was made from. The dev server keeps one across rebuilds; a single build
// needs none.
type Cache struct {
	pages map[string]signedPage // by file
	rows  map[uint64]template.HTML
}

type signedPage struct {
	sig  uint64
	data []byte
}

// NewCache returns an empty cache: the first render with it makes
// everything.
func NewCache() *Cache { return &Cache{} }

// page returns the bytes of the page at file when the last render made it
// from the same inputs.
func (c *Cache) page(file string, sig uint64) ([]byte, bool) {
	old, ok := c.pages[file]
	if !ok || old.sig != sig {
		return nil, false
	}
	return old.data, true
}
