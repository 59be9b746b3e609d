package export

import (
	"bytes"
	"encoding/json"
	"strconv"
	"time"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// Version is the version of handbook.json's format. A field added keeps
// it; a field removed or changed in meaning moves it on, so that a program
// reading the file can tell the format it was written for.
const Version = 1

// The JSON types below mirror handbook.schema.json field by field; the
// tests validate the output against the schema, which allows no field it
// does not describe. Every key is always present: a value not recorded is
// null, a list with nothing in it is [].

type handbookJSON struct {
	Schema   string            `json:"$schema"`
	Version  int               `json:"version"`
	Title    string            `json:"title"`
	BaseURL  string            `json:"baseURL"`
	Built    string            `json:"built"`
	Scoring  scoringJSON       `json:"scoring"`
	Budgets  []budgetJSON      `json:"budgets"`
	Teams    []teamJSON        `json:"teams"`
	Concerns []json.RawMessage `json:"concerns"`
	Meetings []meetingJSON     `json:"meetings"`
	Actions  []actionJSON      `json:"actions"`
}

type scoringJSON struct {
	Method    methodJSON       `json:"method"`
	Scale     []scaleLevelJSON `json:"scale"`
	Open      []string         `json:"open"`
	Closed    []string         `json:"closed"`
	Weights   weightsJSON      `json:"weights"`
	SLO       *shareJSON       `json:"slo"`
	BudgetCap shareJSON        `json:"budgetCap"`
}

type methodJSON struct {
	Name    string  `json:"name"`
	Title   string  `json:"title"`
	Score   string  `json:"score"`
	Unit    *string `json:"unit"`
	Formula string  `json:"formula"`
}

type scaleLevelJSON struct {
	Name    string   `json:"name"`
	Score   float64  `json:"score"`
	Aliases []string `json:"aliases"`
}

type weightsJSON struct {
	Value      float64 `json:"value"`
	Risk       float64 `json:"risk"`
	Effort     float64 `json:"effort"`
	Complexity float64 `json:"complexity"`
	Blockers   float64 `json:"blockers"`
	BlockerCap int     `json:"blockerCap"`
}

type budgetJSON struct {
	Team        *string   `json:"team"`
	SLO         shareJSON `json:"slo"`
	Minutes     float64   `json:"minutes"`
	Cap         float64   `json:"cap"`
	Expected    float64   `json:"expected"`
	Accepted    float64   `json:"accepted"`
	Unallocated float64   `json:"unallocated"`
	Over        float64   `json:"over"`
	MustFix     int       `json:"mustFix"`
}

type teamJSON struct {
	Slug           string     `json:"slug"`
	Title          string     `json:"title"`
	URL            string     `json:"url"`
	Source         string     `json:"source"`
	Representative *string    `json:"representative"`
	Members        []string   `json:"members"`
	SLO            *shareJSON `json:"slo"`
	Concerns       []string   `json:"concerns"`
	Meetings       []string   `json:"meetings"`
	Actions        []string   `json:"actions"`
}

type concernJSON struct {
	Slug       string        `json:"slug"`
	Title      string        `json:"title"`
	URL        string        `json:"url"`
	Source     string        `json:"source"`
	Team       *string       `json:"team"`
	Status     string        `json:"status"`
	Open       bool          `json:"open"`
	Observable *string       `json:"observable"`
	Owner      *string       `json:"owner"`
	Tags       []string      `json:"tags"`
	Raised     *string       `json:"raised"`
	Rank       *int          `json:"rank"`
	Priority   priorityJSON  `json:"priority"`
	Value      *levelJSON    `json:"value"`
	Effort     *levelJSON    `json:"effort"`
	Risk       *levelJSON    `json:"risk"`
	Complexity *levelJSON    `json:"complexity"`
	Urgency    *levelJSON    `json:"urgency"`
	Blockers   []string      `json:"blockers"`
	Evidence   []string      `json:"evidence"`
	Signals    []string      `json:"signals"`
	Estimates  estimatesJSON `json:"estimates"`
	Exposure   exposureJSON  `json:"exposure"`
	Allocation *allocJSON    `json:"allocation"`
	Meetings   []string      `json:"meetings"`
	Actions    []string      `json:"actions"`
	// History is kept for the changes the site's history tells of; it is
	// always empty in version 1 (see docs/data.md).
	History []struct{} `json:"history"`
}

type priorityJSON struct {
	Method  string  `json:"method"`
	Score   float64 `json:"score"`
	Scored  bool    `json:"scored"`
	Missing *string `json:"missing"`
}

type levelJSON struct {
	Text  string   `json:"text"`
	Note  *string  `json:"note"`
	Score *float64 `json:"score"`
}

type estimatesJSON struct {
	TimeToDetect *durationJSON `json:"timeToDetect"`
	TimeToRepair *durationJSON `json:"timeToRepair"`
	Impact       *shareJSON    `json:"impact"`
	Frequency    *rateJSON     `json:"frequency"`
	Confidence   *shareJSON    `json:"confidence"`
}

type durationJSON struct {
	Text    string  `json:"text"`
	Note    *string `json:"note"`
	Minutes float64 `json:"minutes"`
}

type shareJSON struct {
	Text     string  `json:"text"`
	Note     *string `json:"note"`
	Fraction float64 `json:"fraction"`
}

type rateJSON struct {
	Text    string  `json:"text"`
	Note    *string `json:"note"`
	PerYear float64 `json:"perYear"`
}

type exposureJSON struct {
	Estimated      bool     `json:"estimated"`
	Missing        *string  `json:"missing"`
	PerIncident    *float64 `json:"perIncident"`
	MinutesPerYear *float64 `json:"minutesPerYear"`
}

type allocJSON struct {
	Budget  *string `json:"budget"`
	Minutes float64 `json:"minutes"`
	Percent float64 `json:"percent"`
	MustFix bool    `json:"mustFix"`
	Fits    bool    `json:"fits"`
}

type meetingJSON struct {
	Slug      string         `json:"slug"`
	Title     string         `json:"title"`
	URL       string         `json:"url"`
	Source    string         `json:"source"`
	Date      *string        `json:"date"`
	Attendees []attendeeJSON `json:"attendees"`
	Concerns  []string       `json:"concerns"`
	Actions   []string       `json:"actions"`
}

type attendeeJSON struct {
	Name   string  `json:"name"`
	Team   *string `json:"team"`
	IsTeam bool    `json:"isTeam"`
}

type actionJSON struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Meeting   string  `json:"meeting"`
	Task      string  `json:"task"`
	Owner     *string `json:"owner"`
	OwnerTeam *string `json:"ownerTeam"`
	Due       *string `json:"due"`
	Done      bool    `json:"done"`
	State     string  `json:"state"`
	Concern   *string `json:"concern"`
}

