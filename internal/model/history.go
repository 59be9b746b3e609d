package model

import (
	"strings"
	"time"
)

// ChangeKind is what a change to a piece of content did.
type ChangeKind string

// The kinds of change the history tells of.
const (
	// A concern's file was first committed, on or before the day it says
	// it was raised, or it says no day.
	ChangeRaised ChangeKind = "raised"
	// A file was first committed: a team's or a meeting's, or a concern's
	// after the day it says it was raised, brought into the handbook then
	// from a meeting's notes or from another tracker.
	ChangeAdded  ChangeKind = "added"
	ChangeStatus ChangeKind = "status" // a concern's status
	// A concern's levels, one kind each.
	ChangeValue      ChangeKind = "value"
	ChangeEffort     ChangeKind = "effort"
	ChangeRisk       ChangeKind = "risk"
	ChangeComplexity ChangeKind = "complexity"
	ChangeTeam       ChangeKind = "team"    // a concern moved to another team
	ChangeTitle      ChangeKind = "title"   // the title was changed
	ChangeRenamed    ChangeKind = "renamed" // the file was renamed, and so its address changed
	ChangeDate       ChangeKind = "date"    // a meeting's date was corrected
	ChangeAgreed     ChangeKind = "agreed"  // an action was added to a meeting
	ChangeDone       ChangeKind = "done"    // an action was marked done
)

// Change is one change to the frontmatter of a concern, team or meeting, as
// the site's history tells it.
type Change struct {
	Kind ChangeKind
	// Before and After are the changed field in the council's words:
	// "Low-Medium" and "High", "accepted" and "planned", a team's title, a
	// slug; Before is "" for what was not recorded before, and for a
	// concern raised.
	Before, After string
	// Date is the day of the change in its author's time zone, written
	// like a meeting's date; Time is the moment.
	Date time.Time
	Time time.Time
	// Commit is the commit's id and Subject the first line of its message;
	// both "" for an edit not committed yet.
	Commit  string
	Subject string
	// Uncommitted is true for an edit in the working folder that is not
	// committed yet, dated the day of the build.
	Uncommitted bool

	// What changed: one of these is set, and Action too for an action.
	Concern *Concern
	Team    *Team
	Meeting *Meeting
	Action  *Action
}

// ConcernState is a concern as the council had written it down after one
// change: what a reader would have seen then.
type ConcernState struct {
	Date time.Time // the day it came to stand so, like a meeting's date

	Title                           string
	Slug                            string // its file's name then
	Team                            *Team  // nil when it had none, or its team is gone
	TeamName                        string // the team's title, or the slug it named
	Status                          string
	Open                            bool // whether its status was an open one
	Value, Effort, Risk, Complexity Level
	Priority                        float64 // its priority score, as the site scores now
	Scored                          bool    // false when the method lacked an input then
}

// ConcernThen is a concern a meeting discussed, as it stood at the end of
// the meeting's day and as it stands now.
type ConcernThen struct {
	Concern *Concern
	Then    *ConcernState
	Now     *ConcernState
	// Known is false when the history does not reach back to the meeting's
	// day, or is not available: Then is the first state known.
	Known bool
	// Changed is true when its title, team, status or a level changed
	// since.
	Changed bool
	// Differences are the fields that read otherwise now than Then, in
	// the order a concern's changes are told; empty when Changed is false.
	Differences []Difference
}

// Difference is one field of a concern that reads otherwise on one day
// than on another, in the council's words, as a Change words it.
type Difference struct {
	Kind      ChangeKind
	Then, Now string
}

// StateOn returns how the concern stood at the end of day, and whether
// its history reaches back that far; when it does not, it returns the
// first state known. It returns nil when the history is not available.
func (c *Concern) StateOn(day time.Time) (*ConcernState, bool) {
	if len(c.States) == 0 {
		return nil, false
	}
	found := -1
	for i := range c.States { // in the order of the changes, which their dates need not follow
		if !c.States[i].Date.After(day) {
			found = i
		}
	}
	if found < 0 {
		return &c.States[0], false
	}
	return &c.States[found], true
}

// Digest is what happened to the handbook between two meetings, as a
// council reads it before the next one: after the day From (zero: from the
// start) up to the end of the day To. Changes are newest first; actions are
// in the handbook's order of actions.
type Digest struct {
	From, To time.Time
	Raised   []*Change // concerns raised, or added to the handbook
	Statuses []*Change // concerns moved to another status
	Rescored []*Change // a concern's value, effort, risk or complexity changed
	Moved    []*Change // concerns handed to another team, retitled or renamed
	// ConcernChanges counts the four lists above, for a page that says how
	// many there are without reading them.
	ConcernChanges int
	Agreed         []*Action // agreed at a meeting held in it, or added to a meeting's list in it
	Done           []*Action // done in it
	// Overdue are the actions that fell overdue in it and were not done
	// by its end: due on From or after, and before To. An action done on a
	// day not known is not counted.
	Overdue []*Action
}

// ChangeWords says what a change did, in words that follow the name of
// what it changed: "status Accepted → Planned", "handed from Data to
// Platform". Pages and the feed word changes with it alike.
func ChangeWords(kind ChangeKind, before, after string) string {
	quote := func(s string) string { return "“" + s + "”" }
	switch kind {
	case ChangeRaised:
		return "raised as " + quote(after)
	case ChangeAdded:
		return "added to the handbook as " + quote(after)
	case ChangeStatus:
		if before == "" {
			return "status set to " + StatusLabel(after)
		}
		return "status " + StatusLabel(before) + " → " + StatusLabel(after)
	case ChangeValue, ChangeEffort, ChangeRisk, ChangeComplexity:
		// A level is a word or two joined by a hyphen; the council's own
		// words, which may say anything, are quoted.
		level := func(s string) string {
			if strings.ContainsAny(s, " ,") {
				return quote(s)
			}
			return s
		}
		switch {
		case before == "":
			return string(kind) + " set to " + level(after)
		case after == "":
			return string(kind) + " taken out (was " + level(before) + ")"
		}
		return string(kind) + " " + level(before) + " → " + level(after)
	case ChangeTeam:
		switch {
		case before == "":
			return "given to " + after
		case after == "":
			return "taken from " + before + ", now of no team"
		}
		return "handed from " + before + " to " + after
	case ChangeTitle:
		return "retitled from " + quote(before) + " to " + quote(after)
	case ChangeRenamed:
		return "file renamed from " + before + ".md to " + after + ".md, a new address"
	case ChangeDate:
		return "date corrected from " + before + " to " + after
	case ChangeAgreed:
		return "action item added: " + quote(after)
	case ChangeDone:
		return "action item marked done: " + quote(after)
	}
	return string(kind) + ": " + before + " → " + after
}
