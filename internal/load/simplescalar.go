package load

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The values the simple reader takes on a line: plain, quoted or a flow
// list, with a comment after them or not.

// withoutComment returns the value rest, which follows a space, without a
// comment after it: YAML starts one at a # after a space, outside quotes.
// A value whose end it cannot find is returned whole, for its reader to
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
func quotedEnd(text string) int { return quotedEndFrom(text, 1) }

// quotedEndFrom is quotedEnd looking from the byte at from on, where text
// before it holds no closing quote and ends no escape.
func quotedEndFrom(text string, from int) int {
	quote := text[0]
	for i := from; i < len(text); i++ {
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
	var scan flowScan
	return scan.end(text)
}

// flowScan finds the end of a flow list whose text grows line by line,
// each call going on from where the last stopped: a list over many lines
// is read once, not once a line. A quote opens a quoted item only at the
// item's start: in a plain one (the team's), it is a letter.
type flowScan struct {
	at        int  // the next byte to read, after the opening bracket
	quote     byte // the quote of the quoted item being read, or 0
	afterItem bool // an item has started since the last comma
}

// end returns where the list ends in text, which holds all the text of
// earlier calls, or -1 if it does not end there.
func (s *flowScan) end(text string) int {
	s.at = max(s.at, 1)
	for ; s.at < len(text); s.at++ {
		c := text[s.at]
		if s.quote != 0 {
			switch {
			case c != s.quote && (c != '\\' || s.quote != '"'):
			case s.at+1 == len(text):
				return -1 // the byte that says what this one is has yet to come
			case c == '\\', text[s.at+1] == '\'' && s.quote == '\'':
				s.at++ // an escape, or two single quotes for one
			default:
				s.quote = 0
			}
			continue
		}
		switch {
		case c == ']':
			s.at++
			return s.at
		case c == ',':
			s.afterItem = false
		case c == ' ':
		case !s.afterItem && (c == '"' || c == '\''):
			s.quote, s.afterItem = c, true
		default:
			s.afterItem = true
		}
	}
	return -1
}

// inlineValue reads a value written on one line, quoted or plain; flowList
// reads a flow list.
func (v *frontValues) inlineValue(text string, line int) (Node, bool) {
	switch text[0] {
	case '"':
		if quotedEnd(text) != len(text) {
			return Node{}, false
		}
		unescaped, ok := unescape(text[1 : len(text)-1])
		if !ok {
			return Node{}, false
		}
		return v.quoted(unescaped, line), true
	case '\'':
		if len(text) < 2 || text[len(text)-1] != '\'' {
			return Node{}, false
		}
		inner := text[1 : len(text)-1]
		unquoted := strings.ReplaceAll(inner, "''", "'")
		if strings.Count(unquoted, "'")*2 != strings.Count(inner, "'") {
			return Node{}, false // a lone quote closes the value early
		}
		return v.quoted(unquoted, line), true
	}
	if !plainScalar(text) {
		return Node{}, false
	}
	return v.scalar(text, line), true
}

// flowList reads [a, "b", 'c']: plain words or quoted values, written on
// lines.
func (v *frontValues) flowList(text string, lines flowLines) (Node, bool) {
	if text[len(text)-1] != ']' {
		return Node{}, false
	}
	var items []Node
	inside := text[:len(text)-1]
	rest := strings.TrimLeft(inside[1:], " ")
	for rest != "" {
		var item Node
		var ok bool
		item, rest, ok = v.flowItem(rest, lines.of(len(inside)-len(rest)))
		if !ok {
			return Node{}, false
		}
		items = append(items, item)
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
	return Collection(SequenceNode, lines.first, items), true
}

// flowLines are the lines a flow list is written on: the number of the
// first, and where each line after it starts in the list's text.
type flowLines struct {
	first  int
	starts []int
}

// of returns the number of the line that the list's text has at offset.
func (f flowLines) of(offset int) int {
	after, found := slices.BinarySearch(f.starts, offset)
	if found {
		after++
	}
	return f.first + after
}

// flowItem reads the item at the start of text in a flow list, returning
// what follows it.
func (v *frontValues) flowItem(text string, line int) (item Node, rest string, ok bool) {
	if text[0] == '"' || text[0] == '\'' {
		end := quotedEnd(text)
		if end < 0 {
			return Node{}, "", false
		}
		item, ok = v.inlineValue(text[:end], line)
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
	return v.scalar(plain, line), text[end:], true
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

// scalar is a plain scalar's node, its text kept in v; YAML reads null,
// Null, NULL and ~ as null.
func (v *frontValues) scalar(text string, line int) Node {
	return Scalar(v.keep(text), line, isNullWord(text))
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

// quoted is a quoted scalar's node, given the text between its quotes,
// which is kept in v.
func (v *frontValues) quoted(text string, line int) Node {
	return Scalar(v.keep(text), line, false)
}
