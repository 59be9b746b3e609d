package chart

import (
	"strconv"

	"github.com/reliability-council/handbook/internal/model"
)

// Set is every chart of a handbook, computed once per build and shared by
// the pages that show them.
type Set struct {
	ValueEffort  *Chart
	RiskHeatmap  *Chart
	StatusByTeam *Chart
	TeamTotals   *Chart
	OverTime     *Chart
	Teams        map[string]TeamCharts // by team slug
}

// TeamCharts are the charts on a team's own page.
type TeamCharts struct {
	ValueEffort *Chart
	Status      *Chart
}

// Build computes every chart of h. link returns the URL of a concern or
// team page; every click target comes from it.
func Build(h *model.Handbook, link func(any) string) *Set {
	b := newBuilder(h, link)
	set := &Set{
		ValueEffort:  b.ValueEffort("all", h.Concerns),
		RiskHeatmap:  b.RiskHeatmap("all", h.Concerns),
		StatusByTeam: b.StatusByTeam(h.Teams, h.Concerns),
		TeamTotals:   b.TeamTotals(h.Teams),
		OverTime:     b.OverTime(h.Concerns),
		Teams:        make(map[string]TeamCharts, len(h.Teams)),
	}
	for i, t := range h.Teams {
		scope := "team" + strconv.Itoa(i+1)
		set.Teams[t.Slug] = TeamCharts{
			ValueEffort: b.ValueEffort(scope, t.Concerns),
			Status:      b.StatusCounts(scope, t.Concerns),
		}
	}
	return set
}

// Builder makes charts for one handbook.
type Builder struct {
	scale    model.Scale
	steps    []step
	statuses []string
	isOpen   func(string) bool
	link     func(any) string
	teams    []*model.Team
	colour   map[*model.Team]string
}

func newBuilder(h *model.Handbook, link func(any) string) *Builder {
	b := &Builder{
		scale:    h.Config.Scoring.Scale,
		steps:    steps(h.Config.Scoring.Scale),
		statuses: h.Config.Scoring.Statuses(),
		isOpen:   h.Config.Scoring.IsOpen,
		link:     link,
		teams:    h.Teams,
		colour:   make(map[*model.Team]string, len(h.Teams)),
	}
	// A team keeps its colour on every chart.
	for i, t := range h.Teams {
		b.colour[t] = okabeIto[i%len(okabeIto)]
	}
	return b
}

func (b *Builder) teamColour(t *model.Team) string {
	if c, ok := b.colour[t]; ok {
		return c
	}
	return okabeIto[len(okabeIto)-1]
}

// teamsOf returns the teams that have entries in m, in the handbook's order.
func (b *Builder) teamsOf(m map[*model.Team][]*model.Concern) []*model.Team {
	var out []*model.Team
	for _, t := range b.teams {
		if len(m[t]) > 0 {
			out = append(out, t)
		}
	}
	if len(m[nil]) > 0 {
		out = append(out, nil)
	}
	return out
}
