package resolve

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// warnings finds what is allowed but probably not meant: concerns no meeting
// has discussed, a tag written with commas as if it were several, action
// items nobody owns, or owned by someone on no team
// (when teams list their people), or that have no due date, risk,
// complexity or urgency written as one word that is nearly a level, risks
// above the budget cap that nobody is working on, concerns due for review,
// and, once, a history that could not be read.
func (r *resolver) warnings(h *model.Handbook) model.ErrorList {
	var list model.ErrorList
	for _, c := range h.Concerns {
		if len(c.Meetings) == 0 {
			list.Add(c.File, c.Line, "no meeting has discussed this concern yet (list it under concerns: in a meeting)")
		}
		for _, f := range []struct {
			name  string
			level model.Level
		}{{"risk", c.Risk}, {"complexity", c.Complexity}, {"urgency", c.Urgency}} {
			if near := r.nearLevel(f.level); near != "" {
				list.Add(c.File, c.Line, "%s: %q is not a level, so it is not scored (did you mean %q?)", f.name, f.level.Note, near)
			}
		}
		for _, t := range c.Tags {
			if strings.Contains(t.Name, ",") {
				list.Add(c.File, c.Line, "tags: %q is one tag, commas and all (for several tags, write them as a list: tags: %s)", t.Name, asList(t.Name))
			}
		}
		if a := c.Allocation; a != nil && a.MustFix && c.Status != model.StatusInProgress {
			list.Add(c.File, c.Line, "it is expected to cost %s bad minutes a year, %s%% of its error budget and over the cap of %s, so it must be fixed, but its status is %q (set status: %s while it is being fixed; once it is, update its estimates)",
				model.FormatNumber(a.Minutes), model.FormatNumber(a.Percent), a.Budget.CapShare.Text, c.Status, model.StatusInProgress)
		}
	}
	if h.HistoryMissing != "" {
		list.Add(load.ContentDir, 0, "history is not available: %s", h.HistoryMissing)
	}
	for _, c := range h.ReviewsDue {
		list.Add(c.File, c.Line, "last reviewed %s, more than %s ago (scoring.reviewEvery): look at it at the next meeting, then set reviewed: %s",
			c.LastReview.Format(time.DateOnly), r.config.Scoring.ReviewEvery.Text, h.Today.Format(time.DateOnly))
	}
	known := newNearNames(r.knownPeople())
	for _, m := range h.Meetings {
		for _, a := range m.Actions {
			switch {
			case a.Owner == "":
				list.Add(m.File, a.Line, "action %q has no owner", a.Task)
			case a.OwnerTeam == nil && len(known.names) > 0:
				hint := "add them to a team's members, or check the spelling"
				if near := nearestWithin(a.Owner, known, r.budget(m.File)); near != "" {
					hint = fmt.Sprintf("did you mean %q?", near)
				}
				list.Add(m.File, a.Line, "action %q: owner %q is not a representative or member of any team (%s)", a.Task, a.Owner, hint)
			}
			if a.Due.IsZero() && !a.Done {
				list.Add(m.File, a.Line, "action %q has no due date", a.Task)
			}
		}
	}
	list.Sort()
	return list
}

// nearLevel returns the level that an unscored one-word field is one or two
// letters away from, or "".
func (r *resolver) nearLevel(l model.Level) string {
	if l.Scored || l.Note == "" || strings.ContainsAny(l.Note, " ,") {
		return ""
	}
	return nearest(l.Note, r.config.Scoring.Scale.Words())
}

// knownPeople lists the representatives and members of every team, sorted;
// none when no team lists its people, and owners cannot be checked.
func (r *resolver) knownPeople() []string {
	var names []string
	for _, t := range r.teams {
		if t.Representative != "" {
			names = append(names, t.Representative)
		}
		names = append(names, t.Members...)
	}
	slices.Sort(names)
	return slices.Compact(names)
}
