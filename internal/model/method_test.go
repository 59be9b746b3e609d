package model

import (
	"slices"
	"testing"
)

func scoringWith(t *testing.T, name string) Scoring {
	t.Helper()
	s := DefaultScoring()
	m, ok := MethodNamed(name)
	if !ok {
		t.Fatalf("no method %q", name)
	}
	s.Method = m
	return s
}

func TestMethods(t *testing.T) {
	if got := MethodNames(); !slices.Equal(got, []string{"weighted", "cre", "rice", "wsjf"}) {
		t.Errorf("methods %v", got)
	}
	if DefaultScoring().Method.Name != "weighted" {
		t.Errorf("the default method is %q", DefaultScoring().Method.Name)
	}
	if _, ok := MethodNamed("Weighted"); ok {
		t.Errorf("method names are matched as site.yaml spells them, in lower case")
	}
	for _, name := range MethodNames() {
		s := scoringWith(t, name)
		s.SLO = Share{Text: "99.9%", Fraction: 0.999}
		c := estimated(t, "2h", "45m", "25%", "4/year")
		c.Value, c.Effort = mustLevel(t, "High"), mustLevel(t, "Low-Medium")
		p := s.Prioritize(c)
		if p.Method.Name != name || !p.Scored || p.Score <= 0 {
			t.Errorf("%s: %+v", name, p)
		}
		if (p.Terms != nil) == (p.Factors != nil) || (p.Working == "") == (name != "weighted") {
			t.Errorf("%s explains itself with terms %v, factors %v and working %q", name, p.Terms, p.Factors, p.Working)
		}
	}
}

func TestValidate(t *testing.T) {
	low := Scale{{Name: "None", Score: 0}, {Name: "Some", Score: 1}}
	for _, tt := range []struct {
		method string
		slo    bool
		scale  Scale
		want   string
	}{
		{method: "weighted", scale: low},
		{method: "cre", slo: true, scale: low},
		{method: "cre", want: "cre sets every risk against the yearly error budget, which needs an SLO (add slo: 99.9% to site.yaml)"},
		{method: "rice", want: ""},
		{method: "rice", scale: low, want: "rice divides by effort, so every level must score above 0, but None scores 0 (give the scale scores from 1 up)"},
		{method: "wsjf", scale: low, want: "wsjf divides by effort, so every level must score above 0, but None scores 0 (give the scale scores from 1 up)"},
	} {
		s := scoringWith(t, tt.method)
		if tt.slo {
			s.SLO = Share{Text: "99.9%", Fraction: 0.999}
		}
		if tt.scale != nil {
			s.Scale = tt.scale
		}
		if got := errText(s.Validate()); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.method, got, tt.want)
		}
	}
}

func TestCRE(t *testing.T) {
	s := scoringWith(t, "cre")
	p := s.Prioritize(estimated(t, "2h", "45m", "25%", "4/year"))
	if !p.Scored || p.Score != 165 || p.Working != "(120 + 45) × 0.25 × 4 = 165" || len(p.Factors) != 4 {
		t.Errorf("estimated: %+v", p)
	}
	// Rounded to one decimal, as every score is shown: 121.666667 is 121.7.
	if p := s.Prioritize(estimated(t, "30m", "30m", "50%", "every 90 days")); p.Score != 121.7 {
		t.Errorf("every 90 days scores %v, want 121.7", p.Score)
	}
	p = s.Prioritize(estimated(t, "2h", "", "25%", ""))
	if p.Scored || p.Score != 0 || p.Missing != "ettr and frequency" || p.Working != "" {
		t.Errorf("not yet estimated: %+v", p)
	}
}

func TestParseConfidence(t *testing.T) {
	for in, want := range map[string]string{
		"100%":                     "",
		"80%, two deploys timed":   "",
		"50%":                      "",
		"30%":                      "",
		"60%":                      "60% is not one of RICE's confidences (want 100%, 80%, 50% or 30%)",
		"0.8":                      "0.8 needs a % sign (write 80% if it is 0.8 of the whole, or 0.8%)",
		"high, we have the alerts": `"high" is not a percentage (write it like 25% or 0.5%)`,
	} {
		_, err := ParseConfidence(in)
		if got := errText(err); got != want {
			t.Errorf("ParseConfidence(%q) error = %q, want %q", in, got, want)
		}
	}
}

