package execute

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"testing"
	"time"
)

type team struct {
	Title string
	Slug  string
}

func (t *team) Path() string { return "teams/" + t.Slug + "/" }

func (t *team) Greet(who string, n int) string { return fmt.Sprintf("%s×%d for %s", who, n, t.Title) }

type level int

func (l level) String() string { return [...]string{"Low", "Medium", "High"}[l] }

type concern struct {
	Title   string
	Team    *team
	Tags    []string
	Score   float64
	Rank    int
	Open    bool
	Level   level
	Raised  time.Time
	Notes   map[string]string
	Counts  map[int]int
	Body    template.HTML
	Link    template.URL
	Attr    template.HTMLAttr
	JS      template.JS
	Nothing *team
	Any     any
	embedded
}

type embedded struct{ Inner string }

func sample() *concern {
	return &concern{
		Title: `Backups "untested" <again> & 'often'`, Team: &team{Title: "Data & ETL", Slug: "data"},
		Tags: []string{"etl", "on-call", "a+b"}, Score: 2.5, Rank: 3, Open: true, Level: 2,
		Raised: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
		Notes:  map[string]string{"b": "second", "a": "first <em>"}, Counts: map[int]int{3: 30, 1: 10},
		Body: "<p>Kept <b>as is</b></p>", Link: "javascript:kept()", Attr: `data-x="1"`,
		JS:  `{"data":[1,2],"name":"a \u003cb\u003e"}`,
		Any: 42, embedded: embedded{Inner: "inside"},
	}
}

var testFuncs = template.FuncMap{
	"upper": strings.ToUpper,
	"date":  func(t time.Time) string { return t.Format("2 January 2006") },
	"fails": func(s string) (string, error) { return "", errors.New("no good: " + s) },
	"html":  func(s string) template.HTML { return template.HTML(s) },
	"pair":  func(a, b any) string { return fmt.Sprint(a, "/", b) },
	"many":  func(xs ...int) int { return len(xs) },
	"list":  func() []any { return []any{1, "two", nil} },
	// The signatures direct calls without reflection, beside upper, date
	// and fails above.
	"partial": func(name string, v any) (template.HTML, error) {
		return template.HTML(fmt.Sprintf("<b>%s: %v</b>", name, v)), nil
	},
	"link":   func(v any) (string, error) { return fmt.Sprintf("/to/%v?a=b&c", v), nil },
	"asset":  func(s string) (string, error) { return "/assets/" + s, nil },
	"score":  func(f float64) string { return fmt.Sprintf("%.1f<", f) },
	"plural": func(n int, noun string) string { return fmt.Sprintf("%d %s(s)", n, noun) },
	// Typed functions, which direct calls whatever their types.
	"teamOf":   Func1[*concern, *team](func(c *concern) *team { return c.Team }),
	"levelAt":  Func2[level, string, string](func(l level, s string) string { return fmt.Sprintf("%s:%d", s, l) }),
	"badge":    Func3[*team, bool, int, string](func(t *team, b bool, n int) string { return fmt.Sprintf("%v %v %d<", t, b, n) }),
	"checked":  Func1E[string, template.HTML](func(s string) (template.HTML, error) { return template.HTML("<i>" + s + "</i>"), nil }),
	"refuses":  Func2E[int, any, string](func(n int, v any) (string, error) { return "", fmt.Errorf("refused %d %v", n, v) }),
	"anything": Func1[int, any](func(n int) any { return n }),
	"panics": func() string {
		var m map[string]int
		m["x"] = 1
		return ""
	},
}

// sameAsHTMLTemplate runs text both ways and wants the same output and
// error; it reports how many times the set handed the run over.
func sameAsHTMLTemplate(t *testing.T, text string, data any) int64 {
	t.Helper()
	parse := func() *template.Template {
		return template.Must(template.New("page").Funcs(testFuncs).Parse(text))
	}
	var want bytes.Buffer
	wantErr := parse().Execute(&want, data)
	set := Compile(parse(), testFuncs, nil, "page")
	var got Buffer
	got.WriteString("before|")
	gotErr := set.Execute(&got, "page", data)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
		t.Errorf("%s\nerror: %v\nwant:  %v", text, gotErr, wantErr)
	}
	if wantErr == nil && got.String() != "before|"+want.String() {
		t.Errorf("%s\n got: %q\nwant: %q", text, strings.TrimPrefix(got.String(), "before|"), want.String())
	}
	return set.Fallbacks()
}

