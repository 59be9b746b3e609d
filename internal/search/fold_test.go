package search

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldWhole folds a word whole, as the index did before it folded rune by
// rune: the reference appendFolded is held to.
func foldWhole(word string) string {
	var lower []byte
	for _, r := range word {
		lower = utf8.AppendRune(lower, unicode.ToLower(r))
	}
	var out []byte
	for _, r := range norm.NFD.String(string(lower)) {
		switch {
		case unicode.IsMark(r):
		case foldLetters[r] != "":
			out = append(out, foldLetters[r]...)
		default:
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out)
}

// TestFoldByRune checks that folding a word rune by rune folds it whole.
// Decomposing a text decomposes each rune on its own; then the canonical
// order moves only runes of a combining class, which must all be marks,
// dropped either way.
func TestFoldByRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if utf8.ValidRune(r) && norm.NFD.PropertiesString(string(r)).CCC() != 0 && !unicode.IsMark(r) {
			t.Errorf("%U has a combining class and is no mark", r)
		}
	}
	words := []string{
		"Überwachung", "Nguyễn", "e\u0301te\u0301", "a\u0323\u0302\u0301", "Straße", "ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ",
		"한국어", "\u1100\u1161\u11a8", "がぎぐ", "カ\u3099", "İstanbul", "ǅemal", "ﬁne", "Ⅻ", "x\u0345\u0301",
	}
	// And words of runes from across Unicode, marks among them.
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var w []rune
		for range 1 + rng.IntN(6) {
			switch rng.IntN(3) {
			case 0:
				w = append(w, rune(0x300+rng.IntN(0x70))) // combining marks
			case 1:
				w = append(w, rune(0x80+rng.IntN(0x2f80)))
			default:
				w = append(w, rune(rng.IntN(0x30000)))
			}
		}
		words = append(words, string(w))
	}
	for _, w := range words {
		if got, want := string(appendFolded(nil, []byte(w))), foldWhole(w); got != want {
			t.Errorf("%q (%U) folds to %q, whole to %q", w, []rune(w), got, want)
		}
	}
}

// BenchmarkWords splits and folds texts in three languages.
func BenchmarkWords(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"english", "The quick brown fox jumps over the lazy dog while the council reviews its error budget. "},
		{"german", "Über die Fehlerbudgets müssen wir sprechen, während der Rat größere Änderungen prüft. "},
		{"japanese", "障害の検知に時間がかかる。 監視を 改善する 必要がある。 "},
	} {
		text := []byte(strings.Repeat(c.text, 200))
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				for ws := (words{text: text}); ; {
					if _, ok := ws.next(); !ok {
						break
					}
				}
			}
		})
	}
}

// foldByRune is the terms of text read rune by rune for every word, as
// next reads a word with a rune beyond ASCII: the reference its pass over
// a word in ASCII is held to.
func foldByRune(text []byte) []string {
	var terms []string
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && asciiTerm[c] == 0 {
			i = pastNonWord(text, i)
			continue
		}
		start := i
		end, runes := wordEnd(text, i, 0)
		if end == start {
			_, size := utf8.DecodeRune(text[i:])
			i += size
			continue
		}
		if i = end; runes <= maxWordRunes {
			terms = append(terms, string(appendFolded(nil, text[start:end])))
		}
	}
	return terms
}

// FuzzFoldAsByRune holds Fold to the rune-by-rune reference.
func FuzzFoldAsByRune(f *testing.F) {
	for _, s := range []string{
		"The quick brown fox", "Über die Fehlerbudgets", "障害の検知に時間がかかる。 監視を",
		"ASCIIthenÜmlaut and é-first, x\u0301 marks", "[the runbook](https://wiki/runbook-7) <b>x</b>",
		strings.Repeat("a", maxWordRunes) + " " + strings.Repeat("b", maxWordRunes+1) + " " + strings.Repeat("é", maxWordRunes+1),
		"\xff\xfe bad bytes\xc3", "ß straße ǅ Ǆ İstanbul",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		got, want := Fold(string(text)), foldByRune(text)
		if !slices.Equal(got, want) {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	})
}
