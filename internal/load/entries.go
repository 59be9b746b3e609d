package load

import "bytes"

// Entry is one top-level field of a frontmatter block as written: its key
// and the text of its lines, the key's line and those that continue it.
type Entry struct {
	Key  string
	Text []byte
}

// Entries splits a frontmatter block into its top-level fields, in order,
// so that a field written the same way in two versions of a file need not
// be parsed twice: each entry parsed on its own gives the field that
// parsing the whole block gives. ok is false when the block is written in a
// way the split cannot be sure of: anything but a plain mapping with plain
// keys, comments, tabs, anchors, aliases and tags, and quoted or bracketed
// values that go on past their first line. Such a block is parsed whole.
func Entries(front []byte) (entries []Entry, ok bool) {
	open := false // whether the entry being read may not go on to another line
	for rest := front; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		if continues(line) {
			if len(entries) == 0 {
				if blank(line) {
					continue // blank lines before the first field
				}
				return nil, false
			}
			if open && !blank(line) {
				return nil, false
			}
			e := &entries[len(entries)-1]
			e.Text = e.Text[:len(e.Text)+len(line)] // the entries are slices of front, so this takes in the line
			continue
		}
		key, value, isKey := keyLine(line)
		if !isKey {
			return nil, false
		}
		single, fine := oneLineValue(value)
		if !fine {
			return nil, false
		}
		open = single
		entries = append(entries, Entry{Key: string(key), Text: line})
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
	if i == 0 || i >= len(line) || line[i] != ':' {
		return nil, nil, false
	}
	after := line[i+1:]
	if len(after) > 0 && after[0] != ' ' && after[0] != '\n' && after[0] != '\r' {
		return nil, nil, false
	}
	return line[:i], bytes.TrimSpace(after), true
}

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
