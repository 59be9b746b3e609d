package render

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// tableCells writes the cells of a body's tables as goldmark's table
// extension writes them, but for two things. The cells of the header row
// are headings of their columns (scope="col"), as the theme's own tables'
// are, for screen readers. And a cell costs no allocation: the extension
// formats each tag and sets each alignment as an attribute of the cell,
// which for long bodies with tables came to three quarters of what writing
// them allocated, and an eighth of what goldmark did in all. No parser of the handbook's gives a cell attributes of its
// own, which the extension would write too.
type tableCells struct{}

func (tableCells) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, cell)
}

func cell(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*east.TableCell)
	heading := n.Parent().Kind() == east.KindTableHeader
	tag := "td"
	if heading {
		tag = "th"
	}
	if !entering {
		_, _ = w.WriteString("</")
		_, _ = w.WriteString(tag)
		_, _ = w.WriteString(">\n")
		return ast.WalkContinue, nil
	}
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	if heading {
		_, _ = w.WriteString(` scope="col"`)
	}
	if n.Alignment != east.AlignNone {
		_, _ = w.WriteString(` style="text-align:`)
		_, _ = w.WriteString(n.Alignment.String())
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}
