package mdcost

import (
	"bytes"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The paths of goldmark's inline parsing whose work can grow with the
// square of a block's length, which the estimate counts.
const (
	// Emphasis: at the end of a block, each * _ or ~ that may close looks
	// back through the marks before it for one that opens, and when none
	// does, through all of them (no "openers bottom" as in CommonMark's
	// reference parser).
	pathEmphasis = iota
	// Brackets: each ] that closes a [ walks what lies between the two and
	// copies it, and finds the line it starts on by walking back from the
	// block's last line; after "](" it reads the address to the next blank
	// or end of line, after the address a title to its closing quote, and
	// after "][" a label to the next bracket, however far that is.
	pathBrackets
	// Code: a run of backticks reads on to the next run of as many, to the
	// end of the block when there is none.
	pathCode
	// References: each [label]: address at the start of a paragraph is
	// taken out of it by copying the lines after it.
	pathReferences
	numPaths
)

// emphasisWeight is how many steps one look at a mark is: the marks are
// nodes of a linked list, each look a few pointer reads and a call.
const emphasisWeight = 4

// blockCost is the work estimated for one block.
type blockCost struct {
	steps int64
	line  int
	path  [numPaths]int64 // steps by path
	marks [numPaths]int   // how many marks took each path
}

// advice says what makes the block costly, and what to change.
func (c blockCost) advice() string {
	worst := 0
	for p := range numPaths {
		if c.path[p] > c.path[worst] {
			worst = p
		}
	}
	n := c.marks[worst]
	switch worst {
	case pathEmphasis:
		return fmt.Sprintf("this paragraph has %d *, _ or ~ marks that would take too long to pair up as emphasis (escape the ones that are not emphasis, as \\* or \\_, put code in `backticks`, or split the paragraph with blank lines)", n)
	case pathBrackets:
		return fmt.Sprintf("this paragraph has %d ] marks whose links would take too long to read (finish each link as [text](address), escape other brackets as \\[ and \\], or split the paragraph with blank lines)", n)
	case pathCode:
		return fmt.Sprintf("this paragraph has %d runs of backticks that would take too long to pair up as code (close each code span with as many backticks as open it, or escape them as \\`)", n)
	}
	return fmt.Sprintf("this paragraph starts with %d link reference definitions ([label]: address) that would take too long to read (put a blank line between every hundred or so)", n)
}

// estimate works out an upper bound on what goldmark's costly paths do in
// the block of lines: the text it would parse, with the marks of block
// structure (quote marks, list indents) taken off by the block parser.
func estimate(source []byte, lines []text.Segment, limit int64) blockCost {
	b := newBlockText(source, lines)
	var c blockCost
	c.references(b)
	code := c.codeSpans(b)
	noOpen := slices.Clone(code)
	c.brackets(b, code, noOpen)
	for _, s := range c.path {
		c.steps += s
	}
	steps, marks := matchEmphasis(b, noOpen, max(limit-c.steps, 0)/emphasisWeight)
	c.path[pathEmphasis], c.marks[pathEmphasis] = emphasisWeight*steps, marks
	c.steps += c.path[pathEmphasis]
	return c
}

// blockText is a block's text, its lines one after another, with where
// each byte came from in the source.
type blockText struct {
	text    []byte
	source  []byte
	from    []int // for each line, where it starts in text
	starts  []int // for each line, where it starts in source
	lines   int
	escaped []bool // the byte follows a backslash that is not itself escaped
	line    int    // where before last looked
}

func newBlockText(source []byte, lines []text.Segment) *blockText {
	b := &blockText{source: source, lines: len(lines)}
	for _, l := range lines {
		b.from = append(b.from, len(b.text))
		b.starts = append(b.starts, l.Start)
		b.text = append(b.text, l.Value(source)...)
	}
	b.escaped = make([]bool, len(b.text))
	esc := false
	for i, ch := range b.text {
		b.escaped[i] = esc
		esc = !esc && ch == '\\'
	}
	return b
}

// before returns the character before text[i] as goldmark sees it: the
// source's, or a line break at the start of the block. It is asked about
// bytes in order, and keeps its place among the lines.
func (b *blockText) before(i int) rune {
	if i == 0 {
		return '\n'
	}
	for b.line+1 < len(b.from) && b.from[b.line+1] <= i {
		b.line++
	}
	for b.from[b.line] > i {
		b.line--
	}
	at := b.starts[b.line] + (i - b.from[b.line])
	if at == 0 {
		return '\n'
	}
	r, _ := utf8.DecodeLastRune(b.source[:at])
	return r
}

// references counts the link reference definitions a paragraph may start
// with: lines that start with [ after at most three spaces. Each one taken
// out copies the lines after it.
func (c *blockCost) references(b *blockText) {
	n := 0
	for i, start := range b.from {
		end := len(b.text)
		if i+1 < len(b.from) {
			end = b.from[i+1]
		}
		line := b.text[start:end]
		if w, pos := util.IndentWidth(line, 0); w <= 3 && pos < len(line) && line[pos] == '[' {
			n++
		}
	}
	c.marks[pathReferences] = n
	c.path[pathReferences] = int64(n) * int64(b.lines)
}

// codeSpans pairs runs of backticks as goldmark's code span parser does,
// counting how far each reads, and returns which bytes are code.
func (c *blockCost) codeSpans(b *blockText) []bool {
	t := b.text
	code := make([]bool, len(t))
	runs := map[int][]int{} // the starts of maximal runs of backticks, by length
	for i := 0; i < len(t); {
		if t[i] != '`' {
			i++
			continue
		}
		j := i
		for j < len(t) && t[j] == '`' {
			j++
		}
		runs[j-i] = append(runs[j-i], i)
		i = j
	}
	next := map[int]int{} // for each length, how many of its runs are behind
	for i := 0; i < len(t); i++ {
		if t[i] != '`' || b.escaped[i] {
			continue
		}
		j := i
		for j < len(t) && t[j] == '`' {
			j++
		}
		n := j - i
		list := runs[n]
		k := next[n]
		for k < len(list) && list[k] < j {
			k++
		}
		next[n] = k
		c.marks[pathCode]++
		if k == len(list) {
			c.path[pathCode] += int64(len(t) - i) // to the end of the block, in vain
			i = j - 1
			continue
		}
		end := list[k] + n
		c.path[pathCode] += int64(end - i)
		for p := i; p < end; p++ {
			code[p] = true
		}
		i = end - 1
	}
	return code
}

// brackets goes through the block's brackets outside code spans as
// goldmark's link parser does, counting how far each ] makes it read, and
// marks in noOpen what may be read as something other than text that
// emphasis can start in: link texts, addresses and titles, text in <>,
// and what looks like a web or mail address that Linkify would take.
func (c *blockCost) brackets(b *blockText, code, noOpen []bool) {
	t := b.text
	taken := make(ranges, len(t)+1)
	defer taken.into(noOpen)
	var open []int // the [ not yet closed
	next := newScanner(b)
	for i := 0; i < len(t); i++ {
		if code[i] || b.escaped[i] {
			continue
		}
		switch t[i] {
		case '<':
			end := min(next.find(i, angleClass), next.find(i, lineEndClass))
			taken.add(i, end)
		case ']':
			if len(open) == 0 {
				continue
			}
			from := open[len(open)-1]
			open = open[:len(open)-1]
			taken.add(from, i)
			c.marks[pathBrackets]++
			c.path[pathBrackets] += int64(i - from) // what lies between, walked and copied
			switch {
			case i+1 < len(t) && t[i+1] == '(':
				read, end, ok := next.link(i + 2)
				c.path[pathBrackets] += read
				if !ok {
					c.path[pathBrackets] += int64(b.lines) // the text between is copied from its lines
				}
				taken.add(i, end)
			case i+1 < len(t) && t[i+1] == '[':
				end := next.find(i+2, bracketClass)
				c.path[pathBrackets] += int64(end-(i+2)) + int64(b.lines)
			default:
				c.path[pathBrackets] += int64(b.lines)
			}
		case '[':
			open = append(open, i)
		}
	}
	// Addresses Linkify may take: words with ://, www. or @ in them.
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && !blankClass.matches(t[j]) {
			j++
		}
		if word := t[i:j]; bytes.Contains(word, []byte("://")) || bytes.Contains(word, []byte("www.")) || bytes.IndexByte(word, '@') >= 0 {
			taken.add(i, j)
		}
		i = j + 1
	}
}

