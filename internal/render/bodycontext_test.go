package render

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestBodyContextForgetsTheLastBody parses bodies one after another in
// one context, cleared between them, and wants each rendered as in a
// context of its own: a heading's id not taken by the last body's, and
// the lists and emphasis of one not left open for the next. A body that
// defines links by reference leaves a context that cannot be cleared.
func TestBodyContextForgetsTheLastBody(t *testing.T) {
	m := newMarkdown("/")
	bodies := []string{
		"# Intro\n\n- a\n  - b\n\n> quoted *open\n",
		"# Intro\n\n1. one\n2. two\n\n**strong** [a link](/x) and _emphasis_\n",
		"# Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	}
	ctx := newBodyContext()
	for i, body := range append(bodies, bodies...) {
		if i > 0 && !ctx.cleared() {
			t.Fatalf("body %d: the context of %q was not cleared", i, bodies[(i-1)%len(bodies)])
		}
		source := []byte(body)
		md := m.parser(source)
		doc := md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
		var got bytes.Buffer
		if err := md.Renderer().Render(&got, source, doc); err != nil {
			t.Fatal(err)
		}
		if want := convert(t, source); got.String() != want {
			t.Errorf("body %d:\ngot\n%s\nwant\n%s", i, got.String(), want)
		}
	}
	source := []byte("[x]\n\n[x]: /defined\n")
	md := m.parser(source)
	md.Parser().Parse(text.NewReader(source), parser.WithContext(ctx))
	if ctx.cleared() {
		t.Error("a context that holds a link's definition was cleared")
	}
}
