package load

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entry is one top-level field of a frontmatter block as written: its key
// and the text of its lines, the key's line and those that continue it,
// both parts of the block.
type Entry struct {
	Key  []byte
	Text []byte
}

// AppendEntries splits a frontmatter block into its top-level fields, in
// order, and appends them to entries, so that a field written the same way
// in two versions of a file need not be parsed twice: each entry parsed on
// its own gives the field that parsing the whole block gives. ok is false
// when the block is written in a way the split cannot be sure of: anything
// but a plain mapping with plain keys, comments, tabs, anchors, aliases and
// tags, and quoted or bracketed values that go on past their first line.
// Such a block is parsed whole.
func AppendEntries(entries []Entry, front []byte) (_ []Entry, ok bool) {
	first := len(entries)
	open := false // whether the entry being read may not go on to another line
	for rest := front; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		if strayBreak(line) {
			return entries[:first], false
		}
		if continues(line) {
			if len(entries) == first {
				if blank(line) {
					continue // blank lines before the first field
				}
				return entries[:first], false
			}
			if open && !blank(line) {
				return entries[:first], false
			}
			e := &entries[len(entries)-1]
			e.Text = e.Text[:len(e.Text)+len(line)] // the entries are slices of front, so this takes in the line
			continue
		}
		key, value, isKey := keyLine(line)
		if !isKey {
			return entries[:first], false
		}
		single, fine := oneLineValue(value)
		if !fine {
			return entries[:first], false
		}
		open = single
		entries = append(entries, Entry{Key: key, Text: line})
	}
	return entries, true
}

// continues reports whether a line carries on the field above it: an
// indented line, a blank one, or an item of a list written under its key
// without indenting.
func continues(line []byte) bool {
	switch {
	case len(line) == 0:
		return true
	case line[0] == ' ':
		return true
	case blank(line):
		return true
	case line[0] == '-' && (len(line) == 1 || line[1] == ' ' || line[1] == '\n' || line[1] == '\r'):
		return true
	}
	return false
}

// blank reports whether a line holds nothing but spaces and its end.
func blank(line []byte) bool {
	return len(bytes.Trim(line, " \r\n")) == 0
}

// keyLine splits a line that starts a field, "key: value", into its key and
// the rest; isKey is false for anything else.
func keyLine(line []byte) (key, value []byte, isKey bool) {
	i := 0
	for i < len(line) && isKeyByte(line[i], i == 0) {
		i++
	}
	if i == 0 || i > maxKey || i >= len(line) || line[i] != ':' {
		return nil, nil, false
	}
	after := line[i+1:]
	if len(after) > 0 && after[0] != ' ' && after[0] != '\n' && after[0] != '\r' {
		return nil, nil, false
	}
	return line[:i], bytes.Trim(after, " \r\n"), true
}

// maxKey is the longest key the split takes: YAML reads a key of more
// than 1024 characters as no key at all, and frontmatter keys are short.
const maxKey = 128

func isKeyByte(c byte, first bool) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		return true
	}
	return c == '-' && !first
}

// oneLineValue reports whether a field's value must end on its key's line,
// as a quoted text or a bracketed list or mapping must for the split to be
// sure of it; fine is false for a value the split cannot be sure of at all.
func oneLineValue(value []byte) (single, fine bool) {
	if len(value) == 0 {
		return false, true
	}
	last := value[len(value)-1]
	switch value[0] {
	case '"':
		return true, len(value) > 1 && last == '"'
	case '\'':
		return true, len(value) > 1 && last == '\''
	case '[':
		return true, last == ']'
	case '{':
		return true, last == '}'
	case '&', '*', '!', '%', '@', '`', '#':
		return false, false
	}
	return false, true
}

// AppendItems splits the value of an entry that is a list written one item
// a line below its key ("actions:\n  - task: A\n  - task: B\n") into its
// items, and appends them to items, Key left empty: each item parsed on its
// own, as a list of one, gives the item that parsing the entry gives. ok is
// false for any other value, and for lines the split cannot be sure of.
func AppendItems(items []Entry, entry Entry) (_ []Entry, ok bool) {
	first := len(items)
	head, rest, found := bytes.Cut(entry.Text, []byte("\n"))
	if _, value, isKey := keyLine(head); !isKey || len(value) > 0 {
		return items, false // the value starts on the key's line, or is not a field's
	}
	indent := -1 // of the dashes that start the items
	for len(rest) > 0 {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		if strayBreak(line) {
			return items[:first], false
		}
		spaces := len(line) - len(bytes.TrimLeft(line, " "))
		switch {
		case blank(line) && len(items) > first:
			it := &items[len(items)-1]
			it.Text = it.Text[:len(it.Text)+len(line)]
		case blank(line):
		case isItem(line[spaces:]) && (indent < 0 || spaces == indent):
			indent = spaces
			items = append(items, Entry{Text: line})
		case indent >= 0 && spaces > indent && line[spaces] != '\t' && line[spaces] != '#':
			it := &items[len(items)-1]
			it.Text = it.Text[:len(it.Text)+len(line)]
		default:
			return items[:first], false
		}
	}
	return items, found && len(items) > first
}

