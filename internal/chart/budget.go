package chart

import (
	"fmt"
	"math"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// Verdict is what an error budget makes of one risk, with the look the
// budget chart draws it in and the tables beside it show.
type Verdict struct {
	Label string
	Look  model.Look
}

// The verdicts of an error budget on a risk.
var (
	VerdictFits    = Verdict{Label: "Fits", Look: look("green", "solid")}
	VerdictOver    = Verdict{Label: "Does not fit", Look: look("orange", "slash")}
	VerdictMustFix = Verdict{Label: "Must fix", Look: look("vermilion", "dots")}
)

// VerdictOf returns what its budget makes of a risk: a risk above the cap
// must be fixed; of the others, those whose running total is within the
// budget fit.
func VerdictOf(a *model.Allocation) Verdict {
	switch {
	case a.MustFix:
		return VerdictMustFix
	case a.Fits:
		return VerdictFits
	}
	return VerdictOver
}

// The looks of the parts of the budget bar that are no single risk.
var (
	unallocatedLook = look("grey", "vertical")
	othersLook      = look("charcoal", "solid")
	foldedLook      = look("green", "grid")
)

// Lines that mark the budget and the cap, in tones that show on the
// chart's light and dark backgrounds alike.
const (
	budgetLineColour = "#7a848a"
	capLineColour    = "#D55E00"
)

// maxBudgetBars is the most risks a budget chart draws a bar each; the
// smaller ones are in its table.
const maxBudgetBars = 30

// maxBudgetSegments is the most risks the budget bar shows one segment
// each; the smallest are drawn as one.
const maxBudgetSegments = 12

// segment is one part of the budget bar: a risk that fits, several of
// them, or what is left.
type segment struct {
	name    string
	minutes float64
	look    model.Look
	link    string // the risk's page, for a segment of one risk
	tip     []string
	// listed is set for the parts that are no risk of the chart's own, the
	// other teams' and the unallocated rest: its table has a row for each.
	listed bool
}

// Budget draws an error budget: a bar per estimated risk of its expected
// bad minutes a year, with the cap a single risk may take marked; and on
// top the budget itself, filled with the risks that fit, smallest first,
// and the rest left unallocated, up to the budget line. With a team, it
// draws that team's share of a budget it shares with others: only its own
// risks have bars, and the other teams' risks that fit are one segment of
// the budget bar.
func (b *Builder) Budget(scope string, bud *model.Budget, team *model.Team) *Chart {
	c := &Chart{
		ID:        id(scope, "budget"),
		Title:     "Bad minutes against the error budget (SLO " + bud.SLO.Text + ")",
		HowToRead: "Each bar below the first is an estimated risk's expected bad minutes a year; a risk longer than the dashed cap line must be fixed. The first bar is the year's error budget: the risks that fit, smallest first, then what is left unallocated, up to the solid budget line.",
	}
	risks := bud.Allocations
	if bud.Team != nil {
		c.Title = "Bad minutes against the error budget of " + bud.Team.Title + " (SLO " + bud.SLO.Text + ")"
	}
	if team != nil {
		c.Title = "Risks of " + team.Title + " against the shared error budget (SLO " + bud.SLO.Text + ")"
		risks = nil
		for _, a := range bud.Allocations {
			if a.Concern.Team == team {
				risks = append(risks, a)
			}
		}
	}
	switch {
	case len(risks) == 0 && team != nil:
		c.Note = fmt.Sprintf("No concern of %s is estimated yet: give one ettd, ettr, impact and frequency to set it against the budget.", team.Title)
		return c.nothingToDraw()
	case len(risks) == 0:
		c.Note = "No concern set against this budget is estimated yet: give one ettd, ettr, impact and frequency to set it against the budget."
		return c.nothingToDraw()
	}
	drawn := risks[:min(len(risks), maxBudgetBars)]
	if more := len(risks) - len(drawn); more > 0 {
		c.Note = fmt.Sprintf("The %s with the fewest bad minutes %s in the table, not drawn.", model.Plural(more, "smaller risk"), isAre(more))
	}
	minutes := model.FormatColumn(allocationMinutes(drawn), 2)
	segments := b.budgetSegments(bud, team)

	names := append([]string{"Error budget"}, make([]string, len(drawn))...)
	for i, a := range drawn {
		names[i+1] = a.Concern.Title
	}
	c.Description = budgetDescription(bud, team, drawn, minutes)
	bar := newBars(c, names)
	empty := func() []opts.BarData {
		data := make([]opts.BarData, len(names))
		for i := range data {
			data[i] = opts.BarData{Value: "-"}
		}
		return data
	}
	stacked := charts.WithBarChartOpts(opts.BarChart{Stack: "budget"})
	for _, s := range segments {
		data := empty()
		data[0] = opts.BarData{Value: round2(s.minutes)}
		bar.AddSeries(s.name, data, stacked)
		links, tips := make([]string, len(names)), make([][]string, len(names))
		links[0], tips[0] = s.link, s.tip
		c.Spec.Links = append(c.Spec.Links, links)
		c.Spec.Tips = append(c.Spec.Tips, tips)
	}
	data := empty()
	links, tips := make([]string, len(names)), make([][]string, len(names))
	for i, a := range drawn {
		data[i+1] = opts.BarData{Value: round2(a.Minutes)}
		links[i+1] = b.link(a.Concern)
		tips[i+1] = riskTip(a, minutes[i])
	}
	bar.AddSeries("Bad minutes a year", data, stacked)
	c.Spec.Links = append(c.Spec.Links, links)
	c.Spec.Tips = append(c.Spec.Tips, tips)
	bar.Validate()

	c.Spec.Option = barOption(bar)
	option := c.Spec.Option
	option["tooltip"] = map[string]any{"show": true, "trigger": "item"}
	x := axis(option, "xAxis")
	delete(x, "minInterval")
	x["name"] = "Bad minutes a year"
	x["nameLocation"] = "middle"
	x["axisLabel"] = map[string]any{"hideOverlap": true}
	x["max"] = niceCeil(1.12 * max(bud.Minutes, drawn[0].Minutes))
	// Room above the plot for the names of the lines.
	option["grid"].([]any)[0].(map[string]any)["top"] = "48"
	for i, s := range segments {
		series(option, i)["itemStyle"] = withBorder(itemStyle(s.look))
	}
	last := series(option, len(segments))
	for i, a := range drawn {
		item := seriesData(option, len(segments))[i+1].(map[string]any)
		item["itemStyle"] = itemStyle(VerdictOf(a).Look)
		// On the chart's ground, so that the cap line, which may pass
		// through a label on a narrow screen, goes behind its words.
		item["label"] = map[string]any{"show": true, "position": "right", "formatter": minutes[i] + " (" + model.FormatNumber(model.ShareOf(a.Minutes, bud.Minutes)) + "%)",
			"ground": true, "padding": []int{2, 3}}
	}
	last["markLine"] = budgetLines(bud)
	// The risks' bars and their labels over the lines (ECharts draws lines
	// at 5, series at 2): a line that crossed a label would strike its
	// words through.
	last["z"] = 6

	present := map[Verdict]bool{}
	for _, a := range drawn {
		present[VerdictOf(a)] = true
	}
	for _, v := range []Verdict{VerdictFits, VerdictOver, VerdictMustFix} {
		if present[v] {
			c.Legend = append(c.Legend, LegendItem{Label: v.Label, Look: v.Look})
		}
	}
	for _, s := range segments {
		if s.link == "" {
			c.Legend = append(c.Legend, LegendItem{Label: s.name, Look: s.look})
		}
	}
	c.Table = budgetTable(bud, risks, segments, b.link)
	// The names of the lines above the plot and of the axis below it take
	// the room of three bars.
	c.Size = sizeFor(len(names) + 3)
	return c
}

// budgetSegments fills the budget bar: the risks that fit, smallest first,
// the smallest of many as one segment, and the unallocated rest. With a
// team, the other teams' risks that fit come first, as one segment.
func (b *Builder) budgetSegments(bud *model.Budget, team *model.Team) []segment {
	var fits []*model.Allocation
	others := 0.0
	for i := len(bud.Allocations) - 1; i >= 0; i-- {
		a := bud.Allocations[i]
		switch {
		case !a.Fits:
		case team != nil && a.Concern.Team != team:
			others += a.Minutes
		default:
			fits = append(fits, a)
		}
	}
	var out []segment
	if others > 0 {
		out = append(out, segment{name: "Other teams' risks that fit", minutes: others, look: othersLook, listed: true,
			tip: []string{"Other teams' risks that fit", model.FormatNumber(others) + " bad minutes a year"}})
	}
	if n := len(fits) - maxBudgetSegments + 1; n > 1 {
		folded := 0.0
		for _, a := range fits[:n] {
			folded += a.Minutes
		}
		name := fmt.Sprintf("%d smaller risks that fit", n)
		out = append(out, segment{name: name, minutes: folded, look: foldedLook,
			tip: []string{name, model.FormatNumber(folded) + " bad minutes a year together"}})
		fits = fits[n:]
	}
	for _, a := range fits {
		out = append(out, segment{name: a.Concern.Title, minutes: a.Minutes, look: VerdictFits.Look, link: b.link(a.Concern),
			tip: []string{a.Concern.Title, model.FormatNumber(a.Minutes) + " bad minutes a year, " + model.FormatNumber(model.ShareOf(a.Minutes, bud.Minutes)) + "% of the budget: fits"}})
	}
	if bud.Unallocated > 0 {
		out = append(out, segment{name: "Unallocated", minutes: bud.Unallocated, look: unallocatedLook, listed: true,
			tip: []string{"Unallocated", fmt.Sprintf("%s of the %s bad minutes a year are left for the risks nobody has thought of", model.FormatNumber(bud.Unallocated), model.FormatNumber(bud.Minutes))}})
	}
	return out
}

// budgetLines marks the budget and the cap across the chart, each named
// with its minutes; the cap's name sits above the budget's, so that the two
// never overlap however close they are.
func budgetLines(bud *model.Budget) map[string]any {
	line := func(name string, at float64, colour, kind string, distance int) map[string]any {
		return map[string]any{
			"name": name, "xAxis": round2(at),
			"lineStyle": map[string]any{"color": colour, "type": kind, "width": 2},
			// The axis of risks runs downwards, so a line starts at the top.
			"label": map[string]any{"show": true, "position": "start", "distance": distance, "color": colour, "formatter": name + " " + model.FormatNumber(at)},
		}
	}
	return map[string]any{
		"silent": true, "symbol": "none", "animation": false,
		"data": []any{
			line("Budget", bud.Minutes, budgetLineColour, "solid", 4),
			line("Cap", bud.Cap, capLineColour, "dashed", 22),
		},
	}
}

// budgetDescription says what a budget chart shows, for screen readers.
func budgetDescription(bud *model.Budget, team *model.Team, drawn []*model.Allocation, minutes []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Bar chart of %s against a yearly error budget of %s bad minutes (SLO %s), capped at %s for a single risk", model.Plural(len(drawn), "estimated risk"), model.FormatNumber(bud.Minutes), bud.SLO.Text, model.FormatNumber(bud.Cap))
	if team != nil {
		fmt.Fprintf(&b, ", those of %s among those of other teams", team.Title)
	}
	b.WriteString(": ")
	for i, a := range drawn {
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s %s, %s", a.Concern.Title, minutes[i], strings.ToLower(VerdictOf(a).Label))
	}
	fmt.Fprintf(&b, ". The risks that fit take %s, leaving %s unallocated.", model.FormatNumber(bud.Accepted), model.FormatNumber(bud.Unallocated))
	if bud.Over > 0 {
		fmt.Fprintf(&b, " All the risks together take %s, %s more than the budget.", model.FormatNumber(bud.Expected), model.FormatNumber(bud.Over))
	}
	return b.String()
}

// budgetTable lists a budget chart's data: each risk's bad minutes, share
// of the budget, running total and verdict, then the other segments of the
// budget bar.
func budgetTable(bud *model.Budget, risks []*model.Allocation, segments []segment, link func(any) string) Table {
	t := Table{
		Caption: fmt.Sprintf("Each risk against the error budget of %s bad minutes a year, capped at %s", model.FormatNumber(bud.Minutes), model.FormatNumber(bud.Cap)),
		Head:    []Column{{Title: "Risk"}, {Title: "Bad minutes a year", Num: true}, {Title: "Share of the budget", Num: true}, {Title: "Running total", Num: true}, {Title: "Verdict"}},
	}
	shown := risks[:min(len(risks), maxTableRows)]
	t.More = len(risks) - len(shown)
	var rest []segment
	for _, s := range segments {
		if s.listed {
			rest = append(rest, s)
		}
	}
	values := make([]float64, 0, len(shown)+len(rest))
	percents := make([]float64, 0, len(shown)+len(rest))
	running := make([]float64, len(shown))
	for i, a := range shown {
		values = append(values, a.Minutes)
		percents = append(percents, model.ShareOf(a.Minutes, bud.Minutes))
		running[i] = a.Cumulative
	}
	for _, s := range rest {
		values = append(values, s.minutes)
		percents = append(percents, model.ShareOf(s.minutes, bud.Minutes))
	}
	mins := model.FormatColumn(values, 2)
	pcts := model.FormatColumn(percents, 1)
	runs := model.FormatColumn(running, 2)
	for i, a := range shown {
		t.Rows = append(t.Rows, []Cell{
			{Text: a.Concern.Title, Link: link(a.Concern)},
			{Text: mins[i], Num: true},
			{Text: pcts[i] + "%", Num: true},
			{Text: runs[i], Num: true},
			{Text: VerdictOf(a).Label},
		})
	}
	for j, s := range rest {
		i := len(shown) + j
		t.Rows = append(t.Rows, []Cell{{Text: s.name}, {Text: mins[i], Num: true}, {Text: pcts[i] + "%", Num: true}, {Num: true}, {}})
	}
	return t
}

// riskTip is a risk bar's tooltip: the concern, its team, the arithmetic
// and the verdict.
func riskTip(a *model.Allocation, minutes string) []string {
	c := a.Concern
	verdict := VerdictOf(a).Label
	switch {
	case a.MustFix:
		verdict += ": above the cap of " + model.FormatNumber(a.Budget.Cap)
	case !a.Fits:
		verdict += ": the budget is spent by the smaller risks"
	}
	return []string{
		c.Title, c.Team.Name(),
		minutes + " bad minutes a year: " + c.Exposure.Working,
		model.FormatNumber(model.ShareOf(a.Minutes, a.Budget.Minutes)) + "% of the budget",
		verdict,
	}
}

func allocationMinutes(list []*model.Allocation) []float64 {
	out := make([]float64, len(list))
	for i, a := range list {
		out[i] = a.Minutes
	}
	return out
}

// withBorder outlines a segment of the budget bar, so that two risks in
// the same look are told apart.
func withBorder(style map[string]any) map[string]any {
	style["borderColor"] = "rgba(255,255,255,0.8)"
	style["borderWidth"] = 1
	return style
}

// niceCeil rounds an axis's end up to a whole number of a round step, a
// fifth of it or less: 578 becomes 600, 2891 becomes 3000.
func niceCeil(x float64) float64 {
	if x <= 0 {
		return 1
	}
	raw := x / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, f := range []float64{1, 2, 2.5, 5} {
		if f*mag >= raw {
			step = f * mag
			break
		}
	}
	return math.Ceil(x/step) * step
}
