package search

import (
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// A document is one thing a search finds: a concern, a team, a meeting, an
// action item or a plain page. Its id is its place in the list of every
// document, kind after kind (kinds), each kind in the handbook's order:
// concerns by priority, so that a search with filters and no words lists
// them most urgent first.
type document struct {
	record record
	// What the search looks through, from the most telling to the least.
	title string
	names []string       // team, tags, owner, people
	texts []string       // the short texts of the frontmatter: signals, notes
	body  model.Markdown // read only while the document is analysed
}

// Bodies gives the text of the handbook's Markdown bodies.
type Bodies interface {
	// Use calls use with the text of body, which is use's only until it
	// returns.
	Use(body model.Markdown, use func(text []byte) error) error
}

// record is what a result shows of a document, published in the record
// files.
type record struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	Kind  string `json:"kind"`           // the kind's name, in the manifest's kinds
	Meta  string `json:"meta,omitempty"` // one line under the title: team and status, a date
	// Excerpt is the start of its text; when a document has none of its
	// own, result makes it from the body.
	Excerpt string `json:"excerpt,omitempty"`
}

// result returns the document's record with its excerpt, made from the
// text of its body when it has none of its own.
func (d *document) result(body []byte) record {
	r := d.record
	if r.Excerpt == "" {
		r.Excerpt = excerpt(body)
	}
	return r
}

// recordJSON returns the document's record, as the files of records
// hold it.
func (d *document) recordJSON(body []byte) []byte { return mustJSON(d.result(body)) }

// kind is a kind of document, as the manifest and the search page's type
// filter name it.
type kind struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	First int    `json:"first"` // the id of its first document
	Count int    `json:"count"`
}

// excerptRunes is about how long an excerpt is: two lines of a result.
const excerptRunes = 180

// kinds are the kinds of document, in id order, each with how many the
// handbook has and how to make the i-th.
var kinds = []struct {
	name, label string
	count       func(h *model.Handbook) int
	doc         func(h *model.Handbook, url func(any) string, i int) document
}{
	{"concern", "Concern", func(h *model.Handbook) int { return len(h.Concerns) },
		func(h *model.Handbook, url func(any) string, i int) document { return concernDoc(h.Concerns[i], url) }},
	{"team", "Team", func(h *model.Handbook) int { return len(h.Teams) },
		func(h *model.Handbook, url func(any) string, i int) document { return teamDoc(h.Teams[i], url) }},
	{"meeting", "Meeting", func(h *model.Handbook) int { return len(h.Meetings) },
		func(h *model.Handbook, url func(any) string, i int) document { return meetingDoc(h.Meetings[i], url) }},
	{"action", "Action item", func(h *model.Handbook) int { return len(h.Actions) },
		func(h *model.Handbook, url func(any) string, i int) document { return actionDoc(h.Actions[i], h, url) }},
	{"page", "Page", func(h *model.Handbook) int { return len(h.Pages) },
		func(h *model.Handbook, url func(any) string, i int) document { return pageDoc(h.Pages[i], url) }},
}

// kindsOf returns the kinds of document with where each starts in the
// handbook h.
func kindsOf(h *model.Handbook) []kind {
	out := make([]kind, len(kinds))
	n := 0
	for i, k := range kinds {
		out[i] = kind{Name: k.name, Label: k.label, First: n, Count: k.count(h)}
		n += out[i].Count
	}
	return out
}

// documents makes each document of a handbook when it is asked for: the
// index holds one document per core as it works through them, rather
// than every one at once.
type documents struct {
	h      *model.Handbook
	url    func(any) string // the address of anything with a page
	ranges []kind
}

func newDocuments(h *model.Handbook, url func(any) string) documents {
	return documents{h: h, url: url, ranges: kindsOf(h)}
}

// count returns how many documents there are.
func (ds documents) count() int {
	last := ds.ranges[len(ds.ranges)-1]
	return last.First + last.Count
}