// TestCompiled runs what the compiled templates run themselves, and wants
// html/template's output without handing any of it over.
func TestCompiled(t *testing.T) {
	for _, text := range []string{
		`<h1>{{.Title}}</h1><p title="{{.Title}}">{{.Team.Title}} {{.Inner}}</p>`,
		`<a href="{{.Team.Path}}">{{.Team.Path}}</a> <a href="/q?t={{.Title}}&r={{.Rank}}">q</a>`,
		`<a href="{{.Link}}">{{.Link}}</a> <a href="{{.Title}}">x</a> <a href="javascript:{{.Title}}">y</a>`,
		`<a href='{{"javascript:alert(1)"}}'>z</a><a href="{{"HTTPS://x.example/a b%zz%41"}}">s</a>`,
		`<title>{{.Title}} {{.Body}}</title><textarea>{{.Body}}</textarea>`,
		`<p class={{.Title}}>{{.Body}}</p><p class={{""}}>e</p><p {{.Attr}}>a</p>`,
		`{{.Score}} {{.Rank}} {{.Open}} {{.Level}} {{.Any}} {{.Nothing}} {{.Raised}} {{printf "%05.1f|%v" .Score .Level}}`,
		`{{range $i, $t := .Tags}}{{if $i}}, {{end}}{{$i}}={{$t}}{{end}}|{{range .Tags}}[{{.}}]{{else}}none{{end}}`,
		`{{range $k, $v := .Notes}}{{$k}}:{{$v}};{{end}}{{range $k, $v := .Counts}}{{$k}}={{$v}};{{end}}`,
		`{{range 3}}{{.}}{{end}}{{range $x := 2}}<{{$x}}>{{end}}{{range .Tags}}{{range $.Tags}}{{break}}{{else}}{{break}}{{end}}{{.}}{{end}}`,
		`{{range .Tags}}{{if eq . "on-call"}}{{break}}{{end}}{{.}};{{end}}|{{range .Tags}}{{if eq . "etl"}}{{continue}}{{end}}{{.}};{{end}}`,
		`{{with .Team}}{{.Title}}{{else}}no team{{end}}|{{with .Nothing}}x{{else with .Team}}{{.Slug}}{{end}}`,
		`{{if .Nothing}}a{{else if not .Open}}b{{else if and .Open (gt .Rank 2)}}c{{else}}d{{end}}`,
		`{{$x := .Rank}}{{$y := 1}}{{if .Open}}{{$x = 7}}{{$y := 9}}{{$y}}{{end}}{{$x}}{{$y}}{{$.Title | len}}`,
		`{{and .Open .Rank}} {{or .Nothing .Team.Slug}} {{and 0 .Missing}} {{or "" 0}} {{not .Tags}}`,
		`{{len .Tags}} {{index .Tags 1}} {{index .Notes "a"}} {{index .Notes "zz"}} {{slice .Title 0 7}} {{slice .Tags 1}}`,
		`{{eq .Rank 3}} {{eq .Level 2}} {{eq .Team.Slug "x" "data"}} {{ne .Score 2.5}} {{lt .Rank 4}} {{le 3 .Rank}} {{ge .Title "B"}} {{eq .Nothing nil}}`,
		`{{.Raised.IsZero}} {{if not .Raised.IsZero}}raised{{end}} {{with .Raised}}{{.IsZero}} {{.Year}}{{end}} {{.Team.Path}}`,
		`{{.Team.Greet "Ann" 2}} {{.Title | upper}} {{upper .Team.Title | printf "%s!"}} {{date .Raised}} {{(.Team).Slug}}`,
		`{{pair .Rank "x"}} {{pair nil 1.5}} {{many 1 2 3}} {{many}} {{.Rank | many 1}} {{range list}}{{.}},{{end}}`,
		`{{define "row"}}<tr><td>{{.Title}}</td><td>{{$.Slug}}</td></tr>{{end}}{{template "row" .Team}}`,
		`{{block "side" .Tags}}{{range .}}<li>{{.}}</li>{{end}}{{end}}{{/* a comment */}}{{- " trimmed " -}}`,
		`{{define "open"}}<a href="{{end}}{{template "open"}}{{.Link}}">x</a>`,
		`{{define "v"}}{{$x := "in"}}{{$x}}{{$}}{{range 2}}{{$x = .}}{{end}}{{$x}};{{end}}{{range $i, $x := .Tags}}{{template "v" $i}}{{$x}}{{$i}}|{{end}}{{$y := 1}}{{template "v" .Rank}}{{$y}}`,
		`{{range .Tags}}[{{range slice $.Tags 0 0}}x{{else}}{{break}}{{end}}{{.}}]{{end}}end`,
		"<script>var x = 1;</script><style>p { color: red }</style><!-- gone -->{{.Rank}}",
		`<script type="application/json">{{.JS}}</script><script>var d = {{.JS}};</script><button onclick="f({{.JS}})">x</button>`,
		`{{partial "row" .Team}} {{partial "n" nil}} <a href="{{link .Rank}}">{{link .Title}}</a> <img src="{{asset "a b.png"}}">`,
		`{{score .Score}} {{score 2.25}} {{plural .Rank "concern"}} {{plural 1 .Title}} {{upper "x"}} {{.Title | upper}} {{date .Raised}}`,
		`{{(teamOf .).Title}} {{with teamOf .}}{{.Path}}{{end}} {{levelAt .Level "L"}} {{badge .Team .Open .Rank}} {{badge nil false 0}} {{checked .Title}} {{anything 3}}`,
	} {
		if n := sameAsHTMLTemplate(t, text, sample()); n != 0 {
			t.Errorf("%s: handed to html/template %d times", text, n)
		}
	}
}

