package search

import (
	"testing"

	"github.com/reliability-council/handbook/internal/gensite"
)

// BenchmarkTerms finds the terms of the bodies of a handbook of a hundred
// concerns of each shape, as a worker does for the index.
func BenchmarkTerms(b *testing.B) {
	for _, shape := range gensite.Shapes() {
		bodies := gensite.Generate(gensite.Options{Concerns: 100, Meetings: 5, Teams: 5, Seed: 3, Shape: shape}).Bodies()
		size := 0
		for _, body := range bodies {
			size += len(body)
		}
		b.Run(shape.Name, func(b *testing.B) {
			b.SetBytes(int64(size))
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
