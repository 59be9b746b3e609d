package load

import (
	"strings"
	"unicode/utf8"
)

// parseSimpleFront reads the frontmatter nearly every content file has
// without the YAML parser, which spends about fifty microseconds on a
// block of a dozen fields, most of a large handbook's reading time. It
// takes block mappings and lists of values, plain or quoted (with the
// escapes JSON and YAML writers put in), flow lists, values and lists
// wrapped over several lines, literal and folded blocks (| and >, as YAML
// writers put long text), comments after values, CR LF line breaks and
// blocks written as JSON (parseJSONFront), and gives the tree the YAML
// parser would give. It reports false for anything else (anchors, tags,
// kept or indented blocks, line breaks escaped in quotes, unusual
// characters, odd indentation), which the YAML parser then reads, with its
// errors. FuzzSimpleFront holds the two to the same trees. The text of
// the values is kept in values.
func parseSimpleFront(front []byte, offset int, values *frontValues) (Node, bool) {
	if !utf8.Valid(front) || !simpleBlock(front) {
		return Node{}, false
	}
	// One string for the block, which every line is a part of. The nodes'
	// strings are copied out of it (frontValues.keep): a title the handbook
	// keeps would otherwise keep its whole block, 33 MB at 50,000 concerns.
	text := string(front)
	if strings.HasPrefix(strings.TrimLeft(text, " \r\n"), "{") {
		return parseJSONFront(text, offset, values)
	}
	lines, ok := simpleLines(text)
	if !ok || len(lines) == 0 || lines[0].indent != 0 {
		return Node{}, false
	}
	p := simpleParser{text: text, lines: lines, offset: offset, values: values}
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

// simpleBlock reports whether front holds only characters the simple
// readers take: not tabs, carriage returns but those of CR LF line breaks,
// other control characters, the Unicode line and paragraph separators, or
// the characters YAML does not allow, which the YAML parser treats in its
// own ways.
func simpleBlock(front []byte) bool {
	for i := range front {
		if !simpleByte(front, i) && front[i] != '\n' && !crlf(front, i) {
			return false
		}
	}
	return true
}

// simpleLines splits a block into the lines that hold something, leaving
// out blank lines and whole-line comments. It reports false for a document
// marker.
func simpleLines(text string) ([]simpleLine, bool) {
	lines := make([]simpleLine, 0, strings.Count(text, "\n")+1)
	n, start := 0, 0
	for line := range strings.Lines(text) {
		n++
		at := start
		start += len(line)
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if strings.HasPrefix(line, "---") || strings.HasPrefix(line, "...") {
			return nil, false // a document marker
		}
		rest := strings.TrimLeft(line, " ")
		if rest == "" || rest[0] == '#' {
			continue
		}
		lines = append(lines, simpleLine{start: at, n: n, indent: len(line) - len(rest), text: strings.TrimRight(rest, " ")})
	}
	return lines, true
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
	values *frontValues
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
	line := p.lines[p.at].n + p.offset
	content := make([]Node, 0, 2*p.count(indent, false))
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
		content = append(content, p.values.scalar(key, l.n+p.offset), value)
	}
	return Collection(MappingNode, line, content), true
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
		return Scalar("", l.n+p.offset, true), true
	}
	if style, ok := blockHeader(text); ok {
		return p.blockScalar(indent, l, style)
	}
	lines := flowLines{first: l.n + p.offset}
	switch {
	case (text[0] == '"' || text[0] == '\'') && quotedEnd(text) < 0:
		var ok bool
		if text, ok = p.quotedLines(indent, l, text); !ok {
			return Node{}, false
		}
		rest = text
		text = withoutComment(text)
	case text[0] == '[' && flowEnd(text) < 0:
		var ok bool
		if text, lines.starts, ok = p.listLines(indent, l, text); !ok {
			return Node{}, false
		}
		rest = text
		text = withoutComment(text)
	}
	var v Node
	var ok bool
	if text[0] == '[' {
		v, ok = p.values.flowList(text, lines)
	} else {
		v, ok = p.values.inlineValue(text, lines.first)
	}
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
	b.WriteString(v.Value())
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
	return Scalar(b.String(), v.Line(), false), true
}

// quotedLines takes the lines below l that carry on the quoted value its
// first line opens, up to the one that closes it, and returns the value on
// one line: YAML joins the lines of a quoted value with spaces, as it does a
// plain one's. A blank line, which YAML reads as a line break, or a
// backslash at the end of a line are the YAML parser's. Each line is looked
// at once: a quote left open over thousands of lines is read in their
// time, not in its square.
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
		from := b.Len() // no escape ends a line, and no quote doubles over one
		b.WriteByte(' ')
		b.WriteString(next.text)
		if quotedEndFrom(b.String(), from) >= 0 {
			return b.String(), true
		}
		last = next.n
	}
	return "", false
}

// listLines takes the lines below l that carry on the flow list its first
// line opens, up to the one that closes it, and returns the list on one
// line, with where each line after the first starts in it: YAML joins the
// lines of a flow list with spaces, in a value that spans them as between
// its items, as a YAML library writes a list too long for one line. A
// blank or comment line, or a backslash at the end of a line, are the YAML
// parser's.
func (p *simpleParser) listLines(indent int, l simpleLine, text string) (string, []int, bool) {
	var b strings.Builder
	b.WriteString(text)
	var scan flowScan
	scan.end(text)
	var starts []int
	last := l.n
	for p.at < len(p.lines) && p.lines[p.at].indent > indent && p.lines[p.at].n == last+1 {
		if strings.HasSuffix(b.String(), "\\") {
			return "", nil, false
		}
		next := p.lines[p.at]
		p.at++
		b.WriteByte(' ')
		starts = append(starts, b.Len())
		b.WriteString(next.text)
		if scan.end(b.String()) >= 0 {
			return b.String(), starts, true
		}
		last = next.n
	}
	return "", nil, false
}

// sequence takes the list items at indent, from the current line.
func (p *simpleParser) sequence(indent int) (Node, bool) {
	if p.depth++; p.depth > maxSimpleDepth {
		return Node{}, false
	}
	defer func() { p.depth-- }()
	line := p.lines[p.at].n + p.offset
	content := make([]Node, 0, p.count(indent, true))
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
			content = append(content, item)
			continue
		}
		p.at++
		item, ok := p.value(indent, l, rest)
		if !ok {
			return Node{}, false
		}
		content = append(content, item)
	}
	return Collection(SequenceNode, line, content), true
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
