package resolve

import (
	"slices"
	"sort"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// meetingState is how a meeting's file read after a change: what its
// history compares.
type meetingState struct {
	title   string
	date    time.Time
	actions []pastAction
}

// pastAction is an action item as a version of its meeting's file wrote it.
type pastAction struct {
	task string
	done bool
}

func sameMeeting(a, b meetingState) bool {
	return a.title == b.title && a.date.Equal(b.date) && slices.Equal(a.actions, b.actions)
}

// readActions reads the tasks of a meeting's action items and whether each
// is done, as linkMeeting reads them.
func readActions(f *fields) []pastAction {
	var actions []pastAction
	for _, n := range f.items("actions") {
		af := newFields(f.file, &n, actionKeys.names, f.errs)
		done, _ := af.done("done")
		actions = append(actions, pastAction{task: af.text("task"), done: done})
	}
	return actions
}

// find returns the index of the nth action (from 0) with the task, or -1:
// the same task twice in one meeting is told apart by its order.
func find(actions []pastAction, task string, nth int) int {
	for i, a := range actions {
		if a.task == task {
			if nth == 0 {
				return i
			}
			nth--
		}
	}
	return -1
}

// meetingHistories works out every meeting's changes: its title and date,
// the actions added to it after it was first written down and those marked
// done, and the day each action marked done: true was done, from the
// commit that marked it so.
func (r *resolver) meetingHistories(h *model.Handbook, docs map[string]*load.Document, hist *load.History) {
	order := inFileOrder(len(h.Meetings), func(i int) string { return h.Meetings[i].File })
	parallel.Each(len(order), func() func(int) {
		v := r.versions()
		var kept keptHistory
		decode := func(doc *load.Document) meetingState {
			m, f := v.r.meeting(doc)
			return meetingState{title: m.Title, date: m.Date, actions: readActions(f)}
		}
		return func(n int) {
			m := h.Meetings[order[n]]
			now := meetingState{title: m.Title, date: m.Date}
			for _, a := range m.Actions {
				now.actions = append(now.actions, pastAction{task: a.Task, done: a.Done})
			}
			d := docs[m.File]
			steps := cachedWalk(r, d, func() []step[meetingState] {
				return walk(v, load.KindMeeting, d, hist.Files[m.File], now, decode, sameMeeting)
			})
			r.tellMeeting(m, steps, h.Today, &kept)
			doneDays(m, steps, h.Today)
			r.done(d)
		}
	})
}

// tellMeeting writes the changes between a meeting's steps.
func (r *resolver) tellMeeting(m *model.Meeting, steps []step[meetingState], today time.Time, kept *keptHistory) {
	for i, s := range steps {
		change := func(kind model.ChangeKind, before, after string, a *model.Action) {
			ch := newChange(kind, before, after, s.commit, today)
			ch.Meeting, ch.Action = m, a
			kept.told = append(kept.told, ch)
		}
		if i == 0 {
			change(model.ChangeAdded, "", s.state.title, nil)
			continue
		}
		prev := steps[i-1]
		if prev.slug != s.slug {
			change(model.ChangeRenamed, prev.slug, s.slug, nil)
		}
		if prev.state.title != s.state.title {
			change(model.ChangeTitle, prev.state.title, s.state.title, nil)
		}
		if !prev.state.date.Equal(s.state.date) {
			change(model.ChangeDate, prev.state.date.Format(time.DateOnly), s.state.date.Format(time.DateOnly), nil)
		}
		seen := map[string]int{}
		for _, a := range s.state.actions {
			nth := seen[a.task]
			seen[a.task]++
			was := find(prev.state.actions, a.task, nth)
			switch {
			case was < 0:
				change(model.ChangeAgreed, "", a.task, currentAction(m, a.task, nth))
			case a.done && !prev.state.actions[was].done:
				change(model.ChangeDone, "", a.task, currentAction(m, a.task, nth))
			}
		}
	}
	m.History = kept.keep()
}

// currentAction returns the nth action of m with the task, or nil when
// the meeting no longer has it.
func currentAction(m *model.Meeting, task string, nth int) *model.Action {
	for _, a := range m.Actions {
		if a.Task == task {
			if nth == 0 {
				return a
			}
			nth--
		}
	}
	return nil
}

// doneDays dates each action marked done without a day: it was done on the
// day of the change that marked it done for good. An action done in the
// first version of its meeting's file has no such change, and no day.
func doneDays(m *model.Meeting, steps []step[meetingState], today time.Time) {
	seen := map[string]int{}
	for _, a := range m.Actions {
		nth := seen[a.Task]
		seen[a.Task]++
		if !a.Done || !a.DoneOn.IsZero() {
			continue
		}
		since := len(steps)
		for k := len(steps) - 1; k >= 0; k-- {
			i := find(steps[k].state.actions, a.Task, nth)
			if i < 0 || !steps[k].state.actions[i].done {
				break
			}
			since = k
		}
		if since > 0 && since < len(steps) {
			a.DoneOn, _ = steps[since].date(today)
		}
	}
}

// closeActions lists each action with a done day at the meeting held that
// day or the first one after, and lists every action done, the most
// recently done first.
func closeActions(h *model.Handbook) {
	held := heldMeetings(h)
	for _, a := range h.Actions {
		if !a.Done {
			continue
		}
		h.Done = append(h.Done, a)
		if a.DoneOn.IsZero() {
			continue
		}
		i := sort.Search(len(held), func(i int) bool { return !held[i].Date.Before(a.DoneOn) })
		if i < len(held) {
			a.ClosedAt = held[i]
			held[i].Closed = append(held[i].Closed, a)
		}
	}
	byDone := func(a, b *model.Action) int { return a.DoneOn.Compare(b.DoneOn) }
	for _, m := range held {
		slices.SortStableFunc(m.Closed, byDone)
	}
	slices.SortStableFunc(h.Done, func(a, b *model.Action) int {
		if a.DoneOn.IsZero() != b.DoneOn.IsZero() {
			if a.DoneOn.IsZero() {
				return 1
			}
			return -1
		}
		return -byDone(a, b)
	})
}

// heldMeetings lists the meetings with a date, oldest first.
func heldMeetings(h *model.Handbook) []*model.Meeting {
	var held []*model.Meeting
	for _, m := range slices.Backward(h.Meetings) { // newest first
		if !m.Date.IsZero() {
			held = append(held, m)
		}
	}
	return held
}
