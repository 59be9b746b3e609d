package render

import (
	"sync/atomic"
	"time"
)

// dayTexts remembers how days were last written in one layout. The pages
// of a handbook write the same few thousand days hundreds of thousands of
// times over, each action item's due date on every page that lists it:
// formatted each time, they were 900,000 calls and 13 MB of a build of
// 5,000 meetings. A day is looked up in a slot chosen by the day, without
// a lock; a slot another day took is written again.
type dayTexts struct {
	layout string
	slots  [dayTextSlots]atomic.Pointer[dayText]
}

// dayTextSlots is how many days a dayTexts remembers at most: a meeting's
// or an action item's days fall within a few years.
const dayTextSlots = 4096

// dayText is a day and how it is written.
type dayText struct {
	day  int // the day's number, from its year, month and day of month
	text string
}

func newDayTexts(layout string) *dayTexts { return &dayTexts{layout: layout} }

// format returns t written in the layout, which must name no more than
// its day: its year, month and day of month, in its own location.
func (d *dayTexts) format(t time.Time) string {
	year, month, day := t.Date()
	n := (year*13+int(month))*32 + day
	slot := &d.slots[uint(n)%dayTextSlots]
	if kept := slot.Load(); kept != nil && kept.day == n {
		return kept.text
	}
	text := t.Format(d.layout)
	slot.Store(&dayText{day: n, text: text})
	return text
}
