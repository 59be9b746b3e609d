package render

import (
	"cmp"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// Agenda is what the next meeting should look at, beyond what changed
// since the last one (the handbook's SinceLastMeeting) and the concerns
// due for review (its ReviewsDue).
type Agenda struct {
	// Owners are the open action items grouped by owner, by name, those
	// with no owner last.
	Owners []OwnerActions
	// Undiscussed are the open concerns no meeting has discussed yet, by
	// priority.
	Undiscussed []*model.Concern
}

// OwnerActions are one owner's open action items: the overdue first, then
// the others, each by due date.
type OwnerActions struct {
	Owner   string // "" for the items nobody owns
	Team    *model.Team
	Actions []*model.Action
	Overdue int // how many of Actions are overdue
}

func newAgenda(h *model.Handbook, actions ActionsByState) Agenda {
	var a Agenda
	byOwner := map[string]*OwnerActions{}
	add := func(list []*model.Action, overdue bool) {
		for _, act := range list {
			o := byOwner[act.Owner]
			if o == nil {
				o = &OwnerActions{Owner: act.Owner, Team: act.OwnerTeam}
				byOwner[act.Owner] = o
			}
			o.Actions = append(o.Actions, act)
			if overdue {
				o.Overdue++
			}
		}
	}
	add(actions.Overdue, true)
	add(actions.Open, false)
	for _, o := range byOwner {
		a.Owners = append(a.Owners, *o)
	}
	slices.SortFunc(a.Owners, func(x, y OwnerActions) int {
		if (x.Owner == "") != (y.Owner == "") {
			if x.Owner == "" {
				return 1
			}
			return -1
		}
		return cmp.Or(model.CompareFold(x.Owner, y.Owner), strings.Compare(x.Owner, y.Owner))
	})
	for _, c := range h.Concerns {
		if c.Open && len(c.Meetings) == 0 {
			a.Undiscussed = append(a.Undiscussed, c)
		}
	}
	return a
}
