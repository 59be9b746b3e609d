package model

import (
	"fmt"
	"slices"
	"strconv"
)

// riceConfidences are the confidences RICE allows, from "we have data" to
// "a moonshot".
var riceConfidences = []float64{1, 0.8, 0.5, 0.3}

// observedConfidence is the confidence a concern gets from whether it can
// be seen in the data today, when it records none of its own. Not knowing
// counts as not seeing it.
var observedConfidence = map[Observability]float64{
	ObservableYes:     1,
	ObservablePartly:  0.8,
	ObservableNo:      0.5,
	ObservableUnknown: 0.5,
}

// ParseConfidence reads a RICE confidence: 100%, 80%, 50% or 30%, with an
// optional note.
func ParseConfidence(text string) (Share, error) {
	s, err := ParseShare(text)
	if err != nil {
		return Share{}, err
	}
	if !slices.Contains(riceConfidences, s.Fraction) {
		return Share{}, fmt.Errorf("%s is not one of RICE's confidences (want %s)", s.Text, orList(RICEConfidences()))
	}
	return s, nil
}

// RICEConfidences lists the confidences RICE allows as they are written:
// 100%, 80%, 50% and 30%.
func RICEConfidences() []string {
	steps := make([]string, len(riceConfidences))
	for i, c := range riceConfidences {
		steps[i] = strconv.FormatFloat(c*100, 'f', -1, 64) + "%"
	}
	return steps
}

// rice scores a concern as product teams do with RICE:
//
//	reach × impact × confidence / effort
//
// Reach is the share of users it affects (impact), in percent; impact is
// its value's score on the scale; confidence is its own, or comes from
// whether it can be seen in the data today (yes 1, partly 0.8, no or not
// known 0.5); effort is its effort's score. A concern without impact is not
// scored: it ranks after those with a reach.
func (s Scoring) rice(c *Concern) Priority {
	confidence, confShown := c.Confidence.Fraction, c.Confidence.String()
	if c.Confidence.Text == "" {
		confidence = observedConfidence[c.Observable]
		confShown = "from observable: " + observedWord(c.Observable)
	}
	reach := c.Impact.Fraction * 100
	p := Priority{Factors: []Factor{
		{Name: "reach", Field: "impact", Shown: c.Impact.String(), Used: FormatNumber(reach)},
		levelFactor("impact", "value", c.Value),
		{Name: "confidence", Field: "confidence", Shown: confShown, Used: FormatNumber(confidence)},
		levelFactor("effort", "effort", c.Effort),
	}}
	if c.Impact.Text == "" {
		p.Factors[0].Shown, p.Factors[0].Used = notRecorded, ""
	}
	if p.Missing = missingInputs(p.Factors); p.Missing != "" {
		return p
	}
	score := reach * c.Value.Score * confidence / c.Effort.Score
	p.Scored, p.Score = true, round1(score)
	p.Working = fmt.Sprintf("%s × %s × %s / %s = %s", FormatNumber(reach), FormatNumber(c.Value.Score), FormatNumber(confidence), FormatNumber(c.Effort.Score), FormatNumber(p.Score))
	return p
}

// levelFactor is a required level as a factor: its score, or missing.
func levelFactor(name, field string, l Level) Factor {
	f := Factor{Name: name, Field: field, Shown: l.Text}
	if !l.Scored {
		f.Shown = notScored(l)
		return f
	}
	f.Used = FormatNumber(l.Score)
	return f
}

// missingInputs names the fields of the factors that have no number.
func missingInputs(factors []Factor) string {
	var missing []string
	for _, f := range factors {
		if f.Used == "" {
			missing = append(missing, f.Field)
		}
	}
	return andList(missing)
}

func observedWord(o Observability) string {
	if o == ObservableUnknown {
		return "not known"
	}
	return string(o)
}
