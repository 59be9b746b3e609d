package render

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkParser is goldmark's parser of links and images (NewLinkParser),
// which takes its links, and the marks of the labels it finds open, from
// the nodes of the parse. It keeps the open labels under a key of its
// own, so the context's IsInLinkLabel, which Linkify asks, cannot see
// them: the flavour with Linkify keeps goldmark's.
type linkParser struct{}

// Keys of the parse's context the parser keeps its state under.
var (
	// openLabelsKey holds the labels open, the first of a list.
	openLabelsKey = parser.NewContextKey()
	// linkBottomKey holds, for each label open, the last mark of emphasis
	// before it: a label's marks are weighed apart from those outside it.
	linkBottomKey = parser.NewContextKey()
)

// openLabel is a [ or ![ that may start the label of a link or an image.
// It stands in the tree where it was read until a ] closes it or its
// block ends, and the labels open are a list, from the first.
type openLabel struct {
	ast.BaseInline
	Segment     text.Segment
	IsImage     bool
	Prev, Next  *openLabel
	First, Last *openLabel // set on the list's first
}

var kindOpenLabel = ast.NewNodeKind("OpenLinkLabel")

func (s *openLabel) Kind() ast.NodeKind { return kindOpenLabel }

func (s *openLabel) Text(source []byte) []byte { return s.Segment.Value(source) }

func (s *openLabel) Dump(source []byte, level int) {
	fmt.Printf("%sOpenLinkLabel: %q\n", strings.Repeat("    ", level), s.Segment.Value(source))
}

// labelLength is the length of the labels open, from the first's start to
// the last's end.
func labelLength(first *openLabel) int {
	if first == nil || first.Last == nil || first.First == nil {
		return 0
	}
	return first.Last.Segment.Stop - first.First.Segment.Start
}

// pushLabel adds v to the end of the labels open.
func pushLabel(pc parser.Context, v *openLabel) {
	open := pc.Get(openLabelsKey)
	if open == nil {
		v.First, v.Last = v, v
		pc.Set(openLabelsKey, v)
		return
	}
	first := open.(*openLabel)
	last := first.Last
	first.Last = v
	last.Next = v
	v.Prev = last
}

// removeLabel takes d out of the labels open, closed or given up.
func removeLabel(pc parser.Context, d *openLabel) {
	open := pc.Get(openLabelsKey)
	if open == nil {
		return
	}
	first := open.(*openLabel)
	if d.Prev == nil {
		first = d.Next
		if first != nil {
			first.First = d
			first.Last = d.Last
			first.Prev = nil
			pc.Set(openLabelsKey, first)
		} else {
			pc.Set(openLabelsKey, nil)
		}
	} else {
		d.Prev.Next = d.Next
		if d.Next != nil {
			d.Next.Prev = d.Prev
		}
	}
	if first != nil && d.Next == nil {
		first.Last = d.Prev
	}
	d.Next, d.Prev, d.First, d.Last = nil, nil, nil, nil
}

func (linkParser) Trigger() []byte { return []byte{'!', '[', ']'} }

