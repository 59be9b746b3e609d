package search

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// excerpt returns the start of a Markdown body as plain text, about
// excerptRunes long and cut at a space: the prose of its first paragraphs,
// without headings, tables, code blocks, HTML or the targets of links.
func excerpt(md []byte) string {
	var b strings.Builder
	b.Grow(2 * excerptRunes)
	runes := 0
	fenced := false
	for line := range bytes.Lines(md) {
		line = bytes.TrimSpace(line)
		if bytes.HasPrefix(line, []byte("```")) || bytes.HasPrefix(line, []byte("~~~")) {
			fenced = !fenced
			continue
		}
		if fenced || len(line) == 0 || bytes.IndexByte([]byte("#|<"), line[0]) >= 0 {
			continue
		}
		line = trimListMarker(line)
		for i := 0; i < len(line); {
			if c := line[i]; c < utf8.RuneSelf {
				switch {
				case c == '*' || c == '`' || c == '[' || (c == ']' && (i+1 == len(line) || line[i+1] != '(')):
					i++
					continue
				case c == ']' || c == '<':
					if next := skipMarkup(line, i); next > i+1 {
						i = next
						continue
					}
				}
			}
			r, size := utf8.DecodeRune(line[i:])
			i += size
			if r == ' ' && (b.Len() == 0 || strings.HasSuffix(b.String(), " ")) {
				continue
			}
			b.WriteRune(r)
			if runes++; runes > excerptRunes {
				return cut(b.String(), excerptRunes)
			}
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
			runes++
		}
	}
	return cut(strings.TrimSpace(b.String()), excerptRunes)
}

// trimListMarker drops what starts a list item, a task or a quote.
func trimListMarker(line []byte) []byte {
	for _, marker := range []string{"- [ ] ", "- [x] ", "* [ ] ", "* [x] ", "- ", "* ", "+ ", "> "} {
		if rest, ok := bytes.CutPrefix(line, []byte(marker)); ok {
			return rest
		}
	}
	if i := bytes.IndexAny(line, ".)"); i > 0 && i < 4 && i+1 < len(line) && line[i+1] == ' ' {
		for _, c := range line[:i] {
			if c < '0' || c > '9' {
				return line
			}
		}
		return line[i+2:]
	}
	return line
}

// cut shortens text to at most n runes, at a space, with an ellipsis.
func cut(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	end := 0
	for i := range text {
		if n == 0 {
			break
		}
		end = i
		n--
	}
	if sp := strings.LastIndexByte(text[:end], ' '); sp > 0 {
		end = sp
	}
	return strings.TrimRight(text[:end], " ,;:.") + "…"
}
