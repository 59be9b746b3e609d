package render

import (
	"cmp"
	"slices"

	"github.com/reliability-council/handbook/internal/chart"
	"github.com/reliability-council/handbook/internal/model"
)

// Risk is what the error budget page shows, and team pages of theirs:
// every error budget with the arithmetic of each risk set against it, and
// the concerns that no budget counts.
type Risk struct {
	Budgets []*BudgetView
	// Unbudgeted are the concerns of teams that no SLO covers: all of them
	// when there is none.
	Unbudgeted RiskTable
	// Estimated counts the concerns with all four estimates, in a budget
	// or not.
	Estimated int
	// MustFix counts the risks above the cap of their budget, in every
	// budget.
	MustFix int
	// Examples are the budgets a few common SLOs would give, shown when no
	// SLO is set, each with what the estimated risks would make of it.
	Examples []ExampleBudget
	// Teams is each team's error budget, by slug: its own, or its share of
	// the site's; a team that has neither is not in it.
	Teams map[string]*TeamBudget
}

// BudgetView is one error budget with the arithmetic of its risks.
type BudgetView struct {
	Budget *model.Budget
	// Anchor is the id of its section on the error budget page: "site",
	// or "team-" and the team's slug.
	Anchor string
	Chart  *chart.Chart
	Risks  RiskTable // its estimated risks, most bad minutes first
	Fits   int       // how many of them fit in the budget
	// The shares of the budget that all the risks together, the risks that
	// fit, the unallocated rest and the overrun come to, in percent, to a
	// decimal.
	ExpectedPercent, AcceptedPercent, UnallocatedPercent, OverPercent float64
}

// RiskTable is estimated risks as rows of their arithmetic.
type RiskTable struct {
	Rows []RiskRow
	More int // risks left out of a very long table
	// NotEstimated are the open concerns among them that lack an estimate.
	NotEstimated ConcernList
}

// RiskRow is one risk's arithmetic: the estimates as counted, each at the
// precision of its column, so that the numbers line up, then what its
// budget makes of it.
type RiskRow struct {
	Concern *model.Concern
	// As counted from the estimates: minutes, a share from 0 to 1, times a
	// year.
	ETTD, ETTR, Impact, PerYear string
	Minutes                     string // bad minutes a year
	// Set against a budget; empty, and Allocation nil, for a risk no
	// budget counts.
	Allocation *model.Allocation
	Percent    string // of the budget
	Cumulative string
	Verdict    chart.Verdict
}

// ConcernList is the first concerns of a list that may be long, and how
// many more there are.
type ConcernList struct {
	Concerns []*model.Concern
	More     int
}

// ExampleBudget is what an SLO would give: the budget and its cap, and how
// the risks estimated so far would stand against it.
type ExampleBudget struct {
	Budget *model.Budget
	// Minutes and Cap are the budget's and its cap's minutes, at the
	// precision of their column.
	Minutes, Cap string
	Percent      float64 // all estimated risks together, as a share of it
	MustFix      int     // risks above its cap
}

// TeamBudget is a team's error budget, for its page.
type TeamBudget struct {
	View  *BudgetView
	Own   bool         // the team's own SLO, not the site's
	Chart *chart.Chart // of the team's risks in it
	// Risks, Minutes and Percent are the team's estimated risks, their bad
	// minutes a year together and the share of the budget they take;
	// MustFix how many of them are above the cap.
	Risks   int
	Minutes float64
	Percent float64
	MustFix int
}

// maxRiskRows is the most risks a risk table lists, and maxListed the most
// concerns a list of those not yet estimated names.
const (
	maxRiskRows = 200
	maxListed   = 100
)

// exampleSLOs are the SLOs a handbook without one is shown the budgets of.
var exampleSLOs = []string{"99%", "99.5%", "99.9%", "99.95%", "99.99%"}

func newRisk(h *model.Handbook, charts *chart.Set) Risk {
	r := Risk{Teams: map[string]*TeamBudget{}}
	var site *BudgetView
	views := map[*model.Budget]*BudgetView{}
	for i, b := range h.Budgets {
		v := newBudgetView(b, charts.Budgets[i])
		r.Budgets = append(r.Budgets, v)
		views[b] = v
		r.MustFix += b.MustFix
		if b.Team == nil {
			site = v
		}
	}
	var unbudgeted []*model.Concern
	for _, c := range h.Concerns {
		if c.Exposure.Estimated {
			r.Estimated++
		}
		if site == nil && (c.Team == nil || c.Team.Budget == nil) {
			unbudgeted = append(unbudgeted, c)
		}
	}
	r.Unbudgeted = riskTable(unbudgeted)
	if len(h.Budgets) == 0 {
		r.Examples = examples(h.Config.Scoring.BudgetCap, h.Concerns)
	}
	for _, t := range h.Teams {
		tc := charts.Teams[t.Slug]
		if tc.Budget == nil {
			continue
		}
		tb := &TeamBudget{View: site, Own: t.Budget != nil, Chart: tc.Budget}
		if tb.Own {
			tb.View = views[t.Budget]
		}
		for _, a := range tb.View.Budget.Allocations {
			if a.Concern.Team == t {
				tb.Risks++
				tb.Minutes += a.Minutes
				if a.MustFix {
					tb.MustFix++
				}
			}
		}
		tb.Percent = model.ShareOf(tb.Minutes, tb.View.Budget.Minutes)
		r.Teams[t.Slug] = tb
	}
	return r
}

