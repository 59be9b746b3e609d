package model

import "slices"

// Scoring is the site's scoring configuration: the scale levels are written
// in, which statuses count as open, the method that works priorities out
// and how the weighted method weighs each dimension, and the SLO and cap
// that risks are set against.
type Scoring struct {
	Scale   Scale
	Open    []string // statuses of concerns still to be dealt with
	Closed  []string // statuses of concerns the council is finished with
	Method  Method
	Weights Weights
	// SLO is the site's service level objective, from which the yearly
	// error budget is made; zero when site.yaml gives none.
	SLO Share
	// BudgetCap is the share of an error budget that a single risk may
	// take before it must be fixed.
	BudgetCap Share
	// Looks gives each status its colour and pattern, the same in every
	// chart and table.
	Looks map[string]Look
	// ReviewEvery is how often the council means to look at each open
	// concern again (scoring.reviewEvery); zero when it has not said.
	ReviewEvery Duration
}

// Weights says how much each dimension moves the priority score.
type Weights struct {
	Value      float64
	Risk       float64
	Effort     float64
	Complexity float64
	Blockers   float64
	// BlockerCap is the number of listed blockers at which the blockers
	// dimension is at its worst.
	BlockerCap int
}

// StatusInProgress is the status of a concern being worked on: the one a
// risk above the budget cap should have.
const StatusInProgress = "in-progress"

// DefaultScoring returns the scoring a site gets when site.yaml says nothing.
func DefaultScoring() Scoring {
	s := Scoring{
		Scale:     DefaultScale(),
		Open:      []string{"proposed", "accepted", "planned", StatusInProgress},
		Closed:    []string{"done", "dropped"},
		Method:    methods[0].Method,
		Weights:   Weights{Value: 3, Risk: 2, Effort: 2, Complexity: 1, Blockers: 1, BlockerCap: 3},
		BudgetCap: Share{Text: "25%", Fraction: 0.25},
	}
	s.Looks = StatusLooks(s.Statuses(), nil)
	return s
}

// Statuses returns every status, open ones first, in the configured order.
func (s Scoring) Statuses() []string {
	return append(slices.Clip(s.Open), s.Closed...)
}

// IsOpen reports whether a concern with this status still needs work.
func (s Scoring) IsOpen(status string) bool {
	return slices.Contains(s.Open, status)
}
