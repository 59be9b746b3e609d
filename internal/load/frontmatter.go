package load

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/adrg/frontmatter"

	"github.com/reliability-council/handbook/internal/model"
)

// MaxFileSize is the largest source file read. Anything bigger is almost
// certainly not a hand-written page, and reading it would stall the build.
const MaxFileSize = 4 << 20

var byteOrderMark = []byte("\ufeff")

// readers are handed to frontmatter, which takes a *bufio.Reader as it is
// instead of making its own: one per file would be 4 KiB of garbage each,
// tens of megabytes for a large handbook.
var readers = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

// parseDocument splits a content file into its YAML frontmatter and body.
// frontmatter finds the block; this wrapper adds what it lacks: line numbers
// relative to the file, the difference between a missing and an unclosed
// block, and a byte-order mark.
func parseDocument(file string, data []byte, values *frontValues) (*Document, *model.Error) {
	if err := checkText(file, data); err != nil {
		return nil, err
	}
	bom := 0
	if bytes.HasPrefix(data, byteOrderMark) {
		data, bom = data[len(byteOrderMark):], len(byteOrderMark)
	}
	found := findBlock(data)
	opening := found.opening
	switch {
	case opening == 0 && bytes.IndexByte(data, '\r') >= 0 && bytes.IndexByte(data, '\n') < 0:
		return nil, model.Errorf(file, 1, "the file's lines end with CR alone, as on old Macs, so it reads as one line (save it with LF or CR LF line endings)")
	case opening == 0 && len(bytes.TrimSpace(data)) == 0:
		return nil, model.Errorf(file, 1, "the file is empty (write its frontmatter: a line of ---, then fields such as title:, then another ---; or delete it)")
	case opening == 0:
		return nil, model.Errorf(file, 1, "missing frontmatter (start the file with a line of ---, then fields such as title:, then another ---)")
	}

	var front *Node
	var frontErr *model.Error
	var frontHash uint64
	format := frontmatter.NewFormat("---", "---", func(block []byte, _ any) error {
		frontHash = FrontHash(block)
		front, frontErr = parseFront(file, block, opening, values)
		return nil
	})
	// frontmatter copies all it reads into a buffer it grows as it goes, the
	// body too: it is given the file up to the end of the block, and the
	// body is the rest of the file.
	head := data[:found.end]
	reader := readers.Get().(*bufio.Reader)
	defer readers.Put(reader)
	reader.Reset(bytes.NewReader(head))
	rest, err := frontmatter.MustParse(reader, nil, format)
	if errors.Is(err, frontmatter.ErrNotFound) {
		return nil, model.Errorf(file, opening, "frontmatter is never closed (end it with a line of ---)")
	}
	if err != nil {
		return nil, model.Errorf(file, opening, "cannot read frontmatter: %v", err)
	}
	if frontErr != nil {
		return nil, frontErr
	}
	body := data[len(head)-len(rest):]
	bodyLine := 1 + bytes.Count(data[:len(data)-len(body)], []byte("\n"))
	return &Document{
		File:      file,
		Line:      opening,
		FrontHash: frontHash,
		Front:     front,
		Body: model.Markdown{
			File: file, Offset: bom + len(data) - len(body), Len: len(body), Line: bodyLine,
			Sum: bodySum(body),
		},
		text: body,
	}, nil
}

// bodySum identifies a body's text within one run of the program: the dev
// server compares bodies by it, and a build checks that a file still holds
// the body it read.
func bodySum(text []byte) uint64 { return maphash.Bytes(bodySeed, text) }

var bodySeed = maphash.MakeSeed()

// checkText refuses files too big to be hand-written, and files that are not
// UTF-8 text.
func checkText(file string, data []byte) *model.Error {
	if len(data) > MaxFileSize {
		return tooBig(file, int64(len(data)))
	}
	if bad := notText(data); bad >= 0 {
		return model.Errorf(file, 1+bytes.Count(data[:bad], []byte("\n")), "file is not UTF-8 text, first on this line (save it as UTF-8)")
	}
	return nil
}

