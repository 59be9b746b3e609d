package export

import (
	"io"
	"strconv"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// Version is the version of handbook.json's format. A field added keeps
// it; a field removed or changed in meaning moves it on, so that a program
// reading the file can tell the format it was written for.
const Version = 1

// The functions below write handbook.json field by field, as
// handbook.schema.json describes it; the tests validate the output against
// the schema, which allows no field it does not describe. Every key is
// always present: a value not recorded is null, a list with nothing in it
// is [].

// concernBatch is how many concerns are written at once, on every core,
// before they are copied into the file. Writing them all first would hold
// their text twice, a hundred megabytes at 50,000 concerns.
const concernBatch = 256

// concernBatches writes concerns a batch at a time, reusing its buffers.
type concernBatches struct {
	e      *Export
	chunks [][]byte // one per concern of a batch
}

// write writes each concern of list, at most concernBatch, into its own
// buffer; the buffers are written over by the next call.
func (b *concernBatches) write(list []*model.Concern) [][]byte {
	parallel.Each(len(list), func() func(int) {
		return func(i int) {
			w := jsonWriter{b: b.chunks[i][:0]}
			b.e.concern(&w, list[i])
			b.chunks[i] = w.b
		}
	})
	return b.chunks[:len(list)]
}

// WriteJSON writes handbook.json to out: the whole handbook, with its
// scores.
func (e *Export) WriteJSON(out io.Writer) error {
	h := e.h
	batches := concernBatches{e: e, chunks: make([][]byte, min(concernBatch, len(h.Concerns)))}
	w := jsonWriter{b: make([]byte, 0, 2*spillAt), out: out}
	w.open()
	w.key("$schema")
	w.str(h.Config.BaseURL + SchemaFile)
	w.key("version")
	w.integer(Version)
	w.key("title")
	w.str(h.Config.Title)
	w.key("baseURL")
	w.str(h.Config.BaseURL)
	w.key("built")
	w.date(h.Today)
	w.key("scoring")
	scoring(&w, h.Config.Scoring)
	w.key("budgets")
	w.openList()
	for _, b := range h.Budgets {
		w.open()
		w.key("team")
		teamSlug(&w, b.Team)
		w.key("slo")
		share(&w, b.SLO)
		for _, f := range []struct {
			key string
			n   float64
		}{{"minutes", b.Minutes}, {"cap", b.Cap}, {"expected", b.Expected}, {"accepted", b.Accepted}, {"unallocated", b.Unallocated}, {"over", b.Over}} {
			w.key(f.key)
			w.number(f.n)
		}
		w.key("mustFix")
		w.integer(b.MustFix)
		w.close()
	}
	w.closeList()

	w.key("teams")
	w.openList()
	for _, t := range h.Teams {
		w.open()
		page(&w, t.Slug, t.Title, e.url(t), t.File)
		w.key("representative")
		w.text(t.Representative)
		w.key("members")
		w.strs(t.Members)
		w.key("slo")
		optionalShare(&w, t.SLO)
		w.key("concerns")
		slugs(&w, t.Concerns, concernSlug)
		w.key("meetings")
		slugs(&w, t.Meetings, meetingSlug)
		w.key("actions")
		slugs(&w, t.Actions, actionID)
		w.close()
		w.spill()
	}
	w.closeList()

	w.key("concerns")
	w.openList()
	for from := 0; from < len(h.Concerns); from += concernBatch {
		for i, c := range batches.write(h.Concerns[from:min(from+concernBatch, len(h.Concerns))]) {
			if from+i > 0 {
				w.b = append(w.b, ',')
			}
			w.b = append(w.b, c...)
			w.spill()
		}
	}
	w.closeList()

	w.key("meetings")
	w.openList()
	for _, m := range h.Meetings {
		w.open()
		page(&w, m.Slug, m.Title, e.url(m), m.File)
		w.key("date")
		w.date(m.Date)
		w.key("attendees")
		w.openList()
		for _, a := range m.Attendees {
			w.open()
			w.key("name")
			w.str(a.Name)
			w.key("team")
			teamSlug(&w, a.Team)
			w.key("isTeam")
			w.boolean(a.IsTeam)
			w.close()
		}
		w.closeList()
		w.key("concerns")
		slugs(&w, m.Concerns, concernSlug)
		w.key("actions")
		slugs(&w, m.Actions, actionID)
		w.close()
		w.spill()
	}
	w.closeList()

	w.key("actions")
	w.openList()
	for _, a := range h.Actions {
		w.open()
		w.key("id")
		w.str(actionID(a))
		w.key("url")
		w.str(e.actionURL(a))
		w.key("meeting")
		w.str(a.Meeting.Slug)
		w.key("task")
		w.str(a.Task)
		w.key("owner")
		w.text(a.Owner)
		w.key("ownerTeam")
		teamSlug(&w, a.OwnerTeam)
		w.key("due")
		w.date(a.Due)
		w.key("done")
		w.boolean(a.Done)
		w.key("state")
		w.str(string(a.StateOn(h.Today)))
		w.key("concern")
		if a.Concern != nil {
			w.str(a.Concern.Slug)
		} else {
			w.null()
		}
		w.close()
		w.spill()
	}
	w.closeList()
	w.close()
	return w.finish()
}

func (e *Export) concern(w *jsonWriter, c *model.Concern) {
	w.open()
	page(w, c.Slug, c.Title, e.url(c), c.File)
	w.key("team")
	teamSlug(w, c.Team)
	w.key("status")
	w.str(c.Status)
	w.key("open")
	w.boolean(e.h.Config.Scoring.IsOpen(c.Status))
	w.key("observable")
	w.text(string(c.Observable))
	w.key("owner")
	w.text(c.Owner)
	w.key("tags")
	w.openList()
	for _, t := range c.Tags {
		w.str(t.Name)
	}
	w.closeList()
	w.key("raised")
	w.date(c.Raised)
	w.key("rank")
	if c.Rank > 0 {
		w.integer(c.Rank)
	} else {
		w.null()
	}

	w.key("priority")
	w.open()
	w.key("method")
	w.str(c.Priority.Method.Name)
	w.key("score")
	w.number(c.Priority.Score)
	w.key("scored")
	w.boolean(c.Priority.Scored)
	w.key("missing")
	w.text(c.Priority.Missing)
	w.close()

	for _, l := range []struct {
		key   string
		level model.Level
	}{{"value", c.Value}, {"effort", c.Effort}, {"risk", c.Risk}, {"complexity", c.Complexity}, {"urgency", c.Urgency}} {
		w.key(l.key)
		level(w, l.level)
	}
	w.key("blockers")
	w.strs(c.Blockers)
	w.key("evidence")
	w.strs(c.Evidence)
	w.key("signals")
	w.strs(c.Signals)

	w.key("estimates")
	w.open()
	w.key("timeToDetect")
	duration(w, c.ETTD)
	w.key("timeToRepair")
	duration(w, c.ETTR)
	w.key("impact")
	optionalShare(w, c.Impact)
	w.key("frequency")
	if c.Frequency.Text == "" {
		w.null()
	} else {
		w.open()
		noted(w, c.Frequency.Text, c.Frequency.Note)
		w.key("perYear")
		w.number(c.Frequency.PerYear)
		w.close()
	}
	w.key("confidence")
	optionalShare(w, c.Confidence)
	w.close()

	w.key("exposure")
	w.open()
	w.key("estimated")
	w.boolean(c.Exposure.Estimated)
	w.key("missing")
	w.text(c.Exposure.Missing)
	w.key("perIncident")
	if c.Exposure.Estimated {
		w.number(c.Exposure.PerIncident)
	} else {
		w.null()
	}
	w.key("minutesPerYear")
	if c.Exposure.Estimated {
		w.number(c.Exposure.Minutes)
	} else {
		w.null()
	}
	w.close()

	w.key("allocation")
	if a := c.Allocation; a != nil {
		w.open()
		w.key("budget")
		teamSlug(w, a.Budget.Team)
		w.key("minutes")
		w.number(a.Minutes)
		w.key("percent")
		w.number(a.Percent)
		w.key("mustFix")
		w.boolean(a.MustFix)
		w.key("fits")
		w.boolean(a.Fits)
		w.close()
	} else {
		w.null()
	}
	w.key("meetings")
	slugs(w, c.Meetings, meetingSlug)
	w.key("actions")
	slugs(w, c.Actions, actionID)
	w.key("history")
	w.openList()
	for _, ch := range c.History {
		w.open()
		w.key("kind")
		w.str(string(ch.Kind))
		w.key("before")
		w.text(ch.Before)
		w.key("after")
		w.text(ch.After)
		w.key("date")
		w.date(ch.Date)
		w.key("commit")
		w.text(ch.Commit)
		w.key("subject")
		w.text(ch.Subject)
		w.close()
	}
	w.closeList()
	w.close()
}

// page writes the fields that every piece with a page has.
func page(w *jsonWriter, slug, title, url, source string) {
	w.key("slug")
	w.str(slug)
	w.key("title")
	w.str(title)
	w.key("url")
	w.str(url)
	w.key("source")
	w.str(source)
}

func scoring(w *jsonWriter, s model.Scoring) {
	w.open()
	w.key("method")
	w.open()
	w.key("name")
	w.str(s.Method.Name)
	w.key("title")
	w.str(s.Method.Title)
	w.key("score")
	w.str(s.Method.Score)
	w.key("unit")
	w.text(s.Method.Unit)
	w.key("formula")
	w.str(s.Method.Formula)
	w.close()
	w.key("scale")
	w.openList()
	for _, l := range s.Scale {
		w.open()
		w.key("name")
		w.str(l.Name)
		w.key("score")
		w.number(l.Score)
		w.key("aliases")
		w.strs(l.Aliases)
		w.close()
	}
	w.closeList()
	w.key("open")
	w.strs(s.Open)
	w.key("closed")
	w.strs(s.Closed)
	w.key("weights")
	w.open()
	for _, f := range []struct {
		key string
		n   float64
	}{{"value", s.Weights.Value}, {"risk", s.Weights.Risk}, {"effort", s.Weights.Effort}, {"complexity", s.Weights.Complexity}, {"blockers", s.Weights.Blockers}} {
		w.key(f.key)
		w.number(f.n)
	}
	w.key("blockerCap")
	w.integer(s.Weights.BlockerCap)
	w.close()
	w.key("slo")
	optionalShare(w, s.SLO)
	w.key("budgetCap")
	share(w, s.BudgetCap)
	w.close()
}

func concernSlug(c *model.Concern) string { return c.Slug }
func meetingSlug(m *model.Meeting) string { return m.Slug }

// slugs writes the names of items.
func slugs[T any](w *jsonWriter, items []T, slug func(T) string) {
	w.openList()
	for _, it := range items {
		w.str(slug(it))
	}
	w.closeList()
}

func teamSlug(w *jsonWriter, t *model.Team) {
	if t == nil {
		w.null()
		return
	}
	w.str(t.Slug)
}

// noted writes what the council wrote: the text and its note.
func noted(w *jsonWriter, text, note string) {
	w.key("text")
	w.str(text)
	w.key("note")
	w.text(note)
}

func level(w *jsonWriter, l model.Level) {
	if l.IsZero() {
		w.null()
		return
	}
	w.open()
	noted(w, l.Text, l.Note)
	w.key("score")
	if l.Scored {
		w.number(l.Score)
	} else {
		w.null()
	}
	w.close()
}

func duration(w *jsonWriter, d model.Duration) {
	if d.Text == "" {
		w.null()
		return
	}
	w.open()
	noted(w, d.Text, d.Note)
	w.key("minutes")
	w.number(d.Minutes)
	w.close()
}

func share(w *jsonWriter, s model.Share) {
	w.open()
	noted(w, s.Text, s.Note)
	w.key("fraction")
	w.number(decimal(s.Fraction))
	w.close()
}

func optionalShare(w *jsonWriter, s model.Share) {
	if s.Text == "" {
		w.null()
		return
	}
	share(w, s)
}

// decimal drops the last digits of a fraction worked out from a
// percentage, which binary floating point adds: 99.9% is 0.999, not
// 0.9990000000000001.
func decimal(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	return r
}
