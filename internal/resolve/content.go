package resolve

import (
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

var teamKeys = []string{"title", "representative", "members", "slo"}

var teamRequired = map[string]string{"title": "the team's name"}

func team(d *load.Document, errs *model.ErrorList) *model.Team {
	f := docFields(d, teamKeys, errs)
	f.require(teamRequired)
	return &model.Team{
		Source:         source(d),
		Slug:           d.Slug,
		Title:          f.text("title"),
		Representative: f.text("representative"),
		Members:        f.list("members"),
		SLO:            parsed(f, "slo", model.ParseSLO),
		Body:           d.Body,
	}
}

var concernKeys = []string{
	"title", "team", "value", "effort", "risk", "complexity", "blockers", "evidence",
	"ettd", "ettr", "impact", "frequency", "confidence", "urgency",
	"status", "observable", "signals", "owner", "tags", "raised", "reviewed",
}

var concernRequired = map[string]string{
	"title":  "a short name for the concern",
	"team":   "the slug of a file in content/teams/",
	"value":  "Low, Medium or High",
	"effort": "Low, Medium or High",
}

// concern reads a concern's fields; its team and tags are linked later, once
// every team is known.
func (r *resolver) concern(d *load.Document) (*model.Concern, *fields) {
	f := docFields(d, concernKeys, r.errs)
	scale := r.config.Scoring.Scale
	f.require(concernRequired)
	c := &model.Concern{
		Source:     source(d),
		Slug:       d.Slug,
		Title:      f.text("title"),
		Value:      parsed(f, "value", scale.Parse),
		Effort:     parsed(f, "effort", scale.Parse),
		Risk:       parsed(f, "risk", scale.ParseOptional),
		Complexity: parsed(f, "complexity", scale.ParseOptional),
		Blockers:   f.list("blockers"),
		Evidence:   f.list("evidence"),
		ETTD:       parsed(f, "ettd", model.ParseDuration),
		ETTR:       parsed(f, "ettr", model.ParseDuration),
		Impact:     parsed(f, "impact", model.ParseShare),
		Frequency:  parsed(f, "frequency", model.ParseRate),
		Confidence: parsed(f, "confidence", model.ParseConfidence),
		Urgency:    parsed(f, "urgency", scale.ParseOptional),
		Status:     r.status(f),
		Observable: observable(f),
		Signals:    f.list("signals"),
		Owner:      f.text("owner"),
		Raised:     f.date("raised"),
		Body:       d.Body,
	}
	c.Reviewed = f.date("reviewed")
	return c, f
}

// parsed reads a field written in the council's words, such as a level or
// an estimate; it is the zero value when left out or wrong.
func parsed[T any](f *fields, key string, parse func(string) (T, error)) T {
	var v T
	s := f.text(key)
	if s == "" {
		return v
	}
	v, err := parse(s)
	if err != nil {
		f.failKey(key, "%v", err)
	}
	return v
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

var meetingRequired = map[string]string{"date": "the day it was held, as YYYY-MM-DD"}

var actionKeys = []string{"task", "owner", "due", "done", "concern"}

var actionRequired = map[string]string{"task": "what is to be done"}

// meeting reads a meeting and its action items; references are linked later.
func (r *resolver) meeting(d *load.Document) (*model.Meeting, *fields) {
	f := docFields(d, meetingKeys, r.errs)
	f.require(meetingRequired)
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

var pageRequired = map[string]string{"title": "the page's heading"}

func page(d *load.Document, errs *model.ErrorList) *model.Page {
	f := docFields(d, pageKeys, errs)
	f.require(pageRequired)
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
	return model.Source{File: d.File, Line: d.Line}
}
