package gensite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// topic is what a piece of text is about: it fills the placeholders of the
// sentences in words.go.
type topic struct {
	system string // "" for any system
	team   *team
}

// fill replaces the placeholders of s: {system}, {team}, {person}, {n} and
// {pct}.
func (g *generator) fill(s string, t topic) string {
	if strings.Contains(s, "{system}") {
		system := t.system
		if system == "" {
			system = g.pick(g.shape.words.systems)
		}
		s = strings.ReplaceAll(s, "{system}", system)
	}
	if strings.Contains(s, "{team}") {
		s = strings.ReplaceAll(s, "{team}", t.team.title)
	}
	if strings.Contains(s, "{person}") {
		s = strings.ReplaceAll(s, "{person}", g.pick(t.team.members))
	}
	if strings.Contains(s, "{n}") {
		s = strings.ReplaceAll(s, "{n}", strconv.Itoa(2+g.r.IntN(11)))
	}
	if strings.Contains(s, "{pct}") {
		s = strings.ReplaceAll(s, "{pct}", strconv.Itoa(5+g.r.IntN(90)))
	}
	return s
}

// writer writes the prose of one body from a deck of sentences, so that a
// sentence comes back only once the deck has been used up.
type writer struct {
	g     *generator
	topic topic
	deck  []string
	order []int
}

func (g *generator) writer(t topic, deck []string) *writer {
	return &writer{g: g, topic: t, deck: deck}
}

func (w *writer) sentence() string {
	if len(w.order) == 0 {
		w.order = w.g.r.Perm(len(w.deck))
	}
	s := w.deck[w.order[0]]
	w.order = w.order[1:]
	return w.g.fill(s, w.topic)
}

func (w *writer) paragraph(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = w.sentence()
	}
	return strings.Join(parts, " ")
}

// list writes n different items of items as a Markdown list; tasks makes it
// a task list with some items ticked.
func (w *writer) list(items []string, n int, tasks bool) string {
	var lines []string
	for _, item := range w.g.picks(items, n) {
		box := ""
		if tasks {
			box = "[ ] "
			if w.g.chance(0.4) {
				box = "[x] "
			}
		}
		lines = append(lines, "- "+box+w.g.fill(item, w.topic))
	}
	return strings.Join(lines, "\n")
}

func (g *generator) teamBody(t *team) string {
	w := g.writer(topic{team: t}, teamSentences)
	looks := g.picks(g.shape.words.systems, 2)
	return fmt.Sprintf("The %s team looks after the %s and the %s. %s\n",
		t.title, looks[0], looks[1], w.paragraph(2))
}

// concernBody writes about 150 to 400 words: paragraphs, a heading and a list,
// sometimes a table or a task list, and links to other concerns.
func (g *generator) concernBody(c *concern, all []*concern) string {
	target := 150 + g.r.IntN(231)
	w := g.writer(topic{system: c.system, team: c.team}, g.shape.prose.sentences)
	b := []string{
		w.paragraph(2 + g.r.IntN(2)),
		"## " + g.pick(g.shape.prose.headings),
		w.paragraph(1 + g.r.IntN(2)),
		w.list(g.shape.prose.bullets, 3+g.r.IntN(4), false),
	}
	if g.chance(0.3) {
		b = append(b, "## "+g.pick(g.shape.prose.tableHeadings), g.table())
	}
	if len(all) > 1 {
		var links []string
		for range 1 + g.r.IntN(3) {
			if o := all[g.r.IntN(len(all))]; o != c {
				links = append(links, fmt.Sprintf("[%s](/concerns/%s/)", o.title, o.slug))
			}
		}
		if len(links) > 0 {
			b = append(b, "Related: "+strings.Join(links, ", ")+".")
		}
	}
	if g.chance(0.3) {
		b = append(b, "## "+g.pick(g.shape.prose.taskHeadings), w.list(g.shape.prose.bullets, 2+g.r.IntN(3), true))
	}
	// Closing paragraphs of two to five sentences, up to the target.
	for n, size := words(b), 0; n < target; size-- {
		if size == 0 {
			size = 2 + g.r.IntN(4)
			b = append(b, "")
		} else {
			b[len(b)-1] += " "
		}
		s := w.sentence()
		b[len(b)-1] += s
		n += len(strings.Fields(s))
	}
	return strings.Join(b, "\n\n") + "\n"
}

func words(blocks []string) int {
	n := 0
	for _, s := range blocks {
		n += len(strings.Fields(s))
	}
	return n
}

