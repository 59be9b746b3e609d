package chart

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/reliability-council/handbook/internal/model"
)

// maxBubbles is the most concerns drawn one bubble each; past it, concerns
// that share a cell of the grid are drawn as one bubble sized by their count.
const maxBubbles = 150

// Bubbles is what the theme's script needs to name and reach the bubbles of
// a value × effort chart: per series and data item, the mark drawn inside
// the bubble (its rank) and the short title drawn beside it where there is
// room. Hidden lists the series drawn only once the reader asks for closed
// concerns.
type Bubbles struct {
	Marks  [][]string `json:"marks"`
	Titles [][]string `json:"titles"`
	Hidden []int      `json:"hidden,omitempty"`
}

// ValueEffort draws the value × effort square: effort across, value up, a
// bubble per open concern numbered by its rank, sized by its risk and
// coloured by its team; closed concerns are drawn on request.
func (b *Builder) ValueEffort(scope string, concerns []*model.Concern) *Chart {
	c := &Chart{
		ID:        id(scope, "value_effort"),
		Title:     "Value and effort",
		HowToRead: "Each bubble is an open concern, numbered by its rank: further up is more valuable, further right takes more effort, and a bigger bubble carries more risk. Quick wins sit top left.",
	}
	open, closed := b.byOpen(concerns)
	switch {
	case len(concerns) == 0:
		return c.nothingToDraw()
	case len(open) == 0:
		c.Note = fmt.Sprintf("No open concerns to draw: %s %s closed.", model.Plural(len(closed), "concern"), isAre(len(closed)))
		return c.nothingToDraw()
	}
	counts := [4][]*model.Concern{}
	for _, con := range open {
		q := QuadrantOf(b.scale, con)
		counts[q] = append(counts[q], con)
	}
	c.Description = fmt.Sprintf("Bubble chart of %s by effort (across) and value (up), each numbered by its rank. %s", model.Plural(len(open), "open concern"), quadrantSummary(counts))

	scatter := charts.NewScatter()
	lo, hi := b.scale.Min()-b.stepGap(), b.scale.Max()+b.stepGap()
	scatter.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: c.ID}),
		charts.WithAriaOpts(aria(c.Description)),
		charts.WithAnimation(false),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "12", Top: "28", Bottom: "30", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(scoreAxisX("Effort", lo, hi)),
		charts.WithYAxisOpts(scoreAxisY("Value", lo, hi)),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	if len(concerns) > maxBubbles {
		b.aggregatedBubbles(c, scatter, open)
		c.Note = fmt.Sprintf("With %d open concerns, each bubble stands for all the concerns at one level of value and effort, sized by how many there are; the table lists the bubbles.", len(open))
	} else {
		b.concernBubbles(c, scatter, open, closed)
		c.Table = b.quadrantTable(open, closed)
	}
	c.Spec.Levels = levelNames(b.steps)
	quadrantAreas(c.Spec.Option, b.scale, lo, hi)
	return c
}

// byOpen splits concerns into the open and the closed, each in the order
// they came.
func (b *Builder) byOpen(concerns []*model.Concern) (open, closed []*model.Concern) {
	for _, c := range concerns {
		if c.Open {
			open = append(open, c)
		} else {
			closed = append(closed, c)
		}
	}
	return open, closed
}

