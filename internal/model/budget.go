package model

import (
	"cmp"
	"fmt"
	"slices"
)

// ParseSLO reads a service level objective: a percentage above 0% and
// below 100%, such as 99.9%, with an optional note.
func ParseSLO(text string) (Share, error) {
	s, err := ParseShare(text)
	switch {
	case err != nil:
		return Share{}, err
	case s.Fraction >= 1:
		return Share{}, fmt.Errorf("%s leaves no error budget (want an SLO below 100%%, e.g. 99.9%%)", s.Text)
	case s.Fraction <= 0:
		return Share{}, fmt.Errorf("%s promises nothing (want an SLO above 0%%, e.g. 99.9%%)", s.Text)
	}
	return s, nil
}

// Budget is a yearly error budget and the risks set against it, as in
// Google CRE's risk analysis: every estimated risk's expected bad minutes,
// largest first; any single risk above the cap must be fixed; of the rest,
// the smallest are accepted for as long as their sum fits in the budget, and
// what is left is unallocated, kept for the risks nobody has thought of.
type Budget struct {
	Team     *Team // the team whose own SLO it is; nil for the SLO in site.yaml
	SLO      Share
	CapShare Share   // the budgetCap setting: a share of the budget
	Minutes  float64 // the budget, bad minutes a year: (1 − SLO) × 525,600
	Cap      float64 // CapShare × Minutes: a single risk above it must be fixed

	Allocations  []*Allocation // the estimated risks, most bad minutes first
	NotEstimated []*Concern    // the concerns without all four estimates, in rank order

	Expected    float64 // the bad minutes of every estimated risk together
	Accepted    float64 // of the risks that fit
	Unallocated float64 // Minutes − Accepted
	Over        float64 // how far Expected goes beyond Minutes; 0 when it fits
	MustFix     int     // how many risks are above the cap
}

// Allocation is one risk's place in its budget.
type Allocation struct {
	Concern *Concern
	Budget  *Budget
	Minutes float64 // its expected bad minutes a year
	Percent float64 // Minutes as a percentage of the budget
	MustFix bool    // Minutes > the budget's Cap
	// Cumulative is its bad minutes and those of every risk below it in
	// the budget: the running total the budget is filled with, smallest
	// risk first.
	Cumulative float64
	// Fits reports whether the risk is accepted: Cumulative is within the
	// budget and the risk is not above the cap. A must-fix risk never fits,
	// whatever room is left: it is to be fixed.
	Fits bool
}

// NewBudget returns the yearly error budget of an SLO, with no risks yet.
func NewBudget(team *Team, slo, capShare Share) *Budget {
	minutes := roundMinutes((1 - slo.Fraction) * MinutesPerYear)
	return &Budget{
		Team:        team,
		SLO:         slo,
		CapShare:    capShare,
		Minutes:     minutes,
		Cap:         roundMinutes(capShare.Fraction * minutes),
		Unallocated: minutes,
	}
}

// Allocate sets concerns, in rank order, against the budget, and points
// each estimated one at its Allocation.
func (b *Budget) Allocate(concerns []*Concern) {
	for _, c := range concerns {
		if !c.Exposure.Estimated {
			b.NotEstimated = append(b.NotEstimated, c)
			continue
		}
		a := &Allocation{
			Concern: c,
			Budget:  b,
			Minutes: c.Exposure.Minutes,
			Percent: roundMinutes(100 * c.Exposure.Minutes / b.Minutes),
			MustFix: c.Exposure.Minutes > b.Cap,
		}
		c.Allocation = a
		b.Allocations = append(b.Allocations, a)
	}
	slices.SortStableFunc(b.Allocations, func(x, y *Allocation) int { return cmp.Compare(y.Minutes, x.Minutes) })
	running := 0.0
	for i := len(b.Allocations) - 1; i >= 0; i-- {
		a := b.Allocations[i]
		running = roundMinutes(running + a.Minutes)
		a.Cumulative = running
		a.Fits = !a.MustFix && running <= b.Minutes
		if a.Fits {
			b.Accepted = running
		}
		if a.MustFix {
			b.MustFix++
		}
	}
	b.Expected = running
	b.Unallocated = roundMinutes(b.Minutes - b.Accepted)
	b.Over = roundMinutes(max(0, b.Expected-b.Minutes))
}

// Budgets sets every concern against its error budget: its team's, when the
// team has an SLO of its own, or else the site's. It returns the budgets,
// the site's first and then the teams' in the order given, and points each
// team with an SLO at its budget. With no site SLO, only the concerns of
// teams with their own have a budget. concerns are in rank order.
func Budgets(site, capShare Share, teams []*Team, concerns []*Concern) []*Budget {
	var list []*Budget
	var siteBudget *Budget
	if site.Text != "" {
		siteBudget = NewBudget(nil, site, capShare)
		list = append(list, siteBudget)
	}
	for _, t := range teams {
		t.Budget = nil
		if t.SLO.Text != "" {
			t.Budget = NewBudget(t, t.SLO, capShare)
			list = append(list, t.Budget)
		}
	}
	members := make(map[*Budget][]*Concern, len(list))
	for _, c := range concerns {
		c.Allocation = nil
		b := siteBudget
		if c.Team != nil && c.Team.Budget != nil {
			b = c.Team.Budget
		}
		if b != nil {
			members[b] = append(members[b], c)
		}
	}
	for _, b := range list {
		b.Allocate(members[b])
	}
	return list
}

// ShareOf returns part as a percentage of a budget's minutes, to a decimal,
// as readers see a share of the budget: 165 of 525.6 is 31.4.
func ShareOf(part, minutes float64) float64 {
	if minutes == 0 {
		return 0
	}
	return round1(100 * part / minutes)
}
