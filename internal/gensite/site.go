package gensite

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// Options says how big a handbook to generate, of which shape, and from
// which seed.
type Options struct {
	Concerns int
	Meetings int
	Teams    int
	// Pages is how many plain pages to write besides the two every
	// handbook has; each is an entry of the navigation.
	Pages int
	Seed  uint64
	// Shape is the kind of content; nil is the default shape.
	Shape *Shape
}

// Validate reports options the generator cannot honour.
func (o Options) Validate() error {
	switch {
	case o.Concerns < 0 || o.Meetings < 0 || o.Pages < 0:
		return fmt.Errorf("-concerns, -meetings and -pages must be 0 or more")
	case o.Teams < 1:
		return fmt.Errorf("-teams must be at least 1")
	case o.Teams > len(teamAreas)*(len(teamKinds)+1):
		return fmt.Errorf("-teams must be at most %d", len(teamAreas)*(len(teamKinds)+1))
	}
	return nil
}

// Site is a generated handbook, independent of how it is written out.
type Site struct {
	teams    []*team
	concerns []*concern // in generation order
	meetings []*meeting // by date
	pages    []*page
}

type team struct {
	slug, title    string
	representative string
	members        []string // the representative first
	body           string
}

type concern struct {
	slug, title string
	system      string // what it is about, e.g. "legacy billing ETL"
	team        *team
	value       string
	effort      string
	risk        string // empty when left out
	complexity  string
	blockers    textList
	evidence    textList
	status      string
	observable  string // empty when left out
	signals     textList
	owner       string
	tags        textList
	raised      time.Time
	body        string
	texts       textStyle // how its file writes its longer values

	priority float64 // as internal/model works it out
	rank     int     // 1 for the most urgent open concern; 0 for a closed one
	order    int     // its place in the handbook's list of concerns, from 1
}

type meeting struct {
	slug, title string
	date        time.Time
	attendees   []string // team slugs and people's names, as written
	teams       []*team  // the teams present, whichever way they were named
	concerns    []*concern
	actions     []action
	body        string
}

type action struct {
	task    string
	owner   string
	due     time.Time
	done    bool
	concern *concern // nil when the action is about no concern
	team    *team    // the team the handbook files it under, or nil
}

type page struct {
	slug, title, description, body string
}

// The years dates are spread over: 2020 to 2024.
var (
	firstDay = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	days     = int(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Sub(firstDay).Hours() / 24)
)

// generator holds the random source and what has been handed out so far, so
// that names and slugs stay unique.
type generator struct {
	r        *rand.Rand
	shape    *Shape
	tags     []string // what concerns are tagged from
	people   map[string]*team
	concerns map[string]bool
	meetings map[string]bool
}

// Generate makes a handbook of the size opts asks for. The same opts always
// give the same handbook.
func Generate(opts Options) *Site {
	shape := opts.Shape
	if shape == nil {
		shape = defaultShape
	}
	g := &generator{
		r:        rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)),
		shape:    shape,
		tags:     shape.words.tags,
		people:   map[string]*team{},
		concerns: map[string]bool{},
		meetings: map[string]bool{},
	}
	s := &Site{}
	for i := range opts.Teams {
		s.teams = append(s.teams, g.team(i))
	}
	if shape.tagPool != nil {
		g.tags = shape.tagPool(g)
	}
	for range opts.Concerns {
		s.concerns = append(s.concerns, g.concern(s.teams))
	}
	for _, c := range s.concerns {
		c.body = shape.concern.body(g, c, s.concerns)
	}
	byRaised := make([]*concern, len(s.concerns))
	copy(byRaised, s.concerns)
	sort.SliceStable(byRaised, func(i, j int) bool { return byRaised[i].raised.Before(byRaised[j].raised) })
	for range opts.Meetings {
		s.meetings = append(s.meetings, g.meeting(s.teams, byRaised))
	}
	sort.SliceStable(s.meetings, func(i, j int) bool { return s.meetings[i].date.Before(s.meetings[j].date) })
	s.pages = fixedPages()
	// Drawn last, so that the rest of the handbook is the same with any
	// number of pages.
	for i := range opts.Pages {
		s.pages = append(s.pages, g.page(i, s.teams))
	}
	rank(s.concerns)
	return s
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// chance returns true with probability p. A certainty either way draws
// nothing, so that a shape can switch a choice off without changing what
// the rest of its handbook draws.
func (g *generator) chance(p float64) bool {
	switch {
	case p <= 0:
		return false
	case p >= 1:
		return true
	}
	return g.r.Float64() < p
}

