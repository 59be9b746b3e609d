package model

import (
	"testing"
)

func mustLevel(t *testing.T, s string) Level {
	t.Helper()
	l, err := DefaultScale().ParseOptional(s)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestPrioritize(t *testing.T) {
	scoring := DefaultScoring()
	tests := []struct {
		name                            string
		value, effort, risk, complexity string
		blockers                        int
		want                            float64
	}{
		// 100 × (3·1 + 2·0.5 + 2·0.75 + 1·0.5 + 1·(2/3)) / 9
		{name: "monitoring coverage", value: "High", effort: "Low-Medium", blockers: 1, want: 74.1},
		{name: "best case", value: "High", effort: "Low", risk: "High", complexity: "Low", want: 100},
		{name: "worst case", value: "Low", effort: "High", risk: "Low", complexity: "High", blockers: 5, want: 0},
		{name: "risk in words counts as the middle", value: "High", effort: "High", risk: "ETL breaks silently", want: 61.1},
		{name: "blockers are capped", value: "Medium", effort: "Medium", blockers: 9, want: 44.4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Concern{
				Value: mustLevel(t, tt.value), Effort: mustLevel(t, tt.effort),
				Risk: mustLevel(t, tt.risk), Complexity: mustLevel(t, tt.complexity),
				Blockers: make([]string, tt.blockers),
			}
			p := scoring.Prioritize(c)
			if p.Score != tt.want {
				t.Errorf("score = %v, want %v (terms %+v)", p.Score, tt.want, p.Terms)
			}
			if len(p.Terms) != 5 {
				t.Fatalf("want 5 terms, got %d", len(p.Terms))
			}
		})
	}
}

func TestPrioritizeRisesAndFalls(t *testing.T) {
	scoring := DefaultScoring()
	base := func() *Concern {
		return &Concern{Value: mustLevel(t, "Medium"), Effort: mustLevel(t, "Medium"), Risk: mustLevel(t, "Medium"), Complexity: mustLevel(t, "Medium")}
	}
	mid := scoring.Prioritize(base()).Score
	for _, tt := range []struct {
		name   string
		change func(*Concern)
		rises  bool
	}{
		{"more value", func(c *Concern) { c.Value = mustLevel(t, "High") }, true},
		{"more risk", func(c *Concern) { c.Risk = mustLevel(t, "High") }, true},
		{"more effort", func(c *Concern) { c.Effort = mustLevel(t, "High") }, false},
		{"more complexity", func(c *Concern) { c.Complexity = mustLevel(t, "High") }, false},
		{"a blocker", func(c *Concern) { c.Blockers = []string{"time"} }, false},
	} {
		c := base()
		tt.change(c)
		got := scoring.Prioritize(c).Score
		if (got > mid) != tt.rises || got == mid {
			t.Errorf("%s: %v -> %v, want it to %s", tt.name, mid, got, map[bool]string{true: "rise", false: "fall"}[tt.rises])
		}
	}
}

func TestPrioritizeZeroWeights(t *testing.T) {
	s := DefaultScoring()
	s.Weights = Weights{}
	if p := s.Prioritize(&Concern{}); p.Score != 0 {
		t.Fatalf("zero weights score %v, want 0", p.Score)
	}
}
