package render

import (
	"bytes"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableExtension is goldmark's Table extension with tables in place of
// its paragraph transformer.
type tableExtension struct{}

func (tableExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithParagraphTransformers(util.Prioritized(tables{}, 200)),
		parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewTableHTMLRenderer(), 500)))
}

// tables makes tables of paragraphs as goldmark's table transformer does,
// their rows and cells taken from the nodes of the parse (nodes.go) where
// it has them: a table of the long shape makes a node for every cell. A
// paragraph with a "\|" after a backtick, a pipe that a code span in a
// cell may hold, goes to goldmark's transformer, which alone can mark it
// for its AST transformer to mend.
type tables struct{}

var goldmarkTables = extension.NewTableParagraphTransformer()

func (tables) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	source := reader.Source()
	n := nodesOf(pc)
	for i := 1; i < lines.Len(); i++ {
		delimiter := lines.At(i)
		alignments := tableDelimiter(delimiter.Value(source))
		if alignments == nil {
			continue
		}
		if mayEscapePipeInCode(lines, source) {
			goldmarkTables.Transform(node, reader, pc)
			return
		}
		header := tableRow(n, lines.At(i-1), alignments, true, source)
		if header == nil || len(alignments) != header.ChildCount() {
			return
		}
		table := ast.NewTable()
		table.Alignments = alignments
		table.SetPos(node.Pos())
		table.AppendChild(table, ast.NewTableHeader(header))
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(n, lines.At(j), alignments, false, source))
		}
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := node.Lines().At(i - 2)
			last.Stop-- // the line's newline
			node.Lines().Set(i-2, last)
		}
	}
}

// mayEscapePipeInCode reports whether a line of a paragraph holds a "\|"
// and a backtick, as a cell whose code span holds a pipe does.
func mayEscapePipeInCode(lines *text.Segments, source []byte) bool {
	for i := range lines.Len() {
		line := lines.At(i)
		if v := line.Value(source); bytes.Contains(v, []byte(`\|`)) && bytes.IndexByte(v, '`') >= 0 {
			return true
		}
	}
	return false
}

// tableRow reads one row of a table, as goldmark's transformer does.
func tableRow(n *nodes, segment text.Segment, alignments []ast.Alignment, isHeader bool, source []byte) *ast.TableRow {
	start := segment
	segment = segment.TrimLeftSpace(source)
	segment = segment.TrimRightSpace(source)
	line := segment.Value(source)
	pos, limit := 0, len(line)
	row := n.tableRow(alignments)
	row.SetPos(start.Start)
	if len(line) > 0 && line[pos] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	i := 0
	for ; pos < limit; i++ {
		alignment := ast.AlignNone
		if i < len(alignments) {
			alignment = alignments[i]
		} else if !isHeader {
			return row
		}
		cell := n.tableCell()
		cell.SetPos(start.Start + pos - start.Padding)
		cell.Alignment = alignment
		closure := pos
		for ; closure < limit; closure++ {
			if line[closure] == '|' && (closure == 0 || line[closure-1] != '\\') {
				break
			}
		}
		content := text.NewSegment(segment.Start+pos, segment.Start+closure)
		content = content.TrimLeftSpace(source)
		cell.Lines().Append(content.TrimRightSpace(source))
		row.AppendChild(row, cell)
		pos = closure + 1
	}
	for ; i < len(alignments); i++ {
		row.AppendChild(row, n.tableCell())
	}
	return row
}

// tableDelimiter reads the alignments of a table's delimiter row, such as
// "| :--- | ---: |", as goldmark's transformer does; nil when line is no
// such row.
func tableDelimiter(line []byte) []ast.Alignment {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	dashesOnly := true
	for _, c := range line {
		if c != '-' {
			dashesOnly = false
		}
		if !util.IsSpace(c) && c != '-' && c != '|' && c != ':' {
			return nil
		}
	}
	if dashesOnly {
		return nil
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	var alignments []ast.Alignment
	for _, col := range cols {
		// What goldmark's expressions match: ^\s*:?-+:?\s*$.
		col = bytes.TrimFunc(col, func(r rune) bool { return r < 0x80 && util.IsSpace(byte(r)) })
		left := len(col) > 0 && col[0] == ':'
		right := len(col) > 1 && col[len(col)-1] == ':'
		dashes := col
		if left {
			dashes = dashes[1:]
		}
		if right {
			dashes = dashes[:len(dashes)-1]
		}
		if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) > 0 {
			return nil
		}
		switch {
		case left && right:
			alignments = append(alignments, ast.AlignCenter)
		case left:
			alignments = append(alignments, ast.AlignLeft)
		case right:
			alignments = append(alignments, ast.AlignRight)
		default:
			alignments = append(alignments, ast.AlignNone)
		}
	}
	return alignments
}
