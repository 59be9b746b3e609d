package render

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/reliability-council/handbook/internal/gensite"
)

// library is goldmark as it comes, in GitHub's flavour, with the
// handbook's cells of tables: what its own parsers and links are held to.
var library = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(tableCells{}, 100))),
)

// convert renders text as the library does, fresh heading ids and all.
func convert(t testing.TB, text []byte) string {
	t.Helper()
	var buf bytes.Buffer
	ctx := parser.NewContext(parser.WithIDs(&headingIDs{}))
	if err := library.Convert(text, &buf, parser.WithContext(ctx)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var markdownSeeds = []string{
	"plain words, *emphasis*, __strong__, ~~struck~~ and `code` (in brackets)",
	"- [ ] a task\n- [x] done\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n",
	"# Heading\n\n## Heading\n\n> quoted _text_ (with a [link](/concerns/x/))\n",
	"see https://example.org/x?y=1, www.example.org and someone@example.org.",
	"ftp://files.example.org/a and (http://example.org/b) ~http://x.y~",
	"a@b without a dot, mail@host.tld- and _www.example.org_",
	"```\nhttp://in.code/\n```\n\n    indented www.example.org\n",
	"trailing blank \nhttp://example.org \n",
	// Links at the start of a line, of a text, after marks and in them.
	"http://a.example.org/x\n*http://b.example.org*, **www.c.example.org**\n_d@e.example.org_ and ~~http://f.example.org~~",
	"`code`http://a.example.org and [label](http://b.example.org)www.c.example.org",
	"an unclosed `0@0.example.org and ``http://a.example.org",
	"an address into a code span: x`@y.example.org` and z.`example`@w.example.org",
	"(www.a.example.org) ((http://b.example.org/x_(y))) http://c.example.org/a_b_c.",
	"x*http://a.example.org x_http://b.example.org x~www.c.example.org",
	"foo*bar@example.org and foo_bar@example.org and a.b-c+d@e.example.org.",
	"tab\thttp://a.example.org and \\*http://b.example.org and \\ www.c.example.org",
	// Links running on past their text.
	"http://a.example.org/`code` and http://b.example.org/*x* and www.c.example.org/_y_",
	"http://a.example.org/<b>x</b> and mail@host.example.org<i>",
	// Brackets: no links in a link's label.
	"[see http://a.example.org] and [http://b.example.org](http://c.example.org)",
	"[not a link http://a.example.org and then ] http://b.example.org",
	"![an image of www.a.example.org](/x.png) http://b.example.org",
	"note[^1] and https://a.example.org [2] x@y.example.org\n\n[x]y@z.example.org and [a] b@c.example.org ]d@e.example.org\n\n] a http://b.example.org [c] [d\n",
	"[a] [b]http://c.example.org [d] x`[e]` www.f.example.org\n\n[g] **[h]** _i_ www.j.example.org/[k]\n",
	// Tables and headings.
	"| a | http://b.example.org |\n|---|---|\n| c@d.example.org | `e` www.f.example.org |\n",
	"# www.a.example.org\n\nSetext http://b.example.org\n===\n",
	"> quote http://a.example.org\n> - list www.b.example.org\n>   more c@d.example.org\n",
	"entity &amp;http://a.example.org &copy; www.b.example.org;x http://c.example.org/?a=1&amp;b=2",
	"http://a.example.org.\nhttp://b.example.org?\nhttp://c.example.org)\n",
	// Tables of every alignment, ragged rows, escaped pipes and code.
	"| l | r | c | n |\n| :-- | --: | :-: | --- |\n| 1 | 2 | 3 | 4 |\n| 5 |\n| 6 | 7 | 8 | 9 | 10 |\n",
	"a | b\n-|-\nc | d\n\ntext before\n| x |\n|:-:|\n| y |",
	"| a \\| b | `c \\| d` |\n|---|---|\n| `e \\| f` | g \\|\n",
	"|a|b|\n| - | : |\n|c|d|\n\n|a|\n|::|\n\n|a|\n| :- |\n|x|\n\n    | indented |\n    |---|\n",
	"| a |\n|---|\t\n| *b* **c** ~~d~~ [e](/f) |\n\n| h1 | h2 |\n|---|\n| x | y |\n",
	// Lists: tight and loose, nested, ordered from any number, empty items,
	// items that a thematic break or a setext heading ends.
	"- a\n- b\n  - c\n    1. d\n    2. e\n- f\n\n  more f\n\n* g\n+ h\n",
	"3) three\n4) four\n\ntext\n2. not a list\n1. a list\n-\n\n  after an empty item\n-\n-   \n  x\n",
	"- a\n- * * *\n- b\n---\n- c\n  d\n  ---\n-\tx\n 10. y\n     indented code in an item\n",
	"1. a\n\n\n2. b\n   > quote\n   ```\n   code\n   ```\n- [ ] task\n      - deep\n  - less\n - least\n",
	// Links and images: inline, with titles of every quote, by reference
	// in full, collapsed and shortcut; links in labels, marks across them,
	// labels left open.
	"[a](/b \"t\") [c](</d e> 'u') [f](g (v)) [h]() ![i *j*](/k.png \"w\\\"x\")\n[l](m(n)o) [p](q\\)r)",
	"[ref] [full][ref] [collapsed][] [Ref][REF] [missing][nope] ![img][ref]\n\n[ref]: /r \"title\"\n[other]: </o x> (t)\n",
	"[a [b](/c) d](/e) ![x [y](/z)](/w.png) *[e*](/f) [g **h](/i)** [[j]](/k) [l]m] [n\n",
	"[open [still open ![and this\n\nnext [a](<b) [c](d \"e) [f](/g\n\"multi\nline title\")",
	// Headings: the same words twice, empty, closed with #s, in quotes and
	// lists, and setext ones, one made of link definitions only.
	"# A\n# A\n## A ##\n#\n### ###\n#5 not\n> # A\n- # A *b* `c`\n\nA\n===\n\n[r]: /s\n---\n\n# Section\n\n[t]: /u\n===\n## section\n",
	"Heading <b>&amp;</b> \"q\"\n---\n  # main\n    # code\n# Überwachung !!!\n",
	// Labels of 998 characters and more: at most 999 make a link.
	"[" + strings.Repeat("x", 998) + "](/a) [" + strings.Repeat("y", 999) + "](/b) [" + strings.Repeat("z", 1000) + "][]\n\n[" + strings.Repeat("z", 1000) + "]: /c\n",
	"[a [" + strings.Repeat("b", 997) + "](/c)](/d) [" + strings.Repeat("r", 999) + "] [" + strings.Repeat("r", 999) + "][]\n\n[" + strings.Repeat("r", 999) + "]: /e\n",
}

// FuzzMarkdownAsGFM checks that HTML renders any text as GitHub's flavour
// does, whichever way it takes.
func FuzzMarkdownAsGFM(f *testing.F) {
	for _, s := range markdownSeeds {
		f.Add([]byte(s))
	}
	m := newMarkdown("/")
	f.Fuzz(func(t *testing.T, text []byte) {
		got, err := m.HTML(text)
		if err != nil {
			t.Fatal(err)
		}
		if want := convert(t, text); string(got) != want {
			t.Fatalf("%q:\ngot\n%s\nwant\n%s", text, got, want)
		}
	})
}

// TestMarkdownBodies renders the seeds and the bodies of handbooks of
// every shape through HTML and checks each against GitHub's flavour.
func TestMarkdownBodies(t *testing.T) {
	m := newMarkdown("/")
	var bodies [][]byte
	for _, s := range markdownSeeds {
		bodies = append(bodies, []byte(s))
	}
	for _, shape := range gensite.Shapes() {
		bodies = append(bodies, gensite.ShapeBodies(shape, 60)...)
	}
	if len(bodies) < 200 {
		t.Fatalf("read %d bodies", len(bodies))
	}
	for _, body := range bodies {
		got, err := m.HTML(body)
		if err != nil {
			t.Fatal(err)
		}
		if want := convert(t, body); string(got) != want {
			t.Errorf("%q:\ngot  %s\nwant %s", body, got, want)
		}
	}
}

// TestLinkifyAfter checks that links are made after parsing where that
// can be done, and that it gives up where it cannot tell.
func TestLinkifyAfter(t *testing.T) {
	m := newMarkdown("/")
	for _, c := range []struct {
		text   string
		giveUp bool
	}{
		{"see https://example.org/x?y=1, www.example.org and someone@example.org.", false},
		{"*http://a.example.org*, (www.b.example.org) and `code`c@d.example.org", false},
		{"| a | http://b.example.org |\n|---|---|\n", false},
		{"[a link](http://a.example.org) and http://b.example.org", false},
		{"[see http://a.example.org and a bracket", true},
		{"http://a.example.org/`code`", true},
		{"\\*http://a.example.org", true},
		{"a [bracket] with no link to make", false},
		{"a note[^1], a citation [2] and then https://a.example.org", false},
		{"[2] and [see] <https://c.example.org>", false},
		{"[2] a@b.example.org, [see] <https://c.example.org>", true},
		{"https://a.example.org and a citation [2]", true},
		{"[a]https://a.example.org", true},
		{"[a [b] https://a.example.org", true},
		{"no line break at the end: http://a.example.org and [x](/y/)", false},
		{"no line break at the end: a@b.example.org and `code`", false},
	} {
		doc := parseBody(m.linkifyAfter, []byte(c.text), nil)
		if gaveUp := doc == nil; gaveUp != c.giveUp {
			t.Errorf("%q: gave up %v, want %v", c.text, gaveUp, c.giveUp)
		}
	}
	// Generated bodies with links in them are linked after parsing.
	shape, err := gensite.ShapeNamed("long")
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range gensite.ShapeBodies(shape, 20) {
		if m.parser(body) == m.linkifyAfter && parseBody(m.linkifyAfter, body, nil) == nil {
			t.Errorf("gave up on %q", body)
		}
	}
}

// HTML renders one body's text as the pages write it.
func (m *markdown) HTML(text []byte) (template.HTML, error) {
	var html strings.Builder
	err := m.write(&html, text)
	return template.HTML(html.String()), err
}

// BenchmarkMarkdown renders the bodies of a hundred concerns of each shape.
func BenchmarkMarkdown(b *testing.B) {
	for _, shape := range gensite.Shapes() {
		bodies := gensite.ShapeBodies(shape, 100)
		m := newMarkdown("/")
		var page bytes.Buffer // the page a body is written into
		b.Run(shape.Name, func(b *testing.B) {
			for b.Loop() {
				for _, body := range bodies {
					page.Reset()
					if err := m.write(&page, body); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func TestHeadingIDs(t *testing.T) {
	var ids headingIDs
	var got []string
	for _, heading := range []string{"A", "A", "A 2", "A", "Main", "!!!", "Überwachung", "A"} {
		got = append(got, string(ids.Generate([]byte(heading), 0)))
	}
	want := []string{"a", "a-2", "a-2-2", "a-3", "main-2", "section", "überwachung", "a-4"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("ids %q, want %q", got, want)
	}
	// Many headings of one name each take the next number.
	for i := 5; i <= 30000; i++ {
		if id := string(ids.Generate([]byte("A"), 0)); id != "a-"+strconv.Itoa(i) {
			t.Fatalf("heading %d: id %q", i, id)
		}
	}
}

// TestTableCellsAsTheExtension wants a body's tables as goldmark's table
// extension writes them, but for the scope of the header's cells.
func TestTableCellsAsTheExtension(t *testing.T) {
	library := goldmark.New(goldmark.WithExtensions(extension.Table))
	for _, table := range []string{
		"| a | b |\n|---|---|\n| 1 | 2 |\n",
		"| Left | Centre | Right | None |\n| :-- | :-: | --: | --- |\n| *x* | `y` | [z](/z/) | \\| |\n| short |\n| a | b | c | d | extra |\n",
		"a | b\n-- | --\n | \n",
		"- item\n\n  | a |\n  | --: |\n  | 1 |\n",
		"> | a |\n> | :-- |\n> | 1 |\n",
		"| only a header |\n| --- |\n",
	} {
		got, err := newMarkdown("/").HTML([]byte(table))
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := library.Convert([]byte(table), &want); err != nil {
			t.Fatal(err)
		}
		scoped := strings.NewReplacer("<th>", `<th scope="col">`, "<th ", `<th scope="col" `)
		if w := scoped.Replace(want.String()); string(got) != w {
			t.Errorf("%q:\ngot  %s\nwant %s", table, got, w)
		}
	}
}

// TestTableHeaderScopes wants a body's table to say which cells head its
// columns, as the theme's tables do, wherever the table stands: a list item
// or a quote holds one as well as the body itself does.
func TestTableHeaderScopes(t *testing.T) {
	table := "| Level | Score |\n| :--- | ---: |\n| Low | 1 |\n"
	for _, body := range []string{table, "- item\n\n  " + strings.ReplaceAll(table, "\n", "\n  "), "> " + strings.ReplaceAll(table, "\n", "\n> ")} {
		got, err := newMarkdown("/").HTML([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		html := string(got)
		for _, want := range []string{`<th scope="col" style="text-align:left">Level</th>`, `<th scope="col" style="text-align:right">Score</th>`, `<td style="text-align:left">Low</td>`} {
			if !strings.Contains(html, want) {
				t.Errorf("%q: no %s in\n%s", body, want, html)
			}
		}
	}
}

var linkReferenceSeeds = []string{
	"[a]: /x\n\n[a] and [b]\n\n[b]: http://example.org \"title\"\n",
	"   [a]: /x\ntext after it\n\n    [not]: /indented-code\n",
	"text before\n[a]: /x\n\n[a]\n",
	"\t[a]: /tab\n\n\v[b]: /vertical-tab\n\n\f[c]: /form-feed\n\n[a] [b] [c]\n",
	"[a]:\n/on-the-next-line\n'and a title'\n\n[a]\n",
	"> [q]: /in-a-quote\n> [q]\n\n- [l]: /in-a-list\n- [l]\n",
	"[unclosed: /x\n\n[a]: <> \n\n[a]\n",
	"[x] [y]: not a definition\n\n[y]\n",
	"[a]: /one\n[b]: /two\n[c]: /three\n\n[a][b][c]",
	"| a |\n|---|\n| [t]: /x |\n\n[t]\n",
	"[split\nlabel]: /x\n\n[split label]\n",
	"[colon]\n: /next-line\n\n[colon]\n",
	"- [ ] a task\n- [x] done ]: not a definition\n",
	"[a\\]]: /escaped\n\n[a\\]]\n",
}

// FuzzLinkReferencesAsGoldmark checks that goldmark's parser with
// linkReferences makes of any text what goldmark's own makes: only the
// paragraphs that cannot hold a definition are passed by.
func FuzzLinkReferencesAsGoldmark(f *testing.F) {
	for _, s := range append(linkReferenceSeeds, markdownSeeds...) {
		f.Add([]byte(s))
	}
	ours := goldmark.New(goldmark.WithParser(newParser(parser.NewLinkParser())), goldmark.WithExtensions(extension.GFM))
	// Ours gives headings anchors (anchoredHeadings), as goldmark's does with
	// WithAutoHeadingID.
	goldmarks := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	f.Fuzz(func(t *testing.T, text []byte) {
		var got, want bytes.Buffer
		if err := ours.Convert(text, &got); err != nil {
			t.Fatal(err)
		}
		if err := goldmarks.Convert(text, &want); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("%q:\ngot\n%s\nwant\n%s", text, got.String(), want.String())
		}
	})
}

// TestFirstLinkMark holds firstLinkMark, which looks for each mark only
// before those found, to the earliest of the three found anywhere, over
// every string of up to six bytes of the marks' letters.
func TestFirstLinkMark(t *testing.T) {
	const letters = ":/w.@a"
	var each func(s []byte)
	each = func(s []byte) {
		want := -1
		for _, mark := range []string{"://", "www.", "@"} {
			if i := bytes.Index(s, []byte(mark)); i >= 0 && (want < 0 || i < want) {
				want = i
			}
		}
		if got := firstLinkMark(s); got != want {
			t.Fatalf("firstLinkMark(%q) = %d, want %d", s, got, want)
		}
		if len(s) < 6 {
			for i := range len(letters) {
				each(append(s, letters[i]))
			}
		}
	}
	each(nil)
}