// shortBody writes a paragraph at most: one to six sentences, now and then
// with a link to another concern, and sometimes nothing at all.
func (g *generator) shortBody(c *concern, all []*concern) string {
	if g.chance(0.05) {
		return ""
	}
	w := g.writer(topic{system: c.system, team: c.team}, g.shape.prose.sentences)
	p := w.paragraph(1 + g.r.IntN(6))
	if o := all[g.r.IntN(len(all))]; o != c && g.chance(0.3) {
		p += fmt.Sprintf(" See also [%s](/concerns/%s/).", o.title, o.slug)
	}
	return p + "\n"
}

// table writes a small GFM table of weekly numbers.
func (g *generator) table() string {
	rows := []string{
		"| Week | Incidents | Pages | Minutes to detect |",
		"|------|----------:|------:|------------------:|",
	}
	start := 1 + g.r.IntN(48)
	for i := range 3 + g.r.IntN(3) {
		rows = append(rows, fmt.Sprintf("| %d | %d | %d | %d |", start+i, g.r.IntN(6), g.r.IntN(40), 2+g.r.IntN(180)))
	}
	return strings.Join(rows, "\n")
}

func (g *generator) meetingBody(m *meeting) string {
	chair := m.teams[g.r.IntN(len(m.teams))]
	w := g.writer(topic{team: chair}, g.shape.prose.meetingSentences)
	b := []string{
		fmt.Sprintf("Session of %d minutes, %d teams present. %s chaired.", 30+15*g.r.IntN(5), len(m.teams), chair.title),
		w.paragraph(2 + g.r.IntN(3)),
		"## Round the table",
	}
	var list []string
	for _, t := range m.teams {
		tw := g.writer(topic{team: t}, g.shape.prose.sentences)
		list = append(list, "- **"+t.title+".** "+tw.sentence())
	}
	b = append(b, strings.Join(list, "\n"))
	if len(m.concerns) > 0 {
		c := m.concerns[0]
		cw := g.writer(topic{system: c.system, team: c.team}, g.shape.prose.sentences)
		b = append(b, fmt.Sprintf("Most of the time went to [%s](/concerns/%s/). %s", c.title, c.slug, cw.paragraph(2)))
	}
	return strings.Join(b, "\n\n") + "\n"
}

// shortMeetingBody writes a paragraph: how long the session was, who
// chaired it and a few sentences of notes.
func (g *generator) shortMeetingBody(m *meeting) string {
	chair := m.teams[g.r.IntN(len(m.teams))]
	w := g.writer(topic{team: chair}, g.shape.prose.meetingSentences)
	return fmt.Sprintf("Session of %d minutes, %s chaired. %s\n", 30+15*g.r.IntN(5), chair.title, w.paragraph(1+g.r.IntN(4)))
}

// page writes the i-th of the plain pages beyond the fixed ones: a team's
// guide to one of the handbook's systems, of a few paragraphs, a heading
// and a list.
func (g *generator) page(i int, teams []*team) *page {
	system := g.pick(g.shape.words.systems)
	title := fmt.Sprintf("Guide %d: %s", i+1, system)
	w := g.writer(topic{system: system, team: teams[g.r.IntN(len(teams))]}, g.shape.prose.sentences)
	body := strings.Join([]string{
		w.paragraph(2 + g.r.IntN(3)),
		"## " + g.pick(g.shape.prose.headings),
		w.paragraph(1 + g.r.IntN(3)),
		w.list(g.shape.prose.bullets, 2+g.r.IntN(4), false),
	}, "\n\n") + "\n"
	return &page{slug: model.Slugify(title), title: title, description: "How we run " + system + ".", body: body}
}

// fixedPages are the plain pages every generated handbook has.
func fixedPages() []*page {
	return []*page{
		{
			slug:        "about",
			title:       "About the council",
			description: "What the reliability council is and how to bring it a concern.",
			body: "The reliability council is a small cross-team group that decides, with data\n" +
				"rather than anecdotes, where reliability work should go first.\n\n" +
				"## How to bring a concern\n\n" +
				"- Write it up as a file in `content/concerns/`.\n" +
				"- Give it a value and an effort; the rest can follow.\n" +
				"- Bring it to the next session.\n\n" +
				"This handbook was generated for testing; every name in it is made up.\n",
		},
		{
			slug:        "how-we-score",
			title:       "How we score concerns",
			description: "How value, effort, risk, complexity and blockers become a priority.",
			body: "Every concern is rated on the same few dimensions, so that we can compare them.\n\n" +
				"| Level  | Score |\n|--------|-------|\n| Low    | 1     |\n| Medium | 2     |\n| High   | 3     |\n\n" +
				"- A range scores its midpoint, so `Low-Medium` is 1.5.\n" +
				"- Anything after a comma is a note.\n" +
				"- Risk and complexity may be written in words, and then count as the middle.\n",
		},
	}
}
