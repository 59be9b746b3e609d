package resolve

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/reliability-council/handbook/internal/blocks"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

type resolver struct {
	site     *load.Site
	config   model.Config
	statuses []string // the configuration's, open first: every concern's status is checked against them
	errs     *model.ErrorList
	teams    map[string]*model.Team
	// teamSlugs lists the teams by slug, so that lookups by person and
	// suggestions come out the same on every build.
	teamSlugs []string
	// teamTitles maps each team's title, in lower case, to the team, for
	// references written with the title instead of the slug.
	teamTitles map[string]*model.Team
	concerns   map[string]*model.Concern
	// The slugs of the teams and of the concerns, sorted, for finding the
	// one nearest a misspelt slug.
	nearTeams, nearConcerns *nearNames
	tags                    map[string]*model.Tag
	// people maps each representative and member to their team, the first
	// by slug when several list the same name.
	people map[string]*model.Team
	// searched holds what is left, file by file, of the budget for looking
	// up near names in lists as long as the content.
	searched map[string]*int
	names    map[load.Kind]map[string]bool // every file's slug, by kind, once asked for (named)

	cached  map[*load.Document]decoded // from the last resolve of this site
	decoded map[*load.Document]decoded // from this one, for the next; nil keeps none

	walks walkCache // the history worked out by the last resolve and by this one

	// told is told of each file once its frontmatter tree has nothing more
	// to tell this resolve: once its history is told, or once it is decoded
	// when the history has no older version of it to read. Nil for none.
	told func(*load.Document)

	// kept is where the links of concerns and meetings put what the
	// handbook keeps of them. They are made one at a time, amid the
	// garbage of reading their fields: cut from blocks, what is kept lies
	// together (see blocks). The copies of r that decode files on every
	// core share it, and leave it alone.
	kept *keptModel
}

// keptModel holds the blocks the lists and action items of concerns and
// meetings are cut from.
type keptModel struct {
	actions     blocks.Of[model.Action]
	actionLists blocks.Of[*model.Action]
	attendees   blocks.Of[model.Attendee]
	concerns    blocks.Of[*model.Concern]
	tags        blocks.Of[*model.Tag]
	terms       blocks.Of[model.Term]
}

// Resolve builds the handbook from a site's sources. today is the build date,
// against which action items are overdue. Every problem found is returned
// together as a model.ErrorList.
func Resolve(site *load.Site, today time.Time) (*model.Handbook, error) {
	return newResolver(site, nil).resolve(today)
}

// ResolveOnce is Resolve for a site read for one build, which it uses up:
// it lets go of each file's frontmatter tree once nothing reads it again.
// A large handbook's trees were as much memory as the handbook itself,
// all held while its history was read.
func ResolveOnce(site *load.Site, today time.Time) (*model.Handbook, error) {
	r := newResolver(site, nil)
	r.told = func(d *load.Document) { d.Front = nil }
	return r.resolve(today)
}

// done tells r.told, if set, that d's frontmatter tree is done with.
func (r *resolver) done(d *load.Document) {
	if r.told != nil {
		r.told(d)
	}
}

func newResolver(site *load.Site, cached map[*load.Document]decoded) *resolver {
	return &resolver{
		site:     site,
		errs:     &model.ErrorList{},
		config:   model.Config{Language: "en", Theme: "default", Scoring: model.DefaultScoring()},
		teams:    map[string]*model.Team{},
		concerns: map[string]*model.Concern{},
		tags:     map[string]*model.Tag{},
		searched: map[string]*int{},
		cached:   cached,
		kept:     &keptModel{},
	}
}