// concernBubbles draws one bubble per concern: a series per team for the
// open ones, and one for the closed ones, which starts hidden.
func (b *Builder) concernBubbles(c *Chart, scatter *charts.Scatter, open, closed []*model.Concern) {
	spots := b.spread(append(append([]*model.Concern(nil), open...), closed...))
	byTeam := map[*model.Team][]*model.Concern{}
	for _, con := range open {
		byTeam[con.Team] = append(byTeam[con.Team], con)
	}
	bubbles := &Bubbles{}
	type group struct {
		name     string
		look     model.Look
		concerns []*model.Concern
	}
	var groups []group
	for _, t := range b.teamsOf(byTeam) {
		groups = append(groups, group{t.Name(), b.teamLook(t), byTeam[t]})
		c.Legend = append(c.Legend, LegendItem{Label: t.Name(), Look: b.teamLook(t)})
	}
	if len(closed) > 0 {
		groups = append(groups, group{name: "Closed", concerns: closed})
		bubbles.Hidden = []int{len(groups) - 1}
	}
	for _, g := range groups {
		var data []opts.ScatterData
		var links, marks, titles []string
		var tips [][]string
		for _, con := range g.concerns {
			s := spots[con]
			data = append(data, opts.ScatterData{Name: con.Title, Value: []float64{s.Effort, s.Value, s.Room, float64(b.riskSize(con.Risk))}})
			links = append(links, b.link(con))
			tips = append(tips, concernTip(con))
			marks = append(marks, rankMark(con))
			titles = append(titles, shortTitle(con.Title))
		}
		scatter.AddSeries(g.name, data)
		c.Spec.Links = append(c.Spec.Links, links)
		c.Spec.Tips = append(c.Spec.Tips, tips)
		bubbles.Marks = append(bubbles.Marks, marks)
		bubbles.Titles = append(bubbles.Titles, titles)
	}
	scatter.Validate()
	c.Spec.Option = optionOf(scatter)
	c.Spec.Bubbles = bubbles
	for i, g := range groups {
		s := series(c.Spec.Option, i)
		if g.look.Colour.Hex != "" {
			s["itemStyle"] = withOpacity(itemStyle(g.look), 0.9)
			s["label"] = rankLabel(g.look)
			continue
		}
		// Closed concerns keep their status's look, paler.
		for j, item := range seriesData(c.Spec.Option, i) {
			l := b.statusLook(g.concerns[j].Status)
			item.(map[string]any)["itemStyle"] = withOpacity(itemStyle(l), 0.6)
			item.(map[string]any)["label"] = rankLabel(l)
		}
		c.Legend = append(c.Legend, LegendItem{Label: "Closed (shown on request), in its status's colour", Look: look("charcoal", "vertical")})
	}
}

// rankLabel draws a bubble's mark inside it, in the ink its colour needs.
func rankLabel(l model.Look) map[string]any {
	return map[string]any{"show": true, "position": "inside", "fontWeight": "bold", "color": inkOn(l.Colour.Hex)}
}

func withOpacity(style map[string]any, o float64) map[string]any {
	style["opacity"] = o
	return style
}

// rankMark is what a concern's bubble shows inside: its rank, or a tick for
// a closed concern, which has none.
func rankMark(c *model.Concern) string {
	if c.Rank == 0 {
		return "✓"
	}
	return strconv.Itoa(c.Rank)
}

// shortTitleLen is the most characters of a title written beside a bubble.
const shortTitleLen = 26