// TestHandedOver covers what html/template runs instead: the output and
// the errors are its own.
func TestHandedOver(t *testing.T) {
	for _, text := range []string{
		`{{.Missing}}`,                        // no such field
		`{{.Nothing.Title}}`,                  // through a nil pointer
		`{{index .Tags 9}}`,                   // out of range
		`{{eq .Tags 1}}`,                      // cannot compare
		`<p title="{{.Body}}">x</p>`,          // HTML in an attribute: its tags stripped
		`<script>var t = {{.Title}}</script>`, // an escaper this package leaves
		`{{range .Team}}x{{end}}`,             // cannot range over a struct pointer
		`{{panics}}`,                          // a function that panics
		`{{define "s"}}{{.}}{{end}}<script>{{template "s" .Rank}}</script>`,
		`{{.Team.Greet "only one"}}`, // wrong number of arguments
		`{{range .Nothing}}x{{end}}`, // a nil pointer
		`{{html "<b>ok</b>"}}`,       // html/template's _eval_args_
		`{{levelAt .Title "L"}}`,     // a typed function given the wrong type
		`{{badge .Team true}}`,       // and too few arguments
	} {
		if n := sameAsHTMLTemplate(t, text, sample()); n == 0 {
			t.Errorf("%s: not handed to html/template", text)
		}
	}
}

// TestSharedHandsOverToItsOwn compiles two sets, of functions that give
// different answers, from one template, and wants each run that html/template
// takes over to run in the set's own template, with the set's functions,
// whichever compiled last.
func TestSharedHandsOverToItsOwn(t *testing.T) {
	const text = `{{who}} {{.Missing}}` // the missing field hands the run over
	parse := func(who string) *template.Template {
		return template.Must(template.New("page").Funcs(template.FuncMap{"who": func() string { return who }}).Parse(text))
	}
	shared := parse("shared")
	compile := func(who string) *Set {
		funcs := template.FuncMap{"who": func() string { return who }}
		own := func() *template.Template { return parse(who) }
		return CompileShared(shared, own, funcs, nil, "page")
	}
	first, second := compile("first"), compile("second")
	for _, c := range []struct {
		set  *Set
		want string
	}{{first, "first"}, {second, "second"}, {first, "first"}} {
		var got Buffer
		err := c.set.Execute(&got, "page", struct{}{})
		if err == nil || !strings.HasPrefix(got.String(), c.want+" ") || c.set.Fallbacks() == 0 {
			t.Errorf("got %q, %v, %d runs handed over; want %q first, the missing field's error, and a run handed over", got.String(), err, c.set.Fallbacks(), c.want)
		}
	}
}

