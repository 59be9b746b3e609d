package render

import (
	"github.com/yuin/goldmark/parser"
)

// bodyContext is the context of a body's parse, kept with the nodes of the
// parse (nodes) and cleared for the next. goldmark's own, made anew for
// each body, makes a store, a map of references, a table of heading ids
// and a list of open blocks grown a block at a time: 17 MB of the 230 MB
// that the pages of a handbook of 5,000 meetings allocate. It is
// goldmark's, made once, but for the list of open blocks, whose room it
// keeps from parse to parse.
type bodyContext struct {
	parser.Context
	ids          *headingIDs
	openedBlocks []parser.Block
}

func newBodyContext() *bodyContext {
	ids := &headingIDs{}
	return &bodyContext{Context: parser.NewContext(parser.WithIDs(ids)), ids: ids}
}

// cleared reports whether c could be cleared of its last parse for the
// next, and clears it: not when the parse defined links by reference,
// which the context has no way to forget.
func (c *bodyContext) cleared() bool {
	if len(c.References()) > 0 || c.FirstDelimiter() != nil {
		return false
	}
	for key := range parser.ContextKeyMax + 1 {
		c.Set(key, nil)
	}
	c.SetBlockOffset(-1)
	c.SetBlockIndent(-1)
	c.ids.reset()
	clear(c.openedBlocks[:cap(c.openedBlocks)]) // let go of the last tree's nodes
	c.openedBlocks = c.openedBlocks[:0]
	return true
}

func (c *bodyContext) OpenedBlocks() []parser.Block { return c.openedBlocks }

// SetOpenedBlocks sets the blocks open; nil, as a parse begins, keeps the
// room of the last parse's.
func (c *bodyContext) SetOpenedBlocks(v []parser.Block) {
	if v == nil {
		v = c.openedBlocks[:0]
	}
	c.openedBlocks = v
}

func (c *bodyContext) LastOpenedBlock() parser.Block {
	if n := len(c.openedBlocks); n > 0 {
		return c.openedBlocks[n-1]
	}
	return parser.Block{}
}
