package mdcost

import (
	"strings"
	"testing"
)

// costly are shapes in which goldmark's work grows with the square of the
// input, or its memory far beyond it; each must be refused.
var costly = map[string]func(n int) string{
	"unfinished links":      func(n int) string { return strings.Repeat("[a](", n) },
	"empty brackets":        func(n int) string { return strings.Repeat("[](", n) },
	"address never closed":  func(n int) string { return strings.Repeat("[a](<b", n) },
	"address without paren": func(n int) string { return strings.Repeat("[a](b", n) },
	"emphasis that never pairs": func(n int) string {
		return strings.Repeat("*a_ ", n)
	},
	"emphasis over lines": func(n int) string { return strings.Repeat("*a\n", n) + strings.Repeat("a_\n", n) },
	"strikethrough":       func(n int) string { return strings.Repeat("~a ", n) + strings.Repeat("a_ ", n) },
	"nested lists":        func(n int) string { return strings.Repeat("* ", n) + "a" },
	"nested quotes":       func(n int) string { return strings.Repeat("> ", n) + "a" },
	"definitions without a link": func(n int) string {
		return strings.Repeat("[a]:\n", n)
	},
	"titles never closed": func(n int) string { return "\"" + strings.Repeat("[a](b '\n", n) },
	"titles in parens":    func(n int) string { return strings.Repeat("[a](b (\n", n) },
	"runs of backticks": func(n int) string {
		var b strings.Builder
		for i := 1; i <= n && b.Len() < 1<<20; i++ {
			b.WriteString(strings.Repeat("`", i%3000+1))
			b.WriteString("a")
		}
		return b.String()
	},
	"links nested in brackets": func(n int) string { return strings.Repeat("[", n) + "[a](b)" + strings.Repeat("]", n) },
	"a table wider than its rows": func(n int) string {
		return strings.Repeat("a|", 4000) + "\n" + strings.Repeat("-|", 4000) + "\n" + strings.Repeat("a\n", n)
	},
}

// written are long bodies as people write them; none may be refused.
var written = map[string]func(n int) string{
	"prose in one paragraph": func(n int) string {
		return strings.Repeat("Some *emphasis* and a [link](https://example.org/x) and `code` here.\n", n/10)
	},
	"prose in paragraphs": func(n int) string {
		return strings.Repeat("Some *emphasis* and a [link](https://example.org/x) and `code` here.\n\n", n/10)
	},
	"a long list": func(n int) string { return strings.Repeat("- **Name**: a description with _style_\n", n/10) },
	"a long table": func(n int) string {
		return "| a | b |\n|---|---|\n" + strings.Repeat("| **x** | _y_ |\n", n/10)
	},
	"definitions and their uses": func(n int) string {
		var b strings.Builder
		for i := range n / 20 {
			b.WriteString("See [the runbook][r] and [the dashboard][d].\n\n")
			if i%50 == 0 {
				b.WriteString("[r]: https://example.org/runbook\n[d]: https://example.org/dash\n\n")
			}
		}
		return b.String()
	},
}

func TestCostlyShapesAreRefused(t *testing.T) {
	for name, shape := range costly {
		problems := Check([]byte(shape(80000)))
		if len(problems) == 0 {
			t.Errorf("%s: not refused", name)
			continue
		}
		if p := problems[len(problems)-1]; p.Line < 1 || !strings.Contains(p.Msg, "(") {
			t.Errorf("%s: %v: want a line and what to change", name, p)
		}
	}
}

func TestWrittenBodiesPass(t *testing.T) {
	for name, shape := range written {
		for _, n := range []int{100, 5000, 80000} {
			if problems := Check([]byte(shape(n))); len(problems) > 0 {
				t.Errorf("%s of %d: refused: %v", name, n, problems)
			}
		}
	}
}

func TestProblemNamesItsLine(t *testing.T) {
	body := "A paragraph.\n\nAnother one.\n\n" + strings.Repeat("> ", 40) + "deep\n"
	problems := Check([]byte(body))
	if len(problems) != 1 || problems[0].Line != 5 {
		t.Fatalf("got %v, want one problem on line 5", problems)
	}
}

func BenchmarkCheck(b *testing.B) {
	for name, shape := range written {
		body := []byte(shape(20000))
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				Check(body)
			}
		})
	}
}