func (p linkParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	switch line[0] {
	case '!':
		if len(line) > 1 && line[1] == '[' {
			block.Advance(1)
			pushLinkBottom(pc)
			return openLabelAt(block, segment.Start+1, true, pc)
		}
		return nil
	case '[':
		pushLinkBottom(pc)
		return openLabelAt(block, segment.Start, false, pc)
	}
	// line[0] == ']'
	open := pc.Get(openLabelsKey)
	if open == nil {
		return nil
	}
	last := open.(*openLabel).Last
	if last == nil {
		_ = popLinkBottom(pc)
		return nil
	}
	block.Advance(1)
	removeLabel(pc, last)
	// A label holds at most 999 characters, and a link's holds no link.
	if labelLength(open.(*openLabel)) > 998 || (!last.IsImage && containsLink(last)) {
		return notALink(last, pc)
	}
	n := nodesOf(pc)
	c := block.Peek()
	l, pos := block.Position()
	var link *ast.Link
	switch c {
	case '(':
		link = p.inline(parent, last, block, pc, n)
	case '[':
		var hasValue bool
		link, hasValue = p.reference(parent, last, block, pc, n)
		if link == nil && hasValue {
			return notALink(last, pc)
		}
	}
	if link == nil { // maybe a shortcut reference: [label]
		block.SetPosition(l, pos)
		label := block.Value(text.NewSegment(last.Segment.Stop, segment.Start))
		if len(label) > 999 {
			return notALink(last, pc)
		}
		ref, ok := pc.Reference(util.ToLinkReference(label))
		if !ok {
			return notALink(last, pc)
		}
		link = n.link()
		p.takeLabel(parent, link, last, pc)
		link.Title = ref.Title()
		link.Destination = ref.Destination()
		link.Reference = ast.NewReferenceLink(ast.ReferenceLinkShortcut, label)
	}
	last.Parent().RemoveChild(last.Parent(), last)
	if last.IsImage {
		image := ast.NewImage(link)
		image.SetPos(last.Segment.Start)
		return image
	}
	link.SetPos(last.Segment.Start)
	return link
}

// notALink turns an open label that makes no link back into text.
func notALink(label *openLabel, pc parser.Context) ast.Node {
	ast.MergeOrReplaceTextSegment(label.Parent(), label, label.Segment)
	_ = popLinkBottom(pc)
	return nil
}

// containsLink reports whether n, its siblings after it or anything in
// them is a link.
func containsLink(n ast.Node) bool {
	for c := n; c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.Link); ok {
			return true
		}
		if containsLink(c.FirstChild()) {
			return true
		}
	}
	return false
}

// openLabelAt reads the [ at pos, the ! before it for an image.
func openLabelAt(block text.Reader, pos int, isImage bool, pc parser.Context) *openLabel {
	start := pos
	if isImage {
		start--
	}
	label := nodesOf(pc).openLabel()
	label.Segment, label.IsImage = text.NewSegment(start, pos+1), isImage
	pushLabel(pc, label)
	block.Advance(1)
	return label
}

// takeLabel weighs the marks of emphasis inside the label last and moves
// what follows it into link.
func (linkParser) takeLabel(parent ast.Node, link *ast.Link, last *openLabel, pc parser.Context) {
	parser.ProcessDelimiters(popLinkBottom(pc), pc)
	for c := last.NextSibling(); c != nil; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		link.AppendChild(link, c)
		c = next
	}
}

var labelClosure = text.FindClosureOptions{Nesting: false, Newline: true, Advance: true}

// reference reads a full or collapsed reference, [label][ref] or
// [label][]; hasValue says a reference was written, found or not.
func (p linkParser) reference(parent ast.Node, last *openLabel, block text.Reader, pc parser.Context, n *nodes) (link *ast.Link, hasValue bool) {
	_, start := block.Position()
	block.Advance(1) // the [
	segments, found := block.FindClosure('[', ']', labelClosure)
	if !found {
		return nil, false
	}
	var label []byte
	kind := ast.ReferenceLinkFull
	if segments.Len() == 1 {
		label = block.Value(segments.At(0))
	} else {
		label = []byte{}
		for i := range segments.Len() {
			label = append(label, block.Value(segments.At(i))...)
		}
	}
	if util.IsBlank(label) { // collapsed: [label][]
		label = block.Value(text.NewSegment(last.Segment.Stop, start.Start-1))
		kind = ast.ReferenceLinkCollapsed
	}
	if len(label) > 999 {
		return nil, true
	}
	ref, ok := pc.Reference(util.ToLinkReference(label))
	if !ok {
		return nil, true
	}
	link = n.link()
	p.takeLabel(parent, link, last, pc)
	link.Title = ref.Title()
	link.Destination = ref.Destination()
	link.Reference = ast.NewReferenceLink(kind, label)
	return link, true
}

