package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// anchoredHeadings is one of goldmark's parsers of headings, ATX or setext,
// which gives each heading its anchor from the same words and in the same
// order as goldmark's WithAutoHeadingID does, but keeps the anchors of a
// parse with the nodes of the parse rather than as an attribute of each
// heading: an attribute's first makes room for ten, 416 bytes a heading, a
// twentieth of all the long shape's bodies allocated.
type anchoredHeadings struct{ parser.BlockParser }

func (h anchoredHeadings) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	h.BlockParser.Close(node, reader, pc)
	heading := node.(*ast.Heading)
	var words []byte
	if lines := heading.Lines(); lines.Len() > 0 {
		last := lines.At(lines.Len() - 1)
		words = last.Value(reader.Source())
	}
	// A setext heading whose text turned out to be link definitions only
	// is gone from the tree by now, but takes an anchor all the same, as
	// in goldmark.
	id := pc.IDs().Generate(words, ast.KindHeading)
	if n := nodesOf(pc); n != nil {
		n.anchors.list = append(n.anchors.list, anchor{heading, id})
		return
	}
	heading.SetAttribute(idAttribute, id)
}

var idAttribute = []byte("id")

// anchors are the anchors of a parse's headings, in the order they were
// given.
type anchors struct {
	list []anchor
	next int // where the next heading written is looked for first
}

type anchor struct {
	heading *ast.Heading
	id      []byte
}

// anchorsAttribute is the attribute of a document that holds its anchors.
var anchorsAttribute = []byte("handbook-heading-anchors")

// keepAnchors gives doc the anchors of its parse, if it has headings; a
// parse without nodes gave each heading its own.
func (n *nodes) keepAnchors(doc ast.Node) {
	if n != nil && len(n.anchors.list) > 0 {
		doc.SetAttribute(anchorsAttribute, &n.anchors)
	}
}

// clearAnchors forgets the anchors of the last parse, for the next.
func (n *nodes) clearAnchors() {
	if n != nil {
		n.anchors.clear()
	}
}

// of returns the anchor of heading, nil when it has none. Headings are
// written in the order they were given their anchors, so each is looked
// for from where the last was found.
func (a *anchors) of(heading *ast.Heading) []byte {
	for range 2 {
		for ; a.next < len(a.list); a.next++ {
			if a.list[a.next].heading == heading {
				return a.list[a.next].id
			}
		}
		a.next = 0
	}
	return nil
}

// clear forgets the anchors, for the next parse.
func (a *anchors) clear() {
	clear(a.list)
	a.list, a.next = a.list[:0], 0
}

// headingsHTML writes headings as goldmark's renderer does, with the
// anchors anchoredHeadings gave them.
type headingsHTML struct{}

func (headingsHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, writeHeading)
}

func writeHeading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if !entering {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte("0123456"[n.Level])
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<h")
	_ = w.WriteByte("0123456"[n.Level])
	if doc := n.OwnerDocument(); doc != nil {
		if a, ok := doc.Attribute(anchorsAttribute); ok {
			if id := a.(*anchors).of(n); id != nil {
				_, _ = w.WriteString(` id="`)
				_, _ = w.Write(util.EscapeHTML(id))
				_ = w.WriteByte('"')
			}
		}
	}
	if n.Attributes() != nil {
		html.RenderAttributes(w, node, html.HeadingAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