// JSON returns handbook.json: the whole handbook, with its scores.
func (e *Export) JSON() []byte {
	h := e.h
	out := handbookJSON{
		Schema: h.Config.BaseURL + SchemaFile, Version: Version,
		Title: h.Config.Title, BaseURL: h.Config.BaseURL, Built: isoDate(h.Today),
		Scoring:  scoring(h.Config.Scoring),
		Budgets:  make([]budgetJSON, len(h.Budgets)),
		Teams:    make([]teamJSON, len(h.Teams)),
		Concerns: make([]json.RawMessage, len(h.Concerns)),
		Meetings: make([]meetingJSON, len(h.Meetings)),
		Actions:  make([]actionJSON, len(h.Actions)),
	}
	for i, b := range h.Budgets {
		out.Budgets[i] = budgetJSON{
			Team: teamSlug(b.Team), SLO: share(b.SLO), Minutes: b.Minutes, Cap: b.Cap,
			Expected: b.Expected, Accepted: b.Accepted, Unallocated: b.Unallocated, Over: b.Over, MustFix: b.MustFix,
		}
	}
	for i, t := range h.Teams {
		out.Teams[i] = teamJSON{
			Slug: t.Slug, Title: t.Title, URL: e.url(t), Source: t.File,
			Representative: text(t.Representative), Members: list(t.Members), SLO: optionalShare(t.SLO),
			Concerns: slugs(t.Concerns, concernSlug), Meetings: slugs(t.Meetings, meetingSlug), Actions: slugs(t.Actions, e.actionID),
		}
	}
	// The concerns are most of the file: each is encoded on its own, on
	// every core.
	parallel.Each(len(h.Concerns), func() func(int) {
		return func(i int) { out.Concerns[i] = encode(e.concern(h.Concerns[i])) }
	})
	for i, m := range h.Meetings {
		mj := meetingJSON{
			Slug: m.Slug, Title: m.Title, URL: e.url(m), Source: m.File, Date: date(m.Date),
			Attendees: make([]attendeeJSON, len(m.Attendees)),
			Concerns:  slugs(m.Concerns, concernSlug), Actions: slugs(m.Actions, e.actionID),
		}
		for j, a := range m.Attendees {
			mj.Attendees[j] = attendeeJSON{Name: a.Name, Team: teamSlug(a.Team), IsTeam: a.IsTeam}
		}
		out.Meetings[i] = mj
	}
	for i, a := range h.Actions {
		aj := actionJSON{
			ID: e.actionID(a), URL: e.actionURL(a), Meeting: a.Meeting.Slug, Task: a.Task,
			Owner: text(a.Owner), OwnerTeam: teamSlug(a.OwnerTeam), Due: date(a.Due), Done: a.Done,
			State: string(a.StateOn(h.Today)),
		}
		if a.Concern != nil {
			aj.Concern = &a.Concern.Slug
		}
		out.Actions[i] = aj
	}
	return encode(out)
}