// picks returns n different entries of list, in the order drawn.
func (g *generator) picks(list []string, n int) []string {
	n = min(n, len(list))
	out := make([]string, 0, n)
	for _, i := range g.r.Perm(len(list))[:n] {
		out = append(out, list[i])
	}
	return out
}

func (g *generator) day() time.Time { return firstDay.AddDate(0, 0, g.r.IntN(days)) }

// team i takes the i-th name: every area on its own first, then areas with
// a kind ("Search Frontend").
func (g *generator) team(i int) *team {
	title := teamAreas[i%len(teamAreas)]
	if k := i / len(teamAreas); k > 0 {
		title += " " + teamKinds[k-1]
	}
	t := &team{slug: model.Slugify(title), title: title}
	for range 3 + g.r.IntN(5) {
		t.members = append(t.members, g.person(t))
	}
	t.representative = t.members[0]
	t.body = g.teamBody(t)
	return t
}

// person makes a name nobody else has, so that a name in a meeting points
// to one team.
func (g *generator) person(t *team) string {
	for try := 0; ; try++ {
		name := g.pick(g.shape.words.firstNames) + " " + g.pick(g.shape.words.lastNames)
		if try > 20 {
			name = g.pick(g.shape.words.firstNames) + " " + string(rune('A'+g.r.IntN(26))) + ". " + g.pick(g.shape.words.lastNames)
		}
		if g.people[name] == nil {
			g.people[name] = t
			return name
		}
	}
}

func (g *generator) concern(teams []*team) *concern {
	// A few teams raise most concerns.
	t := teams[int(float64(len(teams))*math.Pow(g.r.Float64(), 1.6))]
	shape := g.shape.concern
	c := &concern{team: t}
	c.title, c.slug, c.system = g.concernName()
	if shape.variedTexts {
		c.texts = textStyleOf(c.slug)
	}
	c.value = g.level()
	c.effort = g.level()
	if g.chance(shape.risk) {
		c.risk = g.optionalLevel(riskWords, 0.25)
	}
	if g.chance(shape.complexity) {
		c.complexity = g.optionalLevel(complexityWords, 0.2)
	}
	about := topic{system: c.system, team: t}
	c.blockers = g.textList(shape.blockers, g.shape.words.blockers, about)
	c.evidence = g.textList(shape.evidence, g.shape.words.evidence, about)
	c.status = model.DefaultScoring().Statuses()[g.weighted(25, 15, 15, 20, 18, 7)]
	c.observable = []string{"yes", "partly", "no", ""}[g.weighted(25, 30, 30, 15)]
	c.signals = g.textList(shape.signals, g.shape.words.signals, about)
	if g.chance(0.9) {
		c.owner = g.pick(t.members)
	}
	c.tags = g.textList(shape.tags, g.tags, about)
	c.raised = g.day()
	c.priority = priority(c)
	return c
}

// textList draws a frontmatter list as spec says, from items with their
// placeholders filled in for what it is about.
func (g *generator) textList(spec listSpec, items []string, about topic) textList {
	if !g.chance(spec.present) {
		return textList{}
	}
	var n int
	if spec.weights != nil {
		n = g.weighted(spec.weights...)
	} else {
		n = g.in(spec.count)
	}
	var l textList
	switch {
	case n == 0:
		return l
	case spec.skewed:
		l.items = g.skewedPicks(items, n)
	default:
		l.items = g.picks(items, n)
	}
	for i, item := range l.items {
		l.items[i] = g.fill(item, about)
	}
	switch {
	case len(l.items) == 1 && g.chance(spec.oneAsText):
		l.style = asText
	case g.chance(spec.flow):
		l.style = inFlow
	}
	return l
}

// concernName returns a title and slug no other concern has, and the
// system it names.
func (g *generator) concernName() (title, slug, system string) {
	for try := 0; ; try++ {
		system = g.pick(g.shape.words.systems)
		if kind := g.pick(systemKinds); kind != "" {
			system = kind + " " + system
		}
		title = fmt.Sprintf(g.pick(g.shape.words.concernTitles), system)
		if try > 20 {
			title += " (" + strconv.Itoa(try) + ")"
		}
		slug = model.Slugify(title)
		if !g.concerns[slug] {
			g.concerns[slug] = true
			return title, slug, system
		}
	}
}

// weighted returns i with probability weights[i]/sum(weights).
func (g *generator) weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}