func (r *resolver) resolve(today time.Time) (*model.Handbook, error) {
	site := r.site
	if site.Config != nil {
		r.config = config(site.Config, r.errs)
	}
	r.statuses = r.config.Scoring.Statuses()
	h := &model.Handbook{Config: r.config, Today: today, FrontSum: frontSum(site, today)}

	byKind := map[load.Kind][]*load.Document{}
	slugs := map[load.Kind]map[string]string{}
	for _, d := range site.Docs {
		if !r.checkSlug(d, slugs) {
			continue
		}
		byKind[d.Kind] = append(byKind[d.Kind], d)
	}

	for _, d := range byKind[load.KindTeam] {
		v, _ := r.decode(d, func() (any, *fields) { return team(d, r.errs), nil })
		t := v.(*model.Team)
		r.teams[t.Slug] = t
		h.Teams = append(h.Teams, t)
	}
	r.teamSlugs = slices.Sorted(maps.Keys(r.teams))
	r.nearTeams = newNearNames(r.teamSlugs)
	r.indexPeople()
	for _, d := range byKind[load.KindPage] {
		v, _ := r.decode(d, func() (any, *fields) { return page(d, r.errs), nil })
		h.Pages = append(h.Pages, v.(*model.Page))
	}
	concernFields := map[*model.Concern]*fields{}
	values, fieldsOf := r.decodeEach(byKind[load.KindConcern], func(r *resolver, d *load.Document) (any, *fields) { return r.concern(d) })
	for i, v := range values {
		c := v.(*model.Concern)
		r.concerns[c.Slug] = c
		concernFields[c] = fieldsOf[i]
		h.Concerns = append(h.Concerns, c)
	}
	r.nearConcerns = newNearNames(slices.Sorted(maps.Keys(r.concerns)))
	for _, c := range h.Concerns {
		r.linkConcern(c, concernFields[c])
	}
	for _, d := range byKind[load.KindMeeting] {
		v, f := r.decode(d, func() (any, *fields) { return r.meeting(d) })
		m := v.(*model.Meeting)
		r.linkMeeting(m, f)
		h.Meetings = append(h.Meetings, m)
		h.Actions = append(h.Actions, m.Actions...)
	}

	r.order(h)
	s := r.config.Scoring
	h.Budgets = model.Budgets(s.SLO, s.BudgetCap, h.Teams, h.Concerns)
	r.past(h)
	h.Warnings = r.warnings(h)
	r.errs.Sort()
	return h, r.errs.Err()
}

// checkSlug reports file names that would make a bad or clashing URL.
func (r *resolver) checkSlug(d *load.Document, seen map[load.Kind]map[string]string) bool {
	want := model.Slugify(d.Slug)
	switch {
	case want == "":
		r.errs.Add(d.File, 0, "file name has no letters or digits to make a URL from (rename it, e.g. etl-monitoring.md)")
		return false
	case want != d.Slug && (r.named(d.Kind, want) || r.site.Unreadable(d.Kind, want)):
		r.errs.Add(d.File, 0, "file name %q would make a poor URL, and %s.md, the name it would take, is already there (merge the two, or rename it another way: lowercase, words joined by -)", d.Slug+".md", want)
		return false
	case want != d.Slug:
		r.errs.Add(d.File, 0, "file name %q would make a poor URL (rename it %s.md: lowercase, words joined by -)", d.Slug+".md", want)
		return false
	}
	if seen[d.Kind] == nil {
		seen[d.Kind] = map[string]string{}
	}
	if other, ok := seen[d.Kind][d.Slug]; ok {
		r.errs.Add(d.File, 0, "%s.md is also at %s, and both would be published at the same URL (rename one)", d.Slug, other)
		return false
	}
	seen[d.Kind][d.Slug] = d.File
	return true
}

// named reports whether a file of kind is called slug already: the name a
// poor one would be renamed to may be taken. Worked out only when a name is
// poor, once.
func (r *resolver) named(kind load.Kind, slug string) bool {
	if r.names == nil {
		r.names = map[load.Kind]map[string]bool{}
		for _, d := range r.site.Docs {
			if r.names[d.Kind] == nil {
				r.names[d.Kind] = map[string]bool{}
			}
			r.names[d.Kind][d.Slug] = true
		}
	}
	return r.names[kind][slug]
}

