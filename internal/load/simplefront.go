package load

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseSimpleFront reads the frontmatter nearly every content file has
// without the YAML parser, which spends about fifty microseconds on a
// block of a dozen fields, most of a large handbook's reading time. It
// takes block mappings and lists of values, plain or quoted, one-line flow
// lists of plain words, plain values wrapped over several lines, literal
// and folded blocks (| and >, as YAML writers put long text), and comments
// after values, and gives the tree the YAML parser would give. It reports
// false for anything else (anchors, tags, escapes, kept or indented block
// scalars, unusual characters, odd indentation), which the YAML parser then
// reads, with its errors. FuzzSimpleFront holds the two to the same trees.
func parseSimpleFront(front []byte, offset int) (Node, bool) {
	if !utf8.Valid(front) {
		return Node{}, false
	}
	text, lines, ok := simpleLines(front)
	if !ok || len(lines) == 0 || lines[0].indent != 0 {
		return Node{}, false
	}
	p := simpleParser{text: text, lines: lines, offset: offset}
	root, ok := p.mapping(0)
	if !ok || p.at != len(p.lines) {
		return Node{}, false
	}
	return root, true
}

// simpleLine is one line of a block that holds something.
type simpleLine struct {
	start  int    // where the line starts in the block's text
	n      int    // the line's number in the block, from 1
	indent int    // spaces before its text
	text   string // the rest, without trailing spaces
}

// simpleLines splits a block into the lines that hold something, leaving
// out blank lines and whole-line comments. It reports false when the block
// holds a character the YAML parser treats in its own way: tabs, carriage
// returns but those of CR LF line breaks, other control characters, the
// Unicode line and paragraph separators, and the characters YAML does not
// allow.
func simpleLines(front []byte) (string, []simpleLine, bool) {
	for i := range front {
		if !simpleByte(front, i) && front[i] != '\n' && !crlf(front, i) {
			return "", nil, false
		}
	}
	// One string for the block, which every line is a part of. The nodes'
	// strings are copied out of it (scalar, quoted): a title the handbook
	// keeps would otherwise keep its whole block, 33 MB at 50,000 concerns.
	text := string(front)
	lines := make([]simpleLine, 0, strings.Count(text, "\n")+1)
	n, start := 0, 0
	for line := range strings.Lines(text) {
		n++
		at := start
		start += len(line)
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") {
			return "", nil, false // a document marker
		}
		rest := strings.TrimLeft(line, " ")
		if rest == "" || rest[0] == '#' {
			continue
		}
		lines = append(lines, simpleLine{start: at, n: n, indent: len(line) - len(rest), text: strings.TrimRight(rest, " ")})
	}
	return text, lines, true
}

