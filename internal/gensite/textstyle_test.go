package gensite

import (
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestTextStylesReadBack wants every way the generator writes a text value
// in the concerns' files of each shape that varies them, and each to read
// back as the text it wrote.
func TestTextStylesReadBack(t *testing.T) {
	for _, shape := range Shapes() {
		if shape.concern.variedTexts {
			t.Run(shape.Name, func(t *testing.T) { testTextStyles(t, shape) })
		}
	}
}

func testTextStyles(t *testing.T, shape *Shape) {
	s := Generate(small(shape))
	files := map[string][]byte{}
	for _, f := range s.HandbookFiles() {
		files[f.path] = f.data
	}
	seen := map[string]int{}
	for _, c := range s.concerns {
		data := string(files["content/concerns/"+c.slug+".md"])
		front, _, _ := strings.Cut(strings.TrimPrefix(data, "---\n"), "\n---\n")
		var read struct{ Title, Value, Effort, Risk, Complexity string }
		if err := yaml.Unmarshal([]byte(front), &read); err != nil {
			t.Fatalf("%s: %v\n%s", c.slug, err, front)
		}
		got := []string{read.Title, read.Value, read.Effort, read.Risk, read.Complexity}
		if want := []string{c.title, c.value, c.effort, c.risk, c.complexity}; !slices.Equal(got, want) {
			t.Errorf("%s: reads back as %q, want %q\n%s", c.slug, got, want, front)
		}
		switch {
		case strings.Contains(front, ": >-\n"):
			seen["folded"]++
		case strings.Contains(front, "  # "):
			seen["commented"]++
		case carriedOn(front):
			seen["wrapped"]++
		}
	}
	for _, style := range []string{"folded", "commented", "wrapped"} {
		if seen[style] == 0 {
			t.Errorf("no concern's file has a %s text value", style)
		}
	}
}

// carriedOn reports whether a field's plain value goes on to the line below.
func carriedOn(front string) bool {
	lines := strings.Split(front, "\n")
	for i := 1; i < len(lines); i++ {
		field := lines[i-1]
		if strings.HasPrefix(lines[i], "  ") && !strings.HasPrefix(lines[i], "  -") &&
			!strings.HasPrefix(field, " ") && strings.Contains(field, ": ") && !strings.HasSuffix(field, ">-") {
			return true
		}
	}
	return false
}
