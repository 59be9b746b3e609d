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
