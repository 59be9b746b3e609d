package model

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in      string
		text    string
		note    string
		minutes float64
		err     string
	}{
		{in: "30m", text: "30m", minutes: 30},
		{in: "2h", text: "2h", minutes: 120},
		{in: "1d", text: "1d", minutes: 24 * 60},
		{in: "1w", text: "1w", minutes: 7 * 24 * 60},
		{in: "45s", text: "45s", minutes: 0.75},
		{in: "1.5h", text: "1.5h", minutes: 90},
		{in: "1h 30m", text: "1h 30m", minutes: 90},
		{in: "1h30m", text: "1h30m", minutes: 90},
		{in: "30 m", text: "30 m", minutes: 30},
		{in: "90 min", text: "90 min", minutes: 90},
		{in: "2 hours 30 minutes", text: "2 hours 30 minutes", minutes: 150},
		{in: "1 Day 4 HOURS", text: "1 Day 4 HOURS", minutes: 1440 + 240},
		{in: "2 wks 1 sec", text: "2 wks 1 sec", minutes: 2*10080 + 1.0/60},
		{in: "0m", text: "0m", minutes: 0},
		{in: "365d", text: "365d", minutes: 525600},
		{in: "  2h , by the time someone looks  ", text: "2h", note: "by the time someone looks", minutes: 120},
		{in: "1d, a customer asks first, then support", text: "1d", note: "a customer asks first, then support", minutes: 1440},
		{in: "", err: "no duration given (write it like 30m, 2h or 1d 4h)"},
		{in: ", nobody has timed it", err: "no duration given (write it like 30m, 2h or 1d 4h)"},
		{in: "30", err: "30 has no unit (write 30m, 30h or 30d; the units are s, m, h, d and w)"},
		{in: "1h 30", err: "30 has no unit (write 30m, 30h or 30d; the units are s, m, h, d and w)"},
		{in: "2 months", err: `unknown unit "months" in "2 months" (want s, m, h, d or w, as in 30m, 2h or 1d 4h)`},
		{in: "2x", err: `unknown unit "x" in "2x" (want s, m, h, d or w, as in 30m, 2h or 1d 4h)`},
		{in: "soon", err: `"soon" is not a duration (write it like 30m, 2h or 1d 4h)`},
		{in: "-5m", err: `"-5m" is not a duration (write it like 30m, 2h or 1d 4h)`},
		{in: "1.5.2h", err: `"1.5.2h" is not a duration (write it like 30m, 2h or 1d 4h)`},
		{in: "h", err: `"h" is not a duration (write it like 30m, 2h or 1d 4h)`},
		{in: "366d", err: `"366d" is longer than a year (write at most 365d: the error budget is counted by the year)`},
		{in: "99999999999999999999999h", err: "longer than a year"},
		// A comma starts a note, as in levels: "1,5h" is 1 and the note "5h".
		{in: "1,5h", err: "1 has no unit"},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseDuration(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		want := Duration{Text: tt.text, Note: tt.note, Minutes: tt.minutes}
		if err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %+v, %v; want %+v", tt.in, got, err, want)
		}
	}
}

// FuzzParseDuration checks that no input makes the duration parser panic,
// that whatever it accepts is a finite time from none to a year, that the
// duration reads back the same from how it is written, and that it agrees
// with its own length written in minutes.
func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{"30m", "2h", "1d 4h", "1h30m", "2 hours 30 minutes", "45s, note", "1.5h", "365d", "366d", "30", "2 months", "-5m", "1.5.2h", "1e3m", ", note", "9999999999999999999999999w", "0.0000001s"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDuration(in)
		if err != nil {
			return
		}
		if math.IsNaN(d.Minutes) || d.Minutes < 0 || d.Minutes > MinutesPerYear {
			t.Fatalf("%q is %v minutes", in, d.Minutes)
		}
		again, err := ParseDuration(d.String())
		if err != nil || again != d {
			t.Fatalf("%q read back from %q as %+v, %v; want %+v", in, d.String(), again, err, d)
		}
		inMinutes := strconv.FormatFloat(d.Minutes, 'f', -1, 64) + "m"
		if m, err := ParseDuration(inMinutes); err != nil || m.Minutes != d.Minutes {
			t.Fatalf("%q is %v minutes, but %q is %+v, %v", in, d.Minutes, inMinutes, m, err)
		}
	})
}
