package mdcost

import (
	"bytes"
	"regexp"

	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// table is where a paragraph becomes a table, as goldmark's table
// extension finds it: at the first line that is a delimiter row, such as
// |---|:--:|, under a header row with no more cells than it has columns.
type table struct {
	delimiter int // the index of the delimiter row among the lines
	columns   int
}

// findTable finds the table in a paragraph of lines, if there is one.
func findTable(source []byte, lines []text.Segment) (table, bool) {
	for i := 1; i < len(lines); i++ {
		columns := delimiterColumns(lines[i].Value(source))
		if columns == 0 {
			continue
		}
		if headerCells(lines[i-1].Value(source)) > columns {
			return table{}, false
		}
		return table{delimiter: i, columns: columns}, true
	}
	return table{}, false
}

// units are the parts of the paragraph that goldmark reads one by one once
// it is a table: the lines before the header, the header, and each row.
// (It reads each cell on its own; a row at a time is the more work.)
func (t table) units(lines []text.Segment) [][]text.Segment {
	var out [][]text.Segment
	if t.delimiter > 1 {
		out = append(out, lines[:t.delimiter-1])
	}
	out = append(out, lines[t.delimiter-1:t.delimiter])
	for j := t.delimiter + 1; j < len(lines); j++ {
		out = append(out, lines[j:j+1])
	}
	return out
}

var (
	delimLeft   = regexp.MustCompile(`^\s*:-+\s*$`)
	delimRight  = regexp.MustCompile(`^\s*-+:\s*$`)
	delimCenter = regexp.MustCompile(`^\s*:-+:\s*$`)
	delimNone   = regexp.MustCompile(`^\s*-+\s*$`)
)

// delimiterColumns returns the number of columns of a delimiter row, or 0
// when line is not one.
func delimiterColumns(line []byte) int {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return 0
	}
	allDashes := true
	for _, b := range line {
		if b != '-' {
			allDashes = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return 0
		}
	}
	if allDashes {
		return 0
	}
	cols := bytes.Split(line, []byte{'|'})
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	for _, col := range cols {
		if !delimLeft.Match(col) && !delimRight.Match(col) && !delimCenter.Match(col) && !delimNone.Match(col) {
			return 0
		}
	}
	return len(cols)
}

// headerCells counts the cells of a header row: text between pipes that
// are not escaped, less a pipe at either end.
func headerCells(line []byte) int {
	line = util.TrimRightSpace(util.TrimLeftSpace(line))
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > 0 && line[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		end := pos
		for end < limit && (line[end] != '|' || (end > 0 && line[end-1] == '\\')) {
			end++
		}
		n++
		pos = end + 1
	}
	return n
}