func TestRICE(t *testing.T) {
	s := scoringWith(t, "rice")
	tests := []struct {
		name                  string
		impact, value, effort string
		confidence            string
		observable            Observability
		want                  float64
		working               string
	}{
		// Reach 25 (percent of users), impact 3 (High), confidence 0.8 from
		// "partly observable", effort 1.5 (Low-Medium): 25 × 3 × 0.8 / 1.5.
		{"partly observable", "25%", "High", "Low-Medium", "", ObservablePartly, 40, "25 × 3 × 0.8 / 1.5 = 40"},
		{"not observable", "10%", "High", "Low-Medium", "", ObservableNo, 10, "10 × 3 × 0.5 / 1.5 = 10"},
		{"observable", "10%", "Medium", "Medium", "", ObservableYes, 10, "10 × 2 × 1 / 2 = 10"},
		{"not known counts as no", "20%", "Low", "Low", "", ObservableUnknown, 10, "20 × 1 × 0.5 / 1 = 10"},
		// A confidence given wins over what observable says: 50 × 2 × 0.3 / 3.
		{"moonshot", "50%", "Medium", "High", "30%", ObservableYes, 10, "50 × 2 × 0.3 / 3 = 10"},
		// 5 × 2.5 × 0.8 / 1.5 = 6.667, shown to one decimal.
		{"rounded", "5%", "Medium-High", "Low-Medium", "80%", ObservableNo, 6.7, "5 × 2.5 × 0.8 / 1.5 = 6.7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Concern{Impact: share(t, tt.impact), Value: mustLevel(t, tt.value), Effort: mustLevel(t, tt.effort), Observable: tt.observable}
			if tt.confidence != "" {
				c.Confidence = share(t, tt.confidence)
			}
			p := s.Prioritize(c)
			if !p.Scored || p.Score != tt.want || p.Working != tt.working {
				t.Errorf("got %v, %q; want %v, %q", p.Score, p.Working, tt.want, tt.working)
			}
		})
	}
	p := s.Prioritize(&Concern{Value: mustLevel(t, "High"), Effort: mustLevel(t, "Low"), Observable: ObservableYes})
	if p.Scored || p.Missing != "impact" || p.Factors[0].Shown != "not recorded" {
		t.Errorf("no reach: %+v", p)
	}
	if f := p.Factors[2]; f.Shown != "from observable: yes" || f.Used != "1" {
		t.Errorf("confidence from observable: %+v", f)
	}
}

func TestWSJF(t *testing.T) {
	s := scoringWith(t, "wsjf")
	tests := []struct {
		name                         string
		value, urgency, risk, effort string
		want                         float64
		working                      string
	}{
		{"all high", "High", "High", "High", "High", 3, "(3 + 3 + 3) / 3 = 3"},
		// Urgency and risk not recorded count as the middle, 2: 7 / 1.5 = 4.667.
		{"middle assumed", "High", "", "", "Low-Medium", 4.7, "(3 + 2 + 2) / 1.5 = 4.7"},
		// Risk in words counts as the middle too: (2 + 1 + 2) / 1.
		{"risk in words", "Medium", "Low", "ETL breaks silently", "Low", 5, "(2 + 1 + 2) / 1 = 5"},
		{"small job", "Low", "Low", "Low", "Low", 3, "(1 + 1 + 1) / 1 = 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Concern{Value: mustLevel(t, tt.value), Urgency: mustLevel(t, tt.urgency), Risk: mustLevel(t, tt.risk), Effort: mustLevel(t, tt.effort)}
			p := s.Prioritize(c)
			if !p.Scored || p.Score != tt.want || p.Working != tt.working {
				t.Errorf("got %v, %q; want %v, %q", p.Score, p.Working, tt.want, tt.working)
			}
		})
	}
	p := s.Prioritize(&Concern{Value: mustLevel(t, "High"), Risk: mustLevel(t, "words only")})
	if p.Scored || p.Missing != "effort" {
		t.Errorf("no effort: %+v", p)
	}
	if f := p.Factors[2]; f.Shown != "no level given: the middle of the scale" || f.Used != "2" {
		t.Errorf("risk in words: %+v", f)
	}
}