// make returns the document of id.
func (ds documents) make(id int) document {
	k := 0
	for id >= ds.ranges[k].First+ds.ranges[k].Count {
		k++
	}
	d := kinds[k].doc(ds.h, ds.url, id-ds.ranges[k].First)
	d.record.Kind = kinds[k].name
	return d
}

// record returns the record of the document at id, its body read from
// bodies.
func (ds documents) record(id int, bodies Bodies) []byte {
	d := ds.make(id)
	var record []byte
	// A body that cannot be read fails its page, which is made before
	// the index: the index never publishes without it.
	if bodies.Use(d.body, func(body []byte) error { record = d.recordJSON(body); return nil }) != nil {
		record = d.recordJSON(nil)
	}
	return record
}

func concernDoc(c *model.Concern, url func(any) string) document {
	d := document{
		record: record{Title: c.Title, URL: url(c), Meta: join(" · ", c.Team.Name(), model.StatusLabel(c.Status))},
		title:  c.Title,
		body:   c.Body,
	}
	if c.Team != nil {
		d.names = append(d.names, c.Team.Title)
	}
	for _, t := range c.Tags {
		d.names = append(d.names, t.Name)
	}
	d.names = append(d.names, c.Owner)
	for _, l := range []model.Level{c.Value, c.Effort, c.Risk, c.Complexity, c.Urgency} {
		d.texts = append(d.texts, l.Note)
	}
	if !c.Risk.Scored {
		d.texts = append(d.texts, c.Risk.Text)
	}
	d.texts = append(d.texts, c.Signals...)
	d.texts = append(d.texts, c.Blockers...)
	d.texts = append(d.texts, c.Evidence...)
	return d
}

func teamDoc(t *model.Team, url func(any) string) document {
	d := document{
		record: record{Title: t.Title, URL: url(t)},
		title:  t.Title,
		names:  append([]string{t.Slug, t.Representative}, t.Members...),
		body:   t.Body,
	}
	if t.Representative != "" {
		d.record.Meta = "Represented by " + t.Representative
	}
	return d
}

func meetingDoc(m *model.Meeting, url func(any) string) document {
	d := document{
		record: record{Title: m.Title, URL: url(m), Meta: longDate(m)},
		title:  m.Title,
		names:  []string{m.Date.Format("2006-01-02"), m.Date.Format("January 2006")},
		body:   m.Body,
	}
	for _, a := range m.Attendees {
		d.names = append(d.names, a.Name)
	}
	return d
}

func actionDoc(a *model.Action, h *model.Handbook, url func(any) string) document {
	due := ""
	if !a.Due.IsZero() {
		due = "due " + a.Due.Format(dateLayout)
	}
	state := a.StateOn(h.Today)
	d := document{
		record: record{
			Title: a.Task, URL: url(a.Meeting) + "#actions",
			Meta:    join(" · ", a.Owner, due, model.StatusLabel(string(state))),
			Excerpt: "Agreed at " + a.Meeting.Title,
		},
		title: a.Task,
		names: []string{a.Owner},
		texts: []string{a.Meeting.Title},
	}
	if a.Concern != nil {
		d.record.Excerpt += ", about " + a.Concern.Title
		d.texts = append(d.texts, a.Concern.Title)
	}
	if a.OwnerTeam != nil {
		d.names = append(d.names, a.OwnerTeam.Title)
	}
	return d
}

func pageDoc(p *model.Page, url func(any) string) document {
	return document{
		record: record{Title: p.Title, URL: url(p), Excerpt: p.Description},
		title:  p.Title,
		texts:  []string{p.Description},
		body:   p.Body,
	}
}

// dateLayout writes a date as the pages do.
const dateLayout = "2 January 2006"

func longDate(m *model.Meeting) string {
	if m.Date.IsZero() {
		return ""
	}
	return m.Date.Format(dateLayout)
}

// join joins the parts that are not empty.
func join(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
