package search

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/gensite"
)

// BenchmarkTerms finds the terms of the bodies of a handbook of a hundred
// concerns of each shape, as a worker does for the index.
func BenchmarkTerms(b *testing.B) {
	for _, shape := range gensite.Shapes() {
		bodies := gensite.ShapeBodies(shape, 100)
		b.Run(shape.Name, func(b *testing.B) {
			b.SetBytes(int64(gensite.Size(bodies)))
			var w termWorker
			d := &document{title: "A title", names: []string{"Data", "etl"}}
			for b.Loop() {
				for _, body := range bodies {
					w.analyze(d, body)
				}
			}
		})
	}
}

// TestVocabulary wants each term numbered once, in the order met, as a
// map would number them: terms of every length about the eight bytes
// packed in a number, the empty term among them, and enough of them that
// both tables grow several times.
func TestVocabulary(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	pieces := []string{"a", "b", "é", "ü", "1", "x", "zz"}
	var v vocabulary
	numbers := map[string]int32{}
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		term := b.String()
		want, known := numbers[term]
		if !known {
			want = int32(len(numbers))
			numbers[term] = want
		}
		if got, found := v.find([]byte(term)); got != want || found != known {
			t.Fatalf("%q: number %d, found %v; want %d, %v", term, got, found, want, known)
		}
	}
	if len(numbers) < 10000 {
		t.Fatalf("only %d terms", len(numbers))
	}
}
