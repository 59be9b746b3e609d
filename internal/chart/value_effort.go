package chart

import (
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// maxBubbles is the most concerns drawn one bubble each; past it, concerns
// that share a cell of the grid are drawn as one bubble sized by their count.
const maxBubbles = 150

// ValueEffort draws the value × effort square: effort across, value up, a
// bubble per concern sized by its risk and coloured by its team.
func (b *Builder) ValueEffort(scope string, concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id(scope, "value_effort"),
		Title:     "Value and effort",
		HowToRead: "Each bubble is a concern: further up is more valuable, further right takes more effort, and a bigger bubble carries more risk. Quick wins sit top left.",
	}
	if len(concerns) == 0 {
		return c.nothingToDraw()
	}
	counts := [4][]*model.Concern{}
	for _, con := range concerns {
		q := QuadrantOf(b.scale, con)
		counts[q] = append(counts[q], con)
	}
	c.Description = fmt.Sprintf("Bubble chart of %s by effort (across) and value (up). %s", model.Plural(len(concerns), "concern"), quadrantSummary(counts))

	scatter := charts.NewScatter()
	lo, hi := b.scale.Min()-0.5, b.scale.Max()+0.5
	scatter.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		charts.WithGridOpts(opts.Grid{Left: "8%", Right: "4%", Top: "12%", Bottom: "14%", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(scoreAxisX("Effort", lo, hi)),
		charts.WithYAxisOpts(scoreAxisY("Value", lo, hi)),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Top: "0"}),
	)
	if len(concerns) > maxBubbles {
		b.aggregatedBubbles(c, scatter, concerns)
	} else {
		b.concernBubbles(c, scatter, concerns)
		c.Table = b.quadrantTable(concerns)
	}
	scatter.Validate()
	c.Spec.Option = scatter.JSON()
	c.Spec.Levels = levelNames(b.steps)
	return c
}

// concernBubbles draws one bubble per concern, a series per team.
func (b *Builder) concernBubbles(c *Chart, scatter *charts.Scatter, concerns []*model.Concern) {
	byTeam := map[*model.Team][]*model.Concern{}
	for _, con := range concerns {
		byTeam[con.Team] = append(byTeam[con.Team], con)
	}
	first := true
	for _, t := range b.teamsOf(byTeam) {
		var data []opts.ScatterData
		var links []string
		var tips [][]string
		for _, con := range byTeam[t] {
			dx, dy := b.jitterWithin(con)
			data = append(data, opts.ScatterData{
				Name:       con.Title,
				Value:      []float64{round2(con.Effort.Score + dx), round2(con.Value.Score + dy)},
				SymbolSize: b.riskSize(con.Risk),
			})
			links = append(links, b.link(con))
			tips = append(tips, concernTip(con))
		}
		var series []charts.SeriesOpts
		series = append(series, charts.WithItemStyleOpts(opts.ItemStyle{Color: b.teamColour(t), Opacity: opts.Float(0.85)}))
		if first {
			series = append(series, quadrantAreas(b.scale)...)
			first = false
		}
		scatter.AddSeries(t.Name(), data, series...)
		c.Spec.Links = append(c.Spec.Links, links)
		c.Spec.Tips = append(c.Spec.Tips, tips)
	}
}

// aggregatedBubbles draws one bubble per cell of the level grid, sized by the
// number of concerns in it, so that a large handbook stays readable.
func (b *Builder) aggregatedBubbles(c *Chart, scatter *charts.Scatter, concerns []*model.Concern) {
	type cell struct{ x, y int }
	cells := map[cell][]*model.Concern{}
	var order []cell
	for _, con := range concerns {
		k := cell{nearest(b.steps, con.Effort.Score), nearest(b.steps, con.Value.Score)}
		if cells[k] == nil {
			order = append(order, k)
		}
		cells[k] = append(cells[k], con)
	}
	most := 0
	for _, list := range cells {
		most = max(most, len(list))
	}
	var data []opts.ScatterData
	var tips [][]string
	var links []string
	for _, k := range order {
		list := cells[k]
		size := 10 + int(math.Round(40*math.Sqrt(float64(len(list))/float64(most))))
		data = append(data, opts.ScatterData{
			Name:       fmt.Sprintf("%d concerns", len(list)),
			Value:      []float64{b.steps[k.x].Score, b.steps[k.y].Score, float64(len(list))},
			SymbolSize: size,
		})
		tip := []string{model.Plural(len(list), "concern"), "Value " + b.steps[k.y].Label + ", effort " + b.steps[k.x].Label}
		for i, con := range list[:min(3, len(list))] {
			tip = append(tip, fmt.Sprintf("%d. %s", i+1, con.Title))
		}
		tips = append(tips, tip)
		links = append(links, "")
	}
	series := append([]charts.SeriesOpts{charts.WithItemStyleOpts(opts.ItemStyle{Color: okabeIto[0], Opacity: opts.Float(0.8)})}, quadrantAreas(b.scale)...)
	scatter.AddSeries("Concerns", data, series...)
	c.Spec.Links = [][]string{links}
	c.Spec.Tips = [][][]string{tips}
	c.Note = fmt.Sprintf("With %d concerns, each bubble stands for all the concerns at one level of value and effort, sized by how many there are; the table lists the bubbles.", len(concerns))
	c.Table = Table{
		Caption: "Concerns at each level of value and effort",
		Head:    []Column{{Title: "Value"}, {Title: "Effort"}, {Title: "Quadrant"}, {Title: "Concerns", Num: true}, {Title: "Most urgent"}},
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].y != order[j].y {
			return order[i].y > order[j].y // most valuable first
		}
		return order[i].x < order[j].x // then least effort
	})
	for _, k := range order {
		list := cells[k] // by priority, as concerns came
		c.Table.Rows = append(c.Table.Rows, []Cell{
			{Text: b.steps[k.y].Label},
			{Text: b.steps[k.x].Label},
			{Text: quadrantAt(b.scale, b.steps[k.y].Score, b.steps[k.x].Score).String()},
			{Text: strconv.Itoa(len(list)), Num: true},
			{Text: list[0].Title, Link: b.link(list[0])},
		})
	}
}

