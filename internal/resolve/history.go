package resolve

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// past tells from the site's history how each concern, team and meeting
// came to be as it is: every change to its frontmatter with its date, how
// each concern stood after each change and on each meeting's day, when
// each action was done and at which meeting that counts, what changed
// between meetings, and which concerns are due for review.
func (r *resolver) past(h *model.Handbook) {
	hist := r.site.History
	// The tree of a file's frontmatter stands for its version at the last
	// commit while its older versions are read (versions.seed): a file the
	// history holds no older version of is done with already. A build of
	// the short shape's 10,000 concerns held 77 MB as it began to read the
	// history, the most before its pages, 43 MB of it the trees; it now
	// holds 61.
	for _, d := range r.site.Docs {
		if hist == nil || !hist.Available() || len(hist.Files[d.File]) < 2 {
			r.done(d)
		}
	}
	if hist != nil {
		h.HistoryAvailable, h.HistoryMissing, h.HistoryHead = hist.Available(), hist.Missing, hist.Head
		if hist.Available() {
			docs := docsByFile(r.site.Docs)
			r.concernHistories(h, docs, hist)
			r.teamHistories(h, docs, hist)
			r.meetingHistories(h, docs, hist)
		}
	}
	closeActions(h)
	r.meetingsThen(h)
	collectChanges(h)
	digests(h)
	r.reviews(h)
}

// step is how a file read after a commit, or after the edits not
// committed yet (commit nil).
type step[S any] struct {
	state  S
	slug   string // the file's name then
	commit *load.Commit
}

// date is the day of the step, and its moment.
func (s step[S]) date(today time.Time) (time.Time, time.Time) {
	if s.commit == nil {
		return today, today
	}
	return day(s.commit.Time), s.commit.Time
}

// walk returns how the file d reads after each of its revisions that
// changed how it reads, oldest first, and after the edits not committed
// yet when they change it. now is how it reads now; decode reads an old
// version, and same tells whether two read the same.
func walk[S any](v *versions, kind load.Kind, d *load.Document, revs []load.Revision, now S,
	decode func(doc *load.Document) S, same func(a, b S) bool) []step[S] {
	last := len(revs) - 1
	head := v.start(d, revs)
	steps := make([]step[S], len(revs), len(revs)+1)
	known := 0                   // steps read, from the end, newest first
	newest := -1                 // the revision read last
	var newer []byte             // its frontmatter
	for i := last; i >= 0; i-- { // newest first, so that each version reuses the fields of the one after it
		rev := &revs[i]
		s := step[S]{slug: load.SlugOf(rev.Path), commit: rev.Commit}
		isHead := i == last && head != nil
		front := head
		if !isHead {
			var ok bool
			if front, ok = v.read(*rev); !ok { // no frontmatter then: nothing to tell
				continue
			}
		}
		switch {
		case isHead:
			s.state = now
		case newest == i+1 && bytes.Equal(front, newer):
			s.state = steps[len(steps)-known].state
		default:
			doc := v.document(kind, rev.Path, front)
			if doc == nil {
				continue
			}
			s.state = decode(doc)
		}
		known++
		steps[len(steps)-known] = s
		newest, newer = i, front
	}
	// The steps known are at the end, oldest first: keep those that read
	// otherwise than the one before, and the file as it is now.
	out := steps[:0]
	for _, s := range append(steps[len(steps)-known:], step[S]{state: now, slug: d.Slug}) {
		if n := len(out); n == 0 || out[n-1].slug != s.slug || !same(out[n-1].state, s.state) {
			out = append(out, s)
		}
	}
	return out
}

// concernHistories works out every concern's states and changes, on every
// core: a large handbook has tens of thousands of old versions to decode.
func (r *resolver) concernHistories(h *model.Handbook, docs map[string]*load.Document, hist *load.History) {
	order := inFileOrder(len(h.Concerns), func(i int) string { return h.Concerns[i].File })
	parallel.Each(len(order), func() func(int) {
		v := r.versions()
		var kept keptHistory
		old := new(model.Concern) // each old version in turn: only its state is kept
		decode := func(doc *load.Document) model.ConcernState {
			f := v.r.readConcern(old, doc)
			old.Priority = r.config.Scoring.Prioritize(old)
			return r.concernState(old, f.text("team"))
		}
		return func(n int) {
			c := h.Concerns[order[n]]
			d := docs[c.File]
			steps := cachedWalk(r, d, func() []step[model.ConcernState] {
				return walk(v, load.KindConcern, d, hist.Files[c.File], r.concernState(c, teamSlug(c.Team)), decode, sameConcern)
			})
			r.tellConcern(c, steps, h.Today, &kept)
			r.done(d)
		}
	})
}

