// Package export writes the handbook as data for other programs: every
// concern, team, meeting and action item with its scores as JSON (with
// the JSON Schema that describes it), the concerns and the action items as
// CSV for spreadsheets, and the action items' due dates as an iCalendar
// feed. docs/data.md describes every file and field.
package export

import (
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// Where the files are published, below the site's root.
const (
	JSONFile        = "handbook.json"
	SchemaFile      = "handbook.schema.json"
	ConcernsCSVFile = "concerns.csv"
	ActionsCSVFile  = "actions.csv"
	CalendarFile    = "actions.ics"
)

// Export is one handbook as data.
type Export struct {
	h   *model.Handbook
	url func(any) string
}

// New returns the export of h. url returns the absolute address of
// anything that has a page.
func New(h *model.Handbook, url func(any) string) *Export {
	return &Export{h: h, url: url}
}

// Files returns every file of the export by its path below the site's
// root, each written to out as it is made when its function is called.
func (e *Export) Files() map[string]func(out io.Writer) error {
	return map[string]func(io.Writer) error{
		JSONFile:        e.WriteJSON,
		SchemaFile:      WriteSchema,
		ConcernsCSVFile: e.WriteConcernsCSV,
		ActionsCSVFile:  e.WriteActionsCSV,
		CalendarFile:    e.WriteCalendar,
	}
}

// actionID names an action item for good: its meeting's slug and its
// place in the meeting's list, "2018-02-06-kickoff/2". Items are added to
// the end of a meeting's list, so an item keeps its id as others are
// added, and as its text, owner or due date change. Worked out when
// written, rather than kept for every item while the pages are made: a
// meeting has a few items.
func actionID(a *model.Action) string {
	return string(appendActionNumber(append([]byte(a.Meeting.Slug), '/'), a))
}

// appendActionNumber appends the action item's number among its meeting's,
// from 1: the end of its id.
func appendActionNumber(dst []byte, a *model.Action) []byte {
	return strconv.AppendInt(dst, int64(slices.Index(a.Meeting.Actions, a)+1), 10)
}

// actionURL is the address of an action item: its meeting's list of them.
func (e *Export) actionURL(a *model.Action) string { return e.url(a.Meeting) + "#actions" }

// isoDate writes a date as YYYY-MM-DD, "" for none.
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}