// isItem reports whether a line, its indent taken off, starts a list item.
func isItem(line []byte) bool {
	return len(line) > 0 && line[0] == '-' && (len(line) == 1 || line[1] == ' ' || line[1] == '\n' || line[1] == '\r')
}

// strayBreak reports whether a line holds a character YAML also takes for
// the end of a line: a carriage return not at its end, or a Unicode line
// or paragraph separator. The splits count lines by newlines alone.
func strayBreak(line []byte) bool {
	if i := bytes.IndexByte(line, '\r'); i >= 0 && (i != len(line)-2 || line[i+1] != '\n') {
		return true
	}
	if bytes.IndexByte(line, 0xC2) < 0 && bytes.IndexByte(line, 0xE2) < 0 { // the first bytes of those separators
		return false
	}
	return bytes.Contains(line, []byte("\u0085")) || bytes.Contains(line, []byte("\u2028")) || bytes.Contains(line, []byte("\u2029"))
}

// ParseEntry parses one entry of a block on its own, as ParseFront parses
// a block that holds only it, counting lines from opening as ParseFront
// does. ok is false when the entry does not make exactly one field with
// its key. A value of plain words on the key's line is read without the
// YAML parser, whose setting up costs more than such a field: old versions
// of a large handbook differ mostly in fields like these.
func ParseEntry(file string, e Entry, opening int) (key, value Node, ok bool) {
	if value, plain := plainValue(e); plain {
		line := 1 + opening
		return Scalar(string(e.Key), line, isNullWord(string(e.Key))), Scalar(value, line, isNullWord(value)), true
	}
	n, err := ParseFront(file, e.Text, opening)
	if err != nil || n.Kind != MappingNode || len(n.Content()) != 2 || n.Content()[0].Value() != string(e.Key) {
		return Node{}, Node{}, false
	}
	return n.Content()[0], n.Content()[1], true
}

// plainValue returns the value of an entry written "key: words" on one
// line, when the words are plain enough that YAML can only read them as
// themselves: letters and digits first, then only letters, digits, spaces
// and punctuation that means nothing in YAML there.
func plainValue(e Entry) (string, bool) {
	line := e.Text
	if bytes.IndexByte(line, '\n') < len(line)-1 { // more than one line
		return "", false
	}
	key, value, isKey := keyLine(line)
	if !isKey || !bytes.Equal(key, e.Key) || len(value) == 0 || strayBreak(line) {
		return "", false
	}
	for i, r := range string(value) {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		case i > 0 && strings.ContainsRune(" ,.-()/'+%&;=?!_\"", r):
		default:
			return "", false
		}
	}
	return string(value), true
}

// isNullWord reports whether YAML reads a plain word as null.
func isNullWord(s string) bool { return s == "null" || s == "Null" || s == "NULL" || s == "~" }

// ParseItem parses one item of AppendItems on its own, as ParseFront
// parses a list of that one item, counting lines from opening. ok is false
// when the item does not make one. An item that is a mapping of fields in
// plain words, such as a meeting's action, is read field by field as
// ParseEntry reads them.
func ParseItem(file string, item Entry, opening int) (Node, bool) {
	if fields, ok := itemFields(item.Text); ok {
		if entries, ok := AppendEntries(nil, fields); ok && len(entries) > 0 {
			content := make([]Node, 0, 2*len(entries))
			for _, e := range entries {
				if _, plain := plainValue(e); !plain {
					content = nil
					break
				}
				key, value, _ := ParseEntry(file, e, opening)
				content = append(content, key, value)
			}
			if content != nil {
				return Collection(MappingNode, 1+opening, content), true
			}
		}
	}
	n, err := ParseFront(file, item.Text, opening)
	if err != nil || n.Kind != SequenceNode || len(n.Content()) != 1 {
		return Node{}, false
	}
	return n.Content()[0], true
}

// itemFields returns the fields of a list item written "- key: value" and
// further "key: value" lines under the first key, as a block of their own:
// the dash and the indent taken off.
func itemFields(item []byte) ([]byte, bool) {
	spaces := len(item) - len(bytes.TrimLeft(item, " "))
	if !isItem(item[spaces:]) || len(item) < spaces+2 || item[spaces+1] != ' ' {
		return nil, false
	}
	col := spaces + 2
	for col < len(item) && item[col] == ' ' {
		col++
	}
	out := make([]byte, 0, len(item))
	first := true
	for rest := item; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		switch {
		case first:
			first = false
		case blank(line):
			out = append(out, line...)
			continue
		case len(line) < col || len(bytes.TrimLeft(line[:col], " ")) > 0:
			return nil, false
		}
		out = append(out, line[col:]...)
	}
	return out, true
}
