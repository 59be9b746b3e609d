// Package jsonquote writes strings as JSON, by hand and as encoding/json
// writes them: the data files and the search index write hundreds of
// thousands, where encoding/json's reflection was most of their cost.
package jsonquote

import "unicode/utf8"

// Append appends s to dst as a JSON string, as encoding/json writes it
// with SetEscapeHTML(false): quotes, backslashes and control characters
// escaped, invalid UTF-8 as U+FFFD, and U+2028 and U+2029, which end a
// line in JavaScript, escaped.
func Append(dst []byte, s string) []byte { return appendQuoted(dst, s, &plain) }

// AppendHTMLSafe is Append that escapes <, > and & too, as encoding/json
// does by default, so that the text is safe inside HTML.
func AppendHTMLSafe(dst []byte, s string) []byte { return appendQuoted(dst, s, &htmlSafe) }

// plain and htmlSafe say which ASCII bytes a string holds as they are.
var plain, htmlSafe = func() (plain, htmlSafe [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		plain[c] = c >= 0x20 && c != '"' && c != '\\'
		htmlSafe[c] = plain[c] && c != '<' && c != '>' && c != '&'
	}
	return plain, htmlSafe
}()

func appendQuoted(dst []byte, s string, safe *[utf8.RuneSelf]bool) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if safe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
