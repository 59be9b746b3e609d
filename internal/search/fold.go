package search

import (
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Words and the terms made of them. A word is a run of letters, digits and
// combining marks; its term is the word folded: lower case, decomposed,
// without its marks, and with the letters that do not decompose spelled
// out (foldLetters). The browser folds a query the same way:
// toLowerCase, normalize("NFD"), drop \p{M}, then the manifest's table of
// letters, so "Uberwachung" and "überwachung" find "Überwachung".

// foldLetters are the lower-case letters that keep no accent to drop, as
// the index spells them. The manifest carries the table, so that the
// browser folds a query with this one table.
var foldLetters = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
	'ħ': "h", 'ı': "i", 'ł': "l", 'ŧ': "t", 'þ': "th", 'ς': "σ",
}

// maxWordRunes is the longest word the index keeps: anything longer is a
// hash, an address or a run of digits nobody searches for.
const maxWordRunes = 40

// isWordRune reports whether r belongs to a word: a letter, a number or a
// mark, the browser's [\p{L}\p{N}\p{M}].
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// asciiTerm gives each ASCII byte that belongs to a word its folded
// byte, and every other ASCII byte 0.
var asciiTerm = func() (t [utf8.RuneSelf]byte) {
	for c := range utf8.RuneSelf {
		if isWordRune(rune(c)) {
			t[c] = byte(unicode.ToLower(rune(c)))
		}
	}
	return t
}()

// appendFolded appends the term of word to dst: lower case, without
// accents. A word folds rune by rune (foldRune), each rune once a process,
// so that a word with an accent costs about what one without does.
func appendFolded(dst, word []byte) []byte {
	for _, r := range string(word) {
		dst = append(dst, foldedRune(r)...)
	}
	return dst
}

// foldBlocks holds the runes folded, 256 to a block, each block made when
// a word first needs one of its runes.
var foldBlocks [(unicode.MaxRune + 1) / 256]atomic.Pointer[[256]string]

// foldedRune returns the term of one rune.
func foldedRune(r rune) string {
	block := &foldBlocks[r>>8]
	b := block.Load()
	if b == nil {
		b = new([256]string)
		for i := range rune(256) {
			b[i] = string(foldRune(nil, r&^0xff|i))
		}
		block.CompareAndSwap(nil, b) // a block made twice at once is made the same
	}
	return b[r&0xff]
}

// foldRune appends the term of one rune to dst: lower case, decomposed,
// without its marks, and with the letters that do not decompose spelled
// out. Folding the runes of a word one by one folds the word: decomposing
// a text decomposes each rune, and what putting it in canonical order
// moves about are marks (TestFoldByRune), which go.
func foldRune(dst []byte, r rune) []byte {
	for _, r := range norm.NFD.String(string(unicode.ToLower(r))) {
		switch {
		case unicode.IsMark(r):
		case foldLetters[r] != "":
			dst = append(dst, foldLetters[r]...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// Fold returns the terms of text, in order, as the index keeps them.
func Fold(text string) []string {
	var terms []string
	for w := (words{text: []byte(text)}); ; {
		term, ok := w.next()
		if !ok {
			return terms
		}
		terms = append(terms, string(term))
	}
}

// words splits a text into its terms, skipping words longer than
// maxWordRunes. Link targets and HTML tags of Markdown are not words of
// the text: "[the runbook](https://wiki/runbook-7)" has two words.
type words struct {
	text   []byte
	i      int
	folded []byte // the last term that had to be folded
}

// next returns the term of the next word, or false at the end of the
// text: the word itself, in the text, when it is in ASCII and lower case
// already, almost every word; else its term folded, in w.folded. Either
// is the caller's until the next call.
func (w *words) next() ([]byte, bool) {
	text, i := w.text, w.i
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf && asciiTerm[c] == 0 {
			i = pastNonWord(text, i)
			continue
		}
		// A word in ASCII is passed over once, noting whether it folds to
		// itself.
		start, folds := i, byte(0) // folds is not 0 when a letter folds to another
		for ; i < len(text) && text[i] < utf8.RuneSelf; i++ {
			f := asciiTerm[text[i]]
			if f == 0 {
				break
			}
			folds |= f ^ text[i]
		}
		if i == len(text) || text[i] < utf8.RuneSelf {
			w.i = i
			switch {
			case i-start > maxWordRunes:
				continue
			case folds == 0:
				return text[start:i], true
			}
			w.folded = w.folded[:0]
			for _, c := range text[start:i] {
				w.folded = append(w.folded, asciiTerm[c])
			}
			return w.folded, true
		}
		// A word with a rune beyond ASCII in it goes on rune by rune.
		var runes int
		i, runes = wordEnd(text, i, i-start)
		if i == start { // a rune that is no part of a word
			_, size := utf8.DecodeRune(text[i:])
			i += size
			continue
		}
		if runes <= maxWordRunes {
			w.i = i
			w.folded = appendFolded(w.folded[:0], text[start:i])
			return w.folded, true
		}
	}
	w.i = i
	return nil, false
}

// pastNonWord returns where the text goes on after the ASCII byte at i,
// which is no part of a word: past the markup it starts, if any.
func pastNonWord(text []byte, i int) int {
	if c := text[i]; c == ']' || c == '<' {
		return skipMarkup(text, i)
	}
	return i + 1
}

// wordEnd returns where the word that goes on at i ends, and how many
// runes it has, given runes before i.
func wordEnd(text []byte, i, runes int) (end, count int) {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			if asciiTerm[c] == 0 {
				break
			}
			i++
			runes++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
		runes++
	}
	return i, runes
}

// skipMarkup returns where the text after the ASCII byte at i goes on:
// past a link's target when i starts one ("](" up to its ")"), past an HTML
// tag or autolink ("<" and a letter, "/" or "!" up to ">"), else the next
// byte.
func skipMarkup(text []byte, i int) int {
	switch {
	case text[i] == ']' && i+1 < len(text) && text[i+1] == '(':
		if end := indexByteFrom(text, i+2, ')', '\n'); end >= 0 {
			return end + 1
		}
	case text[i] == '<' && i+1 < len(text) && (isASCIILetter(text[i+1]) || text[i+1] == '/' || text[i+1] == '!'):
		if end := indexByteFrom(text, i+1, '>', '\n'); end >= 0 {
			return end + 1
		}
	}
	return i + 1
}

// indexByteFrom returns the index of the first want at or after from, or
// -1 when stop or the end comes first.
func indexByteFrom(text []byte, from int, want, stop byte) int {
	for j := from; j < len(text); j++ {
		switch text[j] {
		case want:
			return j
		case stop:
			return -1
		}
	}
	return -1
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
