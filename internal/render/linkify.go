package render

import (
	"bytes"
	"math"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// linkifyAfter makes the links goldmark's Linkify makes, in a document
// parsed without it. Linkify is an inline parser that looks for a link at
// every space, which costs goldmark a cut in the text there and a call,
// word after word: a fifth of the time a body with a link in it takes.
// Done after parsing, the words are looked at only in the blocks that
// hold a scheme, a "www." or an @, and only where a link could start.
//
// It calls Linkify's own parser, at the places the inline parser would
// have: the start of each text, each space, '*', '_', '~' or '(' in it, and
// the end of a run of backticks. Where that cannot be known from the
// parsed document, it gives up and marks the context (linkifyInline), and
// the body is parsed again with Linkify inline: a link running on past
// its text (into a code span, or over an emphasis mark that became text),
// a bracket that may have opened a link's label (no links are made in
// one) or that a link may take in, or a backslash, which escapes the mark
// after it.
type linkifyAfter struct {
	linkify parser.InlineParser
}

// linkifyInline marks a context whose document needs Linkify inline.
var linkifyInline = parser.NewContextKey()

func newLinkifyAfter() linkifyAfter {
	return linkifyAfter{linkify: extension.NewLinkifyParser()}
}

func (l linkifyAfter) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	b := linkBlocks{linkifyAfter: l, source: source, pc: pc, scratch: ast.NewParagraph()}
	if !b.walk(doc) {
		pc.Set(linkifyInline, true)
	}
}

// linkBlocks makes the links of one document's blocks.
type linkBlocks struct {
	linkifyAfter
	source  []byte
	pc      parser.Context
	reader  text.BlockReader // over the block at hand
	scratch ast.Node         // takes the text Linkify leaves before a link
	texts   []*ast.Text      // the texts of the block at hand
}

// walk makes the links of the blocks in n; false when it cannot tell
// where they go.
func (b *linkBlocks) walk(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case c.Type() != ast.TypeBlock || c.IsRaw():
		case c.HasChildren() && c.FirstChild().Type() == ast.TypeInline:
			if !b.mayLink(c.Lines()) {
				continue
			}
			b.texts = appendTexts(b.texts[:0], c)
			if !b.linkBlock(c) {
				return false
			}
		default:
			if !b.walk(c) {
				return false
			}
		}
	}
	return true
}

// mayLink reports whether lines hold what a link needs.
func (b *linkBlocks) mayLink(lines *text.Segments) bool {
	for i := range lines.Len() {
		if seg := lines.At(i); mayLink(seg.Value(b.source)) {
			return true
		}
	}
	return false
}

// appendTexts appends the texts in n that Linkify looks at to texts.
func appendTexts(texts []*ast.Text, n ast.Node) []*ast.Text {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.Link, *ast.Image:
			// Raw, or a link already: Linkify makes no link in a link's
			// label.
		case *ast.Text:
			if !c.IsRaw() {
				texts = append(texts, c)
			}
		default:
			texts = appendTexts(texts, c)
		}
	}
	return texts
}

// linkBlock makes the links in the texts of block, whose lines hold what
// a link needs, and reports false when it cannot tell where Linkify would
// have made them.
func (b *linkBlocks) linkBlock(block ast.Node) bool {
	for _, t := range b.texts {
		if bytes.IndexByte(t.Segment.Value(b.source), '\\') >= 0 {
			return false
		}
	}
	if !b.labelsClosed(block.Lines()) {
		return false
	}
	if b.reader == nil {
		b.reader = text.NewBlockReader(b.source, nil)
	}
	b.reader.Reset(block.Lines())
	for _, t := range b.texts {
		if !b.linkText(t, block.Lines()) {
			return false
		}
	}
	return true
}

// labelsClosed reports whether the brackets of the block's texts, which
// may open and close link labels, are done with before anything in the
// block could be a link: each of them before the first "://", "www." or
// @ of its lines, as many closing as opening, and a space after the last,
// so that no label is open where Linkify is called (it makes no link in
// one) and no link it makes takes a bracket in. Notes[^1] and citations
// [2] stand before a link in many a paragraph.
func (b *linkBlocks) labelsClosed(lines *text.Segments) bool {
	first := math.MaxInt
	for i := range lines.Len() {
		seg := lines.At(i)
		if at := firstLinkMark(seg.Value(b.source)); at >= 0 {
			first = seg.Start + at
			break
		}
	}
	if first == math.MaxInt {
		return true // no link to make
	}
	open, last := 0, -1
	for _, t := range b.texts {
		for i, c := range t.Segment.Value(b.source) {
			if c != '[' && c != ']' {
				continue
			}
			at := t.Segment.Start + i
			if at > first {
				return false
			}
			if c == '[' {
				open++
			} else {
				open = max(open-1, 0)
			}
			last = at
		}
	}
	return open == 0 && (last < 0 || bytes.IndexByte(b.source[last:first], ' ') >= 0)
}

// firstLinkMark returns where in s the first "://", "www." or @ is, or -1.
// Each mark is looked for only where it would start before those found:
// most bodies are looked at whole (mayLink), and one with a link would
// otherwise be read to its end for each mark.
func firstLinkMark(s []byte) int {
	first := len(s)
	for _, mark := range []string{"://", "www.", "@"} {
		if i := bytes.Index(s[:min(len(s), first+len(mark)-1)], []byte(mark)); i >= 0 {
			first = i
		}
	}
	if first == len(s) {
		return -1
	}
	return first
}

// mayLink reports whether Linkify could start a link in s: each link it
// makes holds "://", starts with "www." or is an address with an @.
func mayLink(s []byte) bool { return firstLinkMark(s) >= 0 }

