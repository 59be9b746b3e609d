// Package mdcost finds the Markdown that would cost the renderer far more
// time or memory than its length: shapes in which goldmark, the Markdown
// library, does work in proportion to the square of the input (a line of
// eighty thousand "[a](" takes it over fifteen seconds), and tables whose
// rows leave out cells that it makes anyway (36 KB can take 4 GB).
//
// Check reads a body in time in proportion to its length: a scan of its
// lines, then goldmark's own reading of the blocks (paragraphs, headings,
// list items, tables), without the inline parsing where the costly paths
// lie, and then an estimate, for each block, of the work those paths would
// do in it. A body whose estimate is over a budget in proportion to its
// length is refused, with the line of the block that costs most and what
// to change there. The estimate errs on the side of more work than goldmark
// does, so that what it lets through renders in time in proportion to its
// length; content written by hand is far below the budget.
package mdcost

import (
	"bytes"
	"fmt"
	"math"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The limits on what a body may hold.
const (
	// MaxNesting is how many lists and block quotes one line may open.
	MaxNesting = 32
	// MaxColumns is how many columns a table may have.
	MaxColumns = 64
	// MaxCells is how many cells the tables of one body may have in all,
	// counting the cells a row leaves out, which are made all the same.
	MaxCells = 100_000
)

// The budget of a body, in steps of the estimate: about what goldmark does
// for one byte of prose, times budgetPerByte, plus budgetBase for a body
// of any length.
const (
	budgetBase    = 1 << 16
	budgetPerByte = 64
)

// Problem is a shape in a body that would cost the renderer too much.
type Problem struct {
	Line int // in the body, counting from 1
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Msg) }

// blocks reads the block structure of a body as goldmark does, and no
// more: without inline parsers, nothing within a block is looked at, and
// without paragraph transformers, a table is still its paragraph.
var blocks = parser.NewParser(
	parser.WithBlockParsers(parser.DefaultBlockParsers()...),
	parser.WithInlineParsers(),
	parser.WithParagraphTransformers(),
)

// Check returns what in body would cost the renderer too much: lines that
// open too many lists or quotes, tables too wide or too big, and, when the
// work estimated for the whole body is over its budget, the block that
// costs most. None when the body renders in time and memory in proportion
// to its length.
func Check(body []byte) []Problem {
	if p, ok := nesting(body); !ok {
		return []Problem{p} // goldmark's own reading of the blocks would be slow
	}
	if bound(body) <= budgetOf(body) {
		return nil
	}
	doc := blocks.Parse(text.NewReader(body))
	lines := newLineIndex(body)
	var problems []Problem
	var cells int
	var total int64
	budget := budgetOf(body)
	var worst blockCost
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading:
		default:
			return ast.WalkContinue, nil
		}
		segs := segmentsOf(n.Lines())
		if len(segs) == 0 {
			return ast.WalkContinue, nil
		}
		units := [][]text.Segment{segs}
		if n.Kind() != ast.KindHeading {
			if t, ok := findTable(body, segs); ok {
				line := lines.of(segs[t.delimiter-1].Start) // the header row
				if t.columns > MaxColumns {
					problems = append(problems, Problem{line, fmt.Sprintf(
						"this table has %d columns, more than the %d a table may have (split it into narrower tables)", t.columns, MaxColumns)})
				}
				cells += t.columns * (len(segs) - t.delimiter)
				if cells > MaxCells && cells-t.columns*(len(segs)-t.delimiter) <= MaxCells {
					problems = append(problems, Problem{line, fmt.Sprintf(
						"the tables up to this one have %d cells (rows × columns, counting cells a row leaves out), more than the %d one page may have (split the page, or the table)", cells, MaxCells)})
				}
				units = t.units(segs)
			}
		}
		for _, u := range units {
			if total > budget {
				break // refused already: only the limits on tables are still looked for
			}
			c := estimate(body, u, budget-total)
			total += c.steps
			if c.steps > worst.steps {
				worst = c
				worst.line = lines.of(u[0].Start)
			}
		}
		return ast.WalkContinue, nil
	})
	if total > budget {
		problems = append(problems, Problem{worst.line, worst.advice()})
	}
	return problems
}

func segmentsOf(lines *text.Segments) []text.Segment {
	out := make([]text.Segment, lines.Len())
	for i := range out {
		out[i] = lines.At(i)
	}
	return out
}

// lineIndex finds the line a byte of a body is on.
type lineIndex []int // where each line starts

