package render

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The parsers below are goldmark's parsers of paragraphs, emphasis and
// strikethrough, which make the same nodes but take them from the nodes of
// the parse (nodes.go) where it has them. They read Markdown as goldmark's
// own do (FuzzMarkdownAsGFM holds the HTML to the library's), and stand in
// for them at the same priorities.

// paragraphs parses paragraphs, as goldmark's NewParagraphParser does.
type paragraphs struct{}

func (paragraphs) Trigger() []byte { return nil }

func (paragraphs) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return nil, parser.NoChildren
	}
	node := nodesOf(pc).paragraph()
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

func (paragraphs) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	line, segment := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	node.Lines().Append(segment)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

func (paragraphs) Close(node ast.Node, reader text.Reader, _ parser.Context) {
	lines := node.Lines()
	if lines.Len() == 0 {
		node.Parent().RemoveChild(node.Parent(), node)
		return
	}
	for i := range lines.Len() {
		l := lines.At(i)
		lines.Set(i, l.TrimLeftSpace(reader.Source()))
	}
	last := lines.At(lines.Len() - 1)
	lines.Set(lines.Len()-1, last.TrimRightSpace(reader.Source()))
}

func (paragraphs) CanInterruptParagraph() bool { return false }

func (paragraphs) CanAcceptIndentedLine() bool { return false }

// emphasis parses the marks of emphasis, * and _, as goldmark's
// NewEmphasisParser does.
type emphasis struct{}

func (emphasis) Trigger() []byte { return []byte{'*', '_'} }

func (emphasis) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	return pushDelimiter(block, pc, emphasisMarks{nodesOf(pc)}, func(rune, int) bool { return true })
}

// strikethrough parses the marks of strikethrough, ~ and ~~, as the
// Strikethrough extension's parser does.
type strikethrough struct{}

func (strikethrough) Trigger() []byte { return []byte{'~'} }

func (strikethrough) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	return pushDelimiter(block, pc, strikethroughMarks{}, func(before rune, length int) bool { return length <= 2 && before != '~' })
}

// pushDelimiter reads the run of marks at the reader's place, as
// goldmark's ScanDelimiter does, and when it is one and ok takes it (the
// character before it and its length), pushes it on the context's list of
// marks to weigh and returns it.
func pushDelimiter(block text.Reader, pc parser.Context, processor parser.DelimiterProcessor, ok func(before rune, length int) bool) ast.Node {
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	c := line[0]
	if !processor.IsDelimiter(c) {
		return nil
	}
	length := 1
	for length < len(line) && line[length] == c {
		length++
	}
	if !ok(before, length) {
		return nil
	}
	after := ' '
	if length != len(line) {
		after = util.ToRune(line, length)
	}
	beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
	afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	d := nodesOf(pc).delimiter()
	d.CanOpen, d.CanClose = left, right
	if c == '_' {
		d.CanOpen, d.CanClose = left && (!right || beforePunct), right && (!left || afterPunct)
	}
	d.Length, d.OriginalLength, d.Char, d.Processor = length, length, c, processor
	d.Segment = segment.WithStop(segment.Start + length)
	block.Advance(length)
	pc.PushDelimiter(d)
	return d
}

// emphasisMarks weighs the marks of emphasis, making emphasis of the
// nodes n, or of its own when n is nil.
type emphasisMarks struct{ n *nodes }

func (emphasisMarks) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisMarks) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (m emphasisMarks) OnMatch(consumes int) ast.Node { return m.n.emphasis(consumes) }

// strikethroughMarks weighs the marks of strikethrough.
type strikethroughMarks struct{}

func (strikethroughMarks) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughMarks) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughMarks) OnMatch(int) ast.Node { return extast.NewStrikethrough() }

// strikethroughExtension is goldmark's Strikethrough extension with the
// parser above.
type strikethroughExtension struct{}

func (strikethroughExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(strikethrough{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500)))
}

// replaced returns a copy of goldmark's list of parsers with ours in place
// of the one of the same type as theirs, at its priority.
func replaced(list []util.PrioritizedValue, theirs, ours any) []util.PrioritizedValue {
	out := slices.Clone(list)
	for i := range out {
		if reflect.TypeOf(out[i].Value) == reflect.TypeOf(theirs) {
			out[i].Value = ours
			return out
		}
	}
	panic("render: goldmark's list of parsers has no " + fmt.Sprintf("%T", theirs))
}
