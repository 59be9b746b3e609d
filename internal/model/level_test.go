package model

import (
	"strings"
	"testing"
)

func TestScaleParse(t *testing.T) {
	scale := DefaultScale()
	tests := []struct {
		in    string
		text  string
		note  string
		score float64
		err   string
	}{
		{in: "High", text: "High", score: 3},
		{in: "high", text: "High", score: 3},
		{in: "  LOW  ", text: "Low", score: 1},
		{in: "Medium", text: "Medium", score: 2},
		{in: "Moderate", text: "Moderate", score: 2},
		{in: "moderate, we have some tooling in place", text: "Moderate", note: "we have some tooling in place", score: 2},
		{in: "Low-Medium", text: "Low-Medium", score: 1.5},
		{in: "low - high", text: "Low-High", score: 2},
		{in: "Moderate-High, mostly waiting on IT", text: "Moderate-High", note: "mostly waiting on IT", score: 2.5},
		{in: "High, we would finally know if ETL is broken, on fire, or fine", text: "High", note: "we would finally know if ETL is broken, on fire, or fine", score: 3},
		{in: "2", text: "2", score: 2},
		{in: "2.5, roughly", text: "2.5", note: "roughly", score: 2.5},
		{in: "1", text: "1", score: 1},
		{in: "3", text: "3", score: 3},
		{in: "Hihg", err: `unknown level "Hihg" (want Low, Medium, High, or a range like Low-Medium)`},
		{in: "Low-Hihg", err: `unknown level "Low-Hihg"`},
		{in: "Medium to High", err: `unknown level "Medium to High" (write a range with a hyphen: Medium-High)`},
		{in: "moderate\u2013high", err: "unknown level \"moderate\u2013high\" (write a range with a hyphen: Moderate-High)"},
		{in: "Low / High", err: `(write a range with a hyphen: Low-High)`},
		{in: "Low to Hihg", err: `unknown level "Low to Hihg" (want Low, Medium, High, or a range like Low-Medium)`},
		{in: "4", err: "4 is off the scale (want a number from 1 to 3)"},
		{in: "0.5", err: "0.5 is off the scale"},
		{in: "NaN", err: "off the scale"},
		{in: "Inf", err: "off the scale"},
		{in: ", just a note", err: "no level given"},
		{in: "", err: "no level given"},
	}
	for _, tt := range tests {
		got, err := scale.Parse(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Parse(%q) error = %v, want it to contain %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		want := Level{Text: tt.text, Note: tt.note, Score: tt.score, Scored: true}
		if got != want {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, want)
		}
	}
}

func TestScaleParseOptional(t *testing.T) {
	scale := DefaultScale()
	tests := []struct {
		in   string
		want Level
		err  string
	}{
		{in: "High, customers churn", want: Level{Text: "High", Note: "customers churn", Score: 3, Scored: true}},
		{in: "ETL breaks silently", want: Level{Note: "ETL breaks silently"}},
		{in: "Continued bugginess of ETL/reporting, customer churn", want: Level{Note: "Continued bugginess of ETL/reporting, customer churn"}},
		{in: "Hihg", want: Level{Note: "Hihg"}},
		{in: "7", err: "off the scale"},
	}
	for _, tt := range tests {
		got, err := scale.ParseOptional(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseOptional(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseOptional(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

func TestCustomScale(t *testing.T) {
	scale := Scale{{Name: "S", Score: 1}, {Name: "M", Score: 2}, {Name: "L", Score: 3}, {Name: "XL", Score: 5, Aliases: []string{"Huge"}}}
	got, err := scale.Parse("M-XL, big")
	if err != nil || got.Score != 3.5 || got.Text != "M-XL" || got.Note != "big" {
		t.Fatalf("Parse(M-XL) = %+v, %v", got, err)
	}
	if _, err := scale.Parse("huge"); err != nil {
		t.Fatalf("alias: %v", err)
	}
	_, err = scale.Parse("Medium")
	if err == nil || !strings.Contains(err.Error(), "want S, M, L, XL, or a range like S-M") {
		t.Fatalf("error lists the custom scale: %v", err)
	}
	if n := scale.Normalize(5); n != 1 {
		t.Fatalf("Normalize(top) = %v", n)
	}
}

// FuzzScaleParse checks that no input makes the level parser panic, and that
// whatever it accepts lies on the scale.
func FuzzScaleParse(f *testing.F) {
	for _, seed := range []string{"High", "Low-Medium", "2.5, note", "Hihg", "-", "--", ",", "1e309", "0x1p1", "Low-", "-High", "NaN", "Moderate-High, a, b"} {
		f.Add(seed)
	}
	scale := DefaultScale()
	f.Fuzz(func(t *testing.T, in string) {
		for _, parse := range []func(string) (Level, error){scale.Parse, scale.ParseOptional} {
			l, err := parse(in)
			if err != nil {
				continue
			}
			if l.Scored && (l.Score < scale.Min() || l.Score > scale.Max()) {
				t.Fatalf("%q scored %v, off the scale", in, l.Score)
			}
		}
	})
}