// TestMissingKey wants the option missingkey obeyed.
func TestMissingKey(t *testing.T) {
	for _, option := range []string{"missingkey=default", "missingkey=zero", "missingkey=error"} {
		text := `<p>{{.Counts.zz}}|{{.Notes.zz}}</p>`
		data := map[string]any{"Counts": map[string]int{}, "Notes": map[string]string{"a": "b"}}
		parse := func() *template.Template { return template.Must(template.New("page").Option(option).Parse(text)) }
		var want bytes.Buffer
		var got Buffer
		wantErr := parse().Execute(&want, data)
		gotErr := Compile(parse(), nil, nil, "page").Execute(&got, "page", data)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || got.String() != want.String() {
			t.Errorf("%s: got %q, %v; want %q, %v", option, got.String(), gotErr, want.String(), wantErr)
		}
	}
}

// TestFunctionErrors wants a function's error as text/template words it,
// from the template that called it, without html/template running again.
func TestFunctionErrors(t *testing.T) {
	for _, text := range []string{
		`<p>{{fails .Title}}</p>`,
		`{{define "inner"}}<b>{{fails "deep"}}</b>{{end}}<p>{{template "inner" .}}</p>`,
		"line one\n{{if .Open}}\n  {{.Team.Title | fails}}\n{{end}}",
		`<p>{{refuses .Rank .Title}}</p>`, // a typed function's
	} {
		if n := sameAsHTMLTemplate(t, text, sample()); n != 0 {
			t.Errorf("%s: handed to html/template %d times", text, n)
		}
	}
}

// TestChartLikePartial runs a partial that writes its data into a script
// inside a compiled page: itself when the data is JS, as a chart's is, and
// through html/template, which writes anything else as JSON.
func TestChartLikePartial(t *testing.T) {
	text := `{{define "chart"}}<script type="application/json">{{.}}</script>{{end}}<h1>{{.Title}}</h1>{{template "chart" .JS}}<p>{{.Rank}}</p>`
	if n := sameAsHTMLTemplate(t, text, sample()); n != 0 {
		t.Errorf("JS: handed over %d times, want none", n)
	}
	for _, data := range []string{".Tags", ".Title", ".Nothing", "nil"} {
		text := strings.Replace(text, `{{template "chart" .JS}}`, `{{template "chart" `+data+`}}`, 1)
		if n := sameAsHTMLTemplate(t, text, sample()); n != 1 {
			t.Errorf("%s: handed over %d times, want the page once", data, n)
		}
	}
	set := Compile(template.Must(template.New("page").Funcs(testFuncs).Parse(text)), testFuncs, nil, "page")
	if len(set.Unsupported()) != 0 {
		t.Errorf("unsupported: %v, want none", set.Unsupported())
	}
}

// TestEscapeErrorStays wants a template html/template cannot escape to
// fail as it does in html/template.
func TestEscapeErrorStays(t *testing.T) {
	sameAsHTMLTemplate(t, `<a href="{{if .Open}}/x{{else}}'{{end}}">`, sample())
	sameAsHTMLTemplate(t, `<p {{.Title}}="x">`, sample())
}