// quadrantAreas shades and names the four quadrants.
func quadrantAreas(s model.Scale) []charts.SeriesOpts {
	lo, hi, mid := s.Min()-0.5, s.Max()+0.5, (s.Min()+s.Max())/2
	area := func(q Quadrant, x0, x1, y0, y1 float64, pos string) opts.MarkAreaNameCoordItem {
		return opts.MarkAreaNameCoordItem{
			Name:        q.String(),
			Coordinate0: []any{x0, y1},
			Coordinate1: []any{x1, y0},
			Label:       &opts.Label{Show: opts.Bool(true), Position: pos, FontWeight: "bold"},
		}
	}
	return []charts.SeriesOpts{
		charts.WithMarkAreaNameCoordItemOpts(
			area(QuickWins, lo, mid, mid, hi, "insideTopLeft"),
			area(MajorProjects, mid, hi, mid, hi, "insideTopRight"),
			area(FillIns, lo, mid, lo, mid, "insideBottomLeft"),
			area(ThanklessTasks, mid, hi, lo, mid, "insideBottomRight"),
		),
		charts.WithMarkAreaStyleOpts(opts.MarkAreaStyle{ItemStyle: &opts.ItemStyle{Color: "rgba(128,128,128,0.06)", BorderColor: "rgba(128,128,128,0.6)", BorderWidth: 1}}),
	}
}

func quadrantSummary(counts [4][]*model.Concern) string {
	var parts []string
	for q, list := range counts {
		s := fmt.Sprintf("%s: %d", Quadrant(q), len(list))
		if len(list) > 0 && len(list) <= 3 {
			titles := make([]string, len(list))
			for i, c := range list {
				titles[i] = c.Title
			}
			s += " (" + strings.Join(titles, "; ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ". ") + "."
}

// quadrantTable lists the concerns with the quadrant each falls in.
func (b *Builder) quadrantTable(concerns []*model.Concern) Table {
	t := Table{
		Caption: "Concerns by value, effort and quadrant, by priority",
		Head:    []Column{{Title: "Concern"}, {Title: "Team"}, {Title: "Value"}, {Title: "Effort"}, {Title: "Risk"}, {Title: "Quadrant"}},
	}
	for _, con := range concerns {
		if len(t.Rows) == maxTableRows {
			t.More = len(concerns) - maxTableRows
			break
		}
		t.Rows = append(t.Rows, []Cell{
			{Text: con.Title, Link: b.link(con)},
			{Text: con.Team.Name()},
			{Text: con.Value.Text},
			{Text: con.Effort.Text},
			{Text: levelText(con.Risk)},
			{Text: QuadrantOf(b.scale, con).String()},
		})
	}
	return t
}

// riskSize gives riskier concerns bigger bubbles; a risk without a level
// takes the middle size.
func (b *Builder) riskSize(risk model.Level) int {
	n := model.Assumed
	if risk.Scored {
		n = b.scale.Normalize(risk.Score)
	}
	return 12 + int(math.Round(n*18))
}

func concernTip(c *model.Concern) []string {
	tip := []string{c.Title, c.Team.Name(), "Value: " + c.Value.String(), "Effort: " + c.Effort.String()}
	if !c.Risk.IsZero() {
		tip = append(tip, "Risk: "+c.Risk.String())
	}
	return append(tip, fmt.Sprintf("Priority %.1f", c.Priority.Score))
}

// jitterWithin spreads a concern's bubble but keeps it on the side of each
// quadrant line that QuadrantOf counts it on.
func (b *Builder) jitterWithin(c *model.Concern) (dx, dy float64) {
	dx, dy = jitter(c.Slug)
	mid := (b.scale.Min() + b.scale.Max()) / 2
	if (c.Effort.Score >= mid) != (c.Effort.Score+dx >= mid) {
		dx = -dx
	}
	if (c.Value.Score >= mid) != (c.Value.Score+dy >= mid) {
		dy = -dy
	}
	return dx, dy
}

// jitter spreads concerns that share the same levels so that each stays
// visible, by the same amount on every build.
func jitter(slug string) (dx, dy float64) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(slug))
	v := h.Sum32()
	return spread(v & 0xffff), spread(v >> 16)
}

func spread(v uint32) float64 { return (float64(v)/0xffff - 0.5) * 0.36 }

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func scoreAxisX(name string, lo, hi float64) opts.XAxis {
	return opts.XAxis{Type: "value", Name: name + " →", NameLocation: "middle", NameGap: 30, Min: lo, Max: hi, MinInterval: 0.5, MaxInterval: 0.5, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
}

func scoreAxisY(name string, lo, hi float64) opts.YAxis {
	return opts.YAxis{Type: "value", Name: name + " →", NameLocation: "middle", NameGap: 80, Min: lo, Max: hi, MinInterval: 0.5, MaxInterval: 0.5, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
}

func levelText(l model.Level) string {
	switch {
	case l.Scored:
		return l.Text
	case l.IsZero():
		return "—"
	}
	return "not scored"
}