// shortTitle shortens a title at a word to fit beside a bubble.
func shortTitle(title string) string {
	if utf8.RuneCountInString(title) <= shortTitleLen {
		return title
	}
	runes := []rune(title)
	cut := string(runes[:shortTitleLen-1])
	if i := strings.LastIndexByte(cut, ' '); runes[shortTitleLen-1] != ' ' && i > shortTitleLen/2 {
		cut = cut[:i] // end at a whole word
	}
	return strings.TrimRight(cut, " ,;:-") + "…"
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
	firsts := make([]*model.Concern, len(order))
	most := 0
	for i, k := range order {
		firsts[i] = cells[k][0]
		most = max(most, len(cells[k]))
	}
	spots := b.spread(firsts)
	var data []opts.ScatterData
	var tips [][]string
	var links, marks, titles []string
	for _, k := range order {
		list := cells[k]
		s := spots[list[0]]
		size := 14 + math.Round(30*math.Sqrt(float64(len(list))/float64(most)))
		data = append(data, opts.ScatterData{Name: model.Plural(len(list), "concern"), Value: []float64{s.Effort, s.Value, s.Room, size}})
		tip := []string{model.Plural(len(list), "concern"), "Value " + b.steps[k.y].Label + ", effort " + b.steps[k.x].Label}
		for _, con := range list[:min(3, len(list))] {
			tip = append(tip, fmt.Sprintf("%d. %s", con.Rank, con.Title))
		}
		tips = append(tips, tip)
		links = append(links, "")
		marks = append(marks, strconv.Itoa(len(list)))
		titles = append(titles, "")
	}
	scatter.AddSeries("Concerns", data)
	scatter.Validate()
	c.Spec.Option = optionOf(scatter)
	l := look("blue", "solid")
	series(c.Spec.Option, 0)["itemStyle"] = withOpacity(itemStyle(l), 0.85)
	series(c.Spec.Option, 0)["label"] = rankLabel(l)
	c.Spec.Links = [][]string{links}
	c.Spec.Tips = [][][]string{tips}
	c.Spec.Bubbles = &Bubbles{Marks: [][]string{marks}, Titles: [][]string{titles}}
	c.Table = Table{
		Caption: "Open concerns at each level of value and effort",
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

// quadrantAreas shades the four quadrants and names each in its outer
// corner, the strip between the axis and the outermost cells, where no
// bubble reaches.
func quadrantAreas(option map[string]any, s model.Scale, lo, hi float64) {
	mid := (s.Min() + s.Max()) / 2
	area := func(q Quadrant, x0, x1, yTop, yBottom float64, pos string) []any {
		return []any{
			map[string]any{"name": q.String(), "coord": []float64{x0, yTop}, "label": map[string]any{"position": pos, "fontWeight": "bold", "distance": 6}},
			map[string]any{"coord": []float64{x1, yBottom}},
		}
	}
	series(option, 0)["markArea"] = map[string]any{
		"silent":    true,
		"itemStyle": map[string]any{"color": "rgba(128,128,128,0.06)", "borderColor": "rgba(128,128,128,0.6)", "borderWidth": 1},
		"data": []any{
			area(QuickWins, lo, mid, hi, mid, "insideTopLeft"),
			area(MajorProjects, mid, hi, hi, mid, "insideTopRight"),
			area(FillIns, lo, mid, mid, lo, "insideBottomLeft"),
			area(ThanklessTasks, mid, hi, mid, lo, "insideBottomRight"),
		},
	}
}

func quadrantSummary(counts [4][]*model.Concern) string {
	var parts []string
	for q, list := range counts {
		s := fmt.Sprintf("%s: %d", Quadrant(q), len(list))
		if len(list) > 0 && len(list) <= 3 {
			titles := make([]string, len(list))
			for i, c := range list {
				titles[i] = fmt.Sprintf("%d %s", c.Rank, c.Title)
			}
			s += " (" + strings.Join(titles, "; ") + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ". ") + "."
}

// quadrantTable lists the concerns by rank with the quadrant each falls in,
// the closed ones last.
func (b *Builder) quadrantTable(open, closed []*model.Concern) Table {
	t := Table{
		Caption: "Concerns by rank, with their value, effort and quadrant",
		Head:    []Column{{Title: "Rank", Num: true}, {Title: "Concern"}, {Title: "Team"}, {Title: "Value"}, {Title: "Effort"}, {Title: "Risk"}, {Title: "Quadrant"}},
	}
	all := append(append([]*model.Concern(nil), open...), closed...)
	for _, con := range all {
		if len(t.Rows) == maxTableRows {
			t.More = len(all) - maxTableRows
			break
		}
		rank := "closed"
		if con.Rank > 0 {
			rank = strconv.Itoa(con.Rank)
		}
		t.Rows = append(t.Rows, []Cell{
			{Text: rank, Num: true},
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

// riskSize gives riskier concerns bigger bubbles, in pixels on a chart of
// ordinary width; a risk without a level takes the middle size.
func (b *Builder) riskSize(risk model.Level) int {
	n := model.Assumed
	if risk.Scored {
		n = b.scale.Normalize(risk.Score)
	}
	return 16 + int(math.Round(n*18))
}

func concernTip(c *model.Concern) []string {
	tip := []string{c.Title, c.Team.Name(), "Value: " + c.Value.String(), "Effort: " + c.Effort.String()}
	if !c.Risk.IsZero() {
		tip = append(tip, "Risk: "+c.Risk.String())
	}
	if c.Rank > 0 {
		return append(tip, fmt.Sprintf("Rank %d, priority %.1f", c.Rank, c.Priority.Score))
	}
	return append(tip, fmt.Sprintf("%s, priority %.1f", model.StatusLabel(c.Status), c.Priority.Score))
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func scoreAxisX(name string, lo, hi float64) opts.XAxis {
	return opts.XAxis{Type: "value", Name: name + " →", NameLocation: "middle", NameGap: 28, Min: lo, Max: hi, MinInterval: 0.5, MaxInterval: 0.5, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
}

func scoreAxisY(name string, lo, hi float64) opts.YAxis {
	return opts.YAxis{Type: "value", Name: name + " ↑", NameLocation: "end", NameGap: 10, Min: lo, Max: hi, MinInterval: 0.5, MaxInterval: 0.5, SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}
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