func newLineIndex(body []byte) lineIndex {
	starts := lineIndex{0}
	for i, c := range body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// of returns the line, counting from 1, that byte at is on.
func (l lineIndex) of(at int) int {
	lo, hi := 0, len(l)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if l[mid] <= at {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// nesting checks that no line opens more than MaxNesting lists and block
// quotes: goldmark reads the rest of the line once for each.
func nesting(body []byte) (Problem, bool) {
	line := 1
	for start := 0; start < len(body); line++ {
		end := len(body)
		if n := bytes.IndexByte(body[start:], '\n'); n >= 0 {
			end = start + n
		}
		if n := markers(body[start:end]); n > MaxNesting {
			return Problem{line, fmt.Sprintf(
				"this line opens %d lists or block quotes one inside another, more than the %d the handbook renders (nest them less deeply)", n, MaxNesting)}, false
		}
		start = end + 1
	}
	return Problem{}, true
}

// markers counts the marks at the start of a line that may each open a
// list or a block quote: >, -, + or * before a blank, and a number of one
// to nine digits with . or ) before a blank. It counts every such mark,
// whatever the blocks around the line make of it.
func markers(line []byte) int {
	n := 0
	i := 0
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
		case c == '>':
			n++
		case (c == '-' || c == '+' || c == '*') && (i+1 == len(line) || util.IsSpace(line[i+1])):
			n++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j == len(line) || (line[j] != '.' && line[j] != ')') || (j+1 < len(line) && !util.IsSpace(line[j+1])) {
				return n
			}
			n++
			i = j
		default:
			return n
		}
		i++
	}
	return n
}

func budgetOf(body []byte) int64 { return budgetBase + budgetPerByte*int64(len(body)) }

// bound is more work than the estimate can come to, found in one quick
// pass, so that most bodies need no estimate at all. An emphasis mark
// (* _ ~) looks at most at the other emphasis marks of its block, weighed
// as the estimate weighs them; a bracket, an angle bracket or a run of
// backticks walks the block's bytes at most four times over (between
// brackets, back to the first line, the address and a title). No block that goldmark parses
// inline spans a blank line, so a stretch between blank lines holds all the
// marks and bytes any of its blocks can cost. A table has no more cells
// than the stretch has pipes times lines, and when that is within MaxCells
// for the whole body, so are its tables.
func bound(body []byte) int64 {
	var total, cells, emphasis, walks, pipes, lines int64
	start, lineStart := 0, 0
	flush := func(end int) {
		total += emphasisWeight*emphasis*emphasis + 4*walks*int64(end-start)
		cells += pipes * lines
		emphasis, walks, pipes, lines = 0, 0, 0, 0
	}
	for i := 0; i < len(body); i++ {
		// Most bytes are letters and blanks: they are passed over eight at
		// a time, and a byte at a time where a mark is near.
		for i+8 <= len(body) && plainWord(body[i:i+8]) {
			i += 8
		}
		if i == len(body) {
			break
		}
		switch marks[body[i]] {
		case emphasisMark:
			emphasis++
		case walkMark:
			walks++
		case backtick:
			if i == 0 || body[i-1] != '`' {
				walks++
			}
		case pipe:
			pipes++
		case newline:
			lines++
			if blankLine(body[lineStart:i]) {
				flush(i)
				start = i + 1
			}
			lineStart = i + 1
		}
	}
	flush(len(body))
	if cells > MaxCells {
		return math.MaxInt64
	}
	return total
}

// plainWord reports whether the eight bytes of b are letters or blanks:
// eight loads from a table and no branch between them.
func plainWord(b []byte) bool {
	_ = b[7]
	return notPlain[b[0]]|notPlain[b[1]]|notPlain[b[2]]|notPlain[b[3]]|
		notPlain[b[4]]|notPlain[b[5]]|notPlain[b[6]]|notPlain[b[7]] == 0
}

// notPlain is 1 for the bytes bound counts and 0 for letters and blanks.
var notPlain = func() (t [256]uint8) {
	for c, m := range marks {
		if m != letter && m != space {
			t[c] = 1
		}
	}
	return t
}()

// blankLine reports whether a line holds nothing but blanks.
func blankLine(line []byte) bool {
	for _, c := range line {
		if marks[c] != space {
			return false
		}
	}
	return true
}

// mark is what bound makes of a byte.
type mark uint8

const (
	letter       mark = iota // any byte not named below
	emphasisMark             // * _ ~
	walkMark                 // [ ] <
	backtick
	pipe
	newline
	space // a blank or a tab, or a carriage return
)

// marks gives each byte its mark: a table, read once per byte, is several
// times quicker than a switch over the bytes that matter.
var marks = func() (m [256]mark) {
	for _, c := range []byte("*_~") {
		m[c] = emphasisMark
	}
	for _, c := range []byte("[]<") {
		m[c] = walkMark
	}
	m['`'], m['|'], m['\n'] = backtick, pipe, newline
	m[' '], m['\t'], m['\r'] = space, space, space
	return m
}()
