package chart

import (
	"fmt"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// answers are the answers to "can we see it in our data today?", in the
// order the chart stacks them.
var answers = []struct {
	value model.Observability
	label string
}{
	{model.ObservableYes, "Yes"},
	{model.ObservablePartly, "Partly"},
	{model.ObservableNo, "No"},
	{model.ObservableUnknown, "Not known"},
}

// Observability stacks each team's concerns by whether we can see them in
// our data today: the council's first question of every concern.
func (b *Builder) Observability(scope string, teams []*model.Team, concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id(scope, "observability"),
		Title:     "Can we see it in our data today?",
		HowToRead: "Each bar is a team; its segments count the team's concerns we can see in our data today, partly, not at all, or not yet known. The less green, the bigger the blind spot.",
	}
	if len(concerns) == 0 || len(teams) == 0 {
		return c.nothingToDraw()
	}
	counts := make(map[*model.Team]map[model.Observability]int, len(teams))
	for _, t := range teams {
		counts[t] = map[model.Observability]int{}
	}
	total := map[model.Observability]int{}
	for _, con := range concerns {
		if counts[con.Team] != nil {
			counts[con.Team][con.Observable]++
			total[con.Observable]++
		}
	}
	names := make([]string, len(teams))
	links := make([]string, len(teams))
	for i, t := range teams {
		names[i] = t.Title
		links[i] = b.link(t)
	}
	var parts []string
	head := []Column{{Title: "Team"}}
	for _, a := range answers {
		parts = append(parts, fmt.Sprintf("%s %d", strings.ToLower(a.label), total[a.value]))
		head = append(head, Column{Title: a.label, Num: true})
	}
	c.Description = fmt.Sprintf("Stacked bar chart of %s by whether we can see them in our data today: %s.", model.Plural(len(concerns), "concern"), strings.Join(parts, ", "))
	bar := newBars(c, names)
	for _, a := range answers {
		data := make([]opts.BarData, len(teams))
		for j, t := range teams {
			data[j] = opts.BarData{Value: counts[t][a.value]}
		}
		bar.AddSeries(a.label, data, charts.WithBarChartOpts(opts.BarChart{Stack: "answer"}))
		c.Spec.Links = append(c.Spec.Links, links)
		c.Legend = append(c.Legend, LegendItem{Label: a.label, Look: observabilityLooks[a.value]})
	}
	bar.Validate()
	c.Spec.Option = barOption(bar)
	for i, a := range answers {
		series(c.Spec.Option, i)["itemStyle"] = itemStyle(observabilityLooks[a.value])
	}
	c.Table = Table{Caption: "Concerns per team by whether we can see them in our data today", Head: head}
	for _, t := range teams {
		row := []Cell{{Text: t.Title, Link: b.link(t)}}
		for _, a := range answers {
			row = append(row, Cell{Text: fmt.Sprint(counts[t][a.value]), Num: true})
		}
		c.Table.Rows = append(c.Table.Rows, row)
	}
	c.Size = sizeFor(len(teams))
	return c
}
