package load

import (
	"strings"
	"unsafe"
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
// in the spans of 48 and 64 bytes on that shape). A block holds text
// only, which the collector marks without looking through it.
//
// A nil *frontValues copies each value out on its own, as the history's old
// versions are read: most of what they say is let go once compared.
type frontValues struct {
	kept  map[string]string
	block []byte // the values kept so far, up to its length
}

// textBlock is the size of a block; a value longer than an eighth of it is
// copied out on its own rather than leave much of a block empty.
const textBlock = 64 << 10

func newFrontValues() *frontValues { return &frontValues{kept: make(map[string]string)} }

// keep returns text kept for good: text itself may stand on memory that
// the next file is read into.
func (v *frontValues) keep(text string) string {
	if v == nil || len(text) > textBlock/8 {
		return strings.Clone(text)
	}
	if text == "" {
		return ""
	}
	if kept, ok := v.kept[text]; ok {
		return kept
	}
	if cap(v.block)-len(v.block) < len(text) {
		v.block = make([]byte, 0, textBlock)
	}
	start := len(v.block)
	v.block = append(v.block, text...)
	// The block's bytes up to its length are never written again, so a
	// string may stand on them.
	kept := unsafe.String(&v.block[start], len(text))
	v.kept[kept] = kept
	return kept
}