// crlf reports whether the byte at i of b is the carriage return of a
// line break written CR LF, as editors on Windows write them; YAML reads
// it as a line break like any other.
func crlf(b []byte, i int) bool { return b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' }

// simpleByte reports whether the byte at i of b may stand in a simple
// block: not a control character, and not the start of a character YAML
// reads as a line break (U+0085, U+2028, U+2029) or refuses (the other C1
// controls, U+FEFF, U+FFFE, U+FFFF), in a block of valid UTF-8.
func simpleByte(b []byte, i int) bool {
	switch c := b[i]; {
	case c < 0x20 || c == 0x7f:
		return false
	case c == 0xc2:
		return i+1 < len(b) && b[i+1] >= 0xa0
	case c == 0xe2:
		return i+2 >= len(b) || b[i+1] != 0x80 || (b[i+2] != 0xa8 && b[i+2] != 0xa9)
	case c == 0xef:
		if i+2 >= len(b) {
			return true
		}
		return !(b[i+1] == 0xbb && b[i+2] == 0xbf) && !(b[i+1] == 0xbf && (b[i+2] == 0xbe || b[i+2] == 0xbf))
	}
	return true
}

// simpleParser walks a block's lines, each call taking the lines of one
// node.
type simpleParser struct {
	text   string // the whole block, which block scalars are read from
	lines  []simpleLine
	at     int // the next line to take
	offset int // added to a line's number in the block to count in the file
	depth  int // of the node being taken
}

// maxSimpleDepth is as deep as a simple block nests; deeper ones, which no
// handbook needs, are the YAML parser's to refuse.
const maxSimpleDepth = 32

// maxSimpleKey is as long as a simple key gets; YAML refuses keys over
// 1024 characters.
const maxSimpleKey = 256

// mapping takes the fields at indent, from the current line.
func (p *simpleParser) mapping(indent int) (Node, bool) {
	if p.depth++; p.depth > maxSimpleDepth {
		return Node{}, false
	}
	defer func() { p.depth-- }()
	m := Node{Kind: MappingNode, Line: p.lines[p.at].n + p.offset}
	m.Content = make([]Node, 0, 2*p.count(indent, false))
	for p.at < len(p.lines) {
		l := p.lines[p.at]
		if l.indent < indent {
			break
		}
		key, rest, ok := splitSimpleKey(l.text)
		if l.indent > indent || !ok {
			return Node{}, false
		}
		p.at++
		value, ok := p.value(indent, l, rest)
		if !ok {
			return Node{}, false
		}
		m.Content = append(m.Content, scalar(key, l.n+p.offset), value)
	}
	return m, true
}

// value takes the value of a field or list item on line l, at indent, rest
// being what follows its key or dash on the line.
func (p *simpleParser) value(indent int, l simpleLine, rest string) (Node, bool) {
	text := withoutComment(rest)
	if text == "" {
		if p.at < len(p.lines) {
			next := p.lines[p.at]
			switch {
			case next.indent > indent && isSimpleItem(next.text):
				return p.sequence(next.indent)
			case next.indent > indent:
				return p.mapping(next.indent)
			case next.indent == indent && isSimpleItem(next.text) && !isSimpleItem(l.text):
				// A field's list may stand at the field's own indent.
				return p.sequence(indent)
			}
		}
		return Node{Kind: ScalarNode, Line: l.n + p.offset, Null: true}, true
	}
	if style, ok := blockHeader(text); ok {
		return p.blockScalar(indent, l, style)
	}
	if (text[0] == '"' || text[0] == '\'') && quotedEnd(text) < 0 {
		var ok bool
		if text, ok = p.quotedLines(indent, l, text); !ok {
			return Node{}, false
		}
		rest = text
		text = withoutComment(text)
	}
	v, ok := inlineValue(text, l.n+p.offset)
	if !ok {
		return Node{}, false
	}
	if p.at < len(p.lines) && p.lines[p.at].indent > indent {
		// The value goes on to the lines below: only a plain one may,
		// and only when no comment has ended it.
		if text != rest || !plainStart(text[0]) {
			return Node{}, false
		}
		return p.plainLines(indent, l, v)
	}
	return v, true
}

// plainLines takes the lines below l that carry on its plain value v, which
// YAML joins with spaces.
func (p *simpleParser) plainLines(indent int, l simpleLine, v Node) (Node, bool) {
	var b strings.Builder
	b.WriteString(v.Value)
	last := l.n
	for p.at < len(p.lines) && p.lines[p.at].indent > indent {
		next := p.lines[p.at]
		// A blank or comment line between them, which YAML reads as a
		// line break or an end, is the YAML parser's.
		if next.n != last+1 || !plainMore(next.text) {
			return Node{}, false
		}
		b.WriteByte(' ')
		b.WriteString(next.text)
		last = next.n
		p.at++
	}
	return Node{Kind: ScalarNode, Value: b.String(), Line: v.Line}, true
}

// quotedLines takes the lines below l that carry on the quoted value its
// first line opens, up to the one that closes it, and returns the value on
// one line: YAML joins the lines of a quoted value with spaces, as it does a
// plain one's. A blank line, which YAML reads as a line break, or a
// backslash at the end of a line are the YAML parser's.
func (p *simpleParser) quotedLines(indent int, l simpleLine, text string) (string, bool) {
	var b strings.Builder
	b.WriteString(text)
	last := l.n
	for p.at < len(p.lines) && p.lines[p.at].indent > indent && p.lines[p.at].n == last+1 {
		if strings.HasSuffix(b.String(), "\\") {
			return "", false
		}
		next := p.lines[p.at]
		p.at++
		b.WriteByte(' ')
		b.WriteString(next.text)
		if quotedEnd(b.String()) >= 0 {
			return b.String(), true
		}
		last = next.n
	}
	return "", false
}

// withoutComment returns the value rest, which follows a space, without a
// comment after it: YAML starts one at a # after a space, outside quotes.
// A value whose end it cannot find is returned whole, for inlineValue to
// refuse.
func withoutComment(rest string) string {
	if rest == "" || rest[0] == '#' {
		return ""
	}
	end := 0
	switch rest[0] {
	case '"', '\'':
		end = quotedEnd(rest)
	case '[':
		end = flowEnd(rest)
	}
	if end < 0 {
		return rest
	}
	i := strings.Index(rest[end:], " #")
	if i < 0 {
		return rest
	}
	return strings.TrimRight(rest[:end+i], " ")
}

// quotedEnd is where the quoted value text starts with ends, just after its
// closing quote, or -1 if it has none.
func quotedEnd(text string) int {
	quote := text[0]
	for i := 1; i < len(text); i++ {
		switch {
		case quote == '"' && text[i] == '\\':
			i++ // an escape, which may be of a quote
		case text[i] != quote:
		case quote == '\'' && i+1 < len(text) && text[i+1] == '\'':
			i++ // two single quotes stand for one
		default:
			return i + 1
		}
	}
	return -1
}

// flowEnd is where the flow list text starts with ends, just after its
// closing bracket, or -1 if it has none.
func flowEnd(text string) int {
	for i := 1; i < len(text); i++ {
		switch text[i] {
		case ']':
			return i + 1
		case '"', '\'':
			n := quotedEnd(text[i:])
			if n < 0 {
				return -1
			}
			i += n - 1
		}
	}
	return -1
}

// sequence takes the list items at indent, from the current line.
func (p *simpleParser) sequence(indent int) (Node, bool) {
	if p.depth++; p.depth > maxSimpleDepth {
		return Node{}, false
	}
	defer func() { p.depth-- }()
	s := Node{Kind: SequenceNode, Line: p.lines[p.at].n + p.offset}
	s.Content = make([]Node, 0, p.count(indent, true))
	for p.at < len(p.lines) {
		l := p.lines[p.at]
		if l.indent < indent || (l.indent == indent && !isSimpleItem(l.text)) {
			break
		}
		if l.indent > indent {
			return Node{}, false
		}
		rest := strings.TrimLeft(l.text[1:], " ")
		if isSimpleItem(rest) {
			return Node{}, false // a list in a list
		}
		if _, _, isField := splitSimpleKey(rest); isField {
			// A mapping that starts on the item's line: its fields stand
			// where its first one does.
			width := len(l.text) - len(rest)
			p.lines[p.at] = simpleLine{start: l.start, n: l.n, indent: indent + width, text: rest}
			item, ok := p.mapping(indent + width)
			if !ok {
				return Node{}, false
			}
			s.Content = append(s.Content, item)
			continue
		}
		p.at++
		item, ok := p.value(indent, l, rest)
		if !ok {
			return Node{}, false
		}
		s.Content = append(s.Content, item)
	}
	return s, true
}

// count counts the lines at indent from the current one to the end of the
// node there: its fields, or its items when items is set. The count sizes
// the node's children, made once rather than grown.
func (p *simpleParser) count(indent int, items bool) int {
	n := 0
	for _, l := range p.lines[p.at:] {
		if l.indent < indent || (items && l.indent == indent && !isSimpleItem(l.text)) {
			break
		}
		if l.indent == indent {
			n++
		}
	}
	return n
}

func isSimpleItem(text string) bool { return text == "-" || strings.HasPrefix(text, "- ") }

// splitSimpleKey splits "key: rest" where key is a word of letters, digits,
// _ and -, not starting with -.
func splitSimpleKey(text string) (key, rest string, ok bool) {
	i := 0
	for i < len(text) && isSimpleKeyByte(text[i]) {
		i++
	}
	if i == 0 || i > maxSimpleKey || text[0] == '-' || i == len(text) || text[i] != ':' || (i+1 < len(text) && text[i+1] != ' ') {
		return "", "", false
	}
	return text[:i], strings.TrimLeft(text[i+1:], " "), true
}

func isSimpleKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// inlineValue reads a value written on one line: quoted, a flow list, or
// plain.
func inlineValue(text string, line int) (Node, bool) {
	switch text[0] {
	case '"':
		if quotedEnd(text) != len(text) {
			return Node{}, false
		}
		unescaped, ok := unescape(text[1 : len(text)-1])
		if !ok {
			return Node{}, false
		}
		return quoted(unescaped, line), true
	case '\'':
		if len(text) < 2 || text[len(text)-1] != '\'' {
			return Node{}, false
		}
		inner := text[1 : len(text)-1]
		unquoted := strings.ReplaceAll(inner, "''", "'")
		if strings.Count(unquoted, "'")*2 != strings.Count(inner, "'") {
			return Node{}, false // a lone quote closes the value early
		}
		return quoted(unquoted, line), true
	case '[':
		return flowList(text, line)
	}
	if !plainScalar(text) {
		return Node{}, false
	}
	return scalar(text, line), true
}

// flowList reads [a, "b", 'c'] on one line: plain words or quoted values.
func flowList(text string, line int) (Node, bool) {
	if text[len(text)-1] != ']' {
		return Node{}, false
	}
	list := Node{Kind: SequenceNode, Line: line}
	rest := strings.TrimLeft(text[1:len(text)-1], " ")
	for rest != "" {
		var item Node
		var ok bool
		item, rest, ok = flowItem(rest, line)
		if !ok {
			return Node{}, false
		}
		list.Content = append(list.Content, item)
		if rest = strings.TrimLeft(rest, " "); rest == "" {
			break
		}
		if rest[0] != ',' {
			return Node{}, false
		}
		// After a comma comes another item: YAML allows a last comma,
		// this reader does not.
		if rest = strings.TrimLeft(rest[1:], " "); rest == "" {
			return Node{}, false
		}
	}
	return list, true
}

// flowItem reads the item at the start of text in a flow list, returning
// what follows it.
func flowItem(text string, line int) (item Node, rest string, ok bool) {
	if text[0] == '"' || text[0] == '\'' {
		end := quotedEnd(text)
		if end < 0 {
			return Node{}, "", false
		}
		item, ok = inlineValue(text[:end], line)
		return item, text[end:], ok
	}
	end := strings.IndexByte(text, ',')
	if end < 0 {
		end = len(text)
	}
	plain := strings.TrimRight(text[:end], " ")
	if !plainScalar(plain) || strings.ContainsAny(plain, "[]{}:#?") {
		return Node{}, "", false
	}
	return scalar(plain, line), text[end:], true
}

// plainMore reports whether text carries on a plain value on a line of its
// own: unlike the value's first line, it may start with any character but
// the # of a comment.
func plainMore(text string) bool {
	return text[0] != '#' && !strings.Contains(text, ": ") && !strings.Contains(text, " #") && text[len(text)-1] != ':'
}

// plainStart reports whether a value starting with c may be plain, rather
// than quoted, a flow list or a block.
func plainStart(c byte) bool { return c != '"' && c != '\'' && c != '[' && c != '|' && c != '>' }

// plainScalar reports whether text reads as a plain scalar, the same in
// every YAML parser: it does not start with an indicator, holds no ": "
// or " #", and does not end with a colon.
func plainScalar(text string) bool {
	return text != "" && !strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", rune(text[0])) &&
		!strings.Contains(text, ": ") && !strings.Contains(text, " #") && text[len(text)-1] != ':'
}

// scalar is a plain scalar's node; YAML reads null, Null, NULL and ~ as null.
func scalar(text string, line int) Node {
	return Node{Kind: ScalarNode, Value: strings.Clone(text), Line: line, Null: text == "~" || text == "null" || text == "Null" || text == "NULL"}
}

// unescape reads the escapes of a double-quoted value as YAML reads them:
// those JSON writers put in, those YAML writers add (\x and \U with their
// hex digits, \0, \e, \_ and the like), short of a surrogate. It reports
// false for any other (\/, which the YAML parser refuses, and a line break
// escaped), and for a quote no escape stands before, which would have ended
// the value.
func unescape(text string) (string, bool) {
	if !strings.ContainsAny(text, `"\`) {
		return text, true
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '"':
			return "", false
		case c != '\\':
			b.WriteByte(c)
			continue
		}
		if i++; i == len(text) {
			return "", false
		}
		if r, ok := escapedRunes[text[i]]; ok {
			b.WriteRune(r)
			continue
		}
		digits := hexDigits[text[i]]
		if digits == 0 || i+digits >= len(text) {
			return "", false
		}
		r, err := strconv.ParseUint(text[i+1:i+1+digits], 16, 32)
		if err != nil || (r >= 0xd800 && r <= 0xdfff) || r > unicode.MaxRune {
			return "", false
		}
		b.WriteRune(rune(r))
		i += digits
	}
	return b.String(), true
}

// escapedRunes are what YAML reads a backslash and one letter as.
var escapedRunes = map[byte]rune{
	'"': '"', '\\': '\\', ' ': ' ', '0': 0, 'a': '\a', 'b': '\b', 't': '\t', 'n': '\n', 'v': '\v', 'f': '\f', 'r': '\r',
	'e': 0x1b, 'N': 0x85, '_': 0xa0, 'L': 0x2028, 'P': 0x2029,
}

// hexDigits is how many hex digits follow each escape of a code point.
var hexDigits = [256]int{'x': 2, 'u': 4, 'U': 8}

// quoted is a quoted scalar's node, given the text between its quotes.
func quoted(text string, line int) Node {
	return Node{Kind: ScalarNode, Value: strings.Clone(text), Line: line}
}
