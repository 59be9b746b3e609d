package chart

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// Trend draws, from the site's history, how many concerns were open at the
// end of each day, week or month, and the sum of their priorities, with
// the meetings marked on the line: whether the council is getting through
// its list. With a team, only the concerns that were the team's at the
// time count. scope makes the chart's id unique on its page.
func (b *Builder) Trend(scope string, h *model.Handbook, team *model.Team) *Chart {
	c := &Chart{
		ID:        id(scope, "trend"),
		Title:     "Open concerns over time",
		HowToRead: "The solid line counts the concerns open at the end of each period, the dashed line adds up their priorities (as the council scores them today); a falling line is a list being worked through. Triangles mark the meetings.",
	}
	if !h.HistoryAvailable {
		c.Note = "This chart is drawn from the site's git history, which is not available"
		if h.HistoryMissing != "" {
			c.Note += ": " + h.HistoryMissing
		}
		c.Note += "."
		return c.nothingToDraw()
	}
	spans := openSpans(h.Concerns, team)
	periods := periodsOf(spans, h.Today)
	if len(periods.ends) == 0 {
		if len(spans) > 0 {
			// A build dated before the history, as SOURCE_DATE_EPOCH can.
			c.Note = "The concerns' history begins after " + h.Today.Format("2 January 2006") + ", the day this site was built for: there is nothing to draw up to it."
		}
		return c.nothingToDraw()
	}
	open, priority := totals(spans, periods.ends)
	labels := make([]string, len(periods.ends))
	for i, end := range periods.ends {
		labels[i] = end.Format(periods.layout)
	}
	marked := meetingsIn(h.Meetings, periods)

	c.Description = fmt.Sprintf("Line chart over %s, from %s to %s: open concerns from %d to %d, their summed priority from %s to %s; %s marked.",
		model.Plural(len(labels), periods.unit), labels[0], labels[len(labels)-1], open[0], open[len(open)-1],
		formatSum(priority[0]), formatSum(priority[len(priority)-1]), model.Plural(len(marked), "meeting"))
	if periods.cut {
		c.Note = fmt.Sprintf("The history goes back further; only its last %s are drawn.", model.Plural(len(labels), periods.unit))
	}

	line := charts.NewLine()
	line.SetXAxis(labels)
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "8", Top: "36", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "Open concerns", MinInterval: 1}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	line.ExtendYAxis(opts.YAxis{Type: "value", Name: "Summed priority"})
	openData := make([]opts.LineData, len(labels))
	priorityData := make([]opts.LineData, len(labels))
	openTips := make([][]string, len(labels))
	priorityTips := make([][]string, len(labels))
	for i := range labels {
		openData[i] = opts.LineData{Value: open[i]}
		priorityData[i] = opts.LineData{Value: round1(priority[i])}
		openTips[i] = []string{labels[i], model.Plural(open[i], "open concern")}
		priorityTips[i] = []string{labels[i], "Summed priority of the open concerns: " + formatSum(priority[i])}
	}
	line.AddSeries("Open concerns", openData)
	line.AddSeries("Summed priority", priorityData)
	// One triangle for each period with meetings: a council that meets
	// every day would otherwise stack thousands at one place, and send
	// them all to every reader.
	held := heldIn(marked)
	scatter := charts.NewScatter()
	meetingData := make([]opts.ScatterData, len(held))
	meetingLinks := make([]string, len(held))
	meetingTips := make([][]string, len(held))
	for i, p := range held {
		latest := p.meetings[len(p.meetings)-1]
		meetingData[i] = opts.ScatterData{Value: []any{labels[p.period], open[p.period]}}
		meetingLinks[i] = b.link(latest)
		tip := []string{"Meeting: " + latest.Title, latest.Date.Format("2 January 2006")}
		if len(p.meetings) > 1 {
			tip = []string{model.Plural(len(p.meetings), "meeting") + " in " + labels[p.period] + "; the last: " + latest.Title, latest.Date.Format("2 January 2006")}
		}
		meetingTips[i] = append(tip, model.Plural(open[p.period], "open concern")+" at the end of "+labels[p.period])
	}
	scatter.AddSeries("Meetings", meetingData)
	line.Overlap(scatter)
	line.Validate()
	c.Spec.Option = optionOf(line)
	c.Spec.Links = [][]string{nil, nil, meetingLinks}
	c.Spec.Tips = [][][]string{openTips, priorityTips, meetingTips}

	looks := []model.Look{look("blue", "solid"), look("orange", "slash"), look("vermilion", "solid")}
	for i, l := range looks {
		s := series(c.Spec.Option, i)
		s["itemStyle"] = itemStyle(l)
		c.Legend = append(c.Legend, LegendItem{Label: s["name"].(string), Look: l})
	}
	series(c.Spec.Option, 0)["lineStyle"] = map[string]any{"color": looks[0].Colour.Hex, "width": 3}
	priorityLine := series(c.Spec.Option, 1)
	priorityLine["yAxisIndex"] = 1
	priorityLine["lineStyle"] = map[string]any{"color": looks[1].Colour.Hex, "width": 2, "type": "dashed"}
	meetings := series(c.Spec.Option, 2)
	meetings["symbol"] = "triangle"
	meetings["symbolSize"] = 14
	if len(held) > fewMarks {
		// A council that meets every period would bury the line under
		// its triangles: smaller ones, that let the line show through.
		meetings["symbolSize"] = 8
		meetings["itemStyle"].(map[string]any)["opacity"] = 0.7
	}
	meetings["z"] = 3 // over the lines, where a pointer finds it
	// No bigger than the room between two periods where the chart is drawn
	// (charts.js): on a phone, a triangle for every month of a few years
	// would run together into a band over the line.
	meetings["fit"] = true
	axis(c.Spec.Option, "xAxis")["axisLabel"] = map[string]any{"hideOverlap": true}
	if most := slices.Max(open); most < minCountAxis {
		axis(c.Spec.Option, "yAxis")["max"] = minCountAxis
	}
	// The priority axis draws no grid lines of its own: two sets of lines
	// that do not meet would be read as one.
	priorityAxis := c.Spec.Option["yAxis"].([]any)[1].(map[string]any)
	priorityAxis["splitLine"] = map[string]any{"show": false}
	// Each axis's name reads inwards from its axis: centred on the axis,
	// as ECharts sets it, "Open concerns" ran past the chart's left edge.
	axis(c.Spec.Option, "yAxis")["nameTextStyle"] = map[string]any{"align": "left"}
	priorityAxis["nameTextStyle"] = map[string]any{"align": "right"}

	c.Table = Table{Caption: "Open concerns and their summed priority at the end of each " + periods.unit, Head: []Column{
		{Title: periods.heading}, {Title: "Open concerns", Num: true}, {Title: "Summed priority", Num: true}, {Title: "Meetings"},
	}}
	byPeriod := map[int][]*model.Meeting{}
	for _, p := range held {
		byPeriod[p.period] = p.meetings
	}
	for i, label := range labels {
		c.Table.Rows = append(c.Table.Rows, []Cell{{Text: label}, {Text: strconv.Itoa(open[i]), Num: true}, {Text: formatSum(priority[i]), Num: true}, b.meetingsCell(byPeriod[i])})
	}
	return c
}

