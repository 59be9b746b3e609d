package model

// Factor is one input of a score's formula: what the council recorded, and
// the number the formula takes from it, so that a reader can redo the sum.
type Factor struct {
	Name  string // as readers see it: "time to detect", "reach"
	Field string // the frontmatter key it is read from: "ettd", "impact"
	Shown string // as recorded, with its note, or why a default was taken
	Used  string // the number the formula uses, with its unit; "" when missing
}

// Exposure is a risk's expected cost in bad minutes a year, worked out from
// the four estimates of Google CRE's risk analysis:
//
//	bad minutes a year = (ETTD + ETTR) × share of users affected × times a year
//
// A bad minute is a minute of the service being bad for all its users: ten
// minutes bad for a tenth of them is one bad minute.
type Exposure struct {
	// Given reports whether any of the four estimates was recorded.
	Given bool
	// Estimated reports whether all four were, so that the risk can be
	// costed; Missing then is empty.
	Estimated bool
	Missing   string    // the fields still to estimate: "ettr and frequency"
	Factors   [4]Factor // ETTD, ETTR, impact and frequency
	Working   string    // the formula with the numbers put in: "(120 + 45) × 0.25 × 4 = 165"
	// PerIncident is the bad minutes of one occurrence: (ETTD + ETTR) × impact.
	PerIncident float64
	// Minutes is the expected bad minutes a year: PerIncident × frequency.
	Minutes float64
}

// Expose works out a concern's expected bad minutes from its estimates.
func Expose(c *Concern) Exposure {
	e := Exposure{Factors: [4]Factor{
		durationFactor("time to detect (ETTD)", "ettd", c.ETTD),
		durationFactor("time to repair (ETTR)", "ettr", c.ETTR),
		{Name: "users affected", Field: "impact", Shown: c.Impact.String(), Used: FormatNumber(c.Impact.Fraction)},
		{Name: "frequency", Field: "frequency", Shown: c.Frequency.String(), Used: FormatNumber(c.Frequency.PerYear) + " a year"},
	}}
	given := [4]bool{c.ETTD.Text != "", c.ETTR.Text != "", c.Impact.Text != "", c.Frequency.Text != ""}
	var missing []string
	for i, ok := range given {
		if ok {
			e.Given = true
			continue
		}
		e.Factors[i].Shown, e.Factors[i].Used = "not recorded", ""
		missing = append(missing, e.Factors[i].Field)
	}
	if len(missing) > 0 {
		e.Missing = andList(missing)
		return e
	}
	e.Estimated = true
	e.PerIncident = roundMinutes((c.ETTD.Minutes + c.ETTR.Minutes) * c.Impact.Fraction)
	e.Minutes = roundMinutes((c.ETTD.Minutes + c.ETTR.Minutes) * c.Impact.Fraction * c.Frequency.PerYear)
	e.Working = "(" + FormatNumber(c.ETTD.Minutes) + " + " + FormatNumber(c.ETTR.Minutes) + ") × " +
		FormatNumber(c.Impact.Fraction) + " × " + FormatNumber(c.Frequency.PerYear) + " = " + FormatNumber(e.Minutes)
	return e
}

func durationFactor(name, field string, d Duration) Factor {
	return Factor{Name: name, Field: field, Shown: d.String(), Used: FormatNumber(d.Minutes) + " min"}
}
