package execute

import (
	"bytes"
	"html/template"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
)

// sink is a writer that keeps what it is given, and whether it was closed.
type sink struct {
	bytes.Buffer
	opened, closed int
}

func (s *sink) Close() error { s.closed++; return nil }

func (s *sink) open() (io.WriteCloser, error) { s.opened++; return s, nil }

// TestSpilledBufferSendsWhatItIsGiven writes a Buffer told where to send
// its output, with writes of every size, and wants all it was given, in
// order, from the writer and what it still holds, while it never holds
// more than a few pieces.
func TestSpilledBufferSendsWhatItIsGiven(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	sizes := []int{0, 1, 7, 100, pieceSize - 1, pieceSize, pieceSize + 1, 3*pieceSize + 5}
	for round := range 20 {
		var got Buffer
		var out sink
		var want bytes.Buffer
		got.SpillTo(out.open)
		for step := range 40 {
			text := strings.Repeat(string(rune('a'+(round+step)%26)), sizes[rng.IntN(len(sizes))])
			if step%2 == 0 {
				got.WriteString(text)
			} else {
				got.Write([]byte(text))
			}
			want.WriteString(text)
			if got.Len() != want.Len() {
				t.Fatalf("round %d: Len %d, want %d", round, got.Len(), want.Len())
			}
			if held := got.used * pieceSize; held > (spillAfter+1)*pieceSize {
				t.Fatalf("round %d: holds %d bytes", round, held)
			}
		}
		spilled := got.Spilled()
		if !spilled {
			out.WriteString(got.String()) // held whole: the caller writes it
		}
		if err := got.Finish(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), want.Bytes()) {
			t.Fatalf("round %d: %d bytes out, want %d", round, out.Len(), want.Len())
		}
		if spilled && (out.opened != 1 || out.closed != 1) {
			t.Errorf("round %d: opened %d times, closed %d", round, out.opened, out.closed)
		}
	}
}

// TestSpilledRunHandedOver runs a template that html/template must take
// over after the compiled run sent a long output on: what html/template
// makes again of that output is checked, not sent twice, and the writer
// has html/template's output exactly.
func TestSpilledRunHandedOver(t *testing.T) {
	text := `{{range .}}<li>{{.Title}} {{.Team.Title}}</li>{{end}}<p title="{{(index . 0).Body}}">x</p>{{range .}}<i>{{.Rank}}</i>{{end}}`
	var data []*concern
	for range 9000 {
		data = append(data, sample())
	}
	parse := func() *template.Template { return template.Must(template.New("page").Funcs(testFuncs).Parse(text)) }
	var want bytes.Buffer
	if err := parse().Execute(&want, data); err != nil {
		t.Fatal(err)
	}
	if before := strings.Index(want.String(), "<p title"); before < 2*spillAfter*pieceSize {
		t.Fatalf("%d bytes before html/template takes over: too few to be sent on", before)
	}
	set := Compile(parse(), testFuncs, nil, "page")
	var got Buffer
	var out sink
	got.SpillTo(out.open)
	if err := set.Execute(&got, "page", data); err != nil {
		t.Fatal(err)
	}
	if set.Fallbacks() != 1 {
		t.Fatalf("handed over %d times, want once", set.Fallbacks())
	}
	if !got.Spilled() {
		t.Fatal("nothing was sent on")
	}
	if err := got.Finish(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want.Bytes()) {
		t.Errorf("%d bytes out, want html/template's %d", out.Len(), want.Len())
	}
}

// TestSpilledRunMadeOtherwise wants an error, not a page, when a run begun
// again makes otherwise what was sent, and when a Truncate would take
// back what was sent before the run began.
func TestSpilledRunMadeOtherwise(t *testing.T) {
	long := 2 * spillAfter * pieceSize
	for _, c := range []struct {
		name  string
		again func(b *Buffer)
	}{
		{"other bytes", func(b *Buffer) { b.Truncate(0); b.WriteString(strings.Repeat("b", long)) }},
		{"fewer bytes than were sent", func(b *Buffer) { b.Truncate(0); b.WriteString(strings.Repeat("a", long/4)) }},
		{"before the run", func(b *Buffer) { b.mark(); b.Truncate(1) }},
	} {
		var b Buffer
		var out sink
		b.SpillTo(out.open)
		b.mark()
		b.WriteString(strings.Repeat("a", long))
		c.again(&b)
		if err := b.Finish(); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	var b Buffer
	var out sink
	b.SpillTo(out.open)
	b.WriteString("<")
	b.mark()
	b.WriteString(strings.Repeat("a", long))
	b.Truncate(1)
	b.WriteString(strings.Repeat("a", long) + ">")
	if err := b.Finish(); err != nil || out.String() != "<"+strings.Repeat("a", long)+">" {
		t.Errorf("the same bytes made again: %v, %d bytes", err, out.Len())
	}
}
