package chart

import (
	"fmt"
	"strconv"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// month is one month of the timeline.
type month struct {
	Start          time.Time
	Raised, Closed int
	Open           int // open at the month's end
}

// closedOn returns when a closed concern was closed: the date of the last
// meeting that discussed it, since the council closes concerns in meetings.
// It is zero for an open concern, or a closed one no meeting discussed.
func (b *Builder) closedOn(c *model.Concern) time.Time {
	if b.isOpen(c.Status) || len(c.Meetings) == 0 {
		return time.Time{}
	}
	return c.Meetings[0].Date // meetings are newest first
}

// months counts concerns raised and closed per month, from the first month
// anything happened to the last.
func (b *Builder) months(concerns []*model.Concern) (months []month, undated int) {
	raised := map[time.Time]int{}
	closed := map[time.Time]int{}
	var first, last time.Time
	note := func(t time.Time, into map[time.Time]int) {
		m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		into[m]++
		if first.IsZero() || m.Before(first) {
			first = m
		}
		if m.After(last) {
			last = m
		}
	}
	for _, c := range concerns {
		if c.Raised.IsZero() {
			undated++
			continue
		}
		note(c.Raised, raised)
		if d := b.closedOn(c); !d.IsZero() {
			note(d, closed)
		}
	}
	open := 0
	for m := first; !first.IsZero() && !m.After(last); m = m.AddDate(0, 1, 0) {
		open += raised[m] - closed[m]
		months = append(months, month{Start: m, Raised: raised[m], Closed: closed[m], Open: open})
	}
	return months, undated
}

// OverTime draws concerns raised and closed per month, with how many were
// open at each month's end.
func (b *Builder) OverTime(concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id("all", "over_time"),
		Title:     "Concerns over time",
		HowToRead: "Bars count the concerns raised and closed each month; the line shows how many were still open at the end of the month.",
	}
	months, undated := b.months(concerns)
	if undated > 0 {
		c.Note = fmt.Sprintf("%s with no raised date %s not counted.", model.Plural(undated, "concern"), isAre(undated))
	}
	if len(months) == 0 {
		return c.nothingToDraw()
	}
	names := make([]string, len(months))
	raised := make([]opts.BarData, len(months))
	closed := make([]opts.BarData, len(months))
	open := make([]opts.LineData, len(months))
	c.Table = Table{Caption: "Concerns raised and closed each month", Head: []Column{{Title: "Month"}, {Title: "Raised", Num: true}, {Title: "Closed", Num: true}, {Title: "Open at month end", Num: true}}}
	totalRaised, totalClosed := 0, 0
	for i, m := range months {
		names[i] = m.Start.Format("Jan 2006")
		raised[i] = opts.BarData{Value: m.Raised}
		closed[i] = opts.BarData{Value: m.Closed}
		open[i] = opts.LineData{Value: m.Open}
		totalRaised += m.Raised
		totalClosed += m.Closed
		c.Table.Rows = append(c.Table.Rows, []Cell{{Text: names[i]}, {Text: strconv.Itoa(m.Raised), Num: true}, {Text: strconv.Itoa(m.Closed), Num: true}, {Text: strconv.Itoa(m.Open), Num: true}})
	}
	c.Description = fmt.Sprintf("Bar and line chart over %s, from %s to %s: %d raised, %d closed, %d still open at the end.",
		model.Plural(len(months), "month"), names[0], names[len(names)-1], totalRaised, totalClosed, months[len(months)-1].Open)

	bar := newBar(c, names, "Concerns")
	bar.AddSeries("Raised", raised, charts.WithItemStyleOpts(opts.ItemStyle{Color: okabeIto[0]}))
	bar.AddSeries("Closed", closed, charts.WithItemStyleOpts(opts.ItemStyle{Color: okabeIto[2]}))
	line := charts.NewLine()
	line.AddSeries("Open at month end", open, charts.WithItemStyleOpts(opts.ItemStyle{Color: okabeIto[1]}))
	bar.Overlap(line)
	bar.Validate()
	c.Spec.Option = bar.JSON()
	return c
}
