package resolve

import (
	"slices"
	"sort"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// digests sums up, for every meeting held, what happened since the meeting
// before it, and for the handbook what happened since the last meeting
// held by the build date. It needs the changes shared out among the
// meetings (collectChanges) and the actions' done days (closeActions).
func digests(h *model.Handbook) {
	held := heldMeetings(h)
	candidates := actionsByPeriod(h.Actions, held)
	var from time.Time
	for i, m := range held {
		m.Since = digest(candidates(i, m.Changes), from, m.Date, m.Changes)
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
	h.SinceLastMeeting = digest(h.Actions, since, h.Today, h.ChangesSinceMeeting)
}

// actionsByPeriod returns, for the period before each of the held meetings
// (oldest first), the actions that may belong to its digest: those agreed,
// done or due in it, and those its changes added to a meeting, in the
// handbook's order of actions. Sharing them out once spares every digest a
// look at every action: thousands of meetings times thousands of actions.
func actionsByPeriod(actions []*model.Action, held []*model.Meeting) func(i int, changes []*model.Change) []*model.Action {
	// held is in the order of the days (heldMeetings), and the period of
	// meeting i runs from the day after meeting i-1 to the day of meeting
	// i: a day belongs to the first meeting on or after it. A due day
	// belongs to the first meeting after it: due on the day of a meeting
	// is overdue for the next one.
	onOrAfter := func(day time.Time) int {
		return sort.Search(len(held), func(i int) bool { return !held[i].Date.Before(day) })
	}
	after := func(day time.Time) int {
		return sort.Search(len(held), func(i int) bool { return held[i].Date.After(day) })
	}
	order := make(map[*model.Action]int, len(actions))
	byPeriod := make([][]int, len(held)+1)
	for k, a := range actions {
		order[a] = k
		add := func(i int) {
			if list := byPeriod[i]; len(list) == 0 || list[len(list)-1] != k {
				byPeriod[i] = append(list, k)
			}
		}
		if !a.Meeting.Date.IsZero() {
			add(onOrAfter(a.Meeting.Date))
		}
		if a.Done && !a.DoneOn.IsZero() {
			add(onOrAfter(a.DoneOn))
		}
		if !a.Due.IsZero() {
			add(after(a.Due))
		}
	}
	return func(i int, changes []*model.Change) []*model.Action {
		ks := byPeriod[i]
		for _, ch := range changes {
			if ch.Kind == model.ChangeAgreed && ch.Action != nil {
				ks = append(ks[:len(ks):len(ks)], order[ch.Action])
			}
		}
		slices.Sort(ks)
		ks = slices.Compact(ks)
		out := make([]*model.Action, len(ks))
		for j, k := range ks {
			out[j] = actions[k]
		}
		return out
	}
}

// digest sums up the period after the day from up to the end of the day
// to, whose changes are given newest first, from the actions that may
// belong to it, in the handbook's order.
func digest(actions []*model.Action, from, to time.Time, changes []*model.Change) model.Digest {
	d := model.Digest{From: from, To: to}
	in := func(day time.Time) bool { return !day.IsZero() && day.After(from) && !day.After(to) }
	added := map[*model.Action]bool{} // added to a meeting's list in the period
	for _, ch := range changes {
		switch {
		case ch.Kind == model.ChangeAgreed && ch.Action != nil:
			added[ch.Action] = true
		case ch.Concern == nil:
		case ch.Kind == model.ChangeRaised, ch.Kind == model.ChangeAdded:
			d.Raised = append(d.Raised, ch)
		case ch.Kind == model.ChangeStatus:
			d.Statuses = append(d.Statuses, ch)
		case ch.Kind == model.ChangeValue, ch.Kind == model.ChangeEffort, ch.Kind == model.ChangeRisk, ch.Kind == model.ChangeComplexity:
			d.Rescored = append(d.Rescored, ch)
		case ch.Kind == model.ChangeTeam, ch.Kind == model.ChangeTitle, ch.Kind == model.ChangeRenamed:
			d.Moved = append(d.Moved, ch)
		}
	}
	for _, a := range actions {
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
	d.ConcernChanges = len(d.Raised) + len(d.Statuses) + len(d.Rescored) + len(d.Moved)
	return d
}
