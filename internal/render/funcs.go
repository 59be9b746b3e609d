package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// funcs returns the functions templates call. They close over one build's
// site, so templates never reach global state.
func funcs(s *Site, md *markdown, rows *rowCache, partials *partialCache) template.FuncMap {
	statuses := s.Config.Scoring.Statuses()
	return template.FuncMap{
		"url": func(v any) (string, error) {
			p, ok := pathOf(v)
			if !ok {
				return "", fmt.Errorf("url: nothing has a page of type %T", v)
			}
			return s.Base + p, nil
		},
		"absURL": func(p string) string { return s.Config.BaseURL + p },
		"asset": func(name string) (string, error) {
			p, ok := s.assets[name]
			if !ok {
				return "", fmt.Errorf("asset %q is not in the theme's assets/ folder", name)
			}
			return s.Base + p, nil
		},
		"markdown":   md.HTML,
		"concernRow": rows.row,
		"cached":     partials.render,
		"sidebar":    func(p *Page) (template.HTML, error) { return sidebar(partials, p) },
		"concernTable": func(caption string, list []*model.Concern, withTeam bool) ConcernTable {
			t := ConcernTable{Caption: caption, Concerns: list, WithTeam: withTeam}
			for _, c := range list {
				if !c.Open {
					t.Closed++
				}
			}
			return t
		},
		"actionTable": func(caption string, list []*model.Action, withMeeting bool) ActionTable {
			return ActionTable{Caption: caption, Actions: list, WithMeeting: withMeeting}
		},
		"actionRow": func(a *model.Action, withMeeting bool) ActionRow {
			return ActionRow{Action: a, WithMeeting: withMeeting}
		},
		"editURL": func(source string) string {
			if s.Config.EditURL == "" || source == "" {
				return ""
			}
			return s.Config.EditURL + source
		},
		"levelRow": func(label string, l model.Level) LevelRow { return LevelRow{Label: label, Level: l} },
		"latest": func(ms []*model.Meeting) []*model.Meeting {
			return ms[:min(len(ms), latestCount)]
		},
		"openCount": func(as []*model.Action) int {
			n := 0
			for _, a := range as {
				if !a.Done {
					n++
				}
			}
			return n
		},
		"page": func(slug string) *model.Page {
			for _, p := range s.Pages {
				if p.Slug == slug {
					return p
				}
			}
			return nil
		},
		"state": func(a *model.Action) model.State { return a.StateOn(s.Today) },
		"score": formatScore,
		"decimals": func(f float64, places int) string {
			return strconv.FormatFloat(f, 'f', places, 64)
		},
		"date":    longDate,
		"isoDate": func(t time.Time) string { return t.Format(time.DateOnly) },
		"plural":  model.Plural,
		"percent": func(n, of int) string {
			if of == 0 {
				return "0%"
			}
			return strconv.Itoa((n*100+of/2)/of) + "%"
		},
		"statusLabel": model.StatusLabel,
		"levelSort": func(l model.Level) string {
			if !l.Scored {
				return ""
			}
			return formatScore(l.Score)
		},
		"statusRank": func(st string) int { return slices.Index(statuses, st) },
		"statusLook": func(st string) model.Look { return s.Config.Scoring.Looks[st] },
		"observable": func(o model.Observability) string {
			switch o {
			case model.ObservableYes:
				return "Yes"
			case model.ObservablePartly:
				return "Partly"
			case model.ObservableNo:
				return "No"
			}
			return "Not known"
		},
	}
}

func formatScore(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}

// ConcernTable is what the concern-table partial draws.
type ConcernTable struct {
	Caption  string
	Concerns []*model.Concern
	WithTeam bool
	Closed   int // how many of Concerns are closed: the table can hide them
}

// ActionTable is what the action-table partial draws.
type ActionTable struct {
	Caption     string
	Actions     []*model.Action
	WithMeeting bool
}

// ActionRow is what the action-row partial draws: one action as a row of
// an action table.
type ActionRow struct {
	Action      *model.Action
	WithMeeting bool
}

// LevelRow is one scored field on a concern's page.
type LevelRow struct {
	Label string
	Level model.Level
}

// latestCount is how many meetings the overview lists.
const latestCount = 5
