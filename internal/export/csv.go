package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// The CSV files follow RFC 4180: a header row, fields quoted when they
// hold a comma, a quote or a line break, and CRLF after every row; they are
// UTF-8, with no byte order mark.

// column is a column of a CSV file: its name in the header row, and how
// an item fills it.
type column[T any] struct {
	name  string
	value func(*Export, T) string
}

// concernColumns are the columns of concerns.csv.
var concernColumns = []column[*model.Concern]{
	{"rank", func(_ *Export, c *model.Concern) string { return count(c.Rank) }},
	{"slug", func(_ *Export, c *model.Concern) string { return c.Slug }},
	{"title", func(_ *Export, c *model.Concern) string { return c.Title }},
	{"team", func(_ *Export, c *model.Concern) string { return teamName(c.Team) }},
	{"status", func(_ *Export, c *model.Concern) string { return c.Status }},
	{"open", func(e *Export, c *model.Concern) string { return yesNo(e.h.Config.Scoring.IsOpen(c.Status)) }},
	{"observable", func(_ *Export, c *model.Concern) string { return string(c.Observable) }},
	{"owner", func(_ *Export, c *model.Concern) string { return c.Owner }},
	{"tags", func(_ *Export, c *model.Concern) string {
		names := make([]string, len(c.Tags))
		for i, t := range c.Tags {
			names[i] = t.Name
		}
		return strings.Join(names, "; ")
	}},
	{"raised", func(_ *Export, c *model.Concern) string { return isoDate(c.Raised) }},
	{"value", func(_ *Export, c *model.Concern) string { return c.Value.Text }},
	{"value_score", func(_ *Export, c *model.Concern) string { return levelScore(c.Value) }},
	{"effort", func(_ *Export, c *model.Concern) string { return c.Effort.Text }},
	{"effort_score", func(_ *Export, c *model.Concern) string { return levelScore(c.Effort) }},
	{"risk", func(_ *Export, c *model.Concern) string { return c.Risk.Text }},
	{"risk_score", func(_ *Export, c *model.Concern) string { return levelScore(c.Risk) }},
	{"complexity", func(_ *Export, c *model.Concern) string { return c.Complexity.Text }},
	{"complexity_score", func(_ *Export, c *model.Concern) string { return levelScore(c.Complexity) }},
	{"blockers", func(_ *Export, c *model.Concern) string { return strconv.Itoa(len(c.Blockers)) }},
	{"priority", func(_ *Export, c *model.Concern) string {
		if !c.Priority.Scored {
			return ""
		}
		return number(c.Priority.Score)
	}},
	{"bad_minutes_a_year", func(_ *Export, c *model.Concern) string {
		if !c.Exposure.Estimated {
			return ""
		}
		return number(c.Exposure.Minutes)
	}},
	{"url", func(e *Export, c *model.Concern) string { return e.url(c) }},
}

// actionColumns are the columns of actions.csv.
var actionColumns = []column[*model.Action]{
	{"id", func(e *Export, a *model.Action) string { return actionID(a) }},
	{"task", func(_ *Export, a *model.Action) string { return a.Task }},
	{"owner", func(_ *Export, a *model.Action) string { return a.Owner }},
	{"owner_team", func(_ *Export, a *model.Action) string { return teamName(a.OwnerTeam) }},
	{"due", func(_ *Export, a *model.Action) string { return isoDate(a.Due) }},
	{"done", func(_ *Export, a *model.Action) string { return yesNo(a.Done) }},
	{"state", func(e *Export, a *model.Action) string { return string(a.StateOn(e.h.Today)) }},
	{"concern", func(_ *Export, a *model.Action) string {
		if a.Concern == nil {
			return ""
		}
		return a.Concern.Slug
	}},
	{"meeting", func(_ *Export, a *model.Action) string { return a.Meeting.Slug }},
	{"meeting_date", func(_ *Export, a *model.Action) string { return isoDate(a.Meeting.Date) }},
	{"url", func(e *Export, a *model.Action) string { return e.actionURL(a) }},
}

// WriteConcernsCSV writes concerns.csv to out: a row for every concern,
// by priority.
func (e *Export) WriteConcernsCSV(out io.Writer) error {
	return table(out, e, e.h.Concerns, concernColumns)
}

// WriteActionsCSV writes actions.csv to out: a row for every action item,
// by due date.
func (e *Export) WriteActionsCSV(out io.Writer) error {
	return table(out, e, e.h.Actions, actionColumns)
}

// table writes to out a header row with the columns' names and a row for
// each item.
func table[T any](out io.Writer, e *Export, items []T, columns []column[T]) error {
	w := csv.NewWriter(out)
	w.UseCRLF = true
	row := make([]string, len(columns))
	for i, c := range columns {
		row[i] = c.name
	}
	_ = w.Write(row) // an error of out's comes back from Error, after Flush
	for _, it := range items {
		for i, c := range columns {
			row[i] = cell(c.value(e, it))
		}
		_ = w.Write(row)
	}
	w.Flush()
	return w.Error()
}

// cell makes a value safe to open in a spreadsheet: one that starts with
// =, +, -, @, a tab or a carriage return would be run as a formula, so it
// gets a ' in front, which spreadsheets show as text and do not display.
func cell(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// teamName is a team's slug, "" for none.
func teamName(t *model.Team) string {
	if t == nil {
		return ""
	}
	return t.Slug
}

func levelScore(l model.Level) string {
	if !l.Scored {
		return ""
	}
	return number(l.Score)
}

// number writes a number as briefly as it can be read back exactly.
func number(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