// level writes a scored field: a word, a range or a number, sometimes in
// lowercase, often with a note.
func (g *generator) level() string {
	var l string
	switch g.weighted(60, 25, 15) {
	case 0:
		l = g.pick(levelWords)
		if g.chance(0.05) {
			l = strings.ToLower(l)
		}
	case 1:
		l = g.pick(levelRanges)
	default:
		l = g.pick(levelNums)
	}
	if g.chance(g.shape.concern.note) {
		note := g.pick(levelNotes)
		l += ", " + note
		if g.chance(g.shape.concern.secondNote) {
			if more := g.pick(levelNotes); more != note {
				l += ", " + more
			}
		}
	}
	return l
}

// optionalLevel writes risk or complexity: a level, or in words with
// probability inWords.
func (g *generator) optionalLevel(words []string, inWords float64) string {
	if g.chance(inWords) {
		return g.pick(words)
	}
	return g.level()
}

// priority works a concern's score out with the handbook's own scoring, so
// that the Hugo twin sorts exactly as the handbook does.
func priority(c *concern) float64 {
	scoring := model.DefaultScoring()
	value, _ := scoring.Scale.Parse(c.value)
	effort, _ := scoring.Scale.Parse(c.effort)
	risk, _ := scoring.Scale.ParseOptional(c.risk)
	complexity, _ := scoring.Scale.ParseOptional(c.complexity)
	return scoring.Prioritize(&model.Concern{
		Value: value, Effort: effort, Risk: risk, Complexity: complexity, Blockers: c.blockers.items,
	}).Score
}

// rank puts the concerns in the handbook's order, open ones first, each by
// highest priority, then by title ignoring case, then by slug, and numbers
// the open ones as the handbook ranks them.
func rank(concerns []*concern) {
	scoring := model.DefaultScoring()
	sorted := make([]*concern, len(concerns))
	copy(sorted, concerns)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if oa, ob := scoring.IsOpen(a.status), scoring.IsOpen(b.status); oa != ob {
			return oa
		}
		if a.priority != b.priority {
			return a.priority > b.priority
		}
		if la, lb := strings.ToLower(a.title), strings.ToLower(b.title); la != lb {
			return la < lb
		}
		return a.slug < b.slug
	})
	for i, c := range sorted {
		c.order = i + 1
		if scoring.IsOpen(c.status) {
			c.rank = i + 1
		}
	}
}

func (g *generator) meeting(teams []*team, byRaised []*concern) *meeting {
	m := &meeting{date: g.day()}
	title := g.pick(g.shape.words.meetingTitles)
	if strings.Contains(title, "%s") {
		title = fmt.Sprintf(title, g.pick(g.shape.words.systems))
	}
	m.title = title
	m.slug = m.date.Format(time.DateOnly) + "-" + model.Slugify(title)
	for n := 2; g.meetings[m.slug]; n++ {
		m.slug = m.date.Format(time.DateOnly) + "-" + model.Slugify(title) + "-" + strconv.Itoa(n)
	}
	g.meetings[m.slug] = true

	present := map[*team]bool{}
	for _, i := range g.r.Perm(len(teams))[:min(len(teams), 2+g.r.IntN(7))] {
		t := teams[i]
		present[t] = true
		if g.chance(0.25) {
			m.attendees = append(m.attendees, t.representative) // named by a person
		} else {
			m.attendees = append(m.attendees, t.slug)
		}
	}
	if g.chance(0.1) {
		m.attendees = append(m.attendees, g.pick(guests))
	}
	for _, t := range teams {
		if present[t] {
			m.teams = append(m.teams, t)
		}
	}

	// Mostly concerns raised by the day of the meeting.
	pool := byRaised[:sort.Search(len(byRaised), func(i int) bool { return byRaised[i].raised.After(m.date) })]
	n := min(len(byRaised), g.in(g.shape.meeting.concerns))
	if len(pool) < n {
		pool = byRaised
	}
	for _, i := range g.r.Perm(len(pool))[:n] {
		m.concerns = append(m.concerns, pool[i])
	}

	for range g.in(g.shape.meeting.actions) {
		owner := g.pick(m.teams[g.r.IntN(len(m.teams))].members)
		a := action{owner: owner, team: g.people[owner], done: g.chance(0.6)}
		topic := topic{team: a.team}
		if len(m.concerns) > 0 && g.chance(0.7) {
			a.concern = m.concerns[g.r.IntN(len(m.concerns))]
			a.team = a.concern.team
			topic.system = a.concern.system
		}
		a.task = g.fill(g.pick(tasks), topic)
		if g.chance(0.85) {
			a.due = m.date.AddDate(0, 0, 7+g.r.IntN(36))
		}
		m.actions = append(m.actions, a)
	}
	m.body = g.shape.meeting.body(g, m)
	return m
}
