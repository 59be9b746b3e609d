package model

import "fmt"

// Method is a way of working out priorities, chosen in site.yaml with
// scoring.method.
type Method struct {
	Name    string // as site.yaml writes it: "weighted", "cre", "rice", "wsjf"
	Title   string // as readers see it
	Score   string // what its score is called in a sentence: "priority", "expected cost"
	Heading string // what a table's column of its scores is headed: "Priority", "Bad minutes a year"
	Unit    string // what its score counts, written after the number; "" for a plain score
	Formula string // the formula in words
}

// method is a Method with the rules that go with it.
type method struct {
	Method
	prioritize func(Scoring, *Concern) Priority
	// divisor is the field the score is divided by, whose level must then
	// never be 0; "" when the formula divides by no level.
	divisor string
	// needsSLO reports whether scores are set against the error budget.
	needsSLO bool
}

// methods lists every method; the first is the default.
var methods = []method{
	{
		Method: Method{
			Name: "weighted", Title: "Weighted levels", Score: "priority", Heading: "Priority",
			Formula: "100 × (wv·value + wr·risk + we·(1 − effort) + wc·(1 − complexity) + wb·(1 − blockers)) / (wv + wr + we + wc + wb)",
		},
		prioritize: Scoring.weighted,
	},
	{
		Method: Method{
			Name: "cre", Title: "Google CRE risk analysis", Score: "expected cost", Unit: "bad minutes a year", Heading: "Bad minutes a year",
			Formula: "(time to detect + time to repair) × users affected × times a year",
		},
		prioritize: Scoring.cre,
		needsSLO:   true,
	},
	{
		Method: Method{
			Name: "rice", Title: "RICE", Score: "RICE score", Heading: "RICE score",
			Formula: "reach × impact × confidence / effort",
		},
		prioritize: Scoring.rice,
		divisor:    "effort",
	},
	{
		Method: Method{
			Name: "wsjf", Title: "Weighted shortest job first (WSJF)", Score: "WSJF score", Heading: "WSJF score",
			Formula: "(value + time criticality + risk reduction) / job size",
		},
		prioritize: Scoring.wsjf,
		divisor:    "effort",
	},
}

// MethodNames lists the methods site.yaml can choose, the default first.
func MethodNames() []string {
	names := make([]string, len(methods))
	for i, m := range methods {
		names[i] = m.Name
	}
	return names
}

// MethodNamed returns the method site.yaml calls name.
func MethodNamed(name string) (Method, bool) {
	m, ok := lookupMethod(name)
	return m.Method, ok
}

// lookupMethod returns the method called name, or the default; the method
// is the table's own, for every concern's priority to point at.
func lookupMethod(name string) (*method, bool) {
	for i := range methods {
		if methods[i].Name == name {
			return &methods[i], true
		}
	}
	return &methods[0], false
}

// Prioritize scores a concern with the scoring's method.
func (s Scoring) Prioritize(c *Concern) Priority {
	m, _ := lookupMethod(s.Method.Name)
	p := m.prioritize(s, c)
	p.Method = &m.Method
	return p
}

// Validate reports a scoring that its method cannot work with: one that
// sets risks against the error budget with no SLO to make it from, or one
// that divides by a level on a scale where a level scores 0 or less.
func (s Scoring) Validate() error {
	m, _ := lookupMethod(s.Method.Name)
	if m.needsSLO && s.SLO.Text == "" {
		return fmt.Errorf("%s sets every risk against the yearly error budget, which needs an SLO (add slo: 99.9%% to site.yaml)", m.Name)
	}
	if low := s.Scale[0]; m.divisor != "" && low.Score <= 0 {
		return fmt.Errorf("%s divides by %s, so every level must score above 0, but %s scores %s (give the scale scores from 1 up)", m.Name, m.divisor, low.Name, formatScore(low.Score))
	}
	return nil
}
