package render

import (
	"sync"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
)

// nodes holds the syntax-tree nodes of the kinds goldmark makes most of
// for a body (paragraphs, the emphasis marks it weighs, emphasis, links and
// the labels it finds open, lists, their items and text blocks, and the
// rows and cells of tables), and the anchors of its headings, for the next
// body once this one is written. A body of the long shape makes hundreds;
// made anew for each body, they were a sixth of all a build allocates, and
// the lists, links and anchors since 29 per cent of the long shape's (1.7
// GB rather than 2.3); the collector's work grows with that. The parsers in parsers.go, lists.go,
// linkparser.go and headings.go and the tables of tables.go take their
// nodes from the nodes of the body's parse, and make their own when it has
// none.
type nodes struct {
	paragraphs slab[ast.Paragraph] // each keeps the room its lines took
	delimiters slab[parser.Delimiter]
	emphases   slab[ast.Emphasis]
	links      slab[ast.Link]
	openLabels slab[openLabel]
	lists      slab[ast.List]
	listItems  slab[ast.ListItem]
	textBlocks slab[ast.TextBlock] // each has the lines of the paragraph it stands for
	tableRows  slab[extast.TableRow]
	tableCells slab[extast.TableCell] // each keeps the room its lines took
	anchors    anchors                // of the headings
	context    *bodyContext           // the parse's
}

// nodesKey is where a parse's context holds its nodes.
var nodesKey = parser.NewContextKey()

// spareNodes are the nodes of bodies written, cleared for the next.
var spareNodes = sync.Pool{New: func() any { return new(nodes) }}

// release clears the nodes of a body written, which nothing refers to
// once the body is, and keeps them for the next.
func (n *nodes) release() {
	n.paragraphs.each(func(p *ast.Paragraph) {
		lines := *p.Lines()
		lines.SetSliced(0, 0)
		*p = ast.Paragraph{}
		p.SetLines(&lines)
	})
	n.delimiters.clear()
	n.emphases.clear()
	n.links.clear()
	n.openLabels.clear()
	n.lists.clear()
	n.listItems.clear()
	n.textBlocks.clear()
	n.tableRows.clear()
	n.anchors.clear()
	if n.context != nil && !n.context.cleared() {
		n.context = nil
	}
	n.tableCells.each(func(c *extast.TableCell) {
		lines := *c.Lines()
		lines.SetSliced(0, 0)
		*c = extast.TableCell{}
		c.SetLines(&lines)
	})
	spareNodes.Put(n)
}

// parseContext returns the context of a body's parse, cleared of the last
// parse's; a new one when n is nil.
func (n *nodes) parseContext() parser.Context {
	if n == nil {
		return parser.NewContext(parser.WithIDs(&headingIDs{}))
	}
	if n.context == nil || !n.context.cleared() {
		n.context = newBodyContext()
	}
	return n.context
}

// The nodes below are taken from n, or made anew when n is nil.

// paragraph returns an empty paragraph.
func (n *nodes) paragraph() *ast.Paragraph {
	if n == nil {
		return ast.NewParagraph()
	}
	return n.paragraphs.next()
}

// delimiter returns a run of marks to weigh, blank.
func (n *nodes) delimiter() *parser.Delimiter {
	if n == nil {
		return new(parser.Delimiter)
	}
	return n.delimiters.next()
}

// emphasis returns emphasis of a level.
func (n *nodes) emphasis(level int) *ast.Emphasis {
	if n == nil {
		return ast.NewEmphasis(level)
	}
	e := n.emphases.next()
	e.Level = level
	return e
}

// link returns an empty link.
func (n *nodes) link() *ast.Link {
	if n == nil {
		return ast.NewLink()
	}
	return n.links.next()
}

// openLabel returns a blank open label.
func (n *nodes) openLabel() *openLabel {
	if n == nil {
		return new(openLabel)
	}
	return n.openLabels.next()
}

// list returns an empty list, tight until it is found loose, of items
// marked with marker.
func (n *nodes) list(marker byte) *ast.List {
	if n == nil {
		return ast.NewList(marker)
	}
	l := n.lists.next()
	l.Marker, l.IsTight = marker, true
	return l
}

// listItem returns an empty item of a list, its text offset past its marker.
func (n *nodes) listItem(offset int) *ast.ListItem {
	if n == nil {
		return ast.NewListItem(offset)
	}
	item := n.listItems.next()
	item.Offset = offset
	return item
}

// textBlock returns an empty text block.
func (n *nodes) textBlock() *ast.TextBlock {
	if n == nil {
		return ast.NewTextBlock()
	}
	return n.textBlocks.next()
}

// tableRow returns a row of a table, with the alignments of its columns.
func (n *nodes) tableRow(alignments []extast.Alignment) *extast.TableRow {
	if n == nil {
		return extast.NewTableRow(alignments)
	}
	row := n.tableRows.next()
	row.Alignments = alignments
	return row
}

// tableCell returns a cell of a table, aligned by default.
func (n *nodes) tableCell() *extast.TableCell {
	if n == nil {
		return extast.NewTableCell()
	}
	cell := n.tableCells.next()
	cell.Alignment = extast.AlignNone
	return cell
}

// nodesOf returns the nodes of a parse; nil when its context has none.
func nodesOf(pc parser.Context) *nodes {
	n, _ := pc.Get(nodesKey).(*nodes)
	return n
}

// slabSize is how many nodes a slab takes at a time.
const slabSize = 128

// slab hands out zeroed values of one type, from blocks of slabSize.
type slab[T any] struct {
	blocks [][]T
	used   int
}

// next returns the next value: zeroed, or as each left it.
func (s *slab[T]) next() *T {
	block, at := s.used/slabSize, s.used%slabSize
	if block == len(s.blocks) {
		s.blocks = append(s.blocks, make([]T, slabSize))
	}
	s.used++
	return &s.blocks[block][at]
}

// each calls reset with each value handed out, and hands them out again.
func (s *slab[T]) each(reset func(*T)) {
	for b := 0; s.used > 0; b++ {
		n := min(s.used, slabSize)
		for i := range s.blocks[b][:n] {
			reset(&s.blocks[b][i])
		}
		s.used -= n
	}
}

// clear zeroes the values handed out, which then hold on to nothing, and
// hands them out again.
func (s *slab[T]) clear() {
	for b := 0; s.used > 0; b++ {
		n := min(s.used, slabSize)
		clear(s.blocks[b][:n])
		s.used -= n
	}
}
