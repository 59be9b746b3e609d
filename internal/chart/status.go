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
	for i, t := range teams {
		names[i] = t.Title
	}
	var parts []string
	for _, t := range teams {
		parts = append(parts, fmt.Sprintf("%s %d", t.Title, len(t.Concerns)))
	}
	c.Description = fmt.Sprintf("Stacked bar chart of %s across %s by status. Concerns per team: %s.", model.Plural(len(concerns), "concern"), model.Plural(len(teams), "team"), strings.Join(parts, ", "))
	bar := newBar(c, names, "Concerns")
	var links []string
	for _, t := range teams {
		links = append(links, b.link(t))
	}
	head := []Column{{Title: "Team"}}
	for i, st := range b.statuses {
		data := make([]opts.BarData, len(teams))
		for j, t := range teams {
			data[j] = opts.BarData{Value: counts[t][st]}
		}
		bar.AddSeries(model.StatusLabel(st), data, charts.WithBarChartOpts(opts.BarChart{Stack: "status"}), charts.WithItemStyleOpts(opts.ItemStyle{Color: colourOf(st, i)}))
		c.Spec.Links = append(c.Spec.Links, links)
		head = append(head, Column{Title: model.StatusLabel(st), Num: true})
	}
	bar.Validate()
	c.Spec.Option = bar.JSON()

	c.Table = Table{Caption: "Concerns per team at each status", Head: head}
	for _, t := range teams {
		row := []Cell{{Text: t.Title, Link: b.link(t)}}
		for _, st := range b.statuses {
			row = append(row, Cell{Text: fmt.Sprint(counts[t][st]), Num: true})
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
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
		data[i] = opts.BarData{Value: count[st], ItemStyle: &opts.ItemStyle{Color: colourOf(st, i)}}
		c.Table.Rows = append(c.Table.Rows, []Cell{{Text: names[i]}, {Text: fmt.Sprint(count[st]), Num: true}})
		if count[st] > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(names[i]), count[st]))
		}
	}
	c.Description = fmt.Sprintf("Bar chart of %s by status: %s.", model.Plural(len(concerns), "concern"), strings.Join(parts, ", "))
	bar := newBar(c, names, "Concerns")
	bar.SetGlobalOptions(charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}))
	bar.AddSeries("Concerns", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}))
	bar.Validate()
	c.Spec.Option = bar.JSON()
	return c
}

// newBar starts a bar chart with the options every bar chart shares.
func newBar(c *Chart, categories []string, yName string) *charts.Bar {
	bar := charts.NewBar()
	bar.SetXAxis(categories)
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		charts.WithGridOpts(opts.Grid{Left: "4%", Right: "4%", Top: "14%", Bottom: "4%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Rotate: rotation(len(categories))}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: yName, MinInterval: 1}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
	)
	return bar
}

// rotation tilts category labels when there are many of them.
func rotation(n int) float64 {
	if n > 6 {
		return 40
	}
	return 0
}