// TestCompileRunsNothing wants no function called while a set is
// compiled, and every one called as before once it is.
func TestCompileRunsNothing(t *testing.T) {
	calls := 0
	funcs := template.FuncMap{"count": func(v any) int { calls++; return calls }}
	tmpl := template.Must(template.New("page").Funcs(funcs).Parse(`{{define "p"}}{{count .}}{{end}}{{count .}}<p>{{template "p" .}}</p>`))
	set := Compile(tmpl, funcs, nil, "page")
	if calls != 0 {
		t.Fatalf("compiling called count %d times", calls)
	}
	var buf Buffer
	if err := set.Execute(&buf, "page", 1); err != nil || buf.String() != "1<p>2</p>" {
		t.Errorf("compiled: %q, %v", buf.String(), err)
	}
	buf.Reset()
	if err := tmpl.ExecuteTemplate(&buf, "p", 1); err != nil || buf.String() != "3" {
		t.Errorf("html/template after compiling: %q, %v", buf.String(), err)
	}
}

// FuzzEscapers wants every escaper to give html/template's output for any
// text, in every place it is used.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "plain", `<b>"q" & 'a'</b>`, "a+b=c d\te\n", "javascript:x", "HTTP:ok",
		"mailto:a@b", "/p?q=1&r=%2f%zz", "\x00\ufdd0\uffff`x`", "é ü 中文", "\xff\xfe"} {
		f.Add(s)
	}
	text := `<p>{{.}}</p><p title="{{.}}">t</p><p title={{.}}>u</p><title>{{.}}</title>` +
		`<a href="{{.}}">a</a><a href="/x?q={{.}}">b</a><a href=/x/{{.}}>c</a><img srcset="{{.}}">`
	parse := func() *template.Template { return template.Must(template.New("page").Parse(text)) }
	f.Fuzz(func(t *testing.T, s string) {
		for _, data := range []any{s, template.HTML(s), template.URL(s), &s} {
			var want bytes.Buffer
			var got Buffer
			wantErr := parse().Execute(&want, data)
			set := Compile(parse(), nil, nil, "page")
			gotErr := set.Execute(&got, "page", data)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || got.String() != want.String() {
				t.Errorf("%T %q:\n got: %q %v\nwant: %q %v", data, s, got.String(), gotErr, want.String(), wantErr)
			}
		}
	})
}

// Every function direct calls gives, with the same arguments, the same
// value as a call through reflection.
func TestDirect(t *testing.T) {
	args := map[string][]reflect.Value{
		"upper": {reflect.ValueOf("a<b")}, "date": {reflect.ValueOf(sample().Raised)},
		"fails": {reflect.ValueOf("x")}, "partial": {reflect.ValueOf("row"), reflect.ValueOf(any(sample().Team))},
		"link": {reflect.ValueOf(any(3))}, "asset": {reflect.ValueOf("a.css")},
		"score": {reflect.ValueOf(2.5)}, "plural": {reflect.ValueOf(2), reflect.ValueOf("team")},
		"teamOf": {reflect.ValueOf(sample())}, "levelAt": {reflect.ValueOf(level(2)), reflect.ValueOf("L")},
		"badge":   {reflect.ValueOf(sample().Team), reflect.ValueOf(true), reflect.ValueOf(3)},
		"checked": {reflect.ValueOf("a<b")}, "refuses": {reflect.ValueOf(1), reflect.ValueOf(any("x"))},
	}
	for name, argv := range args {
		fast := direct(testFuncs[name])
		if fast == nil {
			t.Errorf("%s: no direct call for %T", name, testFuncs[name])
			continue
		}
		var rest [2]reflect.Value
		copy(rest[:], argv[1:])
		got, gotErr := fast(argv[0], rest[0], rest[1])
		out := reflect.ValueOf(testFuncs[name]).Call(argv)
		var wantErr error
		if len(out) == 2 && !out[1].IsNil() {
			wantErr = out[1].Interface().(error)
		}
		if got.Type() != out[0].Type() || got.Interface() != out[0].Interface() || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s: direct gives %#v, %v; reflection %#v, %v", name, got.Interface(), gotErr, out[0].Interface(), wantErr)
		}
	}
	if direct(testFuncs["pair"]) != nil || direct(testFuncs["many"]) != nil {
		t.Error("direct calls signatures it does not know")
	}
	if direct(testFuncs["anything"]) != nil {
		t.Error("direct calls a typed function whose result is an interface")
	}
}