// fewMarks is how many periods with meetings a trend marks with full-size
// triangles.
const fewMarks = 24

// meetingsShown is how many meetings of one period a trend's table names;
// the meetings page lists them all.
const meetingsShown = 3

// meetingsCell names the meetings of a period, the first few of them: a
// link when there is one.
func (b *Builder) meetingsCell(ms []*model.Meeting) Cell {
	if len(ms) == 1 {
		return Cell{Text: ms[0].Title, Link: b.link(ms[0])}
	}
	var titles []string
	for _, m := range ms[:min(len(ms), meetingsShown)] {
		titles = append(titles, m.Title)
	}
	text := strings.Join(titles, "; ")
	if more := len(ms) - len(titles); more > 0 {
		text += fmt.Sprintf("; and %d more", more)
	}
	return Cell{Text: text}
}

// periodMeetings are the meetings held in one period, oldest first.
type periodMeetings struct {
	period   int
	meetings []*model.Meeting
}

// heldIn groups the marked meetings, oldest first, by period.
func heldIn(marked []markedMeeting) []periodMeetings {
	var out []periodMeetings
	for _, m := range marked {
		if n := len(out); n > 0 && out[n-1].period == m.period {
			out[n-1].meetings = append(out[n-1].meetings, m.meeting)
			continue
		}
		out = append(out, periodMeetings{period: m.period, meetings: []*model.Meeting{m.meeting}})
	}
	return out
}

// span is a stretch of days over which a concern stood open in one way:
// from the end of the day from to the end of the day before to (zero: up
// to now).
type span struct {
	from, to time.Time
	priority float64 // 0 when it was not scored
}

