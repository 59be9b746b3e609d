package chart

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// estimate gives a concern the four estimates of a risk, read as a concern
// file's would be.
func estimate(t *testing.T, c *model.Concern, ettd, ettr, impact, frequency string) {
	t.Helper()
	var err error
	if c.ETTD, err = model.ParseDuration(ettd); err != nil {
		t.Fatal(err)
	}
	if c.ETTR, err = model.ParseDuration(ettr); err != nil {
		t.Fatal(err)
	}
	if c.Impact, err = model.ParseShare(impact); err != nil {
		t.Fatal(err)
	}
	if c.Frequency, err = model.ParseRate(frequency); err != nil {
		t.Fatal(err)
	}
	c.Exposure = model.Expose(c)
}

// budgeted is the fixture with the example handbook's estimates on three of
// its concerns, all set against a site SLO of 99.9%: 525.6 bad minutes a
// year, capped at 131.4.
func budgeted(t *testing.T) *model.Handbook {
	t.Helper()
	h := fixture(t)
	byslug := map[string]*model.Concern{}
	for _, c := range h.Concerns {
		byslug[c.Slug] = c
		c.Exposure = model.Expose(c)
	}
	estimate(t, byslug["quick"], "2h", "45m", "25%", "4/year")   // 165: above the cap
	estimate(t, byslug["major"], "45m", "15m", "10%", "1/month") // 72
	estimate(t, byslug["fill"], "10m", "40m", "5%", "6/year")    // 15
	h.Config.Scoring.SLO, _ = model.ParseSLO("99.9%")
	h.Budgets = model.Budgets(h.Config.Scoring.SLO, h.Config.Scoring.BudgetCap, h.Teams, h.Concerns)
	return h
}