// inFileOrder returns the indexes 0 to n-1 in the order of file(i): the
// history's store keeps each file's versions together, in that order, and
// its versions are read a stretch at a time.
func inFileOrder(n int, file func(i int) string) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(file(a), file(b)) })
	return order
}

func teamSlug(t *model.Team) string {
	if t == nil {
		return ""
	}
	return t.Slug
}

// concernState is how c reads: what its history compares. team is the slug
// its team: field names, kept in TeamName until placeTeam finds the team.
func (r *resolver) concernState(c *model.Concern, team string) model.ConcernState {
	return model.ConcernState{
		Title: c.Title, Status: c.Status, Open: r.config.Scoring.IsOpen(c.Status),
		Value: c.Value, Effort: c.Effort, Risk: c.Risk, Complexity: c.Complexity,
		Priority: c.Priority.Score, Scored: c.Priority.Scored,
		TeamName: team,
	}
}

// placeTeam finds the team whose slug s names, and names it by its title;
// a team that is gone keeps its slug for a name.
func (r *resolver) placeTeam(s *model.ConcernState) {
	if t := r.teams[s.TeamName]; t != nil {
		s.Team, s.TeamName = t, t.Title
	}
}

// sameConcern reports whether two states read the same, notes and all.
func sameConcern(a, b model.ConcernState) bool {
	return a.Title == b.Title && a.TeamName == b.TeamName && a.Status == b.Status &&
		a.Value == b.Value && a.Effort == b.Effort && a.Risk == b.Risk && a.Complexity == b.Complexity
}

// tellConcern writes a concern's states and the changes between them, and
// the day it was closed.
func (r *resolver) tellConcern(c *model.Concern, steps []step[model.ConcernState], today time.Time, kept *keptHistory) {
	c.States = kept.states.Take(len(steps))
	var closedSince time.Time
	for i, s := range steps {
		st := s.state
		st.Slug = s.slug
		st.Date, _ = s.date(today)
		r.placeTeam(&st)
		if i > 0 {
			share(&st, &c.States[i-1])
		}
		c.States[i] = st
		change := func(kind model.ChangeKind, before, after string) {
			ch := newChange(kind, before, after, s.commit, today)
			ch.Concern = c
			kept.told = append(kept.told, ch)
		}
		if i == 0 {
			change(firstCommitted(c, st.Date), "", st.Title)
		} else {
			tellConcernChange(change, c.States[i-1], st)
		}
		switch {
		case st.Open:
			closedSince = time.Time{}
		case closedSince.IsZero():
			closedSince = st.Date
		}
	}
	c.History = kept.keep()
	if !r.config.Scoring.IsOpen(c.Status) {
		c.Closed = closedSince
	}
}

// firstCommitted says what the commit that added the file of c, on day,
// did: raised the concern, or, after the day its frontmatter says it was
// raised, brought it into the handbook. A handbook started from a council's
// old notes commits them all at once, and its history should not say that
// every concern was raised that day.
func firstCommitted(c *model.Concern, day time.Time) model.ChangeKind {
	if !c.Raised.IsZero() && day.After(c.Raised) {
		return model.ChangeAdded
	}
	return model.ChangeRaised
}

// share makes the fields of s that read as in the state before it use the
// same text: each old version was decoded into text of its own, and a
// large handbook keeps tens of thousands of states.
func share(s, before *model.ConcernState) {
	for _, f := range []struct{ now, then *string }{{&s.Title, &before.Title}, {&s.Slug, &before.Slug}, {&s.Status, &before.Status}} {
		if *f.now == *f.then {
			*f.now = *f.then
		}
	}
	for _, l := range []struct{ now, then *model.Level }{{&s.Value, &before.Value}, {&s.Effort, &before.Effort}, {&s.Risk, &before.Risk}, {&s.Complexity, &before.Complexity}} {
		if *l.now == *l.then {
			*l.now = *l.then
		}
	}
}