// openSpans returns the spans over which each concern stood open, and the
// team's when team is not nil. A concern's states follow its commits, whose
// days need not follow each other: as on a meeting's page, a state counts
// from its day until the day of a later state that is no later.
func openSpans(concerns []*model.Concern, team *model.Team) []span {
	var out []span
	for _, c := range concerns {
		var until time.Time
		for i := len(c.States) - 1; i >= 0; i-- {
			s := &c.States[i]
			if until.IsZero() || s.Date.Before(until) {
				if s.Open && (team == nil || s.Team == team) {
					sp := span{from: s.Date, to: until}
					if s.Scored {
						sp.priority = s.Priority
					}
					out = append(out, sp)
				}
				until = s.Date
			}
		}
	}
	return out
}

// periods are the ends of the days, weeks or months a trend is drawn over.
type periods struct {
	start   time.Time // the first day drawn
	ends    []time.Time
	layout  string // how an end is written
	unit    string // "day", "week" or "month"
	heading string // the table's first column
	cut     bool   // earlier periods were left out
}

// Periods of a trend: days over three months at most, weeks over three
// years at most, else months, the last maxMonths of them.
const (
	maxDays  = 92
	maxWeeks = 157
)

// periodsOf returns the periods from the first day a span starts to today;
// the last period ends today.
func periodsOf(spans []span, today time.Time) periods {
	if len(spans) == 0 {
		return periods{}
	}
	first := slices.MinFunc(spans, func(a, b span) int { return a.from.Compare(b.from) }).from
	if first.After(today) {
		return periods{}
	}
	days := int(today.Sub(first).Hours()/24) + 1
	p := periods{start: first}
	switch {
	case days <= maxDays:
		p.layout, p.unit, p.heading = "2 Jan 2006", "day", "Day"
		for d := first; d.Before(today); d = d.AddDate(0, 0, 1) {
			p.ends = append(p.ends, d)
		}
	case days <= 7*maxWeeks:
		p.layout, p.unit, p.heading = "2 Jan 2006", "week", "Week to"
		for d := first.AddDate(0, 0, 6); d.Before(today); d = d.AddDate(0, 0, 7) {
			p.ends = append(p.ends, d)
		}
	default:
		p.layout, p.unit, p.heading = "Jan 2006", "month", "Month"
		if earliest := monthOf(today).AddDate(0, 1-maxMonths, 0); first.Before(earliest) {
			p.start, p.cut = earliest, true
		}
		for m := monthOf(p.start); ; m = m.AddDate(0, 1, 0) {
			end := m.AddDate(0, 1, -1)
			if !end.Before(today) {
				break
			}
			p.ends = append(p.ends, end)
		}
	}
	p.ends = append(p.ends, today)
	return p
}

// totals counts the spans open at the end of each day in ends (ascending)
// and sums their priorities, in one sweep over the spans' starts and ends.
func totals(spans []span, ends []time.Time) ([]int, []float64) {
	type edge struct { // a span starting or ending
		day      time.Time
		open     int
		priority float64
	}
	edges := make([]edge, 0, 2*len(spans))
	for _, s := range spans {
		edges = append(edges, edge{s.from, 1, s.priority})
		if !s.to.IsZero() {
			edges = append(edges, edge{s.to, -1, -s.priority})
		}
	}
	slices.SortStableFunc(edges, func(a, b edge) int { return a.day.Compare(b.day) })
	open := make([]int, len(ends))
	priority := make([]float64, len(ends))
	n, sum, next := 0, 0.0, 0
	for i, end := range ends {
		for ; next < len(edges) && !edges[next].day.After(end); next++ {
			n += edges[next].open
			sum += edges[next].priority
		}
		open[i], priority[i] = n, max(sum, 0) // a sum of floats back to nothing may end a hair below it
	}
	return open, priority
}

// markedMeeting is a meeting on a trend, in the period it was held in.
type markedMeeting struct {
	meeting *model.Meeting
	period  int
}

// meetingsIn places each meeting held within the periods, oldest first.
func meetingsIn(meetings []*model.Meeting, p periods) []markedMeeting {
	var out []markedMeeting
	last := p.ends[len(p.ends)-1]
	for _, m := range slices.Backward(meetings) { // newest first
		if m.Date.IsZero() || m.Date.Before(p.start) || m.Date.After(last) {
			continue
		}
		i, _ := slices.BinarySearchFunc(p.ends, m.Date, func(end, day time.Time) int { return end.Compare(day) })
		out = append(out, markedMeeting{meeting: m, period: i})
	}
	return out
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }

func formatSum(f float64) string { return strconv.FormatFloat(round1(f), 'f', 1, 64) }
