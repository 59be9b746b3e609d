package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
)

// FuzzBuild feeds arbitrary text as a whole concern file of an otherwise
// good site through everything a build does (load, resolve, render), and
// fails on a panic, on a problem reported at no place in a file, and on
// any input that takes more than linear time: a build may take a fixed
// second plus 20 µs a byte, hundreds of times what ordinary content
// needs, and far less than the seconds or gigabytes of the inputs that
// goldmark would spend quadratic work on (see internal/mdcost).
func FuzzBuild(f *testing.F) {
	front := "---\ntitle: A\nteam: ops\nvalue: High\neffort: Low\n---\n"
	f.Add(front + "Some *words*, a [link](https://example.org) and `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
	f.Add(front + strings.Repeat("[a](", 20000))
	f.Add(front + strings.Repeat("*a_ ", 20000))
	f.Add(front + strings.Repeat("> ", 2000) + "deep\n")
	f.Add(front + strings.Repeat("a|", 2000) + "\n" + strings.Repeat("-|", 2000) + "\n" + strings.Repeat("a\n", 2000))
	f.Add(front + strings.Repeat("# Same heading\n\n", 5000))
	f.Add(front + strings.Repeat("[x]: https://example.org\n", 5000) + strings.Repeat("[x] ", 5000))
	f.Add("---\ntitle: " + strings.Repeat("t", 300) + "\nteam: ops\nvalue: NaN\neffort: Inf\nraised: 9999-12-31\ntags: [" + strings.Repeat("x", 270) + "]\n---\n")
	f.Fuzz(func(t *testing.T, concern string) {
		dir := t.TempDir()
		files := map[string]string{
			"site.yaml":                 "title: T\nbaseURL: https://example.org/\n",
			"content/teams/ops.md":      "---\ntitle: Ops\n---\n",
			"content/concerns/a.md":     concern,
			"content/concerns/good.md":  front,
			"content/meetings/first.md": "---\ndate: 2020-01-01\nconcerns: [good]\n---\n",
		}
		for name, text := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		budget := time.Second + time.Duration(len(concern))*20*time.Microsecond
		start := time.Now()
		_, err := build(dir)
		if took := time.Since(start); took > budget {
			t.Fatalf("a build of a %d-byte concern took %v, more than the %v it may", len(concern), took, budget)
		}
		var list model.ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("an error at no place in the content: %v", err)
		}
		for _, e := range list {
			if e.File == "" {
				t.Fatalf("an error at no file: %+v", e)
			}
		}
	})
}

// build makes the site in dir as handbook build does, keeping nothing, and
// returns how many pages it made.
func build(dir string) (int, error) {
	p, err := Start(dir, fixtureDay)
	if err != nil {
		return 0, err
	}
	stats, err := p.Run(render.Emit(func(render.File) error { return nil }))
	return stats.Pages, err
}
