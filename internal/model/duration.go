package model

import (
	"fmt"
	"strings"
)

// Duration is an estimated length of time in the council's words: "30m",
// "2h", "1d 4h", "90 minutes", each optionally followed by ", a note".
type Duration struct {
	Text    string  // the duration as written, before the note
	Note    string  // what followed the first comma
	Minutes float64 // the duration in minutes
}

// String returns the duration and its note as the council wrote them.
func (d Duration) String() string { return withNote(d.Text, d.Note) }

// durationUnit is one unit a duration may be written in.
type durationUnit struct {
	names   []string // the first is the one error messages name
	minutes float64
}

// durationUnits are the units of a duration, smallest first. A day is 24
// hours of the clock, not a working day: an outage does not stop at six.
// There is no month, which m would be mistaken for; write 30d.
var durationUnits = []durationUnit{
	{[]string{"s", "sec", "secs", "second", "seconds"}, 1.0 / 60},
	{[]string{"m", "min", "mins", "minute", "minutes"}, 1},
	{[]string{"h", "hr", "hrs", "hour", "hours"}, 60},
	{[]string{"d", "day", "days"}, 24 * 60},
	{[]string{"w", "wk", "wks", "week", "weeks"}, 7 * 24 * 60},
}

// MinutesPerYear is the year that estimates and error budgets are counted
// in: 365 days.
const MinutesPerYear = 365 * 24 * 60

// maxDurationDays is the longest duration accepted: the error budget is
// counted by the year, and a detection or repair that takes longer than a
// year is a typo or a risk no budget can hold.
const maxDurationDays = MinutesPerYear / (24 * 60)

const durationForms = "write it like 30m, 2h or 1d 4h"

// ParseDuration reads a duration: one or more parts of a number and a unit,
// such as "45m", "1.5h", "1h 30m" or "2 hours 30 minutes". The units are s,
// m, h, d and w, and their words (min, hours, days, ...), in any case.
func ParseDuration(text string) (Duration, error) {
	head, note := splitNote(text)
	if head == "" {
		return Duration{}, fmt.Errorf("no duration given (%s)", durationForms)
	}
	minutes, err := durationMinutes(head)
	if err != nil {
		return Duration{}, err
	}
	if minutes > MinutesPerYear {
		return Duration{}, fmt.Errorf("%q is longer than a year (write at most %dd: the error budget is counted by the year)", head, maxDurationDays)
	}
	return Duration{Text: head, Note: note, Minutes: minutes}, nil
}

func durationMinutes(head string) (float64, error) {
	total := 0.0
	for rest := head; rest != ""; rest = trimSpace(rest) {
		n, after, ok := cutNumber(rest)
		if !ok {
			return 0, fmt.Errorf("%q is not a duration (%s)", head, durationForms)
		}
		word, after := cutWord(trimSpace(after))
		if word == "" {
			if strings.TrimSpace(after) == "" {
				num := strings.TrimSpace(rest)
				return 0, fmt.Errorf("%s has no unit (write %sm, %sh or %sd; the units are %s)", num, num, num, num, andList(unitNames()))
			}
			return 0, fmt.Errorf("%q is not a duration (%s)", head, durationForms)
		}
		unit, ok := lookupDurationUnit(word)
		if !ok {
			return 0, fmt.Errorf("unknown unit %q in %q (want %s, as in 30m, 2h or 1d 4h)", word, head, orList(unitNames()))
		}
		total += n * unit.minutes
		rest = after
	}
	return total, nil
}

func lookupDurationUnit(word string) (durationUnit, bool) {
	for _, u := range durationUnits {
		for _, name := range u.names {
			if strings.EqualFold(word, name) {
				return u, true
			}
		}
	}
	return durationUnit{}, false
}

// unitNames lists the units by the names error messages give them.
func unitNames() []string {
	names := make([]string, len(durationUnits))
	for i, u := range durationUnits {
		names[i] = u.names[0]
	}
	return names
}