// inline reads an inline link's destination and title: (dest "title").
func (p linkParser) inline(parent ast.Node, last *openLabel, block text.Reader, pc parser.Context, n *nodes) *ast.Link {
	block.Advance(1) // the (
	block.SkipSpaces()
	var title, destination []byte
	if block.Peek() == ')' { // an empty link: [label]()
		block.Advance(1)
	} else {
		var ok bool
		if destination, ok = linkDestination(block); !ok {
			return nil
		}
		block.SkipSpaces()
		if block.Peek() != ')' {
			if title, ok = linkTitle(block); !ok {
				return nil
			}
			block.SkipSpaces()
			if block.Peek() != ')' {
				return nil
			}
		}
		block.Advance(1)
	}
	link := n.link()
	p.takeLabel(parent, link, last, pc)
	link.Destination = destination
	link.Title = title
	return link
}

// linkDestination reads a link's destination, in angle brackets or not.
func linkDestination(block text.Reader) ([]byte, bool) {
	block.SkipSpaces()
	line, _ := block.PeekLine()
	if block.Peek() == '<' {
		for i := 1; i < len(line); i++ {
			switch c := line[i]; {
			case c == '\\' && i < len(line)-1 && util.IsPunct(line[i+1]):
				i++
			case c == '>':
				block.Advance(i + 1)
				return line[1:i], true
			}
		}
		return nil, false
	}
	opened := 0
	i := 0
	for i < len(line) {
		c := line[i]
		if c == '\\' && i < len(line)-1 && util.IsPunct(line[i+1]) {
			i += 2
			continue
		}
		if c == '(' {
			opened++
		} else if c == ')' {
			if opened--; opened < 0 {
				break
			}
		} else if util.IsSpace(c) {
			break
		}
		i++
	}
	block.Advance(i)
	return line[:i], i != 0
}

// linkTitle reads a link's title, in double or single quotes or brackets,
// over lines.
func linkTitle(block text.Reader) ([]byte, bool) {
	block.SkipSpaces()
	opener := block.Peek()
	if opener != '"' && opener != '\'' && opener != '(' {
		return nil, false
	}
	closer := opener
	if opener == '(' {
		closer = ')'
	}
	block.Advance(1)
	segments, found := block.FindClosure(opener, closer, labelClosure)
	if !found {
		return nil, false
	}
	if segments.Len() == 1 {
		return block.Value(segments.At(0)), true
	}
	var title []byte
	for i := range segments.Len() {
		title = append(title, block.Value(segments.At(i))...)
	}
	return title, true
}

// pushLinkBottom notes the last mark of emphasis before a label opened.
func pushLinkBottom(pc parser.Context) {
	bottoms := pc.Get(linkBottomKey)
	b := pc.LastDelimiter()
	switch s := bottoms.(type) {
	case nil:
		pc.Set(linkBottomKey, b)
	case []ast.Node:
		pc.Set(linkBottomKey, append(s, b))
	default:
		pc.Set(linkBottomKey, []ast.Node{bottoms.(ast.Node), b})
	}
}

// popLinkBottom returns the last mark of emphasis before the last label
// opened, and forgets it.
func popLinkBottom(pc parser.Context) ast.Node {
	bottoms := pc.Get(linkBottomKey)
	if bottoms == nil {
		return nil
	}
	if v, ok := bottoms.(ast.Node); ok {
		pc.Set(linkBottomKey, nil)
		return v
	}
	s := bottoms.([]ast.Node)
	v, rest := s[len(s)-1], s[:len(s)-1]
	switch len(rest) {
	case 0:
		pc.Set(linkBottomKey, nil)
	case 1:
		pc.Set(linkBottomKey, rest[0])
	default:
		pc.Set(linkBottomKey, rest)
	}
	return v
}

// CloseBlock turns the labels left open at the end of a block into text.
func (linkParser) CloseBlock(_ ast.Node, _ text.Reader, pc parser.Context) {
	pc.Set(linkBottomKey, nil)
	open := pc.Get(openLabelsKey)
	if open == nil {
		return
	}
	for s := open.(*openLabel); s != nil; {
		next := s.Next
		removeLabel(pc, s)
		s.Parent().ReplaceChild(s.Parent(), s, ast.NewTextSegment(s.Segment))
		s = next
	}
}
