package model

import (
	"math"
	"strconv"
)

// Priority is a concern's priority score, with what it was worked out from
// so that a reader can check the arithmetic: the weighted method's five
// terms, or another method's inputs and its formula with the numbers in.
type Priority struct {
	Method *Method // the method that worked it out, shared by every concern
	Score  float64
	// Scored is false when an input the method needs was not recorded:
	// the concern then ranks after every scored one, as not yet estimated,
	// and Missing names the fields still to fill in.
	Scored  bool
	Missing string
	Terms   []Term   // the weighted method's: value, risk, effort, complexity, blockers
	Factors []Factor // the other methods' inputs, as recorded and as used
	Working string   // the other methods' formula with this concern's numbers
}

// Term is one dimension's share of a weighted priority score.
type Term struct {
	Dimension string  // "value", "risk", ...
	Shown     string  // what the council wrote, or why a default was used
	Position  float64 // the dimension on 0..1, already inverted for costs
	Weight    float64
	Points    float64 // Position × Weight × 100 / total weight
}

// Assumed is the position given to an optional dimension that was left out
// or written without a level: the middle, so that it neither helps nor hurts.
const Assumed = 0.5

// weighted scores a concern from 0 to 100. The score rises with value and
// risk and falls with effort, complexity and the number of blockers:
//
//	100 × (wv·value + wr·risk + we·(1−effort) + wc·(1−complexity) + wb·(1−blockers)) / (wv+wr+we+wc+wb)
//
// with each dimension placed on 0..1. Risk and complexity left out or given
// in words only count as the middle of the scale.
func (s Scoring) weighted(c *Concern) Priority {
	w := s.Weights
	terms := []Term{
		s.benefit("value", c.Value, w.Value),
		s.benefit("risk", c.Risk, w.Risk),
		s.cost("effort", c.Effort, w.Effort),
		s.cost("complexity", c.Complexity, w.Complexity),
		s.blockers(len(c.Blockers), w.Blockers),
	}
	total := w.Value + w.Risk + w.Effort + w.Complexity + w.Blockers
	var sum float64
	for i := range terms {
		if total > 0 {
			terms[i].Points = round1(terms[i].Position * terms[i].Weight * 100 / total)
		}
		sum += terms[i].Position * terms[i].Weight
	}
	var score float64
	if total > 0 {
		score = round1(sum * 100 / total)
	}
	return Priority{Score: score, Scored: true, Terms: terms}
}

func (s Scoring) benefit(name string, l Level, weight float64) Term {
	if !l.Scored {
		return Term{Dimension: name, Shown: notScored(l), Position: Assumed, Weight: weight}
	}
	return Term{Dimension: name, Shown: l.Text, Position: s.Scale.Normalize(l.Score), Weight: weight}
}

func (s Scoring) cost(name string, l Level, weight float64) Term {
	t := s.benefit(name, l, weight)
	if l.Scored {
		t.Position = 1 - t.Position
	}
	return t
}

func (s Scoring) blockers(n int, weight float64) Term {
	limit := max(s.Weights.BlockerCap, 1)
	shown := "none"
	switch {
	case n == 1:
		shown = "1 blocker"
	case n > 1:
		shown = strconv.Itoa(n) + " blockers"
	}
	return Term{Dimension: "blockers", Shown: shown, Position: 1 - float64(min(n, limit))/float64(limit), Weight: weight}
}

// notRecorded is how a breakdown shows a field that was left out.
const notRecorded = "not recorded"

func notScored(l Level) string {
	if l.IsZero() {
		return notRecorded
	}
	return "no level given"
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
