package chart

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// fixture is a small handbook: two teams, five concerns, one meeting.
func fixture(t *testing.T) *model.Handbook {
	t.Helper()
	scale := model.DefaultScale()
	level := func(s string) model.Level {
		l, err := scale.ParseOptional(s)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	ops := &model.Team{Slug: "ops", Title: "Operations"}
	web := &model.Team{Slug: "web", Title: "Web"}
	concern := func(slug string, team *model.Team, value, effort, risk, status string, raised string) *model.Concern {
		c := &model.Concern{Slug: slug, Title: slug, Team: team, Value: level(value), Effort: level(effort), Risk: level(risk), Status: status}
		if raised != "" {
			c.Raised, _ = time.Parse(time.DateOnly, raised)
		}
		team.Concerns = append(team.Concerns, c)
		return c
	}
	h := &model.Handbook{Config: model.Config{Scoring: model.DefaultScoring()}, Teams: []*model.Team{ops, web}}
	h.Concerns = []*model.Concern{
		concern("quick", ops, "High", "Low", "High", "proposed", "2018-01-10"),
		concern("major", ops, "High", "High", "High, customers leave", "accepted", "2018-01-20"),
		concern("fill", web, "Low", "Low-Medium", "words only", "proposed", "2018-02-01"),
		concern("thankless", web, "Medium-Low", "High", "Low", "done", "2018-03-05"),
		concern("edge", web, "Medium", "Medium", "", "dropped", ""),
	}
	meeting := &model.Meeting{Date: time.Date(2018, 4, 2, 0, 0, 0, 0, time.UTC), Concerns: h.Concerns}
	for _, c := range h.Concerns {
		c.Meetings = []*model.Meeting{meeting}
	}
	return h
}

func link(v any) string {
	switch x := v.(type) {
	case *model.Concern:
		return "/concerns/" + x.Slug + "/"
	case *model.Team:
		return "/teams/" + x.Slug + "/"
	}
	return ""
}

func TestQuadrantOf(t *testing.T) {
	h := fixture(t)
	want := map[string]Quadrant{
		"quick":     QuickWins,
		"major":     MajorProjects,
		"fill":      FillIns,
		"thankless": ThanklessTasks,
		"edge":      MajorProjects, // on both lines: value counts as high, effort as high
	}
	for _, c := range h.Concerns {
		if got := QuadrantOf(h.Config.Scoring.Scale, c); got != want[c.Slug] {
			t.Errorf("%s: %s, want %s", c.Slug, got, want[c.Slug])
		}
	}
}

func TestHeatCells(t *testing.T) {
	h := fixture(t)
	b := newBuilder(h, link)
	cells, unplaced := b.heatCells(h.Concerns)
	if unplaced != 2 { // "words only" and no risk at all
		t.Errorf("unplaced = %d, want 2", unplaced)
	}
	got := map[string]int{}
	for _, c := range cells {
		got[b.steps[c.Value].Label+"/"+b.steps[c.Risk].Label] = len(c.Concerns)
	}
	want := map[string]int{"High/High": 2, "Low-Medium/Low": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("cells %v, want %v", got, want)
	}
	chart := b.RiskHeatmap("all", h.Concerns)
	if chart.Note != "2 concerns without a risk level are not shown." {
		t.Errorf("note %q", chart.Note)
	}
}

func TestTeamTotals(t *testing.T) {
	h := fixture(t)
	b := newBuilder(h, link)
	totals := b.teamTotals(h.Teams)
	// Operations: quick (3, 1) + major (3, 3); Web: only "fill" is open.
	if got := totals[0]; got.Open != 2 || got.Value != 6 || got.Effort != 4 {
		t.Errorf("Operations %+v", got)
	}
	if got := totals[1]; got.Open != 1 || got.Value != 1 || got.Effort != 1.5 {
		t.Errorf("Web %+v", got)
	}
}

func TestMonths(t *testing.T) {
	h := fixture(t)
	b := newBuilder(h, link)
	months, undated := b.months(h.Concerns)
	if undated != 1 {
		t.Errorf("undated = %d", undated)
	}
	var got []string
	for _, m := range months {
		got = append(got, fmt.Sprintf("%s +%d -%d =%d", m.Start.Format("2006-01"), m.Raised, m.Closed, m.Open))
	}
	// "thankless" is done: closed at the last meeting that discussed it.
	want := "[2018-01 +2 -0 =2 2018-02 +1 -0 =3 2018-03 +1 -0 =4 2018-04 +0 -1 =3]"
	if fmt.Sprint(got) != want {
		t.Errorf("months %v, want %s", got, want)
	}
}

func TestValueEffortLinksAndAggregation(t *testing.T) {
	h := fixture(t)
	b := newBuilder(h, link)
	c := b.ValueEffort("all", h.Concerns)
	var links int
	for _, series := range c.Spec.Links {
		for _, l := range series {
			if l == "" || l[0] != '/' {
				t.Errorf("bad link %q", l)
			}
			links++
		}
	}
	if links != len(h.Concerns) || c.Note != "" {
		t.Errorf("%d links and note %q for %d concerns", links, c.Note, len(h.Concerns))
	}

	var many []*model.Concern
	for i := range maxBubbles + 1 {
		con := *h.Concerns[i%len(h.Concerns)]
		con.Slug = fmt.Sprint("c", i)
		many = append(many, &con)
	}
	big := b.ValueEffort("big", many)
	if big.Note == "" || len(big.Spec.Tips) != 1 || len(big.Spec.Tips[0]) > len(b.steps)*len(b.steps) {
		t.Errorf("a large chart should aggregate into at most one bubble per cell, got note %q and %d series", big.Note, len(big.Spec.Tips))
	}
	if rows, bubbles := len(big.Table.Rows), len(big.Spec.Tips[0]); rows != bubbles {
		t.Errorf("an aggregated chart's table has %d rows for %d bubbles", rows, bubbles)
	}
	total := 0
	for _, row := range big.Table.Rows {
		n, _ := strconv.Atoi(row[3].Text)
		total += n
	}
	if total != len(many) {
		t.Errorf("the table counts %d concerns, want %d", total, len(many))
	}
}

func TestIDsAreJavaScriptIdentifiers(t *testing.T) {
	ident := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	for _, in := range [][]string{{"all", "value_effort"}, {"team-1", "überwachung", "x y"}, {"9lives"}} {
		if got := id(in...); !ident.MatchString(got) {
			t.Errorf("id(%q) = %q", in, got)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	encode := func() string {
		h := fixture(t)
		set := Build(h, link)
		b, err := json.Marshal([]any{set.ValueEffort.Spec, set.RiskHeatmap.Spec, set.StatusByTeam.Spec, set.TeamTotals.Spec, set.OverTime.Spec})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	first := encode()
	for range 5 {
		if encode() != first {
			t.Fatal("two builds of the same handbook gave different chart data")
		}
	}
}
