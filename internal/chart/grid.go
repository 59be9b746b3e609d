package chart

import (
	"math"
	"strconv"

	"github.com/reliability-council/handbook/internal/model"
)

// step is one position on a chart axis of scores: a level of the scale or the
// range between two neighbours, named in the council's words.
type step struct {
	Score float64
	Label string
}

// steps lists a scale's levels with the ranges between them:
// Low, Low-Medium, Medium, Medium-High, High.
func steps(s model.Scale) []step {
	var out []step
	for i, l := range s {
		if i > 0 {
			prev := s[i-1]
			out = append(out, step{Score: (prev.Score + l.Score) / 2, Label: prev.Name + "-" + l.Name})
		}
		out = append(out, step{Score: l.Score, Label: l.Name})
	}
	return out
}

// nearest returns the index of the step closest to score; a score halfway
// between two steps goes to the higher one.
func nearest(steps []step, score float64) int {
	best, bestDist := 0, math.Inf(1)
	for i, s := range steps {
		if d := math.Abs(s.Score - score); d <= bestDist {
			best, bestDist = i, d
		}
	}
	return best
}

// levelNames names each step's tick, for value axes of scores.
func levelNames(steps []step) map[string]string {
	names := make(map[string]string, len(steps))
	for _, s := range steps {
		names[strconv.FormatFloat(s.Score, 'f', -1, 64)] = s.Label
	}
	return names
}
