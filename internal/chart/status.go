package chart

import (
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// StatusByTeam stacks each team's concerns by status, a bar per team.
func (b *Builder) StatusByTeam(teams []*model.Team, concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id("all", "status_by_team"),
		Title:     "Concerns by team and status",
		HowToRead: "Each bar is a team; its segments count the team's concerns at each status, so a long bar with little done is where work piles up.",
	}
	if len(concerns) == 0 || len(teams) == 0 {
		return c.nothingToDraw()
	}
	counts := make(map[*model.Team]map[string]int, len(teams))
	for _, t := range teams {
		counts[t] = map[string]int{}
	}
	for _, con := range concerns {
		if counts[con.Team] != nil {
			counts[con.Team][con.Status]++
		}
	}
	names := make([]string, len(teams))
	var parts []string
	for i, t := range teams {
		names[i] = t.Title
		parts = append(parts, fmt.Sprintf("%s %d", t.Title, len(t.Concerns)))
	}
	c.Description = fmt.Sprintf("Stacked bar chart of %s across %s by status. Concerns per team: %s.", model.Plural(len(concerns), "concern"), model.Plural(len(teams), "team"), strings.Join(parts, ", "))
	bar := newBars(c, names)
	var links []string
	for _, t := range teams {
		links = append(links, b.link(t))
	}
	head := []Column{{Title: "Team"}}
	for _, st := range b.statuses {
		data := make([]opts.BarData, len(teams))
		for j, t := range teams {
			data[j] = opts.BarData{Value: counts[t][st]}
		}
		bar.AddSeries(model.StatusLabel(st), data, charts.WithBarChartOpts(opts.BarChart{Stack: "status"}))
		c.Spec.Links = append(c.Spec.Links, links)
		head = append(head, Column{Title: model.StatusLabel(st), Num: true})
		c.Legend = append(c.Legend, LegendItem{Label: model.StatusLabel(st), Look: b.statusLook(st)})
	}
	bar.Validate()
	c.Spec.Option = barOption(bar)
	for i, st := range b.statuses {
		series(c.Spec.Option, i)["itemStyle"] = itemStyle(b.statusLook(st))
	}

	c.Table = Table{Caption: "Concerns per team at each status", Head: head}
	for _, t := range teams {
		row := []Cell{{Text: t.Title, Link: b.link(t)}}
		for _, st := range b.statuses {
			row = append(row, Cell{Text: fmt.Sprint(counts[t][st]), Num: true})
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	c.Size = sizeFor(len(teams))
	return c
}

// StatusCounts draws one bar per status, for a team's page.
func (b *Builder) StatusCounts(scope string, concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id(scope, "status"),
		Title:     "Concerns by status",
		HowToRead: "How many of these concerns are at each status, from proposed to done.",
	}
	if len(concerns) == 0 {
		return c.nothingToDraw()
	}
	count := map[string]int{}
	for _, con := range concerns {
		count[con.Status]++
	}
	names := make([]string, len(b.statuses))
	data := make([]opts.BarData, len(b.statuses))
	c.Table = Table{Caption: "Concerns at each status", Head: []Column{{Title: "Status"}, {Title: "Concerns", Num: true}}}
	var parts []string
	for i, st := range b.statuses {
		names[i] = model.StatusLabel(st)
		data[i] = opts.BarData{Value: count[st]}
		c.Table.Rows = append(c.Table.Rows, []Cell{{Text: names[i]}, {Text: fmt.Sprint(count[st]), Num: true}})
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(names[i]), count[st]))
		}
	}
	c.Description = fmt.Sprintf("Bar chart of %s by status: %s.", model.Plural(len(concerns), "concern"), strings.Join(parts, ", "))
	bar := newBars(c, names)
	bar.AddSeries("Concerns", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right"}))
	bar.Validate()
	c.Spec.Option = barOption(bar)
	for i, item := range seriesData(c.Spec.Option, 0) {
		item.(map[string]any)["itemStyle"] = itemStyle(b.statusLook(b.statuses[i]))
	}
	c.Size = sizeFor(len(b.statuses))
	return c
}

// newBars starts a chart of horizontal bars, one per category, top down,
// with the options every bar chart shares. Horizontal bars leave room for
// long names on a phone.
func newBars(c *Chart, categories []string) *charts.Bar {
	bar := charts.NewBar()
	bar.SetXAxis(categories)
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "24", Top: "8", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis", AxisPointer: &opts.AxisPointer{Type: "shadow"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	bar.XYReversal()
	return bar
}

// barOption is the options of a chart started with newBars: categories down
// the side, the first on top, each name cut to a width so that a long one
// cannot squeeze the bars away; counts across, in whole numbers.
func barOption(bar *charts.Bar) map[string]any {
	option := optionOf(bar)
	y := axis(option, "yAxis")
	y["type"] = "category"
	y["inverse"] = true
	y["axisLabel"] = map[string]any{"width": 130, "overflow": "truncate"}
	x := axis(option, "xAxis")
	x["type"] = "value"
	x["minInterval"] = 1
	for _, s := range option["series"].([]any) {
		s.(map[string]any)["barMaxWidth"] = 40
	}
	return option
}

// sizeFor says how tall a chart of n bars is drawn: "xs" to "l", a
// height the stylesheet sets before the chart loads.
func sizeFor(n int) string {
	switch {
	case n <= 2:
		return "xs"
	case n <= 6:
		return "s"
	case n <= 14:
		return "m"
	}
	return "l"
}