// ranges collects ranges of a text, some inside others, and says of each
// byte whether it is in one, in time in proportion to the text's length
// and the number of ranges, however they overlap.
type ranges []int32 // +1 where a range starts, -1 where it ends

func (r ranges) add(from, to int) {
	to = min(to, len(r)-1)
	if from < to {
		r[from]++
		r[to]--
	}
}

// into sets in set every byte that is in a range.
func (r ranges) into(set []bool) {
	depth := int32(0)
	for i := range set {
		depth += r[i]
		if depth > 0 {
			set[i] = true
		}
	}
}

// delimiter is a run of emphasis marks, as goldmark's ScanDelimiter sees it.
type delimiter struct{ canOpen, canClose bool }

// scanDelimiter reads the run of marks text[i:j] as goldmark does; false
// when it is no delimiter (three or more ~, or ~ after ~).
func scanDelimiter(b *blockText, i, j int) (delimiter, bool) {
	t := b.text
	before := b.before(i)
	if t[i] == '~' && (j-i > 2 || before == '~') {
		return delimiter{}, false
	}
	after := ' '
	if j < len(t) {
		after, _ = utf8.DecodeRune(t[j:])
	}
	beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
	afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	if t[i] == '_' {
		return delimiter{canOpen: left && (!right || beforePunct), canClose: right && (!left || afterPunct)}, true
	}
	return delimiter{canOpen: left, canClose: right}, true
}