func (r *resolver) linkConcern(c *model.Concern, f *fields) {
	if slug := f.text("team"); slug != "" {
		c.Team = r.teams[slug]
		if c.Team == nil && !r.site.Unreadable(load.KindTeam, slug) {
			f.failKey("team", "unknown team %q (%s)", slug, r.teamHint(f.file, slug))
		}
	}
	names := f.list("tags")
	if len(names) > 0 {
		c.Tags = r.kept.tags.Take(len(names))[:0]
	}
	var tagged distinct[*model.Tag]
	for _, name := range names {
		name = norm.NFC.String(name)
		slug := model.Slugify(name)
		switch {
		case slug == "":
			f.failKey("tags", "tag %q has no letters or digits", name)
			continue
		case !f.checkTag("tags", name):
			continue
		}
		t := r.tags[slug]
		if t == nil {
			t = &model.Tag{Name: name, Slug: slug}
			r.tags[slug] = t
		}
		c.Tags = tagged.appendNew(c.Tags, t)
	}
	if len(c.Tags) == 0 {
		c.Tags = nil
	}
	c.Priority = r.config.Scoring.Prioritize(c)
	if terms := c.Priority.Terms; len(terms) > 0 {
		c.Priority.Terms = r.kept.terms.Copy(terms)
	}
	c.Exposure = model.Expose(c)
}

func (r *resolver) linkMeeting(m *model.Meeting, f *fields) {
	if items := f.items("attendees"); len(items) > 0 {
		m.Attendees = r.kept.attendees.Take(len(items))
		for i, n := range items {
			m.Attendees[i] = r.attendee(f, &n)
		}
	}
	if items := f.items("concerns"); len(items) > 0 {
		list := r.kept.concerns.Take(len(items))[:0]
		var listed distinct[*model.Concern]
		for _, n := range items {
			if c := r.concernRef(f, "concerns", &n); c != nil {
				list = listed.appendNew(list, c)
			}
		}
		if len(list) > 0 {
			m.Concerns = list
		}
	}
	items := f.items("actions")
	if len(items) > 0 {
		m.Actions = r.kept.actionLists.Take(len(items))[:0]
	}
	for _, n := range items {
		af := newFields(f.file, &n, actionKeys.names, r.errs)
		af.require(actionKeys)
		a := &r.kept.actions.Take(1)[0]
		*a = model.Action{
			Line:    n.Line(),
			Task:    af.text("task"),
			Owner:   af.text("owner"),
			Due:     af.date("due"),
			Meeting: m,
		}
		a.Done, a.DoneOn = af.done("done")
		if n := af.value("concern"); n != nil {
			a.Concern = r.concernRef(af, "concern", n)
		}
		a.OwnerTeam = r.teamOf(a.Owner)
		m.Actions = append(m.Actions, a)
	}
}

func (r *resolver) attendee(f *fields, n *load.Node) model.Attendee {
	if n.Kind != load.ScalarNode {
		f.fail(n, "attendees: want a team slug or a name, found %s", describe(n))
		return model.Attendee{}
	}
	name := strings.TrimSpace(n.Value())
	if t := r.teams[name]; t != nil {
		return model.Attendee{Name: t.Title, Team: t, IsTeam: true}
	}
	if name == model.Slugify(name) { // written like a slug: perhaps a misspelt team
		if slug := nearestWithin(name, r.nearTeams, r.budget(f.file)); slug != "" {
			f.fail(n, "attendees: unknown team %q (did you mean %q?)", name, slug)
		}
	}
	return model.Attendee{Name: name, Team: r.teamOf(name)}
}

func (r *resolver) concernRef(f *fields, key string, n *load.Node) *model.Concern {
	if n.Kind != load.ScalarNode {
		f.fail(n, "%s: want a concern slug, found %s", key, describe(n))
		return nil
	}
	slug := strings.TrimSpace(n.Value())
	c := r.concerns[slug]
	if c == nil && !r.site.Unreadable(load.KindConcern, slug) {
		f.fail(n, "%s: unknown concern %q (%s)", key, slug, r.concernHint(f.file, key, slug))
	}
	return c
}

// indexPeople maps every name a team knows (its slug, title, representative
// and members) to the team.
func (r *resolver) indexPeople() {
	r.people = map[string]*model.Team{}
	r.teamTitles = map[string]*model.Team{}
	for _, slug := range r.teamSlugs {
		t := r.teams[slug]
		if title := strings.ToLower(t.Title); r.teamTitles[title] == nil {
			r.teamTitles[title] = t
		}
		for _, name := range append([]string{t.Slug, t.Title, t.Representative}, t.Members...) {
			if _, ok := r.people[name]; !ok && name != "" {
				r.people[name] = t
			}
		}
	}
}