// tellConcernChange tells what changed from a to b, field by field.
func tellConcernChange(change func(kind model.ChangeKind, before, after string), a, b model.ConcernState) {
	if a.Slug != b.Slug {
		change(model.ChangeRenamed, a.Slug, b.Slug)
	}
	if a.Title != b.Title {
		change(model.ChangeTitle, a.Title, b.Title)
	}
	if a.TeamName != b.TeamName {
		change(model.ChangeTeam, a.TeamName, b.TeamName)
	}
	if a.Status != b.Status {
		change(model.ChangeStatus, a.Status, b.Status)
	}
	for _, l := range []struct {
		kind   model.ChangeKind
		before model.Level
		after  model.Level
	}{
		{model.ChangeValue, a.Value, b.Value},
		{model.ChangeEffort, a.Effort, b.Effort},
		{model.ChangeRisk, a.Risk, b.Risk},
		{model.ChangeComplexity, a.Complexity, b.Complexity},
	} {
		if levelChanged(l.before, l.after) {
			change(l.kind, levelWords(l.before), levelWords(l.after))
		}
	}
}

// levelChanged reports whether a level means something else now: another
// score, or other words where there is no score. A note alone, or another
// word for the same score ("Moderate" for "Medium"), is no re-scoring.
func levelChanged(a, b model.Level) bool {
	if a.Scored != b.Scored {
		return true
	}
	if a.Scored {
		return a.Score != b.Score
	}
	return a.Note != b.Note
}

// levelWords is a level as a change shows it: the level in the council's
// words without its note, or its words when it has no level.
func levelWords(l model.Level) string {
	if l.Scored {
		return l.Text
	}
	return l.Note
}

// newChange makes a change dated by its commit, or today for one not
// committed yet.
func newChange(kind model.ChangeKind, before, after string, commit *load.Commit, today time.Time) model.Change {
	c := model.Change{Kind: kind, Before: before, After: after}
	if commit == nil {
		c.Date, c.Time, c.Uncommitted = today, today, true
		return c
	}
	c.Date, c.Time, c.Commit, c.Subject = day(commit.Time), commit.Time, commit.ID, commit.Subject
	return c
}

// day is the calendar day of t where it happened, written like the dates
// of the content: midnight, UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// teamHistories works out every team's changes: its title and its file's
// name.
func (r *resolver) teamHistories(h *model.Handbook, docs map[string]*load.Document, hist *load.History) {
	v := r.versions()
	decode := func(doc *load.Document) string { return team(doc, v.r.errs).Title }
	same := func(a, b string) bool { return a == b }
	for _, t := range h.Teams {
		d := docs[t.File]
		steps := cachedWalk(r, d, func() []step[string] {
			return walk(v, load.KindTeam, d, hist.Files[t.File], t.Title, decode, same)
		})
		for i, s := range steps {
			change := func(kind model.ChangeKind, before, after string) {
				ch := newChange(kind, before, after, s.commit, h.Today)
				ch.Team = t
				t.History = append(t.History, ch)
			}
			switch {
			case i == 0:
				change(model.ChangeAdded, "", s.state)
			default:
				if prev := steps[i-1]; prev.slug != s.slug {
					change(model.ChangeRenamed, prev.slug, s.slug)
				}
				if prev := steps[i-1]; prev.state != s.state {
					change(model.ChangeTitle, prev.state, s.state)
				}
			}
		}
		r.done(d)
	}
}

// meetingsThen sets beside each concern a meeting discussed how it stood at
// the end of the meeting's day and how it stands now.
func (r *resolver) meetingsThen(h *model.Handbook) {
	var now map[*model.Concern]*model.ConcernState // without history: the concerns as they are
	for _, m := range h.Meetings {
		m.Then = make([]model.ConcernThen, len(m.Concerns))
		for i, c := range m.Concerns {
			then, known := c.StateOn(m.Date)
			if then == nil {
				if now == nil {
					now = map[*model.Concern]*model.ConcernState{}
				}
				if now[c] == nil {
					s := r.concernState(c, teamSlug(c.Team))
					s.Slug = c.Slug
					r.placeTeam(&s)
					now[c] = &s
				}
				m.Then[i] = model.ConcernThen{Concern: c, Then: now[c], Now: now[c]}
				continue
			}
			last := &c.States[len(c.States)-1]
			diffs := differences(*then, *last)
			m.Then[i] = model.ConcernThen{Concern: c, Then: then, Now: last, Known: known, Changed: len(diffs) > 0, Differences: diffs}
		}
	}
}