func TestBudgetChart(t *testing.T) {
	h := budgeted(t)
	bud := h.Budgets[0]
	c := newBuilder(h, link).Budget("all", bud, nil)
	if c.Empty {
		t.Fatalf("empty: %s", c.Note)
	}
	option := c.Spec.Option
	categories := axis(option, "yAxis")["data"].([]any)
	if got := fmt.Sprint(categories); got != "[Error budget quick major fill]" {
		t.Errorf("bars %s, want the budget, then the risks, most bad minutes first", got)
	}

	// The budget bar: the risks that fit, smallest first, then the rest,
	// together exactly the budget.
	all := option["series"].([]any)
	var names []string
	sum := 0.0
	for i := range len(all) - 1 {
		s := series(option, i)
		names = append(names, s["name"].(string))
		v := seriesData(option, i)[0].(map[string]any)["value"].(float64)
		sum += v
		if s["stack"] != "budget" {
			t.Errorf("segment %s is not stacked", s["name"])
		}
	}
	if want := []string{"fill", "major", "Unallocated"}; !slices.Equal(names, want) {
		t.Errorf("the budget bar holds %q, want %q", names, want)
	}
	if math.Abs(sum-bud.Minutes) > 0.01 {
		t.Errorf("the budget bar adds up to %v, want the budget, %v", sum, bud.Minutes)
	}
	if got := c.Spec.Links[0][0]; got != "/concerns/fill/" {
		t.Errorf("the first segment links to %q", got)
	}

	// The risks: a bar each, clickable, in the look of its verdict.
	risks := len(all) - 1
	if s := series(option, risks); s["stack"] != "budget" {
		t.Error("the risks are not in the budget's stack: each bar would take a slot of its own")
	}
	wantLooks := []Verdict{VerdictMustFix, VerdictFits, VerdictFits}
	for i, item := range seriesData(option, risks)[1:] {
		style := item.(map[string]any)["itemStyle"].(map[string]any)
		if style["color"] != wantLooks[i].Look.Colour.Hex {
			t.Errorf("risk %d is drawn in %v, want %s's %s", i+1, style["color"], wantLooks[i].Label, wantLooks[i].Look.Colour.Hex)
		}
	}
	if got := c.Spec.Links[risks]; !slices.Equal(got, []string{"", "/concerns/quick/", "/concerns/major/", "/concerns/fill/"}) {
		t.Errorf("risk links %q", got)
	}
	if tip := c.Spec.Tips[risks][1]; len(tip) < 3 || tip[2] != "165 bad minutes a year: (120 + 45) × 0.25 × 4 = 165" {
		t.Errorf("the first risk's tooltip %q does not give its arithmetic", tip)
	}

	// The budget and the cap, marked where they are.
	lines := series(option, risks)["markLine"].(map[string]any)["data"].([]any)
	var at []string
	for _, l := range lines {
		m := l.(map[string]any)
		at = append(at, fmt.Sprint(m["name"], " ", m["xAxis"]))
	}
	if got := strings.Join(at, ", "); got != "Budget 525.6, Cap 131.4" {
		t.Errorf("lines %s", got)
	}
	if max := axis(option, "xAxis")["max"].(float64); max < bud.Minutes {
		t.Errorf("the axis ends at %v, before the budget line", max)
	}

	// The table: one row a risk with the arithmetic's results, one for
	// what is left; the same precision down each column.
	var rows []string
	for _, r := range c.Table.Rows {
		var cells []string
		for _, cell := range r {
			cells = append(cells, cell.Text)
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	want := []string{
		"quick|165.0|31.4%|252|Must fix",
		"major|72.0|13.7%|87|Fits",
		"fill|15.0|2.9%|15|Fits",
		"Unallocated|438.6|83.4%||",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("table rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(c.Description, "quick 165, must fix") || !strings.Contains(c.Description, "leaving 438.6 unallocated") {
		t.Errorf("description %q", c.Description)
	}
	var legend []string
	for _, l := range c.Legend {
		legend = append(legend, l.Label)
	}
	if got := strings.Join(legend, ", "); got != "Fits, Must fix, Unallocated" {
		t.Errorf("legend %s", got)
	}
}

// A team without an SLO of its own sees its own risks in the site's
// budget, the other teams' that fit as one segment.
func TestBudgetChartOfATeamsShare(t *testing.T) {
	h := budgeted(t)
	set := Build(h, link)
	web := set.Teams["web"].Budget
	if web == nil || web.Empty {
		t.Fatal("the web team has an estimated risk but no budget chart")
	}
	drawn := drawnSpec(t, web)
	if got := fmt.Sprint(axis(drawn.Option, "yAxis")["data"]); got != "[Error budget fill]" {
		t.Errorf("bars %s, want the budget and web's one risk", got)
	}
	first := series(drawn.Option, 0)
	if first["name"] != "Other teams' risks that fit" || seriesData(drawn.Option, 0)[0].(map[string]any)["value"] != 72.0 {
		t.Errorf("the budget bar starts with %v, want the other teams' 72 minutes that fit", first["name"])
	}
	if web.ID == set.Budgets[0].ID {
		t.Error("the team's chart has the site chart's id")
	}
	if ops := set.Teams["ops"].Budget; ops == nil || !strings.Contains(ops.Title, "Operations") {
		t.Errorf("ops: %+v", ops)
	}
}

func TestBudgetChartOfATeamsOwnBudget(t *testing.T) {
	h := budgeted(t)
	h.Teams[1].SLO, _ = model.ParseSLO("99.5%")
	h.Budgets = model.Budgets(h.Config.Scoring.SLO, h.Config.Scoring.BudgetCap, h.Teams, h.Concerns)
	set := Build(h, link)
	if len(set.Budgets) != 2 {
		t.Fatalf("%d budget charts, want the site's and web's", len(set.Budgets))
	}
	if set.Teams["web"].Budget != set.Budgets[1] {
		t.Error("web's page does not draw web's own budget")
	}
	if set.Budgets[0].ID == set.Budgets[1].ID {
		t.Errorf("two budget charts share the id %s", set.Budgets[0].ID)
	}
}

func TestBudgetChartWithNothingEstimated(t *testing.T) {
	h := fixture(t)
	for _, c := range h.Concerns {
		c.Exposure = model.Expose(c)
	}
	h.Config.Scoring.SLO, _ = model.ParseSLO("99.9%")
	h.Budgets = model.Budgets(h.Config.Scoring.SLO, h.Config.Scoring.BudgetCap, h.Teams, h.Concerns)
	set := Build(h, link)
	if c := set.Budgets[0]; !c.Empty || !strings.Contains(c.Note, "ettd, ettr, impact and frequency") {
		t.Errorf("a budget with nothing estimated: empty %v, note %q", c.Empty, c.Note)
	}
	if c := set.Teams["ops"].Budget; !c.Empty || !strings.Contains(c.Note, "No concern of Operations is estimated") {
		t.Errorf("a team with nothing estimated: empty %v, note %q", c.Empty, c.Note)
	}
	h.Config.Scoring.SLO = model.Share{}
	h.Budgets = model.Budgets(h.Config.Scoring.SLO, h.Config.Scoring.BudgetCap, h.Teams, h.Concerns)
	if set := Build(h, link); len(set.Budgets) != 0 || set.Teams["ops"].Budget != nil {
		t.Error("with no SLO there is no budget to draw")
	}
}

// Many small risks that fit are drawn as one segment, and only the largest
// risks get a bar: the chart stays readable however many are estimated.
func TestBudgetChartOfManyRisks(t *testing.T) {
	h := fixture(t)
	var list []*model.Concern
	for i := range 80 {
		c := &model.Concern{Slug: fmt.Sprint("r", i), Title: fmt.Sprint("Risk ", i), Team: h.Teams[0], Open: true}
		estimate(t, c, fmt.Sprintf("%dm", i+1), "1m", "1%", "1/year")
		list = append(list, c)
	}
	slo, _ := model.ParseSLO("99.9%")
	bud := model.Budgets(slo, h.Config.Scoring.BudgetCap, nil, list)[0]
	c := newBuilder(h, link).Budget("all", bud, nil)
	if bars := len(axis(c.Spec.Option, "yAxis")["data"].([]any)); bars != maxBudgetBars+1 {
		t.Errorf("%d bars, want the budget and %d risks", bars, maxBudgetBars)
	}
	if segments := len(c.Spec.Option["series"].([]any)) - 1; segments > maxBudgetSegments+1 {
		t.Errorf("the budget bar has %d segments, want at most %d and the rest", segments, maxBudgetSegments)
	}
	if len(c.Table.Rows) != 80+1 || c.Note == "" {
		t.Errorf("%d table rows and note %q; want every risk listed, and a note on those not drawn", len(c.Table.Rows), c.Note)
	}
	total := 0.0
	for i := range len(c.Spec.Option["series"].([]any)) - 1 {
		total += seriesData(c.Spec.Option, i)[0].(map[string]any)["value"].(float64)
	}
	if math.Abs(total-bud.Minutes) > 0.1 {
		t.Errorf("the folded budget bar adds up to %v, want %v", total, bud.Minutes)
	}
}

func TestNiceCeil(t *testing.T) {
	for in, want := range map[float64]float64{578: 600, 2891: 3000, 58.8: 60, 5.9: 6, 147: 150, 1: 1, 0: 1} {
		if got := niceCeil(in); got != want {
			t.Errorf("niceCeil(%v) = %v, want %v", in, got, want)
		}
	}
}

// drawnSpec reads back what a sealed chart hands the theme's script.
func drawnSpec(t *testing.T, c *Chart) Spec {
	t.Helper()
	var spec Spec
	if err := json.Unmarshal([]byte(c.JSON), &spec); err != nil {
		t.Fatalf("chart %s: %v", c.ID, err)
	}
	return spec
}
