package gensite

import (
	"hash/fnv"
	"strings"
)

// textStyle is how a content file writes its longer text values: people
// and YAML writers wrap long lines, fold them into blocks and leave
// comments, and the reader of the handbook's content must stay fast on
// each. Every style reads back as the same text.
type textStyle uint8

const (
	oneLine   textStyle = iota // value: the whole text on its line
	wrapped                    // a plain value carried on over indented lines
	folded                     // >- and the text over indented lines
	commented                  // value: text  # a comment after it
)

// wrapWidth is where a wrapped or folded value breaks its lines.
const wrapWidth = 40

// textStyleOf gives a concern's file its style from its slug, so that a
// handbook of any size holds every style, without drawing on the
// generator's random numbers: the rest of a seed's handbook stays as it
// was. Most files write their text on one line.
func textStyleOf(slug string) textStyle {
	h := fnv.New32a()
	h.Write([]byte(slug))
	switch h.Sum32() % 20 {
	case 0, 1:
		return wrapped
	case 2, 3:
		return folded
	case 4:
		return commented
	}
	return oneLine
}

// wrap breaks text at single spaces into lines of about width bytes; a
// text with runs of spaces, which folding would not give back, stays
// whole.
func wrap(text string, width int) []string {
	if strings.Contains(text, "  ") {
		return []string{text}
	}
	var lines []string
	for len(text) > width {
		i := strings.LastIndexByte(text[:width], ' ')
		if i <= 0 {
			break
		}
		lines, text = append(lines, text[:i]), text[i+1:]
	}
	return append(lines, text)
}

// wrappedPlain reports whether lines, carried on below the first, read
// back as one plain value: none may start as something else would.
func wrappedPlain(lines []string) bool {
	for _, l := range lines[1:] {
		if needsQuotes(l) {
			return false
		}
	}
	return true
}
