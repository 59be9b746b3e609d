package resolve

import (
	"errors"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

func team(d *load.Document, errs *model.ErrorList) *model.Team {
	f := docFields(d, teamKeys, errs)
	f.require(teamKeys)
	return &model.Team{
		Source:         source(d),
		Slug:           d.Slug,
		Title:          f.title(),
		Representative: f.text("representative"),
		Members:        f.list("members"),
		SLO:            parsed(f, "slo", model.ParseSLO),
		Body:           d.Body,
	}
}

// concern reads a concern's fields; its team and tags are linked later, once
// every team is known.
func (r *resolver) concern(d *load.Document) (*model.Concern, *fields) {
	c := new(model.Concern)
	return c, r.readConcern(c, d)
}

// readConcern reads a concern's fields into c, whatever c held before: an
// old version's are read into the same Concern, one after another.
func (r *resolver) readConcern(c *model.Concern, d *load.Document) *fields {
	f := docFields(d, concernKeys, r.errs)
	scale := r.config.Scoring.Scale
	f.require(concernKeys)
	*c = model.Concern{
		Source:     source(d),
		Slug:       d.Slug,
		Title:      f.title(),
		Value:      parsed(f, "value", r.level),
		Effort:     parsed(f, "effort", r.level),
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
	return f
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

// level reads a field that must carry a level, naming the level a
// misspelt one is closest to.
func (r *resolver) level(text string) (model.Level, error) {
	l, err := r.config.Scoring.Scale.Parse(text)
	var unknown *model.UnknownLevelError
	if errors.As(err, &unknown) {
		unknown.Near = nearest(unknown.Text, unknown.Scale.Words())
	}
	return l, err
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

// meeting reads a meeting and its action items; references are linked later.
func (r *resolver) meeting(d *load.Document) (*model.Meeting, *fields) {
	f := docFields(d, meetingKeys, r.errs)
	f.require(meetingKeys)
	m := &model.Meeting{
		Source: source(d),
		Slug:   d.Slug,
		Title:  f.title(),
		Date:   f.date("date"),
		Body:   d.Body,
	}
	if m.Title == "" {
		m.Title = "Meeting of " + m.Date.Format("2 January 2006")
	}
	return m, f
}

func page(d *load.Document, errs *model.ErrorList) *model.Page {
	f := docFields(d, pageKeys, errs)
	f.require(pageKeys)
	return &model.Page{
		Source:      source(d),
		Slug:        d.Slug,
		Title:       f.title(),
		Description: f.description(),
		Body:        d.Body,
	}
}

// docFields reads a document's frontmatter; a missing field is reported at
// the opening --- line.
func docFields(d *load.Document, keys *keySet, errs *model.ErrorList) *fields {
	f := newFields(d.File, d.Front, keys.names, errs)
	f.line = d.Line
	return f
}

func source(d *load.Document) model.Source {
	return model.Source{File: d.File, Line: d.Line}
}
