package model

import (
	"math"
	"strings"
	"testing"
)

func TestParseShare(t *testing.T) {
	tests := []struct {
		in       string
		text     string
		note     string
		fraction float64
		err      string
	}{
		{in: "25%", text: "25%", fraction: 0.25},
		{in: "25 %", text: "25 %", fraction: 0.25},
		{in: "0.5%", text: "0.5%", fraction: 0.005},
		{in: "100%", text: "100%", fraction: 1},
		{in: "0%", text: "0%", fraction: 0},
		{in: "12.5%, the customers on the EU cluster", text: "12.5%", note: "the customers on the EU cluster", fraction: 0.125},
		{in: "", err: "no percentage given (write it like 25% or 0.5%)"},
		{in: "25", err: "25 needs a % sign (write 25%)"},
		{in: "0.25", err: "0.25 needs a % sign (write 25% if it is 0.25 of the whole, or 0.25%)"},
		{in: "120%", err: "120% is over 100% (a share is at most the whole)"},
		{in: "a quarter", err: `"a quarter" is not a percentage (write it like 25% or 0.5%)`},
		{in: "25%%", err: `"25%%" is not a percentage`},
		{in: "-5%", err: `"-5%" is not a percentage`},
		{in: "25 percent", err: `"25 percent" is not a percentage`},
	}
	for _, tt := range tests {
		got, err := ParseShare(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseShare(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		want := Share{Text: tt.text, Note: tt.note, Fraction: tt.fraction}
		if err != nil || got != want {
			t.Errorf("ParseShare(%q) = %+v, %v; want %+v", tt.in, got, err, want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// FuzzParseShare checks that no input makes the percentage parser panic,
// and that whatever it accepts is a share from none to the whole that reads
// back the same.
func FuzzParseShare(f *testing.F) {
	for _, seed := range []string{"25%", "0.5 %", "100%", "100.0000000000001%", "120%", "25", "0.25", "%", "25%%", "-5%", ", note", "99.9%, note"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ParseShare(in)
		if err != nil {
			return
		}
		if math.IsNaN(s.Fraction) || s.Fraction < 0 || s.Fraction > 1 {
			t.Fatalf("%q is a share of %v", in, s.Fraction)
		}
		if again, err := ParseShare(s.String()); err != nil || again != s {
			t.Fatalf("%q read back from %q as %+v, %v; want %+v", in, s.String(), again, err, s)
		}
	})
}
