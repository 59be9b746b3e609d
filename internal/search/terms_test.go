package search

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/reliability-council/handbook/internal/gensite"
)

// BenchmarkTerms finds the terms of the bodies of a hundred concerns of
// each shape, as a worker does for the index.
func BenchmarkTerms(b *testing.B) {
	for _, shape := range gensite.Shapes() {
		dir := b.TempDir()
		site := gensite.Generate(gensite.Options{Concerns: 100, Meetings: 5, Teams: 5, Seed: 3, Shape: shape})
		if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
			b.Fatal(err)
		}
		files, err := filepath.Glob(filepath.Join(dir, "content", "concerns", "*.md"))
		if err != nil {
			b.Fatal(err)
		}
		var bodies [][]byte
		size := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			if _, body, ok := bytes.Cut(bytes.TrimPrefix(data, []byte("---\n")), []byte("\n---\n")); ok {
				bodies = append(bodies, body)
				size += len(body)
			}
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