// linkText makes the links of one text, splitting it around each; false
// when a link would run on past it into something other than text.
func (b *linkBlocks) linkText(t *ast.Text, lines *text.Segments) bool {
	source := b.source
	if t.Parent() == nil || t.Segment.Len() == 0 {
		// Taken into a link made from an earlier text, or the empty text
		// that ends a line after a link or code span, where the inline
		// parser calls nothing.
		return true
	}
	line := lineOf(lines, t.Segment.Start)
	if line < 0 {
		return false
	}
	seg := lines.At(line)
	// Where the line's next @, :// and www. are, once looked for: a link
	// starts at most 65 bytes before the first, 6 before the second (a
	// mark and "https") and one before the third.
	nextAt, nextScheme, nextWWW := -1, -1, -1
	for at := t.Segment.Start; at < t.Segment.Stop; at++ {
		if at != t.Segment.Start && !linkifyTrigger(source[at]) && !afterBackticks(source, at) {
			continue
		}
		ahead := source[at:seg.Stop]
		if nextAt < at {
			nextAt = next(ahead, at, "@")
		}
		if nextScheme < at {
			nextScheme = next(ahead, at, "://")
		}
		if nextWWW < at {
			nextWWW = next(ahead, at, "www.")
		}
		if from := min(nextAt-65, nextScheme-6, nextWWW-1); from > at {
			at = from - 1 // no link can start before
			continue
		}
		if !mayStartLink(ahead, nextAt-at) {
			continue
		}
		from := seg
		if at != seg.Start {
			from = text.NewSegment(at, seg.Stop)
		}
		b.reader.SetPosition(line, from)
		link := b.linkify.Parse(b.scratch, b.reader, b.pc)
		b.scratch.RemoveChildren(b.scratch)
		if link == nil {
			continue
		}
		_, after := b.reader.Position()
		start, end := at, after.Start
		if linkifyMark(source[at]) {
			start++ // Linkify leaves the mark it was called at as text
		}
		rest := restAfter(t, end)
		if rest == nil {
			return false
		}
		parent := t.Parent()
		taken := rest != t // the link ends in a later text of the block
		if taken {
			rest.Segment = rest.Segment.WithStart(end)
		} else {
			rest = ast.NewTextSegment(t.Segment.WithStart(end))
			rest.SetSoftLineBreak(t.SoftLineBreak())
			rest.SetHardLineBreak(t.HardLineBreak())
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(false)
			parent.InsertAfter(parent, t, rest)
		}
		t.Segment = t.Segment.WithStop(start)
		parent.InsertAfter(parent, t, link)
		if t.Segment.Len() == 0 {
			parent.RemoveChild(parent, t)
		}
		if taken {
			// That text is one of the block's, whose turn comes: it is
			// looked at from the link's end then, as at a text's start.
			return true
		}
		t = rest
		at = end - 1 // the inline parser looks again right after a link
	}
	return true
}

// restAfter returns the text that goes on after a link from t that ends
// at end: t itself, or a text after it, when the link runs on over texts
// that follow t without a gap, which it takes out. Those are marks of
// emphasis that found no partner, in "wiki/Mean_time_to_recovery". It
// returns nil when the link runs on into anything else.
func restAfter(t *ast.Text, end int) *ast.Text {
	last := t
	for end > last.Segment.Stop {
		next, ok := last.NextSibling().(*ast.Text)
		if !ok || next.IsRaw() || next.Segment.Start != last.Segment.Stop || last.SoftLineBreak() || last.HardLineBreak() {
			return nil
		}
		last = next
	}
	for n := t.NextSibling(); last != t && n != last; {
		next := n.NextSibling()
		n.Parent().RemoveChild(n.Parent(), n)
		n = next
	}
	return last
}

// next returns where in the source s, which starts at offset, sub is
// first found, or a number so large that no link starts near it.
func next(s []byte, offset int, sub string) int {
	if i := bytes.Index(s, []byte(sub)); i >= 0 {
		return offset + i
	}
	return math.MaxInt / 2
}

// linkifyTrigger reports whether the inline parser calls Linkify at c
// within a text: one of the marks Linkify leaves as text, or another blank
// (at which it finds nothing, but the inline parser calls it all the same).
func linkifyTrigger(c byte) bool {
	return linkifyMark(c) || c == '\t' || c == '\v' || c == '\f'
}

// afterBackticks reports whether the byte at i ends a run of backticks,
// which, opening no code span, the inline parser takes as text of its own
// and then calls Linkify at i, as at the start of a text.
func afterBackticks(source []byte, i int) bool {
	return source[i-1] == '`' && source[i] != '`'
}

// mayStartLink reports whether Linkify could find a link in line, called
// at its first byte: after the mark it leaves as text, if any, a scheme it
// takes or "www.", or an address, with its @ toAt bytes on among the 66 to
// come.
func mayStartLink(line []byte, toAt int) bool {
	switch {
	case toAt < 66:
		return true
	case len(line) > 0 && linkifyMark(line[0]):
		line = line[1:]
	}
	for _, start := range linkStarts {
		if bytes.HasPrefix(line, start) {
			return true
		}
	}
	return false
}

// linkStarts are how the links Linkify makes of URLs start.
var linkStarts = [][]byte{[]byte("http:"), []byte("https:"), []byte("ftp:"), []byte("www.")}

// linkifyMark reports whether Linkify, called at c, leaves it as text and
// looks for a link after it.
func linkifyMark(c byte) bool {
	return c == ' ' || c == '*' || c == '_' || c == '~' || c == '('
}

// lineOf returns the index of the line of lines that holds offset, or -1.
func lineOf(lines *text.Segments, offset int) int {
	for i := range lines.Len() {
		if s := lines.At(i); s.Start <= offset && offset < s.Stop {
			return i
		}
	}
	return -1
}
