package render

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// lists and listItems are goldmark's parsers of lists and their items
// (NewListParser, NewListItemParser), which take their lists, items and
// the text blocks of tight lists from the nodes of the parse. The two tell
// each other what they found through keys of the context of their own,
// so they stand in for goldmark's together, at the same priorities.
type (
	lists     struct{}
	listItems struct{}
)

// Keys of the parse's context the two parsers share.
var (
	// skipListKey is set when an item closed at a line that starts the
	// next item of its list, which the list parser must not open a list at.
	skipListKey = parser.NewContextKey()
	// emptyItemBlankKey is set when the last item is empty and followed by
	// blank lines: no more text can join it.
	emptyItemBlankKey = parser.NewContextKey()
	// breakSearchedKey holds the end of the last line a list looked at for
	// a thematic break, so that it looks at each line once.
	breakSearchedKey = parser.NewContextKey()
)

// flagged is what the keys above are set to.
var flagged any = true

// searchedTo is where the search for thematic breaks has got to.
type searchedTo struct{ pos int }

// listMarker is what opens an item: a bullet or a number.
type listMarker int

const (
	notListItem listMarker = iota
	bulletItem
	orderedItem
)

// parseListItem finds an item's marker in line: the same as
// `^(([ ]*)([\-\*\+]))(\s+.*)?\n?$` or `^(([ ]*)(\d{1,9}[\.\)]))(\s+.*)?\n?$`,
// as FindSubmatchIndex gives them.
func parseListItem(line []byte) ([6]int, listMarker) {
	i := 0
	l := len(line)
	ret := [6]int{}
	for ; i < l && line[i] == ' '; i++ {
	}
	if i > 3 {
		return ret, notListItem
	}
	ret[1], ret[2] = i, i
	var marker listMarker
	switch {
	case i < l && (line[i] == '-' || line[i] == '*' || line[i] == '+'):
		i++
		ret[3] = i
		marker = bulletItem
	case i < l:
		for ; i < l && util.IsNumeric(line[i]); i++ {
		}
		ret[3] = i
		if ret[3] == ret[2] || ret[3]-ret[2] > 9 {
			return ret, notListItem
		}
		if i >= l || (line[i] != '.' && line[i] != ')') {
			return ret, notListItem
		}
		i++
		ret[3] = i
		marker = orderedItem
	default:
		return ret, notListItem
	}
	if i < l && line[i] != '\n' {
		if w, _ := util.IndentWidth(line[i:], 0); w == 0 {
			return ret, notListItem
		}
	}
	if i >= l {
		ret[4], ret[5] = -1, -1
		return ret, marker
	}
	ret[4], ret[5] = i, len(line)
	if line[ret[5]-1] == '\n' && line[i] != '\n' {
		ret[5]--
	}
	return ret, marker
}

// listItemOffset is how far past its marker an item's text starts.
func listItemOffset(source []byte, match [6]int) int {
	if match[4] < 0 || util.IsBlank(source[match[4]:]) { // it starts with a blank line
		return 1
	}
	offset, _ := util.IndentWidth(source[match[4]:], match[4])
	if offset > 4 { // an indented code block
		return 1
	}
	return offset
}

// lastItemOffset is the offset of a list's last item; 0 when it has none.
func lastItemOffset(list ast.Node) int {
	if last := list.LastChild(); last != nil {
		return last.(*ast.ListItem).Offset
	}
	return 0
}

// itemStarts are the characters an item's marker starts with: a bullet or
// a digit.
var itemStarts = []byte("-+*0123456789")

func (lists) Trigger() []byte { return itemStarts }

func (lists) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	last := pc.LastOpenedBlock().Node
	if _, isList := last.(*ast.List); isList || pc.Get(skipListKey) != nil {
		pc.Set(skipListKey, nil)
		return nil, parser.NoChildren
	}
	line, _ := reader.PeekLine()
	match, marker := parseListItem(line)
	if marker == notListItem {
		return nil, parser.NoChildren
	}
	start := -1
	if marker == orderedItem {
		start, _ = strconv.Atoi(string(line[match[2] : match[3]-1]))
	}
	if ast.IsParagraph(last) && last.Parent() == parent {
		// Only a list that starts at 1 interrupts a paragraph, and not
		// with an empty item.
		if marker == orderedItem && start != 1 {
			return nil, parser.NoChildren
		}
		if match[4] < 0 || util.IsBlank(line[match[4]:match[5]]) {
			return nil, parser.NoChildren
		}
	}
	node := nodesOf(pc).list(line[match[3]-1])
	if start > -1 {
		node.Start = start
	}
	pc.Set(emptyItemBlankKey, nil)
	return node, parser.HasChildren
}

