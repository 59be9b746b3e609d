package load

import (
	"strings"
	"unsafe"

	"github.com/reliability-council/handbook/internal/blocks"
)

// frontValues keeps the text of the frontmatter values one worker reads
// from the sources: each distinct value once, packed into blocks of text.
//
// A handbook says the same things many times over: its levels, statuses,
// owners and tags, and the same signal or piece of evidence under many
// concerns. The values of the short shape's 10,000 concerns come to 13.7
// MB, 4.4 MB of them distinct. And a value copied out on its own shares
// its size class with the parse's garbage, amid which it is made: once
// that is collected, the spans it sits in stay a third empty (7 MB of room
// in the spans of 48 and 64 bytes on that shape). A block of text is one
// object, which the collector marks without looking through it.
//
// A nil *frontValues copies each value out on its own, as the history's old
// versions are read: most of what they say is let go once compared.
type frontValues struct {
	kept  map[string]string
	texts blocks.Of[byte]
}

// longValue is the length past which a value is copied out on its own, so
// that it does not end a block with much of it left.
const longValue = blocks.Size / 8

func newFrontValues() *frontValues { return &frontValues{kept: make(map[string]string)} }

// keep returns text kept for good: text itself may stand on memory that
// the next file is read into.
func (v *frontValues) keep(text string) string {
	if v == nil || len(text) > longValue {
		return strings.Clone(text)
	}
	if text == "" {
		return ""
	}
	if kept, ok := v.kept[text]; ok {
		return kept
	}
	b := v.texts.Take(len(text))
	copy(b, text)
	// Nothing else is handed these bytes, so a string may stand on them.
	kept := unsafe.String(&b[0], len(b))
	v.kept[kept] = kept
	return kept
}
