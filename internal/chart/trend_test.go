package chart

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// trendFixture is a handbook with a history: one concern handed from one
// team to another and closed, one open all along, and one whose commits
// were dated out of order, so that its open state never counts.
func trendFixture(t *testing.T) (*model.Handbook, *model.Team, *model.Team) {
	t.Helper()
	day := func(s string) time.Time {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	ops := &model.Team{Slug: "ops", Title: "Operations"}
	web := &model.Team{Slug: "web", Title: "Web"}
	state := func(date string, team *model.Team, open bool, priority float64) model.ConcernState {
		return model.ConcernState{Date: day(date), Team: team, Open: open, Priority: priority, Scored: true}
	}
	h := &model.Handbook{
		Config: model.Config{Scoring: model.DefaultScoring()}, Teams: []*model.Team{ops, web}, Today: day("2026-03-01"),
		HistoryAvailable: true,
	}
	h.Concerns = []*model.Concern{
		{Slug: "handed", Title: "Handed over", States: []model.ConcernState{
			state("2026-01-05", ops, true, 10), state("2026-01-20", web, true, 20), state("2026-02-10", web, false, 20),
		}},
		{Slug: "open", Title: "Open all along", States: []model.ConcernState{
			state("2026-01-10", ops, true, 5),
		}},
		{Slug: "backdated", Title: "Backdated", States: []model.ConcernState{
			state("2026-01-15", ops, true, 7), state("2026-01-12", ops, false, 7),
		}},
	}
	h.Meetings = []*model.Meeting{ // newest first
		{Slug: "next", Title: "Next", Date: day("2026-04-01")},
		{Slug: "hand-over", Title: "Hand-over", Date: day("2026-01-20")},
		{Slug: "before", Title: "Before the history", Date: day("2025-12-01")},
	}
	return h, ops, web
}

// rows writes a trend's table rows that hold a meeting or change the
// counts, as "label open priority meetings".
func trendRows(c *Chart) []string {
	var out []string
	last := ""
	for _, r := range c.Table.Rows {
		counts := r[1].Text + " " + r[2].Text
		if counts != last || r[3].Text != "" {
			out = append(out, strings.TrimSpace(r[0].Text+" "+counts+" "+r[3].Text))
		}
		last = counts
	}
	return out
}

func TestTrendCountsOpenConcernsAtEachDay(t *testing.T) {
	h, ops, web := trendFixture(t)
	b := newBuilder(h, link)
	for _, tt := range []struct {
		name string
		team *model.Team
		want []string
	}{
		{"all", nil, []string{"5 Jan 2026 1 10.0", "10 Jan 2026 2 15.0", "20 Jan 2026 2 25.0 Hand-over", "10 Feb 2026 1 5.0"}},
		{"ops", ops, []string{"5 Jan 2026 1 10.0", "10 Jan 2026 2 15.0", "20 Jan 2026 1 5.0 Hand-over"}},
		{"web", web, []string{"20 Jan 2026 1 20.0 Hand-over", "10 Feb 2026 0 0.0"}},
	} {
		c := b.Trend(tt.name, h, tt.team)
		if c.Empty {
			t.Fatalf("%s: empty: %s", tt.name, c.Note)
		}
		sameRows(t, tt.name, trendRows(c), tt.want)
		if last := c.Table.Rows[len(c.Table.Rows)-1][0].Text; last != "1 Mar 2026" {
			t.Errorf("%s: the last day drawn is %s, want today", tt.name, last)
		}
	}
	c := b.Trend("all", h, nil)
	if got := c.Spec.Links[2]; len(got) != 1 || got[0] != link(h.Meetings[1]) {
		t.Errorf("meeting links %v, want the hand-over's only", got)
	}
	if !strings.Contains(c.Description, "open concerns from 1 to 1, their summed priority from 10.0 to 5.0; 1 meeting marked") {
		t.Errorf("description %q", c.Description)
	}
}

func sameRows(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTrendPeriods wants days over a short history, weeks over a longer
// one, and months over years, never more than maxMonths of them.
func TestTrendPeriods(t *testing.T) {
	today := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		since       time.Time
		unit, first string
		n           int
		cut         bool
	}{
		{today, "day", "1 Mar 2026", 1, false},
		{today.AddDate(0, 0, -91), "day", "30 Nov 2025", 92, false},
		{today.AddDate(0, 0, -92), "week", "5 Dec 2025", 14, false},
		{today.AddDate(-4, 0, 0), "month", "Mar 2022", 49, false},
		{today.AddDate(-30, 0, 0), "month", "Apr 2016", maxMonths, true},
	} {
		p := periodsOf([]span{{from: tt.since}}, today)
		if p.unit != tt.unit || p.ends[0].Format(p.layout) != tt.first || len(p.ends) != tt.n || p.cut != tt.cut || !p.ends[len(p.ends)-1].Equal(today) {
			t.Errorf("since %s: %d %ss from %s, cut %v; want %d %ss from %s, cut %v",
				tt.since.Format(time.DateOnly), len(p.ends), p.unit, p.ends[0].Format(p.layout), p.cut, tt.n, tt.unit, tt.first, tt.cut)
		}
	}
}

func TestTrendWithoutHistory(t *testing.T) {
	h, _, _ := trendFixture(t)
	h.HistoryAvailable, h.HistoryMissing = false, "the site is not in a git repository (keep it in git)"
	c := newBuilder(h, link).Trend("all", h, nil)
	if !c.Empty || c.Note != "This chart is drawn from the site's git history, which is not available: the site is not in a git repository (keep it in git)." {
		t.Errorf("empty %v, note %q", c.Empty, c.Note)
	}
}

// TestTrendMarksAPeriodOnce wants one triangle for a period with several
// meetings, linked to the last of them, and a table cell that names the
// first few and counts the rest.
// TestTrendDatedBeforeItsHistory wants a trend built for a day before its
// history begins to say so, not that there are no concerns.
func TestTrendDatedBeforeItsHistory(t *testing.T) {
	h, _, _ := trendFixture(t)
	h.Today = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	c := newBuilder(h, link).Trend("all", h, nil)
	want := "The concerns' history begins after 1 June 2025, the day this site was built for"
	if !c.Empty || !strings.HasPrefix(c.Note, want) {
		t.Errorf("empty %v, note %q; want an empty chart whose note begins %q", c.Empty, c.Note, want)
	}
}

func TestTrendMarksAPeriodOnce(t *testing.T) {
	h, _, _ := trendFixture(t)
	handOver := h.Meetings[1]
	for i := range 4 {
		m := &model.Meeting{Slug: fmt.Sprint("same-day-", i), Title: fmt.Sprint("Same day ", i), Date: handOver.Date}
		h.Meetings = slices.Insert(h.Meetings, 1, m) // newest first: these come after the hand-over
	}
	c := newBuilder(h, link).Trend("all", h, nil)
	if got := c.Spec.Links[2]; len(got) != 1 || got[0] != link(h.Meetings[1]) {
		t.Errorf("meeting links %v, want one, to the last meeting of the day", got)
	}
	if tip := c.Spec.Tips[2][0][0]; !strings.HasPrefix(tip, "5 meetings in 20 Jan 2026; the last: Same day 3") {
		t.Errorf("tooltip %q", tip)
	}
	if !strings.Contains(c.Description, "5 meetings marked") {
		t.Errorf("description %q", c.Description)
	}
	for _, row := range c.Table.Rows {
		if row[0].Text == "20 Jan 2026" {
			if want := "Hand-over; Same day 0; Same day 1; and 2 more"; row[3].Text != want || row[3].Link != "" {
				t.Errorf("table cell %q (link %q), want %q", row[3].Text, row[3].Link, want)
			}
			return
		}
	}
	t.Error("no row for 20 Jan 2026")
}

// TestTrendMarksManyPeriodsSmaller wants smaller, see-through triangles
// once most periods have a meeting, so that the line stays visible.
func TestTrendMarksManyPeriodsSmaller(t *testing.T) {
	for _, tt := range []struct {
		meetings, size int
	}{{3, 14}, {fewMarks + 1, 8}} {
		h, _, _ := trendFixture(t)
		h.Meetings = nil
		for i := range tt.meetings { // newest first, a day apart
			h.Meetings = append(h.Meetings, &model.Meeting{Slug: fmt.Sprint("m", i), Title: fmt.Sprint("Meeting ", i), Date: time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -i)})
		}
		c := newBuilder(h, link).Trend("all", h, nil)
		marks := series(c.Spec.Option, 2)
		if got := len(c.Spec.Links[2]); got != tt.meetings {
			t.Errorf("%d meetings on different days: %d triangles", tt.meetings, got)
		}
		if size, _ := marks["symbolSize"].(int); size != tt.size {
			t.Errorf("%d meetings: triangles of size %v, want %v", tt.meetings, marks["symbolSize"], tt.size)
		}
	}
}
