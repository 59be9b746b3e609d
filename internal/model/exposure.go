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

// estimateFields are the frontmatter keys of the four estimates, in order.
var estimateFields = [4]string{"ettd", "ettr", "impact", "frequency"}

// notEstimated is what Missing says when no estimate is recorded: most
// concerns, so it is made once.
var notEstimated = andList(estimateFields[:])

// unrecordedFactors are the four estimates, none of them recorded.
var unrecordedFactors = [4]Factor{
	{Name: "time to detect (ETTD)", Field: estimateFields[0], Shown: notRecorded},
	{Name: "time to repair (ETTR)", Field: estimateFields[1], Shown: notRecorded},
	{Name: "users affected", Field: estimateFields[2], Shown: notRecorded},
	{Name: "frequency", Field: estimateFields[3], Shown: notRecorded},
}

// notGiven is the exposure of every concern with none of the four
// estimates, most of them: one value they share, read and never written,
// rather than 300 bytes of each.
var notGiven = Exposure{Missing: notEstimated, Factors: unrecordedFactors}

// Expose works out a concern's expected bad minutes from its estimates. A
// concern with none shares its exposure with every other such concern:
// what Expose returns is to be read, never written.
func Expose(c *Concern) *Exposure {
	given := [4]bool{c.ETTD.Text != "", c.ETTR.Text != "", c.Impact.Text != "", c.Frequency.Text != ""}
	if given == [4]bool{} {
		return &notGiven
	}
	e := &Exposure{Given: true, Factors: unrecordedFactors}
	var missing []string
	for i, ok := range given {
		if !ok {
			missing = append(missing, estimateFields[i])
			continue
		}
		f := &e.Factors[i]
		switch i {
		case 0:
			f.Shown, f.Used = c.ETTD.String(), FormatNumber(c.ETTD.Minutes)+" min"
		case 1:
			f.Shown, f.Used = c.ETTR.String(), FormatNumber(c.ETTR.Minutes)+" min"
		case 2:
			f.Shown, f.Used = c.Impact.String(), FormatNumber(c.Impact.Fraction)
		case 3:
			f.Shown, f.Used = c.Frequency.String(), FormatNumber(c.Frequency.PerYear)+" a year"
		}
	}
	if len(missing) > 0 {
		e.Missing = andList(missing)
		return e
	}
	e.Estimated = true
	detectAndRepair := c.ETTD.Minutes + c.ETTR.Minutes
	e.PerIncident = roundMinutes(detectAndRepair * c.Impact.Fraction)
	e.Minutes = roundMinutes(detectAndRepair * c.Impact.Fraction * c.Frequency.PerYear)
	e.Working = "(" + FormatNumber(c.ETTD.Minutes) + " + " + FormatNumber(c.ETTR.Minutes) + ") × " +
		FormatNumber(c.Impact.Fraction) + " × " + FormatNumber(c.Frequency.PerYear) + " = " + FormatNumber(e.Minutes)
	return e
}