func (lists) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	list := node.(*ast.List)
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		if node.LastChild().ChildCount() == 0 {
			pc.Set(emptyItemBlankKey, flagged)
		}
		return parser.Continue | parser.HasChildren
	}
	// A line indented less than the last item's text, or after an empty
	// item, may start the next item.
	offset := lastItemOffset(node)
	lastIsEmpty := node.LastChild().ChildCount() == 0
	indent, _ := util.IndentWidth(line, reader.LineOffset())
	if indent < offset || lastIsEmpty {
		if indent < 4 {
			match, marker := parseListItem(line)
			if marker != notListItem && match[1]-offset < 4 {
				if !list.CanContinue(line[match[3]-1], marker == orderedItem) {
					return parser.Close
				}
				// A thematic break ends the list, unless it underlines a
				// paragraph as a heading.
				searched := pc.ComputeIfAbsent(breakSearchedKey, func() any { return &searchedTo{} }).(*searchedTo)
				isBreak := false
				if seg.Stop > searched.pos {
					isBreak = isThematicBreak(line[match[3]-1:], 0)
					searched.pos = seg.Stop
				}
				if isBreak {
					last := pc.LastOpenedBlock().Node
					if c, ok := setextHeadingBar(line[match[3]-1:]); !ast.IsParagraph(last) || !ok || c != '-' {
						return parser.Close
					}
				}
				return parser.Continue | parser.HasChildren
			}
		}
		if !lastIsEmpty {
			return parser.Close
		}
	}
	if lastIsEmpty && indent < offset {
		return parser.Close
	}
	// No text joins an empty item that blank lines follow: it ends the list.
	if pc.Get(emptyItemBlankKey) != nil {
		return parser.Close
	}
	return parser.Continue | parser.HasChildren
}

func (lists) Close(node ast.Node, _ text.Reader, pc parser.Context) {
	list := node.(*ast.List)
	for c := node.FirstChild(); c != nil && list.IsTight; c = c.NextSibling() {
		if c.FirstChild() != nil && c.FirstChild() != c.LastChild() {
			for c1 := c.FirstChild().NextSibling(); c1 != nil; c1 = c1.NextSibling() {
				if c1.HasBlankPreviousLines() {
					list.IsTight = false
					break
				}
			}
		}
		if c != node.FirstChild() && c.HasBlankPreviousLines() {
			list.IsTight = false
		}
	}
	if !list.IsTight {
		return
	}
	n := nodesOf(pc)
	for item := node.FirstChild(); item != nil; item = item.NextSibling() {
		for child := item.FirstChild(); child != nil; {
			paragraph, ok := child.(*ast.Paragraph)
			child = child.NextSibling()
			if ok {
				block := n.textBlock()
				block.SetLines(paragraph.Lines())
				item.ReplaceChild(item, paragraph, block)
			}
		}
	}
}

func (lists) CanInterruptParagraph() bool { return true }

func (lists) CanAcceptIndentedLine() bool { return false }

func (listItems) Trigger() []byte { return itemStarts }

func (listItems) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	list, isList := parent.(*ast.List)
	if !isList { // an item is a list's
		return nil, parser.NoChildren
	}
	offset := lastItemOffset(list)
	line, _ := reader.PeekLine()
	match, marker := parseListItem(line)
	if marker == notListItem || match[1]-offset > 3 {
		return nil, parser.NoChildren
	}
	pc.Set(emptyItemBlankKey, nil)
	itemOffset := listItemOffset(line, match)
	node := nodesOf(pc).listItem(match[3] + itemOffset)
	if match[4] < 0 || util.IsBlank(line[match[4]:match[5]]) {
		return node, parser.NoChildren
	}
	pos, padding := util.IndentPosition(line[match[4]:], match[4], itemOffset)
	reader.AdvanceAndSetPadding(match[3]+pos, padding)
	return node, parser.HasChildren
}

func (listItems) Continue(node ast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		reader.AdvanceToEOL()
		return parser.Continue | parser.HasChildren
	}
	offset := lastItemOffset(node.Parent())
	isEmpty := node.ChildCount() == 0 && pc.Get(emptyItemBlankKey) != nil
	indent, _ := util.IndentWidth(line, reader.LineOffset())
	if (isEmpty || indent < offset) && indent < 4 {
		if _, marker := parseListItem(line); marker != notListItem { // the next item
			pc.Set(skipListKey, flagged)
			return parser.Close
		}
		if !isEmpty {
			return parser.Close
		}
	}
	pos, padding := util.IndentPosition(line, reader.LineOffset(), offset)
	reader.AdvanceAndSetPadding(pos, padding)
	return parser.Continue | parser.HasChildren
}

func (listItems) Close(ast.Node, text.Reader, parser.Context) {}

func (listItems) CanInterruptParagraph() bool { return true }

func (listItems) CanAcceptIndentedLine() bool { return false }

// isThematicBreak reports whether line, from offset, is a thematic break:
// three or more of one of -, * and _, with spaces between at will.
func isThematicBreak(line []byte, offset int) bool {
	w, pos := util.IndentWidth(line, offset)
	if w > 3 {
		return false
	}
	mark := byte(0)
	count := 0
	for _, c := range line[pos:] {
		if util.IsSpace(c) {
			continue
		}
		if mark == 0 {
			if c != '*' && c != '-' && c != '_' {
				return false
			}
			mark = c
		} else if c != mark {
			return false
		}
		count++
	}
	return count > 2
}

// setextHeadingBar reports whether line underlines a heading, with = or -,
// and with which.
func setextHeadingBar(line []byte) (byte, bool) {
	end := len(line)
	start := util.TrimLeftLength(line, []byte{' '})
	if start > 3 {
		return 0, false
	}
	level1 := util.TrimLeftLength(line[start:end], []byte{'='})
	c := byte('=')
	var level2 int
	if level1 == 0 {
		level2 = util.TrimLeftLength(line[start:end], []byte{'-'})
		c = '-'
	}
	if util.IsSpace(line[end-1]) {
		end -= util.TrimRightSpaceLength(line[start:end])
	}
	if (level1 > 0 && start+level1 == end) || (level2 > 0 && start+level2 == end) {
		return c, true
	}
	return 0, false
}