func newBudgetView(b *model.Budget, c *chart.Chart) *BudgetView {
	v := &BudgetView{Budget: b, Anchor: "site", Chart: c}
	if b.Team != nil {
		v.Anchor = "team-" + b.Team.Slug
	}
	concerns := make([]*model.Concern, 0, len(b.Allocations)+len(b.NotEstimated))
	for _, a := range b.Allocations {
		concerns = append(concerns, a.Concern)
		if a.Fits {
			v.Fits++
		}
	}
	v.Risks = riskTable(append(concerns, b.NotEstimated...))
	v.ExpectedPercent = model.ShareOf(b.Expected, b.Minutes)
	v.AcceptedPercent = model.ShareOf(b.Accepted, b.Minutes)
	v.UnallocatedPercent = model.ShareOf(b.Unallocated, b.Minutes)
	v.OverPercent = model.ShareOf(b.Over, b.Minutes)
	return v
}

// riskTable lists the estimated concerns among these, most bad minutes
// first, with their arithmetic, and the open ones not yet estimated.
func riskTable(concerns []*model.Concern) RiskTable {
	var t RiskTable
	var estimated, rest []*model.Concern
	for _, c := range concerns {
		if c.Exposure.Estimated {
			estimated = append(estimated, c)
		} else {
			rest = append(rest, c)
		}
	}
	slices.SortStableFunc(estimated, func(a, b *model.Concern) int { return cmp.Compare(b.Exposure.Minutes, a.Exposure.Minutes) })
	t.NotEstimated = openOnly(rest)
	shown := estimated[:min(len(estimated), maxRiskRows)]
	t.More = len(estimated) - len(shown)
	column := func(places int, value func(*model.Concern) float64) []string {
		values := make([]float64, len(shown))
		for i, c := range shown {
			values[i] = value(c)
		}
		return model.FormatColumn(values, places)
	}
	ettd := column(2, func(c *model.Concern) float64 { return c.ETTD.Minutes })
	ettr := column(2, func(c *model.Concern) float64 { return c.ETTR.Minutes })
	impact := column(2, func(c *model.Concern) float64 { return c.Impact.Fraction })
	perYear := column(2, func(c *model.Concern) float64 { return c.Frequency.PerYear })
	minutes := column(2, func(c *model.Concern) float64 { return c.Exposure.Minutes })
	percent := column(1, func(c *model.Concern) float64 {
		return allocated(c, func(a *model.Allocation) float64 { return model.ShareOf(a.Minutes, a.Budget.Minutes) })
	})
	running := column(2, func(c *model.Concern) float64 {
		return allocated(c, func(a *model.Allocation) float64 { return a.Cumulative })
	})
	for i, c := range shown {
		row := RiskRow{Concern: c, ETTD: ettd[i], ETTR: ettr[i], Impact: impact[i], PerYear: perYear[i], Minutes: minutes[i]}
		if a := c.Allocation; a != nil {
			row.Allocation, row.Percent, row.Cumulative, row.Verdict = a, percent[i], running[i], chart.VerdictOf(a)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// allocated is a number of a concern's place in its budget, or 0 when it
// has none.
func allocated(c *model.Concern, of func(*model.Allocation) float64) float64 {
	if c.Allocation == nil {
		return 0
	}
	return of(c.Allocation)
}

// openOnly lists the open concerns: a closed one need not be estimated.
func openOnly(concerns []*model.Concern) ConcernList {
	var l ConcernList
	for _, c := range concerns {
		if !c.Open {
			continue
		}
		if len(l.Concerns) == maxListed {
			l.More++
			continue
		}
		l.Concerns = append(l.Concerns, c)
	}
	return l
}

// examples works out, for a handbook without an SLO, the budgets of a few
// common SLOs and how its estimated risks would stand against each.
func examples(capShare model.Share, concerns []*model.Concern) []ExampleBudget {
	var out []ExampleBudget
	for _, text := range exampleSLOs {
		slo, err := model.ParseSLO(text)
		if err != nil {
			panic("render: example SLO " + text + ": " + err.Error()) // written above, known good
		}
		e := ExampleBudget{Budget: model.NewBudget(nil, slo, capShare)}
		total := 0.0
		for _, c := range concerns {
			if !c.Exposure.Estimated {
				continue
			}
			total += c.Exposure.Minutes
			if c.Exposure.Minutes > e.Budget.Cap {
				e.MustFix++
			}
		}
		e.Percent = model.ShareOf(total, e.Budget.Minutes)
		out = append(out, e)
	}
	column := func(value func(*model.Budget) float64) []string {
		values := make([]float64, len(out))
		for i, e := range out {
			values[i] = value(e.Budget)
		}
		return model.FormatColumn(values, 1)
	}
	minutes := column(func(b *model.Budget) float64 { return b.Minutes })
	caps := column(func(b *model.Budget) float64 { return b.Cap })
	for i := range out {
		out[i].Minutes, out[i].Cap = minutes[i], caps[i]
	}
	return out
}
