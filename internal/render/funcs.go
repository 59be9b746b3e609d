package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"time"

	"github.com/reliability-council/handbook/internal/execute"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/reads"
	"github.com/reliability-council/handbook/internal/search"
)

// markdownFunc is the name templates call the markdown function by, the
// one function that writes its HTML into the page (execute.WritesHTML).
const markdownFunc = "markdown"

// htmlWriters are the functions of funcs that write their HTML into the
// page, for the compiled layouts.
func htmlWriters(markdown execute.WritesHTML[model.Markdown]) execute.Writers {
	return execute.Writers{markdownFunc: markdown}
}

// funcs returns the functions templates call, each with what it reads, so
// that the analysis of a theme can follow its templates through them. They
// close over one build's site, so templates never reach global state.
// Those of the handbook's own types that pages call most are converted to
// execute's typed functions (execute.Func1 and the like), which the
// compiled layouts call without reflection.
func funcs(s *Site, markdown execute.WritesHTML[model.Markdown], rows *rowCache, partials *partialCache) map[string]reads.Func {
	statuses := s.Config.Scoring.Statuses()
	long, iso := newDayTexts(longDay), newDayTexts(time.DateOnly)
	pure := func(fn any) reads.Func { return reads.Func{Fn: fn} }
	builds := func(fn any) reads.Func { return reads.Func{Fn: fn, Returns: reads.Struct{}} }
	return map[string]reads.Func{
		"url": {
			Fn: func(v any) (string, error) {
				link, ok := s.pageLink(v)
				if !ok {
					return "", fmt.Errorf("url: nothing has a page of type %T", v)
				}
				return link, nil
			},
			Args:   []reads.Use{reads.Paths("Slug")},
			Global: []string{"Base"},
		},
		"absURL": {
			Fn:     func(p string) string { return s.Config.BaseURL + p },
			Global: []string{"Config.BaseURL"},
		},
		"asset": {
			Fn: func(name string) (string, error) {
				p, ok := s.assets[name]
				if !ok {
					return "", fmt.Errorf("asset %q is not in the theme's assets/ folder", name)
				}
				return s.Base + p, nil
			},
			Global: []string{"assets", "Base"},
		},
		markdownFunc: {
			Fn:     markdown.Func(),
			Global: []string{"Base"},
		},
		"concernRow": {
			Fn:      execute.Func2E[*model.Concern, bool, template.HTML](rows.row),
			Returns: reads.Renders{Name: rowTemplate, Dot: reads.Struct{Of: ConcernRow{}}},
		},
		"cached": {Fn: partials.render, Returns: reads.Renders{Dot: reads.Arg(1)}},
		"sidebar": builds(execute.Func3[*Site, bool, string, Sidebar](func(site *Site, inNav bool, current string) Sidebar {
			if !inNav {
				// A page outside the navigation marks the entry of its
				// section: one sidebar for each section, rather than one
				// for each of the thousands of concerns.
				current = site.section(current)
			}
			return Sidebar{Site: site, InNav: inNav, Current: current}
		})),
		"concernTable": builds(execute.Func3[string, []*model.Concern, bool, ConcernTable](func(caption string, list []*model.Concern, withTeam bool) ConcernTable {
			rows.warmList(list, withTeam)
			return ConcernTable{Caption: caption, Concerns: list, WithTeam: withTeam}
		})),
		"actionTable": builds(execute.Func3[string, []*model.Action, bool, ActionTable](func(caption string, list []*model.Action, withMeeting bool) ActionTable {
			return ActionTable{Caption: caption, Actions: list, WithMeeting: withMeeting}
		})),
		"doneTable": builds(func(caption string, list []*model.Action) DoneTable {
			return DoneTable{Caption: caption, Actions: list}
		}),
		"actionRow": builds(execute.Func3[*model.Action, bool, bool, ActionRow](func(a *model.Action, withMeeting, byDone bool) ActionRow {
			return ActionRow{Action: a, WithMeeting: withMeeting, ByDone: byDone}
		})),
		"changeWords": pure(execute.Func3[model.ChangeKind, string, string, string](model.ChangeWords)),
		"changeList": builds(func(title string, list []*model.Change) ChangeList {
			return ChangeList{Title: title, Changes: list}
		}),
		"levelRow": builds(execute.Func2[string, model.Level, LevelRow](func(label string, l model.Level) LevelRow { return LevelRow{Label: label, Level: l} })),
		"levelCell": pure(execute.Func2[string, model.Level, LevelCell](func(label string, l model.Level) LevelCell {
			return LevelCell{Label: label, Text: l.Text, Score: l.Score, Scored: l.Scored, Given: !l.IsZero()}
		})),
		"rowFilters": {Fn: execute.Func1[*model.Concern, template.HTMLAttr](search.RowFilters), Args: []reads.Use{reads.Paths(search.RowFilterPaths()...)}},
		"method": {
			Fn:     func() model.Method { return s.Config.Scoring.Method },
			Global: []string{"Config.Scoring.Method"},
		},
		"editURL": {
			Fn: func(source string) string {
				if s.Config.EditURL == "" || source == "" {
					return ""
				}
				return s.Config.EditURL + source
			},
			Global: []string{"Config.EditURL"},
		},
		"latest": {
			Fn:      func(ms []*model.Meeting) []*model.Meeting { return ms[:min(len(ms), latestCount)] },
			Returns: reads.Arg(0),
		},
		"openCount": {
			Fn: func(as []*model.Action) int {
				n := 0
				for _, a := range as {
					if !a.Done {
						n++
					}
				}
				return n
			},
			Args: []reads.Use{reads.Paths("*.Done")},
		},
		"page": {
			Fn: func(slug string) *model.Page {
				for _, p := range s.Pages {
					if p.Slug == slug {
						return p
					}
				}
				return nil
			},
			Global:  []string{"Pages.*.Slug"},
			Returns: reads.GlobalPart("Pages.*"),
		},
		"state": {
			Fn:     execute.Func1[*model.Action, model.State](func(a *model.Action) model.State { return a.StateOn(s.Today) }),
			Args:   []reads.Use{reads.Paths("Done", "Due")},
			Global: []string{"Today"},
		},
		"score":  pure(formatScore),
		"number": pure(model.FormatNumber),
		"decimals": pure(func(f float64, places int) string {
			return strconv.FormatFloat(f, 'f', places, 64)
		}),
		"date": pure(func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return long.format(t)
		}),
		"isoDate": pure(iso.format),
		"plural":  pure(model.Plural),
		"percent": pure(func(n, of int) string {
			if of == 0 {
				return "0%"
			}
			return strconv.Itoa((n*100+of/2)/of) + "%"
		}),
		"statusLabel": pure(model.StatusLabel),
		"levelSort": pure(execute.Func1[model.Level, string](func(l model.Level) string {
			if !l.Scored {
				return ""
			}
			return formatScore(l.Score)
		})),
		"statusRank": {
			Fn:     execute.Func1[string, int](func(st string) int { return slices.Index(statuses, st) }),
			Global: []string{"Config.Scoring"},
		},
		"statusLook": {
			Fn:     execute.Func1[string, model.Look](func(st string) model.Look { return s.Config.Scoring.Looks[st] }),
			Global: []string{"Config.Scoring.Looks"},
		},
		"closedCount": {
			Fn: func(list []*model.Concern) int {
				n := 0
				for _, c := range list {
					if !c.Open {
						n++
					}
				}
				return n
			},
			Args: []reads.Use{reads.Paths("*.Open")},
		},
		"observable": pure(execute.Func1[model.Observability, string](model.Observability.Label)),
	}
}

