package resolve

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// historySite writes the site of a txtar archive, loads it and gives it
// the history past: for each file's path now, its versions, oldest first.
func historySite(t *testing.T, archive string, past map[string][]version) *load.Site {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if past != nil {
		var fronts []byte
		site.History = &load.History{Head: "head", Files: map[string][]load.Revision{}}
		for file, versions := range past {
			for _, v := range versions {
				when, err := time.Parse(time.RFC3339, v.when)
				if err != nil {
					t.Fatal(err)
				}
				rev := load.Revision{Commit: &load.Commit{ID: "c-" + v.when, Time: when, Subject: v.subject}, Path: v.path,
					Front: load.Span{At: int64(len(fronts)), Size: len(v.front)}}
				fronts = append(fronts, v.front...)
				site.History.Files[file] = append(site.History.Files[file], rev)
			}
		}
		site.History.Fronts = bytes.NewReader(fronts)
	}
	return site
}

// version is a file as a commit left it.
type version struct {
	when, subject string
	path          string
	front         string // the frontmatter, without its --- lines
}

func resolveHistory(t *testing.T, site *load.Site, today string) *model.Handbook {
	t.Helper()
	day, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Resolve(site, day)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// told writes changes one a line: "day kind before -> after (subject)".
func told(changes []model.Change) []string {
	var out []string
	for _, c := range changes {
		line := fmt.Sprintf("%s %s %q -> %q", c.Date.Format(time.DateOnly), c.Kind, c.Before, c.After)
		if c.Uncommitted {
			line += " (not committed)"
		} else {
			line += " (" + c.Subject + ")"
		}
		out = append(out, line)
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n%s\nwant:\n%s", what, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

const teamsAndConfig = `
-- site.yaml --
title: T
baseURL: https://example.org/
-- content/teams/data.md --
---
title: Data
---
-- content/teams/platform.md --
---
title: Platform
---
`

// TestConcernHistory follows a concern through its commits: raised,
// accepted, re-scored and handed over in one commit, renamed, and moved on
// in an edit not committed yet; each change with its day and its words.
func TestConcernHistory(t *testing.T) {
	site := historySite(t, teamsAndConfig+`
-- content/concerns/etl-monitoring.md --
---
title: ETL monitoring
team: platform
value: High, it touches every release
effort: Low
status: planned
---
Body.
`, map[string][]version{
		"content/concerns/etl-monitoring.md": {
			{"2026-01-05T10:00:00+01:00", "Raise ETL", "content/concerns/etl.md", "title: ETL\nteam: data\nvalue: Low-Medium\neffort: Low\n"},
			{"2026-02-02T23:30:00-05:00", "Accept ETL", "content/concerns/etl.md", "title: ETL\nteam: data\nvalue: Low-Medium\neffort: Low\nstatus: accepted\n"},
			{"2026-02-20T10:00:00Z", "Word the note", "content/concerns/etl.md", "title: ETL\nteam: data\nvalue: low - medium, for now\neffort: Low\nstatus: accepted\n"},
			{"2026-03-01T10:00:00Z", "Re-score and hand ETL over", "content/concerns/etl.md", "title: ETL\nteam: platform\nvalue: High, it touches every release\neffort: Low\nstatus: accepted\n"},
			{"2026-03-10T10:00:00Z", "Name ETL for what it is", "content/concerns/etl-monitoring.md", "title: ETL monitoring\nteam: platform\nvalue: High, it touches every release\neffort: Low\nstatus: accepted\n"},
		},
	})
	h := resolveHistory(t, site, "2026-04-01")
	c := h.Concerns[0]
	sameLines(t, "changes", told(c.History), []string{
		`2026-01-05 raised "" -> "ETL" (Raise ETL)`,
		`2026-02-02 status "proposed" -> "accepted" (Accept ETL)`,
		`2026-03-01 team "Data" -> "Platform" (Re-score and hand ETL over)`,
		`2026-03-01 value "Low-Medium" -> "High" (Re-score and hand ETL over)`,
		`2026-03-10 renamed "etl" -> "etl-monitoring" (Name ETL for what it is)`,
		`2026-03-10 title "ETL" -> "ETL monitoring" (Name ETL for what it is)`,
		`2026-04-01 status "accepted" -> "planned" (not committed)`,
	})
	if !h.HistoryAvailable || h.HistoryHead != "head" {
		t.Errorf("history available %v, head %q", h.HistoryAvailable, h.HistoryHead)
	}
	for _, tt := range []struct {
		day, status, value, team string
		known                    bool
	}{
		{"2026-01-01", "proposed", "Low-Medium", "Data", false},
		{"2026-02-02", "accepted", "Low-Medium", "Data", true}, // the day's own commits count
		{"2026-02-25", "accepted", "Low-Medium", "Data", true},
		{"2026-03-05", "accepted", "High", "Platform", true},
		{"2026-04-01", "planned", "High", "Platform", true},
	} {
		s, known := c.StateOn(day(mustDate(t, tt.day)))
		if s.Status != tt.status || s.Value.Text != tt.value || s.TeamName != tt.team || known != tt.known {
			t.Errorf("on %s: %s, %s, %s, known %v; want %s, %s, %s, %v", tt.day, s.Status, s.Value.Text, s.TeamName, known, tt.status, tt.value, tt.team, tt.known)
		}
	}
	if !c.Closed.IsZero() {
		t.Errorf("an open concern closed on %s", c.Closed)
	}
}

// TestAddedLaterThanRaised: a concern first committed on the day its
// frontmatter says it was raised was raised by that commit; one committed
// later was brought into the handbook then, as when a council starts its
// handbook from old notes, and its history and the digests say so.
func TestAddedLaterThanRaised(t *testing.T) {
	front := func(title, raised string) string {
		return "---\ntitle: " + title + "\nteam: data\nvalue: Low\neffort: Low\n" + raised + "---\n"
	}
	site := historySite(t, teamsAndConfig+`
-- content/concerns/same-day.md --
`+front("Same day", "raised: 2026-01-05\n")+`
-- content/concerns/imported.md --
`+front("Imported", "raised: 2018-02-20\n")+`
-- content/concerns/undated.md --
`+front("Undated", "")+`
-- content/meetings/2026-01-10-first.md --
---
title: First
date: 2026-01-10
---
`, map[string][]version{
		// Late in the day in its author's zone: the 5th there, the 6th in UTC.
		"content/concerns/same-day.md": {{"2026-01-05T23:30:00-05:00", "Raise it", "content/concerns/same-day.md", "title: Same day\nteam: data\nraised: 2026-01-05\n"}},
		"content/concerns/imported.md": {{"2026-01-05T10:00:00Z", "Bring in the old notes", "content/concerns/imported.md", "title: Imported\nteam: data\nraised: 2018-02-20\n"}},
		"content/concerns/undated.md":  {{"2026-01-05T10:00:00Z", "Raise it", "content/concerns/undated.md", "title: Undated\nteam: data\n"}},
	})
	h := resolveHistory(t, site, "2026-02-01")
	var got []string
	for _, c := range h.Concerns {
		got = append(got, c.Slug+": "+told(c.History[:1])[0]+": "+model.ChangeWords(c.History[0].Kind, c.History[0].Before, c.History[0].After))
	}
	slices.Sort(got)
	sameLines(t, "first changes", got, []string{
		`imported: 2026-01-05 added "" -> "Imported" (Bring in the old notes): added to the handbook as “Imported”`,
		`same-day: 2026-01-05 raised "" -> "Same day" (Raise it): raised as “Same day”`,
		`undated: 2026-01-05 raised "" -> "Undated" (Raise it): raised as “Undated”`,
	})
	if n := len(h.Meetings[0].Since.Raised); n != 3 {
		t.Errorf("the first meeting's digest has %d new concerns, want 3, the added one among them", n)
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestClosedDay wants the day a concern last moved to a closed status,
// not the first time it was closed.
func TestClosedDay(t *testing.T) {
	front := func(status string) string {
		return "title: ETL\nteam: data\nvalue: Low\neffort: Low\nstatus: " + status + "\n"
	}
	site := historySite(t, teamsAndConfig+`
-- content/concerns/etl.md --
---
title: ETL
team: data
value: Low
effort: Low
status: done
---
`, map[string][]version{
		"content/concerns/etl.md": {
			{"2026-01-05T10:00:00Z", "Raise", "content/concerns/etl.md", front("proposed")},
			{"2026-01-10T10:00:00Z", "Done", "content/concerns/etl.md", front("done")},
			{"2026-01-20T10:00:00Z", "Again", "content/concerns/etl.md", front("accepted")},
			{"2026-02-10T10:00:00Z", "Done again", "content/concerns/etl.md", front("dropped")},
			{"2026-02-12T10:00:00Z", "Done for good", "content/concerns/etl.md", front("done")},
		},
	})
	c := resolveHistory(t, site, "2026-03-01").Concerns[0]
	if got := c.Closed.Format(time.DateOnly); got != "2026-02-10" {
		t.Errorf("closed on %s, want 2026-02-10", got)
	}
}

const meetings = `
-- content/concerns/etl.md --
---
title: ETL
team: data
value: High
effort: Low
status: planned
---
-- content/meetings/2026-01-05-kick-off.md --
---
date: 2026-01-05
concerns: [etl]
actions:
  - task: Find out who owns the ETL
    done: 2026-02-02
  - task: Write the runbook
    done: 2026-02-10
  - task: Ask the vendor
    done: 2026-05-01
  - task: Draft the alerts
    done: true
  - task: Count the failures
    done: yes
---
-- content/meetings/2026-02-02-second.md --
---
date: 2026-02-02
concerns: [etl]
---
-- content/meetings/2026-03-02-third.md --
---
date: 2026-03-02
concerns: [etl]
---
`

// TestDoneDays wants each action done on a day listed at the meeting held
// that day or the first one after: done: DATE says the day, and for done:
// true the commit that marked it done does.
func TestDoneDays(t *testing.T) {
	kickOff := func(done string) string {
		return "date: 2026-01-05\nconcerns: [etl]\nactions:\n" +
			"  - task: Find out who owns the ETL\n    done: false\n" +
			"  - task: Write the runbook\n    done: false\n" +
			"  - task: Ask the vendor\n    done: false\n" +
			"  - task: Draft the alerts\n    done: " + done + "\n" +
			"  - task: Count the failures\n    done: yes\n"
	}
	site := historySite(t, teamsAndConfig+meetings, map[string][]version{
		"content/meetings/2026-01-05-kick-off.md": {
			{"2026-01-05T18:00:00Z", "Notes of the kick-off", "content/meetings/2026-01-05-kick-off.md", kickOff("false")},
			{"2026-02-15T09:00:00Z", "The alerts are drafted", "content/meetings/2026-01-05-kick-off.md", kickOff("true")},
		},
	})
	h := resolveHistory(t, site, "2026-04-01")
	closed := map[string][]string{}
	for _, m := range h.Meetings {
		for _, a := range m.Closed {
			closed[m.Slug] = append(closed[m.Slug], a.Task+" on "+a.DoneOn.Format(time.DateOnly))
		}
	}
	want := map[string][]string{
		"2026-02-02-second": {"Find out who owns the ETL on 2026-02-02"},
		"2026-03-02-third":  {"Write the runbook on 2026-02-10", "Draft the alerts on 2026-02-15"},
	}
	for slug, list := range want {
		sameLines(t, "closed at "+slug, closed[slug], list)
	}
	if len(closed) != len(want) {
		t.Errorf("closed at %v, want only at %v", closed, want)
	}
	var done []string
	for _, a := range h.Done {
		done = append(done, a.Task)
	}
	sameLines(t, "done, most recent first", done, []string{
		"Ask the vendor", "Draft the alerts", "Write the runbook", "Find out who owns the ETL", "Count the failures",
	})
	kick := h.Meetings[len(h.Meetings)-1]
	sameLines(t, "the kick-off's changes", told(kick.History), []string{
		`2026-01-05 added "" -> "Meeting of 5 January 2026" (Notes of the kick-off)`,
		`2026-02-15 done "" -> "Draft the alerts" (The alerts are drafted)`,
		`2026-04-01 done "" -> "Find out who owns the ETL" (not committed)`,
		`2026-04-01 done "" -> "Write the runbook" (not committed)`,
		`2026-04-01 done "" -> "Ask the vendor" (not committed)`,
	})
}

// TestDoneDaysWithoutHistory wants done: DATE to work with no history at
// all: the day is in the file.
func TestDoneDaysWithoutHistory(t *testing.T) {
	h := resolveHistory(t, historySite(t, teamsAndConfig+meetings, nil), "2026-04-01")
	var third *model.Meeting
	for _, m := range h.Meetings {
		if m.Slug == "2026-03-02-third" {
			third = m
		}
	}
	if len(third.Closed) != 1 || third.Closed[0].Task != "Write the runbook" {
		t.Errorf("closed at the third meeting: %v", third.Closed)
	}
	for _, a := range h.Actions {
		if a.Task == "Draft the alerts" && (!a.Done || !a.DoneOn.IsZero() || a.ClosedAt != nil) {
			t.Errorf("done: true with no history: done %v on %v at %v", a.Done, a.DoneOn, a.ClosedAt)
		}
	}
	if h.HistoryAvailable || h.HistoryMissing != "" || len(h.Warnings) == 0 || strings.Contains(h.Warnings.Error(), "history") {
		t.Errorf("history not read: available %v, missing %q, warnings %v", h.HistoryAvailable, h.HistoryMissing, h.Warnings)
	}
}

// TestMeetingThen wants a meeting's concerns as they stood on its day,
// beside how they stand now.
func TestMeetingThen(t *testing.T) {
	front := func(status, value string) string {
		return "title: ETL\nteam: data\nvalue: " + value + "\neffort: Low\nstatus: " + status + "\n"
	}
	site := historySite(t, teamsAndConfig+meetings, map[string][]version{
		"content/concerns/etl.md": {
			{"2026-01-02T10:00:00Z", "Raise", "content/concerns/etl.md", front("proposed", "Low")},
			{"2026-02-02T20:00:00Z", "Accept at the meeting", "content/concerns/etl.md", front("accepted", "Low")},
			{"2026-02-20T10:00:00Z", "Re-score", "content/concerns/etl.md", front("planned", "High")},
		},
	})
	h := resolveHistory(t, site, "2026-04-01")
	var got []string
	for _, m := range slices.Backward(h.Meetings) {
		th := m.Then[0]
		line := fmt.Sprintf("%s: %s %s, now %s %s, changed %v", m.Date.Format(time.DateOnly), th.Then.Status, th.Then.Value.Text, th.Now.Status, th.Now.Value.Text, th.Changed)
		for _, d := range th.Differences {
			line += fmt.Sprintf("; %s %s -> %s", d.Kind, d.Then, d.Now)
		}
		got = append(got, line)
	}
	sameLines(t, "the concern at each meeting", got, []string{
		"2026-01-05: proposed Low, now planned High, changed true; status proposed -> planned; value Low -> High",
		"2026-02-02: accepted Low, now planned High, changed true; status accepted -> planned; value Low -> High",
		"2026-03-02: planned High, now planned High, changed false",
	})
	var between []string
	for _, m := range slices.Backward(h.Meetings) {
		for _, c := range m.Changes { // newest first, a commit's changes in the order of the fields
			if c.Concern != nil {
				between = append(between, m.Date.Format(time.DateOnly)+": "+string(c.Kind)+" "+c.After)
			}
		}
	}
	sameLines(t, "changes up to each meeting", between, []string{
		"2026-01-05: raised ETL",
		"2026-02-02: status accepted",
		"2026-03-02: status planned",
		"2026-03-02: value High",
	})
	for _, c := range h.ChangesSinceMeeting {
		if c.Concern != nil { // the teams and meetings, which this history lacks, are new
			t.Errorf("changed since the last meeting: %s %s", c.Kind, c.After)
		}
	}
}

// TestReviewsDue wants the open concerns last reviewed longer ago than the
// review interval, by reviewed: or by their last change, the longest
// unreviewed first, each warned about.
func TestReviewsDue(t *testing.T) {
	concern := func(slug, more string) string {
		return "-- content/concerns/" + slug + ".md --\n---\n" + concernFront(slug, more) + "---\n"
	}
	raised := func(slug, more string) []version {
		return []version{{"2026-01-05T10:00:00Z", "Raise " + slug, "content/concerns/" + slug + ".md", concernFront(slug, more)}}
	}
	site := historySite(t, `
-- site.yaml --
title: T
baseURL: https://example.org/
scoring:
  reviewEvery: 30d
-- content/teams/data.md --
---
title: Data
---
`+concern("stale", "reviewed: 2026-01-10\n")+concern("changed", "status: accepted\nreviewed: 2026-01-10\n")+
		concern("closed", "status: done\n")+concern("never", ""), map[string][]version{
		"content/concerns/stale.md": raised("stale", "reviewed: 2026-01-10\n"),
		"content/concerns/changed.md": append(raised("changed", "reviewed: 2026-01-10\n"),
			version{"2026-02-20T10:00:00Z", "Accept", "content/concerns/changed.md", concernFront("changed", "status: accepted\nreviewed: 2026-01-10\n")}),
		"content/concerns/closed.md": raised("closed", "status: done\n"),
		"content/concerns/never.md":  raised("never", ""),
	})
	h := resolveHistory(t, site, "2026-03-01")
	var due []string
	for _, c := range h.ReviewsDue {
		due = append(due, c.Slug+" "+c.LastReview.Format(time.DateOnly))
	}
	sameLines(t, "reviews due", due, []string{"never 2026-01-05", "stale 2026-01-10"})
	if !strings.Contains(h.Warnings.Error(), "content/concerns/stale.md:1: last reviewed 2026-01-10, more than 30d ago (scoring.reviewEvery): look at it at the next meeting, then set reviewed: 2026-03-01") {
		t.Errorf("warnings:\n%v", h.Warnings)
	}
}

func concernFront(title, more string) string {
	return "title: " + title + "\nteam: data\nvalue: High\neffort: Low\n" + more
}

// TestHistoryMissing wants a history that could not be read said once,
// and every concern shown as it is.
func TestHistoryMissing(t *testing.T) {
	site := historySite(t, teamsAndConfig+meetings, nil)
	site.History = &load.History{Missing: "the site is not in a git repository (keep it in git)"}
	h := resolveHistory(t, site, "2026-04-01")
	n := strings.Count(h.Warnings.Error(), "history is not available")
	if n != 1 || !strings.Contains(h.Warnings.Error(), "content: history is not available: the site is not in a git repository (keep it in git)") {
		t.Errorf("warned %d times:\n%v", n, h.Warnings)
	}
	c := h.Concerns[0]
	if len(c.History) != 0 || len(c.States) != 0 || h.Meetings[0].Then[0].Now.Status != "planned" || h.Meetings[0].Then[0].Known {
		t.Errorf("without history: history %v, states %v, then %+v", c.History, c.States, h.Meetings[0].Then[0])
	}
}

// TestCachedHistoryIsTheSame resolves a site through a Cache, edits a
// concern's frontmatter and resolves again: the history must be what a
// resolve from scratch makes, and only the edited file's old versions
// worked out again.
func TestCachedHistoryIsTheSame(t *testing.T) {
	front := func(status string) string {
		return "title: ETL\nteam: data\nvalue: High\neffort: Low\nstatus: " + status + "\n"
	}
	site := historySite(t, teamsAndConfig+meetings, map[string][]version{
		"content/concerns/etl.md": {
			{"2026-01-02T10:00:00Z", "Raise", "content/concerns/etl.md", front("proposed")},
			{"2026-02-02T20:00:00Z", "Accept", "content/concerns/etl.md", front("accepted")},
		},
		"content/teams/data.md": {{"2026-01-01T10:00:00Z", "Set up", "content/teams/data.md", "title: Data\n"}},
	})
	day := mustDate(t, "2026-04-01")
	var cache Cache
	if _, err := cache.Resolve(site, day); err != nil {
		t.Fatal(err)
	}
	team := cache.past["content/teams/data.md"]
	if err := os.WriteFile(filepath.Join(site.Dir, "content/concerns/etl.md"), []byte("---\n"+front("done")+"---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := site.Reload([]string{"content/concerns/etl.md"}); err != nil {
		t.Fatal(err)
	}
	cached, err := cache.Resolve(site, day)
	if err != nil {
		t.Fatal(err)
	}
	fresh := resolveHistory(t, site, "2026-04-01")
	sameLines(t, "changes through the cache", told(deref(cached.Changes)), told(deref(fresh.Changes)))
	if got := told(cached.Concerns[0].History); got[len(got)-1] != `2026-04-01 status "accepted" -> "done" (not committed)` {
		t.Errorf("the edit is not the last change: %v", got)
	}
	if again := cache.past["content/teams/data.md"]; &again.steps.([]step[string])[0] != &team.steps.([]step[string])[0] {
		t.Errorf("the team's history was worked out again, though its file did not change")
	}
}

func deref(changes []*model.Change) []model.Change {
	out := make([]model.Change, len(changes))
	for i, c := range changes {
		out[i] = *c
	}
	return out
}

// TestUnreadableVersionsAreSkipped wants versions whose frontmatter is not
// YAML left out of the story, however many commits kept them so.
func TestUnreadableVersionsAreSkipped(t *testing.T) {
	front := func(status string) string {
		return "title: ETL\nteam: data\nvalue: Low\neffort: Low\nstatus: " + status + "\n"
	}
	site := historySite(t, teamsAndConfig+`
-- content/concerns/etl.md --
---
title: ETL
team: data
value: Low
effort: Low
status: accepted
---
`, map[string][]version{
		"content/concerns/etl.md": {
			{"2026-01-05T10:00:00Z", "Raise", "content/concerns/etl.md", front("proposed")},
			{"2026-01-10T10:00:00Z", "Break it", "content/concerns/etl.md", "title: [ETL\n"},
			{"2026-01-12T10:00:00Z", "Edit the body", "content/concerns/etl.md", "title: [ETL\n"},
			{"2026-01-20T10:00:00Z", "Mend and accept it", "content/concerns/etl.md", front("accepted")},
		},
	})
	sameLines(t, "changes", told(resolveHistory(t, site, "2026-02-01").Concerns[0].History), []string{
		`2026-01-05 raised "" -> "ETL" (Raise)`,
		`2026-01-20 status "proposed" -> "accepted" (Mend and accept it)`,
	})
}

// TestResolveOnceAsResolve wants a resolve that lets go of the frontmatter
// trees as it goes to make the handbook Resolve makes, and to let go of the
// tree of every file: those the history holds no older version of before
// it reads any, since nothing reads them again.
func TestResolveOnceAsResolve(t *testing.T) {
	front := func(status, value string) string {
		return "title: ETL\nteam: data\nvalue: " + value + "\neffort: Low\nstatus: " + status + "\n"
	}
	past := map[string][]version{
		"content/concerns/etl.md": {
			{"2026-01-02T10:00:00Z", "Raise", "content/concerns/etl.md", front("proposed", "Low")},
			{"2026-02-02T20:00:00Z", "Accept", "content/concerns/etl.md", front("accepted", "Low")},
			{"2026-02-20T10:00:00Z", "Re-score", "content/concerns/etl.md", front("planned", "High")},
		},
		"content/teams/data.md": {{"2026-01-01T10:00:00Z", "Set up", "content/teams/data.md", "title: Data\n"}},
	}
	day := mustDate(t, "2026-04-01")
	want, err := Resolve(historySite(t, teamsAndConfig+meetings, past), day)
	if err != nil {
		t.Fatal(err)
	}
	site := historySite(t, teamsAndConfig+meetings, past)
	got, err := ResolveOnce(site, day)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ResolveOnce made another handbook than Resolve")
	}
	for _, d := range site.Docs {
		if d.Front != nil {
			t.Errorf("%s: its tree is still held", d.File)
		}
	}

	site = historySite(t, teamsAndConfig+meetings, past)
	r := newResolver(site, nil)
	var order []string
	var mu sync.Mutex // meetings' histories are told on every core
	r.told = func(d *load.Document) { mu.Lock(); order = append(order, d.File); mu.Unlock() }
	if _, err := r.resolve(day); err != nil {
		t.Fatal(err)
	}
	etl := slices.Index(order, "content/concerns/etl.md")
	if etl < 0 {
		t.Fatalf("told %q, not the concern with a history", order)
	}
	for _, d := range site.Docs {
		if i := slices.Index(order, d.File); i < 0 || (d.File != "content/concerns/etl.md" && i > etl) {
			t.Errorf("%s, of one version at most, was told at %d of %q, not before the concern with older versions", d.File, i, order)
		}
	}
}
