package chart

import (
	"strconv"

	"github.com/reliability-council/handbook/internal/model"
)

// Set is every chart of a handbook, computed once per build and shared by
// the pages that show them.
type Set struct {
	ValueEffort   *Chart
	RiskHeatmap   *Chart
	StatusByTeam  *Chart
	Observability *Chart
	OverTime      *Chart
	Trend         *Chart // open concerns and their summed priority, from the history
	// Budgets draws each error budget, in the order of the handbook's.
	Budgets []*Chart
	Teams   map[string]TeamCharts // by team slug
}

// TeamCharts are the charts on a team's own page.
type TeamCharts struct {
	ValueEffort   *Chart
	Status        *Chart
	Observability *Chart
	Trend         *Chart
	// Budget is the team's error budget: its own, when it has an SLO of its
	// own, or else its risks in the site's; nil when neither is set or the
	// team has no concerns.
	Budget *Chart
}

// Build computes every chart of h. link returns the URL of a concern or
// team page; every click target comes from it.
func Build(h *model.Handbook, link func(any) string) *Set {
	b := newBuilder(h, link)
	open, _ := b.byOpen(h.Concerns)
	set := &Set{
		ValueEffort:   sealed(b.ValueEffort("all", h.Concerns)),
		RiskHeatmap:   sealed(b.RiskHeatmap("all", open)),
		StatusByTeam:  sealed(b.StatusByTeam(h.Teams, h.Concerns)),
		Observability: sealed(b.Observability("all", h.Teams, h.Concerns)),
		OverTime:      sealed(b.OverTime(b.events(h.Concerns), h.Today)),
		Trend:         sealed(b.Trend("all", h, nil)),
		Teams:         make(map[string]TeamCharts, len(h.Teams)),
	}
	scopes := make(map[*model.Team]string, len(h.Teams))
	for i, t := range h.Teams {
		scopes[t] = "team" + strconv.Itoa(i+1)
	}
	var site *model.Budget
	own := map[*model.Team]*Chart{}
	for _, bud := range h.Budgets {
		if bud.Team == nil {
			site = bud
			set.Budgets = append(set.Budgets, sealed(b.Budget("all", bud, nil)))
			continue
		}
		own[bud.Team] = sealed(b.Budget(scopes[bud.Team], bud, nil))
		set.Budgets = append(set.Budgets, own[bud.Team])
	}
	for _, t := range h.Teams {
		scope := scopes[t]
		tc := TeamCharts{
			ValueEffort:   sealed(b.ValueEffort(scope, t.Concerns)),
			Status:        sealed(b.StatusCounts(scope, t.Concerns)),
			Observability: sealed(b.Observability(scope, []*model.Team{t}, t.Concerns)),
			Trend:         sealed(b.Trend(scope, h, t)),
			Budget:        own[t],
		}
		if tc.Budget == nil && site != nil && len(t.Concerns) > 0 {
			tc.Budget = sealed(b.Budget(scope, site, t))
		}
		set.Teams[t.Slug] = tc
	}
	return set
}

// Builder makes charts for one handbook.
type Builder struct {
	scale     model.Scale
	steps     []step
	statuses  []string
	looks     map[string]model.Look // by status
	link      func(any) string
	teams     []*model.Team
	teamLooks map[*model.Team]model.Look
}

func newBuilder(h *model.Handbook, link func(any) string) *Builder {
	b := &Builder{
		scale:     h.Config.Scoring.Scale,
		steps:     steps(h.Config.Scoring.Scale),
		statuses:  h.Config.Scoring.Statuses(),
		looks:     h.Config.Scoring.Looks,
		link:      link,
		teams:     h.Teams,
		teamLooks: make(map[*model.Team]model.Look, len(h.Teams)),
	}
	// A team keeps its look on every chart.
	for i, t := range h.Teams {
		b.teamLooks[t] = model.TeamLook(i)
	}
	return b
}

// teamLook returns a team's look; concerns of no team are drawn in grey.
func (b *Builder) teamLook(t *model.Team) model.Look {
	if l, ok := b.teamLooks[t]; ok {
		return l
	}
	return look("grey", "grid")
}

// statusLook returns a status's look, the same in every chart and table.
func (b *Builder) statusLook(status string) model.Look {
	if l, ok := b.looks[status]; ok {
		return l
	}
	return look("grey", "solid")
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
