package model

import (
	"fmt"
	"sort"
	"strings"
)

// Error is a problem with the site's sources, placed at a file and line so
// that an editor can jump straight to it.
type Error struct {
	File string // relative to the site folder, with forward slashes
	Line int    // 1-based; 0 when the problem is with the file as a whole
	Msg  string
}

// Error returns the error as PATH:LINE: message.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errorf returns an Error at file and line.
func Errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// ErrorList collects every problem found in one run, so that a user fixes
// them all at once instead of one build at a time.
type ErrorList []*Error

// Add appends an error at file and line.
func (l *ErrorList) Add(file string, line int, format string, args ...any) {
	*l = append(*l, Errorf(file, line, format, args...))
}

// Sort orders the list by file, line and message, and drops exact repeats.
func (l *ErrorList) Sort() {
	list := *l
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Msg < b.Msg
	})
	out := list[:0]
	for i, e := range list {
		if i > 0 && *e == *list[i-1] {
			continue
		}
		out = append(out, e)
	}
	*l = out
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error returns one error per line.
func (l ErrorList) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
