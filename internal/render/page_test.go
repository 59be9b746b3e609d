package render

import (
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// withBody gives a page and its own content the new body, for a theme
// that reads it from either, and leaves the page it copies as it was.
func TestWithBody(t *testing.T) {
	old, body := model.Markdown{File: "f.md", Sum: 1}, model.Markdown{File: "f.md", Sum: 2}
	for _, p := range []*Page{
		{Concern: &model.Concern{Body: old}, Body: old},
		{Team: &model.Team{Body: old}, Body: old},
		{Meeting: &model.Meeting{Body: old}, Body: old},
		{Doc: &model.Page{Body: old}, Body: old},
	} {
		q := p.withBody(body)
		if q.Body != body || ownBody(q) != body {
			t.Errorf("withBody gave %+v, %+v; want both %+v", q.Body, ownBody(q), body)
		}
		if p.Body != old || ownBody(p) != old {
			t.Errorf("withBody changed the page it copied: %+v, %+v", p.Body, ownBody(p))
		}
	}
}

func ownBody(p *Page) model.Markdown {
	switch {
	case p.Concern != nil:
		return p.Concern.Body
	case p.Team != nil:
		return p.Team.Body
	case p.Meeting != nil:
		return p.Meeting.Body
	}
	return p.Doc.Body
}

// comparableKey tells the data a cached partial can be drawn for once per
// value from the data it cannot, by type where the type tells and by
// value where an interface inside decides.
func TestComparableKey(t *testing.T) {
	type withAny struct{ V any }
	type plain struct {
		N int
		P *model.Concern
		A [2]string
	}
	for _, c := range []struct {
		data any
		want bool
	}{
		{"status", true}, {3, true}, {&model.Concern{}, true}, {plain{}, true},
		{withAny{V: 1}, true}, {withAny{V: []int{1}}, false}, {[]int{1}, false},
		{map[string]int{}, false}, {[1]any{[]int{}}, false}, {[1]any{2}, true},
	} {
		for range 2 { // the second time from the cache of types
			if got := comparableKey(c.data); got != c.want {
				t.Errorf("comparableKey(%#v) = %v, want %v", c.data, got, c.want)
			}
		}
	}
}
