package chart

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
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
	h := &model.Handbook{Config: model.Config{Scoring: model.DefaultScoring()}, Teams: []*model.Team{ops, web}, Today: time.Date(2018, 6, 1, 0, 0, 0, 0, time.UTC)}
	h.Concerns = []*model.Concern{
		concern("quick", ops, "High", "Low", "High", "proposed", "2018-01-10"),
		concern("major", ops, "High", "High", "High, customers leave", "accepted", "2018-01-20"),
		concern("fill", web, "Low", "Low-Medium", "words only", "proposed", "2018-02-01"),
		concern("thankless", web, "Medium-Low", "High", "Low", "done", "2018-03-05"),
		concern("edge", web, "Medium", "Medium", "", "dropped", ""),
	}
	meeting := &model.Meeting{Date: time.Date(2018, 4, 2, 0, 0, 0, 0, time.UTC), Concerns: h.Concerns}
	rank := 0
	for _, c := range h.Concerns {
		c.Meetings = []*model.Meeting{meeting}
		c.Open = h.Config.Scoring.IsOpen(c.Status)
		if c.Open {
			rank++
			c.Rank = rank
		}
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

func TestMonths(t *testing.T) {
	h := fixture(t)
	b := newBuilder(h, link)
	// "thankless" is done, and its history says since when; "edge" was
	// dropped on a day not known, and is left out.
	h.Concerns[3].Closed = time.Date(2018, 4, 2, 0, 0, 0, 0, time.UTC)
	tl := months(b.events(h.Concerns), h.Today)
	if tl.Unknown != 1 || tl.Undated != 0 {
		t.Errorf("closed on a day not known %d, undated %d; want 1 and 0", tl.Unknown, tl.Undated)
	}
	want := "[2018-01 +2 -0 =2 2018-02 +1 -0 =3 2018-03 +1 -0 =4 2018-04 +0 -1 =3]"
	if got := monthsText(tl); got != want {
		t.Errorf("months %v, want %s", got, want)
	}
}

func monthsText(tl timeline) string {
	var got []string
	for _, m := range tl.Months {
		got = append(got, fmt.Sprintf("%s +%d -%d =%d", m.Start.Format("2006-01"), m.Raised, m.Closed, m.Open))
	}
	return fmt.Sprint(got)
}

// A date past the build day is a mistake, and a span of centuries is cut
// to its last maxMonths: neither may make the chart thousands of bars wide.
func TestMonthsStayWithinTheContent(t *testing.T) {
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	today := day("2018-06-01")
	tl := months([]Event{
		{Raised: day("2018-02-06")},
		{Raised: day("9999-12-31")},
		{Raised: day("2018-03-01"), Closed: day("9999-01-01")},
	}, today)
	if want := "[2018-02 +1 -0 =1 2018-03 +1 -0 =2]"; monthsText(tl) != want || tl.Future != 1 {
		t.Errorf("months %s, %d in the future; want %s and 1", monthsText(tl), tl.Future, want)
	}
	c := newBuilder(fixture(t), link).OverTime([]Event{{Raised: day("9999-12-31")}, {Raised: day("2018-05-02")}}, today)
	if len(c.Table.Rows) != 1 || !strings.Contains(c.Note, "1 concern raised after today (1 June 2018) is not counted") {
		t.Errorf("%d months, note %q", len(c.Table.Rows), c.Note)
	}

	tl = months([]Event{{Raised: day("1000-01-01"), Closed: day("1001-01-01")}, {Raised: day("2018-05-02")}}, today)
	if len(tl.Months) != maxMonths || tl.Months[0].Raised != 1 || tl.Months[0].Closed != 1 || tl.Folded.IsZero() {
		t.Errorf("a span from the year 1000: %d months, the first %+v", len(tl.Months), tl.Months[0])
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
	// The closed concerns are one series, hidden until asked for.
	if hidden := c.Spec.Bubbles.Hidden; len(hidden) != 1 || len(c.Spec.Links[hidden[0]]) != 2 {
		t.Errorf("hidden series %v of %d; want one, of the 2 closed concerns", hidden, len(c.Spec.Links))
	}

	var many []*model.Concern
	for i := range maxBubbles + 1 {
		con := *h.Concerns[i%3] // open ones
		con.Slug = fmt.Sprint("c", i)
		many = append(many, &con)
	}
	big := b.ValueEffort("big", many)
	if big.Note == "" || len(big.Spec.Tips) != 1 || len(big.Spec.Tips[0]) > len(b.steps)*len(b.steps) || len(big.Spec.Bubbles.Marks[0]) != len(big.Spec.Tips[0]) {
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
		return string(set.ValueEffort.JSON + set.RiskHeatmap.JSON + set.StatusByTeam.JSON + set.Observability.JSON + set.OverTime.JSON + set.Trend.JSON)
	}
	first := encode()
	for range 5 {
		if encode() != first {
			t.Fatal("two builds of the same handbook gave different chart data")
		}
	}
}

// Concerns rated alike share their cell without overlapping, each on the
// side of both quadrant lines it is counted on, whatever their number.
func TestSpreadKeepsEachBubbleApartAndInItsQuadrant(t *testing.T) {
	h := fixture(t)
	b := newBuilder(h, link)
	var concerns []*model.Concern
	for n, ratings := range [][2]string{{"High", "Medium"}, {"Medium", "Medium"}, {"Low", "Low-Medium"}, {"High", "High"}, {"Medium-Low", "Low"}} {
		for i := range n*3 + 1 {
			con := *h.Concerns[0]
			con.Slug = fmt.Sprint(ratings, i)
			con.Value, _ = b.scale.ParseOptional(ratings[0])
			con.Effort, _ = b.scale.ParseOptional(ratings[1])
			concerns = append(concerns, &con)
		}
	}
	spots := b.spread(concerns)
	for i, a := range concerns {
		s := spots[a]
		if got, want := quadrantAt(b.scale, s.Value, s.Effort), QuadrantOf(b.scale, a); got != want {
			t.Errorf("%s is drawn in %s, listed in %s", a.Slug, got, want)
		}
		if s.Room <= 0 {
			t.Errorf("%s has no room: %+v", a.Slug, s)
		}
		// A bubble reads as the level of the tick nearest it.
		if got, want := nearest(b.steps, s.Value), nearest(b.steps, a.Value.Score); got != want {
			t.Errorf("%s (value %s) is drawn at %.2f, nearest the tick of %s", a.Slug, a.Value.Text, s.Value, b.steps[got].Label)
		}
		if got, want := nearest(b.steps, s.Effort), nearest(b.steps, a.Effort.Score); got != want {
			t.Errorf("%s (effort %s) is drawn at %.2f, nearest the tick of %s", a.Slug, a.Effort.Text, s.Effort, b.steps[got].Label)
		}
		for _, o := range concerns[i+1:] {
			so := spots[o]
			if gap := (s.Room + so.Room) / 2; math.Abs(s.Effort-so.Effort) < gap-1e-3 && math.Abs(s.Value-so.Value) < gap-1e-3 {
				t.Errorf("%s %+v and %s %+v overlap", a.Slug, s, o.Slug, so)
			}
		}
	}
	if again := b.spread(concerns); fmt.Sprint(again) != fmt.Sprint(spots) {
		t.Error("two spreads of the same concerns differ")
	}
}

func TestShortTitle(t *testing.T) {
	for in, want := range map[string]string{
		"Scalability": "Scalability",
		"Too little realistic data in pre-production": "Too little realistic data…",
		"Exceptions not tied to deployments":          "Exceptions not tied to…",
	} {
		if got := shortTitle(in); got != want {
			t.Errorf("shortTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInkOn(t *testing.T) {
	for hex, want := range map[string]string{"#F0E442": "#000", "#882255": "#fff", "#0072B2": "#fff", "#999999": "#000"} {
		if got := inkOn(hex); got != want {
			t.Errorf("inkOn(%s) = %s, want %s", hex, got, want)
		}
	}
}
