package resolve

import (
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

var teamKeys = []string{"title", "representative", "members"}

func team(d *load.Document, errs *model.ErrorList) *model.Team {
	f := docFields(d, teamKeys, errs)
	f.require(map[string]string{"title": "the team's name"}, "title")
	return &model.Team{
		Source:         source(d),
		Slug:           d.Slug,
		Title:          f.text("title"),
		Representative: f.text("representative"),
		Members:        f.list("members"),
		Body:           d.Body,
	}
}

var concernKeys = []string{
	"title", "team", "value", "effort", "risk", "complexity", "blockers", "evidence",
	"status", "observable", "signals", "owner", "tags", "raised",
}

// concern reads a concern's fields; its team and tags are linked later, once
// every team is known.
func (r *resolver) concern(d *load.Document) (*model.Concern, *fields) {
	f := docFields(d, concernKeys, r.errs)
	scale := r.config.Scoring.Scale
	f.require(map[string]string{
		"title":  "a short name for the concern",
		"team":   "the slug of a file in content/teams/",
		"value":  "Low, Medium or High",
		"effort": "Low, Medium or High",
	}, "title", "team", "value", "effort")
	c := &model.Concern{
		Source:     source(d),
		Slug:       d.Slug,
		Title:      f.text("title"),
		Value:      r.level(f, "value", scale.Parse),
		Effort:     r.level(f, "effort", scale.Parse),
		Risk:       r.level(f, "risk", scale.ParseOptional),
		Complexity: r.level(f, "complexity", scale.ParseOptional),
		Blockers:   f.list("blockers"),
		Evidence:   f.list("evidence"),
		Status:     r.status(f),
		Observable: observable(f),
		Signals:    f.list("signals"),
		Owner:      f.text("owner"),
		Raised:     f.date("raised"),
		Body:       d.Body,
	}
	return c, f
}

func (r *resolver) level(f *fields, key string, parse func(string) (model.Level, error)) model.Level {
	s := f.text(key)
	if s == "" {
		return model.Level{}
	}
	l, err := parse(s)
	if err != nil {
		f.failKey(key, "%v", err)
	}
	return l
}

func (r *resolver) status(f *fields) string {
	s := strings.ToLower(f.text("status"))
	if s == "" {
		return r.statuses[0]
	}
	if !slices.Contains(r.statuses, s) {
		f.failKey("status", "unknown status %q (%s)", s, suggest(s, r.statuses))
	}
	return s
}

var observableAnswers = map[string]model.Observability{
	"yes": model.ObservableYes, "true": model.ObservableYes,
	"partly": model.ObservablePartly, "partially": model.ObservablePartly,
	"no": model.ObservableNo, "false": model.ObservableNo,
}

func observable(f *fields) model.Observability {
	s := strings.ToLower(f.text("observable"))
	if s == "" {
		return model.ObservableUnknown
	}
	o, ok := observableAnswers[s]
	if !ok {
		f.failKey("observable", "want yes, partly or no (can we see this concern in our data today?), found %q", s)
	}
	return o
}

var meetingKeys = []string{"title", "date", "attendees", "concerns", "actions"}

var actionKeys = []string{"task", "owner", "due", "done", "concern"}

// meeting reads a meeting and its action items; references are linked later.
func (r *resolver) meeting(d *load.Document) (*model.Meeting, *fields) {
	f := docFields(d, meetingKeys, r.errs)
	f.require(map[string]string{"date": "the day it was held, as YYYY-MM-DD"}, "date")
	m := &model.Meeting{
		Source: source(d),
		Slug:   d.Slug,
		Title:  f.text("title"),
		Date:   f.date("date"),
		Body:   d.Body,
	}
	if m.Title == "" {
		m.Title = "Meeting of " + m.Date.Format("2 January 2006")
	}
	return m, f
}

var pageKeys = []string{"title", "description"}

func page(d *load.Document, errs *model.ErrorList) *model.Page {
	f := docFields(d, pageKeys, errs)
	f.require(map[string]string{"title": "the page's heading"}, "title")
	return &model.Page{
		Source:      source(d),
		Slug:        d.Slug,
		Title:       f.text("title"),
		Description: f.text("description"),
		Body:        d.Body,
	}
}

// docFields reads a document's frontmatter; a missing field is reported at
// the opening --- line.
func docFields(d *load.Document, allowed []string, errs *model.ErrorList) *fields {
	f := newFields(d.File, d.Front, allowed, errs)
	f.line = d.Line
	return f
}

func source(d *load.Document) model.Source {
	return model.Source{File: d.File, Line: d.Line, Hash: d.Hash, FrontHash: d.FrontHash}
}
