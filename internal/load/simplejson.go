package load

import "strings"

// parseJSONFront reads frontmatter written as JSON, which is YAML too, as
// a script that writes its content with a JSON library writes it: on one
// line or pretty-printed over many. It gives the tree the YAML parser
// would give, each node on the line it starts on, and reports false for
// anything but plain JSON (a comma before a closing bracket, a string
// over lines, a tab, a key and its value on two lines), which the YAML
// parser then reads, with its errors. FuzzSimpleFront holds the two to the
// same trees.
func parseJSONFront(front string, offset int, values *frontValues) (Node, bool) {
	r := jsonReader{text: front, line: 1 + offset, values: values}
	r.space()
	if !strings.HasPrefix(r.text[r.at:], "{") {
		return Node{}, false
	}
	root, ok := r.value()
	if !ok {
		return Node{}, false
	}
	r.space()
	return root, r.at == len(r.text)
}

// jsonReader walks a block of JSON, counting its lines.
type jsonReader struct {
	text   string
	at     int // the next byte to read
	line   int // the line of the byte at, counted as in the file
	depth  int // of the node being read
	values *frontValues
}

// space skips blanks and line breaks.
func (r *jsonReader) space() {
	for ; r.at < len(r.text); r.at++ {
		switch r.text[r.at] {
		case '\n':
			r.line++
		case ' ', '\r': // a lone CR is not in a simple block
		default:
			return
		}
	}
}

// blanks skips blanks on the line, and reports whether something follows
// them there.
func (r *jsonReader) blanks() bool {
	for r.at < len(r.text) && r.text[r.at] == ' ' {
		r.at++
	}
	return r.at < len(r.text) && r.text[r.at] != '\n' && r.text[r.at] != '\r'
}

// value reads the value at the reader.
func (r *jsonReader) value() (Node, bool) {
	if r.at == len(r.text) {
		return Node{}, false
	}
	switch c := r.text[r.at]; {
	case c == '{' || c == '[':
		return r.collection()
	case c == '"':
		return r.str()
	}
	end := r.at
	for end < len(r.text) && !strings.ContainsRune(" \r\n,]}", rune(r.text[end])) {
		end++
	}
	word := r.text[r.at:end]
	if word != "true" && word != "false" && word != "null" && !jsonNumber(word) {
		return Node{}, false
	}
	r.at = end
	return r.values.scalar(word, r.line), true
}

// collection reads an object, as a mapping, or an array, as a list.
func (r *jsonReader) collection() (Node, bool) {
	if r.depth++; r.depth > maxSimpleDepth {
		return Node{}, false
	}
	defer func() { r.depth-- }()
	object := r.text[r.at] == '{'
	kind, line, closing := SequenceNode, r.line, byte(']')
	if object {
		kind, closing = MappingNode, '}'
	}
	var content []Node
	r.at++
	r.space()
	if r.at < len(r.text) && r.text[r.at] == closing {
		r.at++
		return Collection(kind, line, content), true
	}
	for {
		if object {
			key, ok := r.key()
			if !ok {
				return Node{}, false
			}
			content = append(content, key)
		}
		v, ok := r.value()
		if !ok {
			return Node{}, false
		}
		content = append(content, v)
		r.space()
		if r.at == len(r.text) {
			return Node{}, false
		}
		switch r.text[r.at] {
		case closing:
			r.at++
			return Collection(kind, line, content), true
		case ',':
			r.at++
			r.space()
		default:
			return Node{}, false
		}
	}
}

// key reads an object's key and its colon, which YAML wants on one line
// with the start of the value.
func (r *jsonReader) key() (Node, bool) {
	if r.at == len(r.text) || r.text[r.at] != '"' {
		return Node{}, false
	}
	key, ok := r.str()
	if !ok || len(key.Value()) > maxSimpleKey || key.Value() == "<<" {
		return Node{}, false
	}
	if !r.blanks() || r.text[r.at] != ':' {
		return Node{}, false
	}
	r.at++
	if !r.blanks() {
		return Node{}, false
	}
	return key, true
}

// str reads a string, on one line.
func (r *jsonReader) str() (Node, bool) {
	end := quotedEnd(r.text[r.at:])
	if end < 0 {
		return Node{}, false
	}
	inner := r.text[r.at+1 : r.at+end-1]
	if strings.ContainsAny(inner, "\r\n") {
		return Node{}, false
	}
	text, ok := unescape(inner)
	if !ok {
		return Node{}, false
	}
	r.at += end
	return r.values.quoted(text, r.line), true
}

// jsonNumber reports whether word is a number as JSON writes it.
func jsonNumber(word string) bool {
	i := 0
	digits := func() int {
		n := 0
		for i < len(word) && word[i] >= '0' && word[i] <= '9' {
			i, n = i+1, n+1
		}
		return n
	}
	if i < len(word) && word[i] == '-' {
		i++
	}
	if start := i; digits() == 0 || (word[start] == '0' && i-start > 1) {
		return false
	}
	if i < len(word) && word[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(word) && (word[i] == 'e' || word[i] == 'E') {
		i++
		if i < len(word) && (word[i] == '+' || word[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(word)
}