// notText returns where data stops being UTF-8 text, at a byte that is not
// UTF-8 or a NUL, which no text editor writes; -1 when it is text. Every
// file read passes through it, so text is told by the library's fast check,
// and only a file that fails it is walked rune by rune.
func notText(data []byte) int {
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return -1
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == 0 || r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// block is where a file's frontmatter lies in its bytes.
type block struct {
	opening int // the line of the opening ---; 0 when the file has none
	// from and to bound the text between the --- lines; to is 0 when the
	// block is never closed.
	from, to int
	end      int // where the line after the closing --- starts
}

// findBlock finds the frontmatter as frontmatter does: the opening --- is
// the first line, with only blank lines before it, and the closing one the
// first line after it that is --- once trimmed. Without a closing line, the
// block ends at the end of data.
func findBlock(data []byte) block {
	var b block
	n := 0
	for at := 0; at < len(data); {
		line, _, found := bytes.Cut(data[at:], []byte("\n"))
		next := at + len(line) + 1
		if !found {
			next = len(data)
		}
		n++
		switch trimmed := bytes.TrimSpace(line); {
		case b.opening == 0 && len(trimmed) == 0:
		case b.opening == 0 && string(trimmed) == "---":
			b.opening, b.from = n, next
		case b.opening == 0:
			return block{end: len(data)}
		case string(trimmed) == "---":
			b.to, b.end = at, next
			return b
		}
		at = next
	}
	b.end = len(data)
	return b
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns the YAML parser's message, whose line counts from the top
// of the block, into one that counts from the top of the file, and says how
// to fix the mistakes people make most.
func yamlError(file string, offset int, err error, block []byte) *model.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 1 // yaml.v3 leaves the line out when it is the first
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = err.Error()[len(m[0]):]
		// yaml.v3 counts lines from 0 for parser errors (its scanner errors
		// count from 1); parser errors are the "did not find expected" ones.
		if strings.HasPrefix(msg, "did not find expected") {
			line++
		}
	}
	text := lineOf(block, line)
	switch {
	case strings.Contains(msg, "tab character") || tabIndented(text):
		msg += " (indent with spaces, not tabs)"
	case strings.HasPrefix(msg, "found unexpected end of stream"):
		if open := unclosedQuote(block); open > 0 {
			return model.Errorf(file, open+offset, "YAML syntax: the quote that opens this value is never closed (end the value with the same quote, or leave the quotes out)")
		}
	case strings.HasPrefix(msg, "mapping values are not allowed") && indentedUnder(block, line):
		msg += " (this line is indented under the one above it: start it where the field above starts)"
	case strings.HasPrefix(msg, "mapping values are not allowed"):
		msg += " (" + quoteHint(text) + ")"
	case strings.HasPrefix(msg, "did not find expected key"):
		if m := quotedThenMore.FindStringSubmatch(text); m != nil {
			msg += fmt.Sprintf(" (the quotes end before the value does: quote the whole value, %s %s)", strings.TrimSpace(m[1]), QuoteYAML(m[2]))
		}
	case strings.HasPrefix(msg, "found character that cannot start any token") || strings.HasPrefix(msg, "did not find expected node content"):
		if m := indicatorValue.FindStringSubmatch(text); m != nil {
			msg += fmt.Sprintf(" (a value cannot start with %s unless it is quoted: %s %s)", m[2][:1], strings.TrimSpace(m[1]), QuoteYAML(m[2]))
		}
	}
	return model.Errorf(file, line+offset, "YAML syntax: %s", msg)
}

// tabIndented reports whether a line's indent holds a tab, in front of a
// field or of a list's item.
func tabIndented(line string) bool {
	indent := line[:len(line)-len(strings.TrimLeft(line, " \t-"))]
	return strings.Contains(indent, "\t")
}

// indicatorValue is a field whose plain value starts with a character that
// YAML keeps for itself: "value: , first estimate".
var indicatorValue = regexp.MustCompile(`^(\s*(?:-\s+)?[^\s"':#][^:#]*:\s+)([,@%\x60\]}].*?)\s*$`)

// quotedThenMore is a field whose value goes on after its closing quote:
// title: "ETL" checks.
var quotedThenMore = regexp.MustCompile(`^(\s*(?:-\s+)?[^\s"':#][^:#]*:\s+)((?:"[^"]*"|'[^']*')\s*[^\s#].*?)\s*$`)

// indentedUnder reports whether line n of text is a field indented further
// than the field above it, which YAML reads as going on that field's value.
func indentedUnder(text []byte, n int) bool {
	line, above := lineOf(text, n), lineOf(text, n-1)
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	return n > 1 && strings.Count(line, ": ") == 1 && strings.TrimSpace(above) != "" &&
		indent(line) > indent(above) && !strings.HasSuffix(strings.TrimSpace(above), ":")
}

// unclosedQuote returns the line, counting from 1, of the first value whose
// quote is never closed, or 0. A quoted value may go on over several lines,
// so the parser only finds out where the block ends.
func unclosedQuote(text []byte) int {
	n, open, quote := 0, 0, byte(0)
	for line := range bytes.Lines(text) {
		n++
		i := 0
		if quote == 0 {
			m := quoteStart.FindIndex(line)
			if m == nil {
				continue
			}
			quote, open, i = line[m[1]-1], n, m[1]
		}
		for ; i < len(line); i++ {
			switch {
			case quote == '"' && line[i] == '\\':
				i++
			case line[i] == quote && quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
				i++
			case line[i] == quote:
				quote = 0
				i = len(line)
			}
		}
	}
	if quote != 0 {
		return open
	}
	return 0
}

// quoteStart is a field or list item whose value opens with a quote.
var quoteStart = regexp.MustCompile(`^\s*(?:-\s+|[^\s"':#][^:#]*:\s+|-\s+[^\s"':#][^:#]*:\s+)["']`)

// lineOf returns the nth line of text, counting from 1.
func lineOf(text []byte, n int) string {
	for line := range bytes.Lines(text) {
		if n--; n == 0 {
			return strings.TrimRight(string(line), "\r\n")
		}
	}
	return ""
}

// valueWithColon is a field whose value holds ": ", which YAML reads as
// the start of another field: "title: Data: the team".
var valueWithColon = regexp.MustCompile(`^(\s*(?:-\s+)?[^\s"':#][^:#]*:\s+)([^"'\s].*?:\s.*?)\s*$`)

// quoteHint says how to write a value that holds ": ", the line itself
// quoted when it is such a value.
func quoteHint(line string) string {
	m := valueWithColon.FindStringSubmatch(line)
	if m == nil {
		return `a value with ": " in it must be quoted, as in title: "Data: the team"`
	}
	return "a value with \": \" in it must be quoted: " + strings.TrimSpace(m[1]) + " " + QuoteYAML(m[2])
}

// QuoteYAML writes s as a YAML string in quotes, for messages that show
// how to write a value.
func QuoteYAML(s string) string {
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
