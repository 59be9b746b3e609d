package chart

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// Event is one concern's life on the timeline: when it was raised and, once
// closed, when it was closed. Either may be zero when not known.
type Event struct {
	Raised, Closed time.Time
	// ClosedUnknown is set for a closed concern whose closing day is not
	// known: it is left out, since it cannot be told how long it was open.
	ClosedUnknown bool
}

// maxMonths is the longest timeline drawn; concerns raised before it are
// counted in its first month.
const maxMonths = 120

// minCountAxis is the least a count axis reaches, so that one concern is
// not drawn as tall as the chart.
const minCountAxis = 5

// month is one month of the timeline.
type month struct {
	Start          time.Time
	Raised, Closed int
	Open           int // open at the month's end
}

// timeline is the months of a chart, with what could not be placed on them.
type timeline struct {
	Months  []month
	Undated int       // events with no raised date
	Unknown int       // closed concerns with no closing day
	Future  int       // events raised after today, which no build can know of
	Folded  time.Time // the first month, when earlier ones were counted in it
}

// events returns each concern's event: raised on its raised: day, or on
// the day its file was first committed, and closed on the day the history
// says it was.
func (b *Builder) events(concerns []*model.Concern) []Event {
	out := make([]Event, len(concerns))
	for i, c := range concerns {
		out[i].Raised = c.Raised
		if out[i].Raised.IsZero() && len(c.History) > 0 && !c.History[0].Uncommitted {
			out[i].Raised = c.History[0].Date
		}
		out[i].Closed = c.Closed
		out[i].ClosedUnknown = !c.Open && c.Closed.IsZero()
	}
	return out
}

// monthOf returns the first day of t's month.
func monthOf(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }

// months counts events raised and closed per month, from the first month
// anything happened to the last, never past today: a date after the build
// day is a typing mistake, and would otherwise stretch the chart over
// centuries. A span over maxMonths starts with its last maxMonths.
func months(events []Event, today time.Time) timeline {
	var tl timeline
	raised := map[time.Time]int{}
	closed := map[time.Time]int{}
	var first, last time.Time
	seen := false
	note := func(t time.Time, into map[time.Time]int) {
		m := monthOf(t)
		into[m]++
		if !seen || m.Before(first) {
			first = m
		}
		if !seen || m.After(last) {
			last = m
		}
		seen = true
	}
	end := monthOf(today)
	for _, e := range events {
		switch {
		case e.ClosedUnknown:
			tl.Unknown++
			continue
		case e.Raised.IsZero():
			tl.Undated++
			continue
		case !today.IsZero() && monthOf(e.Raised).After(end):
			tl.Future++
			continue
		}
		note(e.Raised, raised)
		if !e.Closed.IsZero() && (today.IsZero() || !monthOf(e.Closed).After(end)) {
			note(e.Closed, closed)
		}
	}
	if !seen {
		return tl
	}
	if start := last.AddDate(0, 1-maxMonths, 0); first.Before(start) {
		for m := range raised {
			if m.Before(start) {
				raised[start] += raised[m]
			}
		}
		for m := range closed {
			if m.Before(start) {
				closed[start] += closed[m]
			}
		}
		first, tl.Folded = start, start
	}
	open := 0
	for m := first; !m.After(last); m = m.AddDate(0, 1, 0) {
		open += raised[m] - closed[m]
		tl.Months = append(tl.Months, month{Start: m, Raised: raised[m], Closed: closed[m], Open: open})
	}
	return tl
}

// OverTime draws concerns raised and closed per month, with how many were
// open at each month's end, from one event per concern; today is the build
// day, past which no date is drawn.
func (b *Builder) OverTime(events []Event, today time.Time) *Chart {
	c := &Chart{
		ID:        id("all", "over_time"),
		Title:     "Concerns over time",
		HowToRead: "Bars count the concerns raised and closed each month; the line shows how many were still open at the end of the month.",
	}
	tl := months(events, today)
	var notes []string
	if tl.Undated > 0 {
		notes = append(notes, fmt.Sprintf("%s with no raised date %s not counted.", model.Plural(tl.Undated, "concern"), isAre(tl.Undated)))
	}
	if tl.Future > 0 {
		notes = append(notes, fmt.Sprintf("%s raised after today (%s) %s not counted; check the date.", model.Plural(tl.Future, "concern"), today.Format("2 January 2006"), isAre(tl.Future)))
	}
	if tl.Unknown > 0 {
		notes = append(notes, fmt.Sprintf("%s %s not counted: the day each was closed is not known without the site's git history.", model.Plural(tl.Unknown, "closed concern"), isAre(tl.Unknown)))
	}
	if !tl.Folded.IsZero() {
		notes = append(notes, fmt.Sprintf("Concerns raised or closed before %s are counted in that month.", tl.Folded.Format("January 2006")))
	}
	c.Note = strings.Join(notes, " ")
	if len(tl.Months) == 0 {
		return c.nothingToDraw()
	}
	months := tl.Months
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

	bar := charts.NewBar()
	bar.SetXAxis(names)
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		// containLabel leaves room for the labels ECharts measures, but a
		// month name centred on the last band still reaches half its width
		// past the grid: on a phone, "Jan 2027" lost its last digit.
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "32", Top: "28", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Concerns", MinInterval: 1}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	bar.AddSeries("Raised", raised)
	bar.AddSeries("Closed", closed)
	line := charts.NewLine()
	line.AddSeries("Open at month end", open)
	bar.Overlap(line)
	bar.Validate()
	c.Spec.Option = optionOf(bar)
	looks := []model.Look{look("blue", "solid"), look("green", "slash"), look("orange", "solid")}
	for i, l := range looks {
		s := series(c.Spec.Option, i)
		s["itemStyle"] = itemStyle(l)
		s["barMaxWidth"] = 48 // one month of history is a bar, not a wall
		c.Legend = append(c.Legend, LegendItem{Label: s["name"].(string), Look: l})
	}
	series(c.Spec.Option, 2)["lineStyle"] = map[string]any{"color": looks[2].Colour.Hex, "width": 3}
	x := axis(c.Spec.Option, "xAxis")
	x["axisLabel"] = map[string]any{"hideOverlap": true}
	// A handful of concerns is drawn as a handful, not as bars that fill
	// the chart.
	most := 0
	for _, m := range months {
		most = max(most, m.Raised, m.Closed, m.Open)
	}
	if most < minCountAxis {
		axis(c.Spec.Option, "yAxis")["max"] = minCountAxis
	}
	return c
}
