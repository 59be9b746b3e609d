package reads

import (
	"hash/maphash"
	"reflect"
	"slices"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"
)

// Test data: a small graph of linked values, as a handbook is.
type (
	team struct {
		Name     string
		Concerns []*concern
	}
	concern struct {
		Title string
		Team  *team
		Tags  []string
		Notes map[string]string
		Level level
	}
	level struct {
		Text  string
		Score float64
	}
	page struct {
		Concern *concern
		Site    *site
	}
	site struct {
		Base     string
		Concerns []*concern
	}
	row struct {
		Concern *concern
		Wide    bool
	}
)

func (l level) Half() float64 { return l.Score / 2 }

var testFuncs = map[string]Func{
	"url":   {Fn: func(c *concern) string { return c.Title }, Args: []Use{Paths("Title")}, Global: []string{"Base"}},
	"upper": {Fn: strings.ToUpper},
	"first": {Fn: func(cs []*concern) []*concern { return cs[:1] }, Returns: Arg(0)},
	"row":   {Fn: func(c *concern, wide bool) row { return row{c, wide} }, Returns: Struct{}},
	"show":  {Fn: func(name string, data any) string { return "" }, Returns: Renders{Dot: Arg(1)}},
}

func analyze(t *testing.T, text string) *Analysis {
	t.Helper()
	a, err := tryAnalyze(text)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func tryAnalyze(text string) (*Analysis, error) {
	tmpl, err := template.New("page").Funcs(FuncMap(testFuncs)).Parse(text)
	if err != nil {
		return nil, err
	}
	lookup := func(name string) *parse.Tree {
		if t := tmpl.Lookup(name); t != nil {
			return t.Tree
		}
		return nil
	}
	an := NewAnalyzer(reflect.TypeFor[*site](), testFuncs)
	a, err := an.Analyze(lookup, "page", reflect.TypeFor[*page]())
	an.Finish()
	return a, err
}

func TestAnalyzeShapes(t *testing.T) {
	for _, tc := range []struct {
		name, text, dot, global string
	}{
		{"field", `{{.Concern.Title}}`, ".Concern\n  .Title (whole)\n", ""},
		{"range and with", `{{range .Site.Concerns}}{{with .Team}}{{.Name}}{{end}}{{end}}`,
			".Site\n  .Concerns (len)\n    [*]\n      .Team (len)\n        .Name (whole)\n", ""},
		{"variables", `{{$c := .Concern}}{{range $i, $t := $c.Tags}}{{$i}}{{$t}}{{end}}`,
			".Concern\n  .Tags (len)\n    [*] (whole)\n", ""},
		{"method on a value reads it whole", `{{.Concern.Level.Half}}`, ".Concern\n  .Level (whole)\n", ""},
		{"a function's paths and globals", `{{url .Concern}}`, ".Concern\n  .Title (whole)\n", ".Base (whole)\n"},
		{"a function passing its argument on", `{{range first .Site.Concerns}}{{.Title}}{{end}}`,
			".Site\n  .Concerns (len)\n    [*]\n      .Title (whole)\n", ""},
		{"a struct built from arguments, then a template", `{{define "r"}}{{.Concern.Title}}{{if .Wide}}x{{end}}{{end}}{{template "r" (row .Concern true)}}`,
			".Concern\n  .Title (whole)\n", ""},
		{"a template named by a constant", `{{define "t"}}{{.Name}}{{end}}{{show "t" .Concern.Team}}`,
			".Concern\n  .Team\n    .Name (whole)\n", ""},
		{"a map by constant key", `{{index .Concern.Notes "why"}}`, ".Concern\n  .Notes\n    .why (whole)\n", ""},
		{"a map by other key", `{{index .Concern.Notes .Concern.Title}}`, ".Concern\n  .Notes (keys)\n    [*] (whole)\n  .Title (whole)\n", ""},
		{"comparing pointers", `{{if eq .Concern.Team .Concern.Team}}x{{end}}`, ".Concern\n  .Team (ident)\n", ""},
		{"len", `{{len .Site.Concerns}}`, ".Site\n  .Concerns (len)\n", ""},
		{"assigning", `{{$c := "x"}}{{range .Site.Concerns}}{{$c}}{{$c = .Title}}{{end}}`,
			".Site\n  .Concerns (len)\n    [*]\n      .Title (whole)\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := analyze(t, tc.text)
			if a.Everything != "" {
				t.Fatalf("gave up: %s", a.Everything)
			}
			if got := a.Dot.String(); got != "\n"+tc.dot {
				t.Errorf("dot:\n%s\nwant:\n%s", got, tc.dot)
			}
			if got := a.Global.String(); got != "\n"+tc.global {
				t.Errorf("global:\n%s\nwant:\n%s", got, tc.global)
			}
		})
	}
}

