package chart

import (
	"fmt"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// teamTotal is the value and effort a team has put before the council,
// summed over its open concerns.
type teamTotal struct {
	Team          *model.Team
	Open          int
	Value, Effort float64
}

// teamTotals sums the scores of each team's open concerns.
func (b *Builder) teamTotals(teams []*model.Team) []teamTotal {
	out := make([]teamTotal, len(teams))
	for i, t := range teams {
		out[i].Team = t
		for _, c := range t.Concerns {
			if !b.isOpen(c.Status) {
				continue
			}
			out[i].Open++
			out[i].Value += c.Value.Score
			out[i].Effort += c.Effort.Score
		}
	}
	return out
}

// TeamTotals compares, per team, the value its open concerns promise with
// the effort they ask.
func (b *Builder) TeamTotals(teams []*model.Team) *Chart {
	c := &Chart{
		ID:        id("all", "team_totals"),
		Title:     "Value and effort per team",
		HowToRead: "For each team, the value of its open concerns added up beside the effort they would take, on the scoring scale; a value bar well above its effort bar means cheap wins.",
	}
	totals := b.teamTotals(teams)
	open := 0
	for _, t := range totals {
		open += t.Open
	}
	if open == 0 {
		c.Note = "No open concerns to draw."
		return c.nothingToDraw()
	}
	names := make([]string, len(totals))
	values := make([]opts.BarData, len(totals))
	efforts := make([]opts.BarData, len(totals))
	c.Table = Table{Caption: "Total value and effort of each team's open concerns", Head: []Column{{Title: "Team"}, {Title: "Open concerns", Num: true}, {Title: "Total value", Num: true}, {Title: "Total effort", Num: true}}}
	best := totals[0]
	for i, t := range totals {
		names[i] = t.Team.Title
		values[i] = opts.BarData{Value: t.Value}
		efforts[i] = opts.BarData{Value: t.Effort}
		if t.Value-t.Effort > best.Value-best.Effort {
			best = t
		}
		c.Table.Rows = append(c.Table.Rows, []Cell{
			{Text: t.Team.Title, Link: b.link(t.Team)},
			{Text: strconv.Itoa(t.Open), Num: true},
			{Text: oneDecimal(t.Value), Num: true},
			{Text: oneDecimal(t.Effort), Num: true},
		})
	}
	c.Description = fmt.Sprintf("Grouped bar chart of the total value and total effort of each team's open concerns, %s in all. %s has the most value for its effort: %s value against %s effort.",
		model.Plural(open, "open concern"), best.Team.Title, oneDecimal(best.Value), oneDecimal(best.Effort))
	bar := newBar(c, names, "Sum of scores")
	bar.AddSeries("Value", values, charts.WithItemStyleOpts(opts.ItemStyle{Color: okabeIto[2]}))
	bar.AddSeries("Effort", efforts, charts.WithItemStyleOpts(opts.ItemStyle{Color: okabeIto[5]}))
	bar.Validate()
	c.Spec.Option = bar.JSON()
	links := make([]string, len(totals))
	for i, t := range totals {
		links[i] = b.link(t.Team)
	}
	c.Spec.Links = [][]string{links, links}
	return c
}

func oneDecimal(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
