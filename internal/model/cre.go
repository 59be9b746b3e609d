package model

// cre scores a concern by its expected bad minutes a year (see Expose), as
// Google CRE's "Know thy enemy" risk analysis ranks risks. A concern without
// all four estimates is not scored: it ranks after the estimated ones.
func (s Scoring) cre(c *Concern) Priority {
	e := Expose(c)
	p := Priority{Factors: e.Factors[:], Working: e.Working, Missing: e.Missing, Scored: e.Estimated}
	if e.Estimated {
		p.Score = round1(e.Minutes)
	}
	return p
}
