package mdcost

import (
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/reliability-council/handbook/internal/gensite"
)

// boundByteByByte is bound as it was written first, a byte at a time:
// the reference bound is held to.
func boundByteByByte(body []byte) int64 {
	var total, cells, emphasis, walks, pipes, lines int64
	start, blank := 0, true
	flush := func(end int) {
		total += emphasisWeight*emphasis*emphasis + 4*walks*int64(end-start)
		cells += pipes * lines
		emphasis, walks, pipes, lines = 0, 0, 0, 0
	}
	for i, c := range body {
		switch marks[c] {
		case emphasisMark:
			emphasis++
		case walkMark:
			walks++
		case backtick:
			if i == 0 || body[i-1] != '`' {
				walks++
			}
		case pipe:
			pipes++
		case newline:
			lines++
			if blank {
				flush(i)
				start = i + 1
			}
			blank = true
			continue
		case space:
			continue
		}
		blank = false
	}
	flush(len(body))
	if cells > MaxCells {
		return math.MaxInt64
	}
	return total
}

// BenchmarkCheckGenerated checks the bodies of a handbook of thirty
// concerns of each shape, all within their budget, as a build checks every
// body before rendering it.
func BenchmarkCheckGenerated(b *testing.B) {
	for _, shape := range gensite.Shapes() {
		bodies := gensite.ShapeBodies(shape, 30)
		b.Run(shape.Name, func(b *testing.B) {
			b.SetBytes(int64(gensite.Size(bodies)))
			for b.Loop() {
				for _, body := range bodies {
					if Check(body) != nil {
						b.Fatal("a generated body is refused")
					}
				}
			}
		})
	}
}

// TestBound holds bound to the byte-at-a-time reference on the bodies of
// every generated shape and on random Markdown-like text, blank lines of
// spaces, tabs and carriage returns among it.
func TestBound(t *testing.T) {
	var bodies [][]byte
	for _, shape := range gensite.Shapes() {
		dir := t.TempDir()
		site := gensite.Generate(gensite.Options{Concerns: 30, Meetings: 5, Teams: 3, Seed: 5, Shape: shape})
		if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
			t.Fatal(err)
		}
		files, err := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
		if err != nil || len(files) < 30 {
			t.Fatalf("%d files: %v", len(files), err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			bodies = append(bodies, data)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"word", "x", " ", "  ", "\t", "\r", "\n", "\n\n", " \n", "*", "_", "~", "[", "]", "<", "`", "``", "|", "a|b", "é", "12345678"}
	for range 3000 {
		var b []byte
		for range rng.IntN(60) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		bodies = append(bodies, b)
	}
	for _, body := range bodies {
		if got, want := bound(body), boundByteByByte(body); got != want {
			t.Fatalf("bound(%q) = %d, want %d", body, got, want)
		}
	}
}