func (e *Export) concern(c *model.Concern) concernJSON {
	s := e.h.Config.Scoring
	cj := concernJSON{
		Slug: c.Slug, Title: c.Title, URL: e.url(c), Source: c.File,
		Team: teamSlug(c.Team), Status: c.Status, Open: s.IsOpen(c.Status),
		Observable: text(string(c.Observable)), Owner: text(c.Owner), Tags: make([]string, len(c.Tags)), Raised: date(c.Raised),
		Priority: priorityJSON{Method: c.Priority.Method.Name, Score: c.Priority.Score, Scored: c.Priority.Scored, Missing: text(c.Priority.Missing)},
		Value:    level(c.Value), Effort: level(c.Effort), Risk: level(c.Risk), Complexity: level(c.Complexity), Urgency: level(c.Urgency),
		Blockers: list(c.Blockers), Evidence: list(c.Evidence), Signals: list(c.Signals),
		Estimates: estimatesJSON{
			TimeToDetect: duration(c.ETTD), TimeToRepair: duration(c.ETTR),
			Impact: optionalShare(c.Impact), Frequency: rate(c.Frequency), Confidence: optionalShare(c.Confidence),
		},
		Exposure: exposureJSON{Estimated: c.Exposure.Estimated, Missing: text(c.Exposure.Missing)},
		Meetings: slugs(c.Meetings, meetingSlug), Actions: slugs(c.Actions, e.actionID),
		History: []struct{}{},
	}
	if c.Rank > 0 {
		cj.Rank = &c.Rank
	}
	for i, t := range c.Tags {
		cj.Tags[i] = t.Name
	}
	if c.Exposure.Estimated {
		cj.Exposure.PerIncident, cj.Exposure.MinutesPerYear = &c.Exposure.PerIncident, &c.Exposure.Minutes
	}
	if a := c.Allocation; a != nil {
		cj.Allocation = &allocJSON{Budget: teamSlug(a.Budget.Team), Minutes: a.Minutes, Percent: a.Percent, MustFix: a.MustFix, Fits: a.Fits}
	}
	return cj
}

func scoring(s model.Scoring) scoringJSON {
	out := scoringJSON{
		Method: methodJSON{Name: s.Method.Name, Title: s.Method.Title, Score: s.Method.Score, Unit: text(s.Method.Unit), Formula: s.Method.Formula},
		Scale:  make([]scaleLevelJSON, len(s.Scale)),
		Open:   list(s.Open), Closed: list(s.Closed),
		Weights: weightsJSON{
			Value: s.Weights.Value, Risk: s.Weights.Risk, Effort: s.Weights.Effort,
			Complexity: s.Weights.Complexity, Blockers: s.Weights.Blockers, BlockerCap: s.Weights.BlockerCap,
		},
		SLO: optionalShare(s.SLO), BudgetCap: share(s.BudgetCap),
	}
	for i, l := range s.Scale {
		out.Scale[i] = scaleLevelJSON{Name: l.Name, Score: l.Score, Aliases: list(l.Aliases)}
	}
	return out
}

// encode writes v as compact JSON, leaving <, > and & as they are: the
// file is data, never pasted into a page.
func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic("export: " + err.Error()) // made of strings, numbers and lists, which always encode
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// text is a text that may not be recorded: nil when empty.
func text(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// date is a date that may not be recorded, as YYYY-MM-DD.
func date(t time.Time) *string { return text(isoDate(t)) }

// list is a list that is never null.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func slugs[T any](items []T, slug func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = slug(it)
	}
	return out
}

func concernSlug(c *model.Concern) string { return c.Slug }
func meetingSlug(m *model.Meeting) string { return m.Slug }

func teamSlug(t *model.Team) *string {
	if t == nil {
		return nil
	}
	return &t.Slug
}

func level(l model.Level) *levelJSON {
	if l.IsZero() {
		return nil
	}
	out := &levelJSON{Text: l.Text, Note: text(l.Note)}
	if l.Scored {
		out.Score = &l.Score
	}
	return out
}

func duration(d model.Duration) *durationJSON {
	if d.Text == "" {
		return nil
	}
	return &durationJSON{Text: d.Text, Note: text(d.Note), Minutes: d.Minutes}
}

func share(s model.Share) shareJSON {
	return shareJSON{Text: s.Text, Note: text(s.Note), Fraction: decimal(s.Fraction)}
}

// decimal drops the last digits of a fraction worked out from a
// percentage, which binary floating point adds: 99.9% is 0.999, not
// 0.9990000000000001.
func decimal(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'g', 12, 64), 64)
	return r
}

func optionalShare(s model.Share) *shareJSON {
	if s.Text == "" {
		return nil
	}
	out := share(s)
	return &out
}

func rate(r model.Rate) *rateJSON {
	if r.Text == "" {
		return nil
	}
	return &rateJSON{Text: r.Text, Note: text(r.Note), PerYear: r.PerYear}
}
