package execute

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"testing"
)

// TestWritesHTMLIntoThePage wants a WritesHTML function whose HTML an
// action prints as it is to write into the page itself, and every action
// that calls it to make what html/template makes of its Func.
func TestWritesHTMLIntoThePage(t *testing.T) {
	var intoPage int
	bold := WritesHTML[string](func(w io.Writer, s string) error {
		if _, ok := w.(*Buffer); ok {
			intoPage++
		}
		if s == "fail" {
			return errors.New("refused")
		}
		_, err := io.WriteString(w, "<b>"+template.HTMLEscapeString(s)+"</b>")
		return err
	})
	funcs := template.FuncMap{"bold": bold.Func(), "upper": testFuncs["upper"]}
	for _, c := range []struct {
		text     string
		intoPage int // how many calls write into the page
	}{
		{`<p>{{bold .}}</p>`, 1},
		{`{{define "inner"}}<i>{{bold .}}</i>{{end}}<p>{{bold .}}{{template "inner" .}}</p>`, 2},
		{`<p>{{bold (upper .)}}</p>`, 1},
		{`<p>{{with $x := .}}{{bold $x}}{{end}}</p>`, 1},
		// Anywhere else, the HTML is a value, as html/template has it.
		{`<p>{{bold . | printf "%s"}}</p>`, 0},
		{`<p>{{$b := bold .}}{{$b}}</p>`, 0},
		{`<textarea>{{bold .}}</textarea>`, 0},
		{`<p title="{{bold .}}">t</p>`, 0},
		// The error is html/template's, from the call that failed.
		{"<p>\n{{bold \"fail\"}}</p>", 1},
	} {
		parse := func() *template.Template { return template.Must(template.New("page").Funcs(funcs).Parse(c.text)) }
		var want bytes.Buffer
		wantErr := parse().Execute(&want, `a<"b">`)
		intoPage = 0
		var got Buffer
		got.WriteString("before|")
		gotErr := Compile(parse(), funcs, Writers{"bold": bold}, "page").Execute(&got, "page", `a<"b">`)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Errorf("%s\nerror: %v\nwant:  %v", c.text, gotErr, wantErr)
		}
		if wantErr == nil && got.String() != "before|"+want.String() {
			t.Errorf("%s\n got: %q\nwant: %q", c.text, got.String(), want.String())
		}
		if intoPage != c.intoPage {
			t.Errorf("%s: %d calls wrote into the page, want %d", c.text, intoPage, c.intoPage)
		}
	}
}
