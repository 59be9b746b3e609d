package chart

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// maxCellTitles is how many concerns a heat map cell names in its tooltip.
const maxCellTitles = 6

// heatCell is one cell of the risk heat map.
type heatCell struct {
	Value, Risk int // indexes into the axis steps
	Concerns    []*model.Concern
}

// heatCells counts the concerns on the grid of value (across) and risk (up).
// Concerns whose risk has no level cannot be placed and are counted apart.
func (b *Builder) heatCells(concerns []*model.Concern) (cells []heatCell, unplaced int) {
	index := map[[2]int]int{}
	for _, c := range concerns {
		if !c.Risk.Scored {
			unplaced++
			continue
		}
		k := [2]int{nearest(b.steps, c.Value.Score), nearest(b.steps, c.Risk.Score)}
		i, ok := index[k]
		if !ok {
			i = len(cells)
			index[k] = i
			cells = append(cells, heatCell{Value: k[0], Risk: k[1]})
		}
		cells[i].Concerns = append(cells[i].Concerns, c)
	}
	return cells, unplaced
}

// RiskHeatmap counts concerns on a grid of value and risk, as risk registers
// draw it: green to red, the count in each cell, the worst corner top right.
func (b *Builder) RiskHeatmap(scope string, concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id(scope, "risk_heatmap"),
		Title:     "Risk heat map",
		HowToRead: "Each cell counts the open concerns at one level of value (across) and risk (up). Cells run from green, low value and low risk, to red in the top right corner, high value and high risk, where attention goes first.",
	}
	cells, unplaced := b.heatCells(concerns)
	if unplaced > 0 {
		c.Note = fmt.Sprintf("%s without a risk level %s not shown.", model.Plural(unplaced, "concern"), isAre(unplaced))
	}
	if len(cells) == 0 {
		return c.nothingToDraw()
	}
	labels := make([]string, len(b.steps))
	for i, s := range b.steps {
		labels[i] = s.Label
	}
	var data []opts.HeatMapData
	var tips [][]string
	var links []string
	worst := cells[0]
	for _, cell := range cells {
		n := len(cell.Concerns)
		if cell.Value+cell.Risk > worst.Value+worst.Risk {
			worst = cell
		}
		data = append(data, opts.HeatMapData{Value: [4]any{cell.Value, cell.Risk, n, round2(b.severity(cell))}})
		tip := []string{fmt.Sprintf("Value %s, risk %s: %s", b.steps[cell.Value].Label, b.steps[cell.Risk].Label, model.Plural(n, "concern"))}
		for _, con := range cell.Concerns[:min(maxCellTitles, n)] {
			tip = append(tip, con.Title)
		}
		if n > maxCellTitles {
			tip = append(tip, fmt.Sprintf("and %d more", n-maxCellTitles))
		}
		tips = append(tips, tip)
		link := ""
		if n == 1 {
			link = b.link(cell.Concerns[0])
		}
		links = append(links, link)
	}
	placed := len(concerns) - unplaced
	c.Description = fmt.Sprintf("Heat map of %s by value (across) and risk (up), in %d cells. The highest-value, highest-risk cell filled is value %s and risk %s, with %s.",
		model.Plural(placed, "concern"), len(cells), b.steps[worst.Value].Label, b.steps[worst.Risk].Label, model.Plural(len(worst.Concerns), "concern"))

	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "16", Top: "28", Bottom: "30", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: labels, Name: "Value →", NameLocation: "middle", NameGap: 28, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels, Name: "Risk ↑", NameLocation: "end", NameGap: 10, SplitArea: &opts.SplitArea{Show: opts.Bool(true)}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		// Colour shows how bad a cell's corner is (dimension 3), as risk
		// registers do; the label shows its count (dimension 2).
		charts.WithVisualMapOpts(opts.VisualMap{
			Min: 0, Max: 1, Dimension: "3", Calculable: opts.Bool(false), Show: opts.Bool(false),
			InRange: &opts.VisualMapInRange{Color: []string{"#009E73", "#F0E442", "#E69F00", "#D55E00"}},
		}),
	)
	hm.AddSeries("Concerns", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), FontWeight: "bold", FontSize: 14, Color: "#000"}))
	hm.Validate()
	c.Spec.Option = optionOf(hm)
	c.Spec.Links = [][]string{links}
	c.Spec.Tips = [][][]string{tips}
	c.Table = b.heatTable(cells)
	return c
}

// severity places a cell between its grid's best corner (0: low value, low
// risk) and its worst (1: high value, high risk).
func (b *Builder) severity(cell heatCell) float64 {
	return float64(cell.Value+cell.Risk) / float64(2*(len(b.steps)-1))
}

// heatTable lists the filled cells, worst first, with the concerns in each.
func (b *Builder) heatTable(cells []heatCell) Table {
	sorted := append([]heatCell(nil), cells...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if a.Risk != b.Risk {
			return a.Risk > b.Risk
		}
		return a.Value > b.Value
	})
	t := Table{
		Caption: "Concerns in each cell, highest risk first",
		Head:    []Column{{Title: "Risk"}, {Title: "Value"}, {Title: "Concerns", Num: true}, {Title: "Which"}},
	}
	for _, cell := range sorted {
		names := make([]string, 0, maxCellTitles)
		for _, con := range cell.Concerns[:min(maxCellTitles, len(cell.Concerns))] {
			names = append(names, con.Title)
		}
		which := strings.Join(names, "; ")
		if n := len(cell.Concerns) - maxCellTitles; n > 0 {
			which += fmt.Sprintf("; and %d more", n)
		}
		t.Rows = append(t.Rows, []Cell{
			{Text: b.steps[cell.Risk].Label},
			{Text: b.steps[cell.Value].Label},
			{Text: fmt.Sprint(len(cell.Concerns)), Num: true},
			{Text: which},
		})
	}
	return t
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
