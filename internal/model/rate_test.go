package model

import (
	"math"
	"strings"
	"testing"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		in      string
		text    string
		note    string
		perYear float64
		err     string
	}{
		{in: "4/year", text: "4/year", perYear: 4},
		{in: "4 / year", text: "4 / year", perYear: 4},
		{in: "4 per year", text: "4 per year", perYear: 4},
		{in: "4 a year", text: "4 a year", perYear: 4},
		{in: "4 times a year", text: "4 times a year", perYear: 4},
		{in: "4 times per Year", text: "4 times per Year", perYear: 4},
		{in: "1 time each quarter", text: "1 time each quarter", perYear: 4},
		{in: "1/month", text: "1/month", perYear: 12},
		{in: "once a month", text: "once a month", perYear: 12},
		{in: "twice a year", text: "twice a year", perYear: 2},
		{in: "0.5/year", text: "0.5/year", perYear: 0.5},
		{in: "1/yr", text: "1/yr", perYear: 1},
		{in: "2/q", text: "2/q", perYear: 8},
		{in: "10/day", text: "10/day", perYear: 3650},
		{in: "2 per week", text: "2 per week", perYear: 2 * 365.0 / 7},
		{in: "3 per 2 years", text: "3 per 2 years", perYear: 1.5},
		{in: "1/2 years", text: "1/2 years", perYear: 0.5},
		{in: "every year", text: "every year", perYear: 1},
		{in: "every month", text: "every month", perYear: 12},
		{in: "every 2 years", text: "every 2 years", perYear: 0.5},
		{in: "every 90 days", text: "every 90 days", perYear: 365.0 / 90},
		{in: "Every 6 Weeks", text: "Every 6 Weeks", perYear: 365.0 / 7 / 6},
		{in: "daily", text: "daily", perYear: 365},
		{in: "weekly", text: "weekly", perYear: 365.0 / 7},
		{in: "monthly", text: "monthly", perYear: 12},
		{in: "quarterly", text: "quarterly", perYear: 4},
		{in: "yearly", text: "yearly", perYear: 1},
		{in: "annually", text: "annually", perYear: 1},
		{in: "0/year", text: "0/year", perYear: 0},
		{in: "every 2 years, the last time was in 2016", text: "every 2 years", note: "the last time was in 2016", perYear: 0.5},
		{in: "", err: "no frequency given (write it like 4/year, 1/month, 2 per week, every 2 years or monthly)"},
		{in: "often", err: `"often" is not a rate (write it like 4/year, 1/month, 2 per week, every 2 years or monthly)`},
		{in: "4", err: `"4" says how many times but not in what period (write it like 4/year, 1/month, 2 per week, every 2 years or monthly)`},
		{in: "4 times", err: `"4 times" says how many times but not in what period`},
		{in: "once", err: `"once" says how many times but not in what period`},
		{in: "4 years", err: `"4 years" is not a rate`},
		{in: "4/", err: `"4/" is not a rate`},
		{in: "/year", err: `"/year" is not a rate`},
		{in: "4//year", err: `"4//year" is not a rate`},
		{in: "every 2", err: `"every 2" is not a rate`},
		{in: "-1/year", err: `"-1/year" is not a rate`},
		{in: "25%", err: `"25%" is not a rate`},
		{in: "1/fortnight", err: `unknown period "fortnight" in "1/fortnight" (want day, week, month, quarter or year)`},
		{in: "1/hour", err: `unknown period "hour" in "1/hour" (want day, week, month, quarter or year)`},
		{in: "every 0 years", err: `"every 0 years" never comes round (want a period longer than 0, as in every 2 years)`},
		{in: "2000/day", err: `"2000/day" is more often than once a minute (write at most 525600/year)`},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseRate(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got.Text != tt.text || got.Note != tt.note || !near(got.PerYear, tt.perYear) {
			t.Errorf("ParseRate(%q) = %+v, %v; want %q, %q, %v a year", tt.in, got, err, tt.text, tt.note, tt.perYear)
		}
	}
}

// near reports whether a and b agree to a few parts in a million million:
// a rate worked out in another order may differ in its last bit.
func near(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b)) }

// FuzzParseRate checks that no input makes the rate parser panic, and that
// whatever it accepts happens a finite number of times a year, at most
// once a minute, and reads back the same from how it is written.
func FuzzParseRate(f *testing.F) {
	for _, seed := range []string{"4/year", "1 / month", "twice a year", "every 2 years", "3 per 2 years", "monthly", "every 0 years", "4", "often", "1/fortnight", "2000/day", "4//year", "every 0.0000001 days", "1e9/year", ", note", "every 2 years, since 2016"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := ParseRate(in)
		if err != nil {
			return
		}
		if math.IsNaN(r.PerYear) || r.PerYear < 0 || r.PerYear > MinutesPerYear {
			t.Fatalf("%q happens %v times a year", in, r.PerYear)
		}
		if again, err := ParseRate(r.String()); err != nil || again != r {
			t.Fatalf("%q read back from %q as %+v, %v; want %+v", in, r.String(), again, err, r)
		}
	})
}
