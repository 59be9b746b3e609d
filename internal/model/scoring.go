package model

import "slices"

// Scoring is the site's scoring configuration: the scale levels are written
// in, which statuses count as open, and how the priority score weighs each
// dimension.
type Scoring struct {
	Scale   Scale
	Open    []string // statuses of concerns still to be dealt with
	Closed  []string // statuses of concerns the council is finished with
	Weights Weights
	// Looks gives each status its colour and pattern, the same in every
	// chart and table.
	Looks map[string]Look
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

// DefaultScoring returns the scoring a site gets when site.yaml says nothing.
func DefaultScoring() Scoring {
	s := Scoring{
		Scale:   DefaultScale(),
		Open:    []string{"proposed", "accepted", "planned", "in-progress"},
		Closed:  []string{"done", "dropped"},
		Weights: Weights{Value: 3, Risk: 2, Effort: 2, Complexity: 1, Blockers: 1, BlockerCap: 3},
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
