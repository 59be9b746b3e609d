package model

import "fmt"

// wsjf scores a concern by weighted shortest job first, as SAFe orders a
// backlog:
//
//	(value + time criticality + risk reduction) / job size
//
// with each level's score on the scale: value, urgency, risk and effort.
// Urgency and risk are optional; left out or written in words only, they
// count as the middle of the scale, as the weighted method counts them.
func (s Scoring) wsjf(c *Concern) Priority {
	mid := (s.Scale.Min() + s.Scale.Max()) / 2
	p := Priority{Factors: []Factor{
		levelFactor("user and business value", "value", c.Value),
		optionalFactor("time criticality", "urgency", c.Urgency, mid),
		optionalFactor("risk reduction", "risk", c.Risk, mid),
		levelFactor("job size", "effort", c.Effort),
	}}
	if p.Missing = missingInputs(p.Factors); p.Missing != "" {
		return p
	}
	urgency, risk := scoreOr(c.Urgency, mid), scoreOr(c.Risk, mid)
	score := (c.Value.Score + urgency + risk) / c.Effort.Score
	p.Scored, p.Score = true, round1(score)
	p.Working = fmt.Sprintf("(%s + %s + %s) / %s = %s", FormatNumber(c.Value.Score), FormatNumber(urgency), FormatNumber(risk), FormatNumber(c.Effort.Score), FormatNumber(p.Score))
	return p
}

// optionalFactor is an optional level as a factor: its score, or mid.
func optionalFactor(name, field string, l Level, mid float64) Factor {
	f := levelFactor(name, field, l)
	if !l.Scored {
		f.Shown += ": the middle of the scale"
		f.Used = FormatNumber(mid)
	}
	return f
}

func scoreOr(l Level, def float64) float64 {
	if l.Scored {
		return l.Score
	}
	return def
}
