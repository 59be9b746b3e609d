package render

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/reliability-council/handbook/internal/gensite"
)

// TestDangerousURL holds dangerousURL to goldmark's html.IsDangerousURL:
// prefixes in any case, runes that lower-case to ASCII, and random bytes.
func TestDangerousURL(t *testing.T) {
	urls := []string{
		"", "javascript:alert(1)", "JavaScript:x", "JAVASCRIPT:", "javascript", "vbscript:msgbox", "VBScript:",
		"file:///etc/passwd", "FILE:x", "data:text/html,x", "DATA:", "data:image/png;base64,x", "Data:Image/PNG;x",
		"data:image/gif;x", "data:image/jpeg;x", "data:image/webp;x", "data:image/svg+xml;x", "data:image/",
		"data:image", "https://example.org/", "mailto:a@b.org", "/concerns/x/", "#top", "\u212aavascript:",
		"java\u0130script:", "jav\u0251script:", "\xff\xfe", "data:image/PnG;",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("aAdDeEfFgGiIjJlLmMnNpPsStTvVwWbBcCrR:/;\xc4\xb0\xe2\x84\xaa")
	for range 20000 {
		b := make([]byte, rng.IntN(16))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		urls = append(urls, string(b))
		for _, p := range []string{"data:image/", "javascript:", "data:", "file:"} {
			urls = append(urls, p+string(b))
		}
	}
	for _, u := range urls {
		if got, want := dangerousURL([]byte(u)), html.IsDangerousURL([]byte(u)); got != want {
			t.Errorf("dangerousURL(%q) = %v, goldmark says %v", u, got, want)
		}
	}
}

// TestLinksAsGoldmark holds the handbook's links and autolinks to
// goldmark's own rendering of them, on the seeds, links of every kind and
// the bodies of the long shape, which hold hundreds.
func TestLinksAsGoldmark(t *testing.T) {
	bodies := [][]byte{[]byte(`[a](/x/ "a \"title\" & more") [b](<with space>) [c](JavaScript:alert(1)) [d](data:image/png;base64,AA==)
[e](DATA:text/html,x) ![img](/i.png "t") <https://example.org/?a=1&b=2> <MAILTO:x@example.org> <x@example.org>
www.example.org/path?q="x" http://example.org/<b> someone@example.org [f][ref] [g](/é/ü "ü") [h](#t%20x)

[ref]: /ref/ 'reference title'
`)}
	for _, s := range markdownSeeds {
		bodies = append(bodies, []byte(s))
	}
	shape, err := gensite.ShapeNamed("long")
	if err != nil {
		t.Fatal(err)
	}
	bodies = append(bodies, gensite.ShapeBodies(shape, 20)...)
	m := newMarkdown("/")
	for _, body := range bodies {
		got, err := m.HTML(body)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		ctx := parser.NewContext(parser.WithIDs(&headingIDs{}))
		if err := library.Convert(body, &want, parser.WithContext(ctx)); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("%q:\ngot  %s\nwant %s", body, got, want.String())
		}
	}
}