// TestRunByName tells the templates a function runs by name from those
// the template calls.
func TestRunByName(t *testing.T) {
	a := analyze(t, `{{define "called"}}{{.Title}}{{end}}{{define "shown"}}{{.Name}}{{end}}`+
		`{{template "called" .Concern}}{{show "shown" .Concern.Team}}{{show "called" .Concern}}`)
	if !slices.Equal(a.ByName, []string{"called", "shown"}) {
		t.Errorf("ByName = %v, want [called shown]", a.ByName)
	}
	if a = analyze(t, `{{define "called"}}{{.Title}}{{end}}{{template "called" .Concern}}`); len(a.ByName) != 0 {
		t.Errorf("ByName = %v, want none", a.ByName)
	}
}

func TestAnalyzeGivesUp(t *testing.T) {
	for _, text := range []string{
		`{{$x := .Concern}}{{$x = .Site}}{{$x.Base}}`,
		`{{call .Concern.Title}}`,
		`{{show .Concern.Title .Concern}}`,
	} {
		if a, err := tryAnalyze(text); err == nil && a.Everything == "" {
			t.Errorf("%s: followed; want it to give up", text)
		}
	}
}

func TestAnalyzeErrors(t *testing.T) {
	for text, want := range map[string]string{
		`{{.Concern.title}}`:              `template: page:1:10: at <.Concern.title>: reads.concern has no field or method title (did you mean Title?)`,
		`{{template "nowhere" .}}`:        `no template "nowhere" is defined`,
		`{{.Concern.Title.Length}}`:       `can't read .Length of a string`,
		`{{range .Concern.Level}}{{end}}`: ``,
	} {
		_, err := tryAnalyze(text)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", text, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: error %v, want one saying %q", text, err, want)
		}
	}
}

// TestSign checks that a signature follows exactly what is read.
func TestSign(t *testing.T) {
	a := analyze(t, `{{.Concern.Title}} {{.Concern.Team.Name}} {{len .Site.Concerns}} {{url .Concern}}`)
	ops := &team{Name: "Ops"}
	etl := &concern{Title: "ETL", Team: ops, Tags: []string{"x"}}
	ops.Concerns = []*concern{etl}
	s := &site{Base: "/", Concerns: []*concern{etl}}
	p := &page{Concern: etl, Site: s}
	sg := NewSigner(maphash.MakeSeed(), s, func(reflect.Type) bool { return false }, func(reflect.Value) (string, bool) { return "", false })
	base, all := sg.Sign(a, p, s)
	if all {
		t.Fatal("a signature that needs everything")
	}
	for _, tc := range []struct {
		name   string
		change func()
		undo   func()
		same   bool
	}{
		{"tags are not read", func() { etl.Tags = []string{"y"} }, func() { etl.Tags = []string{"x"} }, true},
		{"the title is", func() { etl.Title = "ETL!" }, func() { etl.Title = "ETL" }, false},
		{"the team's name is", func() { ops.Name = "Ops!" }, func() { ops.Name = "Ops" }, false},
		{"the number of concerns is", func() { s.Concerns = append(s.Concerns, etl) }, func() { s.Concerns = s.Concerns[:1] }, false},
		{"the base, through url", func() { s.Base = "/x/" }, func() { s.Base = "/" }, false},
	} {
		tc.change()
		sg := NewSigner(sg.seed, s, sg.entity, sg.identity) // a new build: nothing remembered
		sum, _ := sg.Sign(a, p, s)
		if (sum == base) != tc.same {
			t.Errorf("%s: signature same %v, want %v", tc.name, sum == base, tc.same)
		}
		tc.undo()
	}
}
