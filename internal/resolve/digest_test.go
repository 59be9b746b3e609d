package resolve

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// TestDigests follows a council over three meetings and wants each
// meeting's digest to hold what happened since the meeting before, and the
// handbook's what happened since the last meeting held: concerns raised,
// moved on, re-scored and handed over, actions agreed, done and fallen
// overdue.
func TestDigests(t *testing.T) {
	etl := func(status, value, team string) string {
		return "title: ETL\nteam: " + team + "\nvalue: " + value + "\neffort: Low\nstatus: " + status + "\n"
	}
	backup := func(status string) string {
		return "title: Backups\nteam: data\nvalue: High\neffort: High\nstatus: " + status + "\n"
	}
	second := func(actions string) string {
		return "date: 2026-02-02\nconcerns: [etl]\nactions:\n  - task: Check the restore\n    due: 2026-04-01\n" + actions
	}
	site := historySite(t, teamsAndConfig+`
-- content/concerns/etl.md --
---
`+etl("accepted", "High", "platform")+`---
-- content/concerns/backup.md --
---
`+backup("planned")+`---
-- content/meetings/2026-01-05-kick-off.md --
---
date: 2026-01-05
concerns: [etl]
actions:
  - task: Find the owner
    due: 2026-01-20
    done: 2026-02-01
  - task: Write the runbook
    due: 2026-01-25
  - task: Ask the vendor
    due: 2026-03-10
  - task: Count the failures
    due: 2026-01-10
    done: true
---
-- content/meetings/2026-02-02-second.md --
---
`+second("  - task: Late addition\n    due: 2026-05-01\n")+`---
-- content/meetings/2026-03-02-third.md --
---
date: 2026-03-02
concerns: [etl, backup]
---
`, map[string][]version{
		"content/concerns/etl.md": {
			{"2026-01-02T10:00:00Z", "Raise ETL", "content/concerns/etl.md", etl("proposed", "Low", "data")},
			{"2026-01-20T10:00:00Z", "Accept ETL", "content/concerns/etl.md", etl("accepted", "Low", "data")},
			{"2026-02-20T10:00:00Z", "Re-score ETL and hand it over", "content/concerns/etl.md", etl("accepted", "High", "platform")},
		},
		"content/concerns/backup.md": {
			{"2026-01-25T10:00:00Z", "Raise backups", "content/concerns/backup.md", backup("proposed")},
			{"2026-03-05T10:00:00Z", "Plan backups", "content/concerns/backup.md", backup("planned")},
		},
		"content/meetings/2026-02-02-second.md": {
			{"2026-02-02T18:00:00Z", "Notes of the second meeting", "content/meetings/2026-02-02-second.md", second("")},
			{"2026-03-10T09:00:00Z", "Add what was forgotten", "content/meetings/2026-02-02-second.md", second("  - task: Late addition\n    due: 2026-05-01\n")},
		},
	})
	h := resolveHistory(t, site, "2026-03-20")
	if h.LastMeeting == nil || h.LastMeeting.Slug != "2026-03-02-third" || h.NextMeeting != nil {
		t.Fatalf("last meeting %v, next %v", h.LastMeeting, h.NextMeeting)
	}
	bySlug := map[string]*model.Meeting{}
	for _, m := range h.Meetings {
		bySlug[m.Slug] = m
	}
	for _, tt := range []struct {
		name string
		d    model.Digest
		want []string
	}{
		{"the kick-off", bySlug["2026-01-05-kick-off"].Since, []string{
			"raised ETL",
			"agreed Count the failures", "agreed Find the owner", "agreed Write the runbook", "agreed Ask the vendor", // by due date
		}},
		{"the second meeting", bySlug["2026-02-02-second"].Since, []string{
			"raised Backups", "status ETL: proposed -> accepted",
			"agreed Check the restore", "agreed Late addition",
			"done Find the owner",
			"overdue Write the runbook",
		}},
		{"the third meeting", bySlug["2026-03-02-third"].Since, []string{
			"rescored ETL: Low -> High", "moved ETL: Data -> Platform",
		}},
		{"since the last meeting", h.SinceLastMeeting, []string{
			"status Backups: proposed -> planned",
			"agreed Late addition",
			"overdue Ask the vendor",
		}},
	} {
		sameLines(t, tt.name, digestLines(tt.d), tt.want)
	}
	if d := h.SinceLastMeeting; !d.From.Equal(mustDate(t, "2026-03-02")) || !d.To.Equal(mustDate(t, "2026-03-20")) {
		t.Errorf("since the last meeting: from %s to %s", d.From, d.To)
	}
}

func digestLines(d model.Digest) []string {
	var out []string
	for _, group := range []struct {
		name    string
		changes []*model.Change
	}{{"raised", d.Raised}, {"status", d.Statuses}, {"rescored", d.Rescored}, {"moved", d.Moved}} {
		for _, c := range group.changes {
			line := group.name + " " + c.Concern.Title
			if c.Before != "" {
				line += fmt.Sprintf(": %s -> %s", c.Before, c.After)
			}
			out = append(out, line)
		}
	}
	for _, group := range []struct {
		name    string
		actions []*model.Action
	}{{"agreed", d.Agreed}, {"done", d.Done}, {"overdue", d.Overdue}} {
		for _, a := range group.actions {
			out = append(out, group.name+" "+a.Task)
		}
	}
	return out
}

// TestDigestsShareActionsOut checks that the actions shared out among the
// periods between meetings give every meeting the digest that a look at
// every action gives: meetings on the same day, actions due, done and
// agreed on meeting days and between them, undated ones, and actions that
// a meeting's changes added.
func TestDigestsShareActionsOut(t *testing.T) {
	day := func(n int) time.Time {
		if n == 0 {
			return time.Time{}
		}
		return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var held []*model.Meeting
	for n := 1; len(held) < 40; n += rng.IntN(3) { // gaps of 0 to 2 days: some meetings share a day
		held = append(held, &model.Meeting{Slug: fmt.Sprint("m", len(held)), Date: day(n)})
	}
	last := held[len(held)-1].Date
	var actions []*model.Action
	for k := range 600 {
		a := &model.Action{Task: fmt.Sprint("a", k), Meeting: held[rng.IntN(len(held))], Due: day(rng.IntN(100))}
		if rng.IntN(2) == 0 {
			a.Done, a.DoneOn = true, day(rng.IntN(100))
		}
		actions = append(actions, a)
	}
	for _, m := range held {
		for range rng.IntN(3) {
			m.Changes = append(m.Changes, &model.Change{Kind: model.ChangeAgreed, Action: actions[rng.IntN(len(actions))]})
		}
	}
	candidates := actionsByPeriod(actions, held)
	var from time.Time
	for i, m := range held {
		want := digest(actions, from, m.Date, m.Changes)
		got := digest(candidates(i, m.Changes), from, m.Date, m.Changes)
		if !reflect.DeepEqual(digestLines(got), digestLines(want)) || !reflect.DeepEqual(got.Agreed, want.Agreed) ||
			!reflect.DeepEqual(got.Done, want.Done) || !reflect.DeepEqual(got.Overdue, want.Overdue) {
			t.Errorf("meeting %d (%s, after %s): shared out\n%v\nlooking at every action\n%v", i, isoDay(m.Date), isoDay(from), digestLines(got), digestLines(want))
		}
		from = m.Date
	}
	if !last.After(held[0].Date) {
		t.Fatal("the meetings do not span several days")
	}
}

func isoDay(t time.Time) string { return t.Format(time.DateOnly) }
