package model

import "testing"

// estimated returns a concern with the four estimates read from text, each
// left out when empty.
func estimated(t *testing.T, ettd, ettr, impact, frequency string) *Concern {
	t.Helper()
	c := &Concern{}
	var err error
	if ettd != "" {
		if c.ETTD, err = ParseDuration(ettd); err != nil {
			t.Fatal(err)
		}
	}
	if ettr != "" {
		if c.ETTR, err = ParseDuration(ettr); err != nil {
			t.Fatal(err)
		}
	}
	if impact != "" {
		if c.Impact, err = ParseShare(impact); err != nil {
			t.Fatal(err)
		}
	}
	if frequency != "" {
		if c.Frequency, err = ParseRate(frequency); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestExpose(t *testing.T) {
	tests := []struct {
		name                          string
		ettd, ettr, impact, frequency string
		perIncident, minutes          float64
		working                       string
	}{
		// The example handbook's Monitoring coverage: (120 + 45) × 0.25 = 41.25
		// bad minutes each time, four times a year.
		{"monitoring coverage", "2h", "45m", "25%", "4/year", 41.25, 165, "(120 + 45) × 0.25 × 4 = 165"},
		// Monitoring of ETL processes: (1440 + 180) × 0.05 = 81, six times a year.
		{"etl monitoring", "1d", "3h", "5%", "every 2 months", 81, 486, "(1440 + 180) × 0.05 × 6 = 486"},
		// A whole outage: every user, caught in 5 minutes, fixed in 15, monthly.
		{"monthly outage", "5m", "15m", "100%", "1/month", 20, 240, "(5 + 15) × 1 × 12 = 240"},
		// Every 90 days is 365/90 = 4.0556 times a year: 60 × 0.5 × 4.0556 = 121.6667.
		{"every 90 days", "30m", "30m", "50%", "every 90 days", 30, 121.666667, "(30 + 30) × 0.5 × 4.056 = 121.67"},
		// A share of zero costs nothing, however long and often.
		{"nobody affected", "1w", "1w", "0%", "daily", 0, 0, "(10080 + 10080) × 0 × 365 = 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := Expose(estimated(t, tt.ettd, tt.ettr, tt.impact, tt.frequency))
			if !e.Given || !e.Estimated || e.Missing != "" {
				t.Fatalf("given %v, estimated %v, missing %q; want all four estimates", e.Given, e.Estimated, e.Missing)
			}
			if e.PerIncident != tt.perIncident || e.Minutes != tt.minutes || e.Working != tt.working {
				t.Errorf("got %v a time, %v a year, %q; want %v, %v, %q", e.PerIncident, e.Minutes, e.Working, tt.perIncident, tt.minutes, tt.working)
			}
		})
	}
}

func TestExposeShowsInputsAsWritten(t *testing.T) {
	e := Expose(estimated(t, "2h, until a customer tells us", "45m", "25%", "4/year"))
	want := [4]Factor{
		{Name: "time to detect (ETTD)", Field: "ettd", Shown: "2h, until a customer tells us", Used: "120 min"},
		{Name: "time to repair (ETTR)", Field: "ettr", Shown: "45m", Used: "45 min"},
		{Name: "users affected", Field: "impact", Shown: "25%", Used: "0.25"},
		{Name: "frequency", Field: "frequency", Shown: "4/year", Used: "4 a year"},
	}
	if e.Factors != want {
		t.Errorf("factors = %+v\nwant %+v", e.Factors, want)
	}
}

func TestExposeNotYetEstimated(t *testing.T) {
	e := Expose(estimated(t, "2h", "", "25%", ""))
	if !e.Given || e.Estimated || e.Missing != "ettr and frequency" || e.Minutes != 0 || e.Working != "" {
		t.Errorf("partly estimated: %+v", e)
	}
	if f := e.Factors[1]; f.Shown != "not recorded" || f.Used != "" {
		t.Errorf("a missing estimate shows as %+v", f)
	}
	e = Expose(&Concern{})
	if e.Given || e.Estimated || e.Missing != "ettd, ettr, impact and frequency" {
		t.Errorf("not estimated at all: %+v", e)
	}
}