func formatScore(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// longDay is how pages write a day: 5 March 2024.
const longDay = "2 January 2006"

func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(longDay)
}

// ConcernTable is what the concern-table partial draws.
type ConcernTable struct {
	Caption  string
	Concerns []*model.Concern
	WithTeam bool
}

// ActionTable is what the action-table partial draws.
type ActionTable struct {
	Caption     string
	Actions     []*model.Action
	WithMeeting bool
}

// DoneTable is what the done-table partial draws: actions done, the most
// recently done first, each with the day it was done.
type DoneTable struct {
	Caption string
	Actions []*model.Action
}

// ActionRow is what the action-row partial draws: one action as a row of
// an action table.
type ActionRow struct {
	Action      *model.Action
	WithMeeting bool
	// ByDone is set in a table of actions done: the row shows the day it
	// was done instead of its state.
	ByDone bool
}

// ChangeList is what the change-list partial draws: a digest's changes of
// one kind, under a heading.
type ChangeList struct {
	Title   string
	Changes []*model.Change
}

// LevelCell is a level as a concern table's cell shows it: its words and
// score, but not its note, so that the few there are can each be drawn once
// (with cached) for every row of every table.
type LevelCell struct {
	Label  string
	Text   string
	Score  float64
	Scored bool
	Given  bool // a level or a note was written
}

// LevelRow is one scored field on a concern's page.
type LevelRow struct {
	Label string
	Level model.Level
}

// Sidebar is what the sidebar partial draws: the navigation, with the entry
// for the current page marked, or else the entry of the section the page
// is in.
type Sidebar struct {
	Site  *Site
	InNav bool // the current page is one of the navigation's entries
	// Current is the page's path when InNav; otherwise the path of the
	// entry whose section holds the page ("concerns/" for a concern), or ""
	// when none does.
	Current string
}

// latestCount is how many meetings the overview lists.
const latestCount = 5