// teamOf returns the team a person or team name belongs to.
func (r *resolver) teamOf(name string) *model.Team {
	return r.people[name]
}

// order sorts everything into reading order and links each piece to the
// pieces that mention it, in one pass over each list.
func (r *resolver) order(h *model.Handbook) {
	// Every order but the actions' ends on the slug, which no two files of
	// a kind share, so it has no ties: a sort that is not stable gives the
	// same order, with a fraction of the comparisons.
	slices.SortFunc(h.Teams, func(a, b *model.Team) int { return compareText(a.Title, b.Title, a.Slug, b.Slug) })
	for _, c := range h.Concerns {
		c.Open = h.Config.Scoring.IsOpen(c.Status)
	}
	slices.SortFunc(h.Concerns, comparePriority)
	slices.SortFunc(h.Meetings, compareMeetings)
	slices.SortStableFunc(h.Actions, compareDue)
	slices.SortFunc(h.Pages, func(a, b *model.Page) int {
		// As the navigation lists them: "Guide 2" before "Guide 10".
		return cmp.Or(model.CompareNatural(a.Title, b.Title), cmp.Compare(a.Slug, b.Slug))
	})

	for i, c := range h.Concerns {
		if c.Open {
			c.Rank = i + 1 // open concerns come first
		}
		if c.Team != nil {
			c.Team.Concerns = append(c.Team.Concerns, c)
		}
		for _, t := range c.Tags { // in priority order, as the team's
			t.Concerns = append(t.Concerns, c)
		}
	}
	for _, m := range h.Meetings {
		for _, c := range m.Concerns {
			c.Meetings = append(c.Meetings, m)
		}
		for _, a := range m.Actions {
			if c := a.Concern; c != nil && !slices.Contains(c.Meetings, m) {
				c.Meetings = append(c.Meetings, m)
			}
		}
		for _, t := range h.Teams {
			if m.Attended(t) {
				t.Meetings = append(t.Meetings, m)
			}
		}
	}
	for _, a := range h.Actions {
		if a.Concern != nil {
			a.Concern.Actions = append(a.Concern.Actions, a)
			if t := a.Concern.Team; t != nil {
				t.Actions = append(t.Actions, a)
			}
		}
		// A team sees the actions its people own and those about its concerns.
		if t := a.OwnerTeam; t != nil && (a.Concern == nil || a.Concern.Team != t) {
			t.Actions = append(t.Actions, a)
		}
	}
	for _, slug := range slices.Sorted(maps.Keys(r.tags)) {
		h.Tags = append(h.Tags, r.tags[slug])
	}
}

// comparePriority puts open concerns before closed ones; among each,
// scored concerns first, highest score first, then the concerns not yet
// estimated; ties go by title.
func comparePriority(a, b *model.Concern) int {
	if a.Open != b.Open {
		return firstIf(a.Open)
	}
	if a.Priority.Scored != b.Priority.Scored {
		return firstIf(a.Priority.Scored)
	}
	if c := cmp.Compare(b.Priority.Score, a.Priority.Score); c != 0 {
		return c
	}
	return compareText(a.Title, b.Title, a.Slug, b.Slug)
}

// compareMeetings puts the newest meeting first.
func compareMeetings(a, b *model.Meeting) int {
	if c := b.Date.Compare(a.Date); c != 0 {
		return c
	}
	return cmp.Compare(b.Slug, a.Slug)
}

// compareDue puts dated actions first, soonest first, then keeps meeting
// order.
func compareDue(a, b *model.Action) int {
	switch {
	case a.Due.IsZero() != b.Due.IsZero():
		return firstIf(b.Due.IsZero())
	case !a.Due.Equal(b.Due):
		return a.Due.Compare(b.Due)
	case a.Meeting != b.Meeting:
		return compareMeetings(a.Meeting, b.Meeting)
	}
	return cmp.Compare(a.Line, b.Line)
}

// compareText orders by title without regard to case, then by slug.
func compareText(a, b, slugA, slugB string) int {
	if c := model.CompareFold(a, b); c != 0 {
		return c
	}
	return cmp.Compare(slugA, slugB)
}

// firstIf is the comparison that puts a first when it has what b lacks.
func firstIf(aHas bool) int {
	if aHas {
		return -1
	}
	return 1
}
