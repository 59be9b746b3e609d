package load

import "strings"

// blockStyle is how a block scalar's lines make its text: kept apart
// (literal, |) or joined with spaces (folded, >), and whether its last line
// break is kept (clip, the default) or stripped (-).
type blockStyle struct {
	folded, strip bool
}

// blockHeader reads the header of a block scalar the simple reader takes:
// |, |-, > or >-. Kept (+) and indented (a digit) blocks are the YAML
// parser's.
func blockHeader(text string) (blockStyle, bool) {
	switch text {
	case "|":
		return blockStyle{}, true
	case "|-":
		return blockStyle{strip: true}, true
	case ">":
		return blockStyle{folded: true}, true
	case ">-":
		return blockStyle{folded: true, strip: true}, true
	}
	return blockStyle{}, false
}

// blockScalar takes the lines of the block scalar whose header ends line l,
// a field or item at indent: every line below it more indented than that,
// and the blank lines among them. They are read from the block's text, not
// from p.lines, which leave out blank lines and lines that look like
// comments. It reports false for what YAML reads in ways of its own: blank
// lines before the first, or holding spaces; lines indented past the first
// in a folded block; a block with no lines.
func (p *simpleParser) blockScalar(indent int, l simpleLine, style blockStyle) (Node, bool) {
	pos := strings.IndexByte(p.text[l.start:], '\n')
	if pos < 0 {
		return Node{}, false
	}
	pos += l.start + 1
	var b strings.Builder
	lines, blanks, margin := 0, 0, -1
	brokenAtEnd := false // the last line ends in a line break
	for pos < len(p.text) {
		line, next := p.text[pos:], len(p.text)
		if i := strings.IndexByte(line, '\n'); i >= 0 {
			line, next = strings.TrimSuffix(line[:i], "\r"), pos+i+1
		}
		text := strings.TrimLeft(line, " ")
		spaces := len(line) - len(text)
		if text == "" {
			if spaces > 0 || lines == 0 {
				return Node{}, false
			}
			blanks++
			pos = next
			continue
		}
		if spaces <= indent {
			break
		}
		if margin < 0 {
			margin = spaces
		}
		if spaces < margin || (spaces > margin && style.folded) {
			return Node{}, false
		}
		if lines > 0 {
			switch {
			case !style.folded:
				b.WriteString(strings.Repeat("\n", blanks+1))
			case blanks == 0:
				b.WriteByte(' ')
			default:
				b.WriteString(strings.Repeat("\n", blanks))
			}
		}
		b.WriteString(line[margin:])
		lines, blanks = lines+1, 0
		brokenAtEnd = next > pos+len(line)
		pos = next
	}
	if lines == 0 {
		return Node{}, false
	}
	if brokenAtEnd && !style.strip {
		b.WriteByte('\n')
	}
	// Skip the lines the block took, whatever they look like.
	for p.at < len(p.lines) && p.lines[p.at].start < pos {
		p.at++
	}
	return Scalar(b.String(), l.n+p.offset, false), true
}
