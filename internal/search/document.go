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
// handbook has and how to make the i-th: whole, or only what its record
// is made from (its record without the excerpt that its body gives, and
// its body).
var kinds = []struct {
	name, label string
	count       func(h *model.Handbook) int
	doc, record func(h *model.Handbook, url func(any) string, i int) document
}{
	{"concern", "Concern", func(h *model.Handbook) int { return len(h.Concerns) },
		func(h *model.Handbook, url func(any) string, i int) document { return concernDoc(h.Concerns[i], url) },
		func(h *model.Handbook, url func(any) string, i int) document {
			return concernRecord(h.Concerns[i], url)
		}},
	{"team", "Team", func(h *model.Handbook) int { return len(h.Teams) },
		func(h *model.Handbook, url func(any) string, i int) document { return teamDoc(h.Teams[i], url) },
		func(h *model.Handbook, url func(any) string, i int) document { return teamRecord(h.Teams[i], url) }},
	{"meeting", "Meeting", func(h *model.Handbook) int { return len(h.Meetings) },
		func(h *model.Handbook, url func(any) string, i int) document { return meetingDoc(h.Meetings[i], url) },
		func(h *model.Handbook, url func(any) string, i int) document {
			return meetingRecord(h.Meetings[i], url)
		}},
	{"action", "Action item", func(h *model.Handbook) int { return len(h.Actions) },
		func(h *model.Handbook, url func(any) string, i int) document { return actionDoc(h.Actions[i], h, url) },
		func(h *model.Handbook, url func(any) string, i int) document {
			return actionRecord(h.Actions[i], h, url)
		}},
	{"page", "Page", func(h *model.Handbook) int { return len(h.Pages) },
		func(h *model.Handbook, url func(any) string, i int) document { return pageDoc(h.Pages[i], url) },
		func(h *model.Handbook, url func(any) string, i int) document { return pageRecord(h.Pages[i], url) }},
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
	k, i := ds.kindOf(id)
	d := kinds[k].doc(ds.h, ds.url, i)
	d.record.Kind = kinds[k].name
	return d
}

// kindOf returns the kind of the document of id, and its place among the
// documents of its kind.
func (ds documents) kindOf(id int) (k, i int) {
	for id >= ds.ranges[k].First+ds.ranges[k].Count {
		k++
	}
	return k, id - ds.ranges[k].First
}

// appendRecord appends the record of the document at id, its body read
// from bodies, as JSON.
func (ds documents) appendRecord(dst []byte, id int, bodies Bodies) []byte {
	k, i := ds.kindOf(id)
	d := kinds[k].record(ds.h, ds.url, i)
	d.record.Kind = kinds[k].name
	from := len(dst)
	// A body that cannot be read fails its page, which is made before
	// the index: the index never publishes without it.
	if bodies.Use(d.body, func(body []byte) error { dst = d.result(body).appendJSON(dst); return nil }) != nil {
		dst = d.result(nil).appendJSON(dst[:from])
	}
	return dst
}

func concernRecord(c *model.Concern, url func(any) string) document {
	return document{
		record: record{Title: c.Title, URL: url(c), Meta: join(" · ", c.Team.Name(), model.StatusLabel(c.Status))},
		body:   c.Body,
	}
}

func concernDoc(c *model.Concern, url func(any) string) document {
	d := concernRecord(c, url)
	d.title = c.Title
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

func teamRecord(t *model.Team, url func(any) string) document {
	d := document{record: record{Title: t.Title, URL: url(t)}, body: t.Body}
	if t.Representative != "" {
		d.record.Meta = "Represented by " + t.Representative
	}
	return d
}

func teamDoc(t *model.Team, url func(any) string) document {
	d := teamRecord(t, url)
	d.title = t.Title
	d.names = append([]string{t.Slug, t.Representative}, t.Members...)
	return d
}

func meetingRecord(m *model.Meeting, url func(any) string) document {
	return document{record: record{Title: m.Title, URL: url(m), Meta: longDate(m)}, body: m.Body}
}

func meetingDoc(m *model.Meeting, url func(any) string) document {
	d := meetingRecord(m, url)
	d.title = m.Title
	d.names = []string{m.Date.Format("2006-01-02"), m.Date.Format("January 2006")}
	for _, a := range m.Attendees {
		d.names = append(d.names, a.Name)
	}
	return d
}

func actionRecord(a *model.Action, h *model.Handbook, url func(any) string) document {
	due := ""
	if !a.Due.IsZero() {
		due = "due " + a.Due.Format(dateLayout)
	}
	r := record{
		Title: a.Task, URL: url(a.Meeting) + "#actions",
		Meta:    join(" · ", a.Owner, due, model.StatusLabel(string(a.StateOn(h.Today)))),
		Excerpt: "Agreed at " + a.Meeting.Title,
	}
	if a.Concern != nil {
		r.Excerpt += ", about " + a.Concern.Title
	}
	return document{record: r}
}

func actionDoc(a *model.Action, h *model.Handbook, url func(any) string) document {
	d := actionRecord(a, h, url)
	d.title = a.Task
	d.names = []string{a.Owner}
	d.texts = []string{a.Meeting.Title}
	if a.Concern != nil {
		d.texts = append(d.texts, a.Concern.Title)
	}
	if a.OwnerTeam != nil {
		d.names = append(d.names, a.OwnerTeam.Title)
	}
	return d
}

func pageRecord(p *model.Page, url func(any) string) document {
	return document{record: record{Title: p.Title, URL: url(p), Excerpt: p.Description}, body: p.Body}
}

func pageDoc(p *model.Page, url func(any) string) document {
	d := pageRecord(p, url)
	d.title = p.Title
	d.texts = []string{p.Description}
	return d
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
