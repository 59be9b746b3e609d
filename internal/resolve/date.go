package resolve

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// dateShape is a date written the right way, whether or not the day exists.
var dateShape = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)

// parseDate reads a date written YYYY-MM-DD. Of a date written that way
// that is no day of the calendar, it says which part is wrong.
func parseDate(s string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, s)
	if err == nil {
		return d, nil
	}
	m := dateShape.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD, e.g. 2018-02-06)", s)
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 {
		return time.Time{}, fmt.Errorf("bad date %q: there is no month %s (want YYYY-MM-DD, the month from 01 to 12)", s, m[2])
	}
	// The day after the last of the month is the 0th of the next.
	days := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	switch {
	case day == 0:
		return time.Time{}, fmt.Errorf("bad date %q: there is no day 00 (want YYYY-MM-DD, the day from 01)", s)
	case month == 2 && day == 29:
		return time.Time{}, fmt.Errorf("bad date %q: %d is not a leap year, so February has 28 days", s, year)
	}
	return time.Time{}, fmt.Errorf("bad date %q: %s has %d days", s, time.Month(month), days)
}