// differences lists what reads otherwise in b than in a, as its history
// tells changes: another title, team, status or level. A new file name
// alone is no difference in how a concern reads.
func differences(a, b model.ConcernState) []model.Difference {
	var out []model.Difference
	tellConcernChange(func(kind model.ChangeKind, then, now string) {
		if kind != model.ChangeRenamed {
			out = append(out, model.Difference{Kind: kind, Then: then, Now: now})
		}
	}, a, b)
	return out
}

// collectChanges lists every change in the handbook, newest first, and
// shares them out among the meetings: each meeting has those made after the
// meeting before it, up to the end of its own day, and the handbook those
// made since the last meeting held.
func collectChanges(h *model.Handbook) {
	for _, c := range h.Concerns {
		for i := range c.History {
			h.Changes = append(h.Changes, &c.History[i])
		}
	}
	for _, t := range h.Teams {
		for i := range t.History {
			h.Changes = append(h.Changes, &t.History[i])
		}
	}
	for _, m := range h.Meetings {
		for i := range m.History {
			h.Changes = append(h.Changes, &m.History[i])
		}
	}
	sortNewestFirst(h.Changes)
	held := heldMeetings(h)
	var last *model.Meeting // the last meeting held by the build date
	for _, m := range held {
		if !m.Date.After(h.Today) {
			last = m
		}
	}
	for _, ch := range slices.Backward(h.Changes) { // oldest first
		if i := sort.Search(len(held), func(i int) bool { return !held[i].Date.Before(ch.Date) }); i < len(held) {
			held[i].Changes = append(held[i].Changes, ch)
		}
		if last == nil || ch.Date.After(last.Date) {
			h.ChangesSinceMeeting = append(h.ChangesSinceMeeting, ch)
		}
	}
	for _, m := range held {
		slices.Reverse(m.Changes)
	}
	slices.Reverse(h.ChangesSinceMeeting)
}

// sortNewestFirst sorts changes by day, newest first, a day's edits not
// committed yet before its commits, then by moment; changes of the same
// moment keep their order. It sorts by keys worked out once: a large
// handbook has tens of thousands of changes, sorted on every rebuild.
func sortNewestFirst(changes []*model.Change) {
	type keyed struct {
		change    *model.Change
		day, at   int64
		committed bool
		order     int
	}
	keys := make([]keyed, len(changes))
	for i, c := range changes {
		keys[i] = keyed{c, c.Date.Unix(), c.Time.UnixNano(), !c.Uncommitted, i}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		switch {
		case a.day != b.day:
			return cmp.Compare(b.day, a.day)
		case a.committed != b.committed:
			if a.committed {
				return 1
			}
			return -1
		case a.at != b.at:
			return cmp.Compare(b.at, a.at)
		}
		return cmp.Compare(a.order, b.order)
	})
	for i, k := range keys {
		changes[i] = k.change
	}
}

func docsByFile(docs []*load.Document) map[string]*load.Document {
	byFile := make(map[string]*load.Document, len(docs))
	for _, d := range docs {
		byFile[d.File] = d
	}
	return byFile
}

// cachedWalk returns the steps of the file d as the last resolve of the site
// worked them out, when its frontmatter is the same and so is the history
// and the configuration (Cache sees to those); otherwise it works them out
// with steps. What it returns is kept for the next resolve.
func cachedWalk[S any](r *resolver, d *load.Document, steps func() []step[S]) []step[S] {
	w, ok := r.walks.last[d.File]
	if !ok || w.front != d.FrontHash {
		w = walkedFile{front: d.FrontHash, steps: steps()}
	}
	if r.walks.next != nil {
		r.walks.mu.Lock()
		r.walks.next[d.File] = w
		r.walks.mu.Unlock()
	}
	return w.steps.([]step[S])
}

// walkCache is the history worked out for each file by the last resolve,
// and by this one for the next: a rebuild decodes again only the old
// versions of the files whose frontmatter changed.
type walkCache struct {
	last map[string]walkedFile
	next map[string]walkedFile // nil keeps none
	mu   *sync.Mutex           // guards next, which files fill at once
}

// walkedFile is the steps of a file, kept for the next resolve.
type walkedFile struct {
	front uint64 // the frontmatter's hash they were worked out for
	steps any    // []step[S] of the file's kind
}
