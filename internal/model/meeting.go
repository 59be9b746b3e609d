package model

import "time"

// Meeting is one council meeting and the action items it ended with.
type Meeting struct {
	Source
	Slug      string
	Title     string
	Date      time.Time
	Attendees []Attendee
	Concerns  []*Concern
	Actions   []*Action
	Body      Markdown

	// What the site's history tells of it, as fields of its own rather
	// than an embedded struct: a template finds a field of an embedded
	// struct by a search that allocates, on every use.

	// History is every change to it, oldest first.
	History []Change
	// Then is each concern it discussed as it stood at the end of the
	// meeting's day, in the order of Concerns.
	Then []ConcernThen
	// Closed lists the actions done on its day or since the meeting
	// before it, whichever meeting agreed them, by the day they were done.
	Closed []*Action
	// Changes are the changes made after the meeting before it, up to the
	// end of its day, newest first.
	Changes []*Change
	// Since is what happened after the meeting before it, up to the end
	// of its day.
	Since Digest
}

// Attendee is a team slug or a person's name from a meeting's attendee list.
type Attendee struct {
	Name   string // the person's name, or the team's title
	Team   *Team  // the team, or the person's team; nil when not known
	IsTeam bool   // listed as a whole team rather than a person
}

// Action is an action item agreed at a meeting.
type Action struct {
	Line    int // where the item starts in its meeting's file
	Task    string
	Owner   string
	Due     time.Time // zero when no date was set
	Done    bool
	Concern *Concern // nil when the action is not about one concern
	Meeting *Meeting
	// OwnerTeam is the team its owner belongs to, when one can be told.
	OwnerTeam *Team
	// DoneOn is the day it was done, from done: DATE, or from the commit
	// that marked it done; zero when not known.
	DoneOn time.Time
	// ClosedAt is the meeting held on the day it was done or the first one
	// after; nil when none has been held since.
	ClosedAt *Meeting
}

// State is where an action stands on a given day.
type State string

// The states of an action item.
const (
	StateOpen    State = "open"
	StateOverdue State = "overdue"
	StateDone    State = "done"
)

// StateOn returns the action's state on day: overdue once its due date has
// passed without it being done.
func (a *Action) StateOn(day time.Time) State {
	switch {
	case a.Done:
		return StateDone
	case !a.Due.IsZero() && a.Due.Before(day):
		return StateOverdue
	default:
		return StateOpen
	}
}

// Attended reports whether t, or one of its people, was at the meeting.
func (m *Meeting) Attended(t *Team) bool {
	for _, a := range m.Attendees {
		if a.Team == t {
			return true
		}
	}
	return false
}
