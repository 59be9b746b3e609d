package resolve

import (
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// digests sums up, for every meeting held, what happened since the meeting
// before it, and for the handbook what happened since the last meeting
// held by the build date. It needs the changes shared out among the
// meetings (collectChanges) and the actions' done days (closeActions).
func digests(h *model.Handbook) {
	held := heldMeetings(h)
	var from time.Time
	for _, m := range held {
		m.Since = digest(h, from, m.Date, m.Changes)
		from = m.Date
		if !m.Date.After(h.Today) {
			h.LastMeeting = m
		} else if h.NextMeeting == nil {
			h.NextMeeting = m
		}
	}
	var since time.Time
	if h.LastMeeting != nil {
		since = h.LastMeeting.Date
	}
	h.SinceLastMeeting = digest(h, since, h.Today, h.ChangesSinceMeeting)
}

// digest sums up the period after the day from up to the end of the day
// to, whose changes are given newest first.
func digest(h *model.Handbook, from, to time.Time, changes []*model.Change) model.Digest {
	d := model.Digest{From: from, To: to}
	in := func(day time.Time) bool { return !day.IsZero() && day.After(from) && !day.After(to) }
	added := map[*model.Action]bool{} // added to a meeting's list in the period
	for _, ch := range changes {
		switch {
		case ch.Kind == model.ChangeAgreed && ch.Action != nil:
			added[ch.Action] = true
		case ch.Concern == nil:
		case ch.Kind == model.ChangeRaised:
			d.Raised = append(d.Raised, ch)
		case ch.Kind == model.ChangeStatus:
			d.Statuses = append(d.Statuses, ch)
		case ch.Kind == model.ChangeValue, ch.Kind == model.ChangeEffort, ch.Kind == model.ChangeRisk, ch.Kind == model.ChangeComplexity:
			d.Rescored = append(d.Rescored, ch)
		case ch.Kind == model.ChangeTeam, ch.Kind == model.ChangeTitle, ch.Kind == model.ChangeRenamed:
			d.Moved = append(d.Moved, ch)
		}
	}
	for _, a := range h.Actions {
		if in(a.Meeting.Date) || added[a] {
			d.Agreed = append(d.Agreed, a)
		}
		if a.Done && in(a.DoneOn) {
			d.Done = append(d.Done, a)
		}
		doneBy := a.Done && (a.DoneOn.IsZero() || !a.DoneOn.After(to))
		if !a.Due.IsZero() && !a.Due.Before(from) && a.Due.Before(to) && !doneBy {
			d.Overdue = append(d.Overdue, a)
		}
	}
	d.Empty = len(d.Raised)+len(d.Statuses)+len(d.Rescored)+len(d.Moved)+len(d.Agreed)+len(d.Done)+len(d.Overdue) == 0
	return d
}
