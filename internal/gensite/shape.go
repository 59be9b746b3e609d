package gensite

import (
	"fmt"
	"strings"
)

// A Shape is one kind of handbook content: how long the bodies are and what
// Markdown they hold, how many items the frontmatter lists carry, how many
// tags, meetings and action items there are. Each shape varies within
// itself (lengths, which optional fields appear, list sizes, the order of a
// body's parts), so that a benchmark cannot be tuned to one template.
type Shape struct {
	// Name is what -shape calls it.
	Name string
	// About says in a line what its content is like.
	About string

	// meetings is the number of meetings for a handbook of that many
	// concerns, when the options leave it to the shape.
	meetings func(concerns int) int
	words    *vocabulary
	prose    *prose // what the bodies are written in
	// tagPool draws the tags of one handbook; nil takes words.tags.
	tagPool func(g *generator) []string
	concern concernShape
	meeting meetingShape
}

// concernShape is what a shape's concerns look like.
type concernShape struct {
	risk, complexity float64 // the chance that each is given
	note             float64 // the chance that a level has a note
	secondNote       float64 // the chance that a noted level has a second one
	blockers         listSpec
	evidence         listSpec
	signals          listSpec
	tags             listSpec
	body             func(g *generator, c *concern, all []*concern) string
	// variedTexts has a fifth of the concerns' files write their longer
	// values wrapped, folded or with a comment after them (textStyleOf).
	variedTexts bool
}

// withVariedTexts returns the concerns of c with a fifth of their files'
// longer values written wrapped, folded or with a comment.
func (c concernShape) withVariedTexts() concernShape {
	c.variedTexts = true
	return c
}

// meetingShape is what a shape's meetings look like.
type meetingShape struct {
	concerns span // concerns discussed
	actions  span // action items agreed
	body     func(g *generator, m *meeting) string
}

// span is a whole number drawn evenly from min to max, both included.
type span struct{ min, max int }

func (g *generator) in(s span) int { return s.min + g.r.IntN(s.max-s.min+1) }

// listSpec says how often a frontmatter list is there, how many items it
// holds and how it is written. A chance of 0 or 1 draws nothing from the
// random source, so that adding a field here leaves other shapes' handbooks
// as they were.
type listSpec struct {
	present float64 // the chance that the field is there at all
	// weights, when set, give n items with weight weights[n]; otherwise
	// the number of items is drawn from count.
	weights []int
	count   span
	// skewed draws popular items more often than the rest, as tags are in
	// a real handbook; otherwise every item is as likely.
	skewed    bool
	oneAsText float64 // the chance that a single item is written as plain text
	flow      float64 // the chance that the list is written [a, b] rather than one item per line
}

// The shapes, in the order SHAPE=all runs them.
var (
	defaultShape = &Shape{
		Name:     "default",
		About:    "bodies of 150 to 400 words, a few items per list, 60 tags",
		meetings: fixedMeetings,
		words:    &plainWords,
		prose:    &english,
		concern: concernShape{
			risk: 0.85, complexity: 0.4, note: 0.5,
			blockers: listSpec{present: 1, weights: []int{40, 30, 20, 10}, oneAsText: 0.5},
			evidence: listSpec{present: 0.7, count: span{1, 2}},
			signals:  listSpec{present: 0.75, count: span{1, 4}},
			tags:     listSpec{present: 1, count: span{1, 3}, flow: 1},
			body:     (*generator).concernBody,
		},
		meeting: meetingShape{concerns: span{3, 30}, actions: span{1, 8}, body: (*generator).meetingBody},
	}
	shortShape = &Shape{
		Name:     "short",
		About:    "a paragraph of body at most, long frontmatter lists and notes",
		meetings: fixedMeetings,
		words:    &richWords,
		prose:    &english,
		concern: concernShape{
			risk: 0.95, complexity: 0.8, note: 0.85, secondNote: 0.5,
			blockers:    listSpec{present: 0.9, count: span{1, 12}, oneAsText: 0.3, flow: 0.3},
			evidence:    listSpec{present: 0.95, count: span{2, 10}, flow: 0.3},
			signals:     listSpec{present: 0.95, count: span{3, 15}, flow: 0.3},
			tags:        listSpec{present: 1, count: span{3, 12}, flow: 0.8},
			body:        (*generator).shortBody,
			variedTexts: true,
		},
		meeting: meetingShape{concerns: span{5, 40}, actions: span{2, 10}, body: (*generator).shortMeetingBody},
	}
	longShape = &Shape{
		Name:     "long",
		About:    "Markdown-heavy bodies of 10 to 30 KiB: tables, code, nested lists, quotes, many links",
		meetings: fixedMeetings,
		words:    &richWords,
		prose:    &english,
		concern: concernShape{
			risk: 0.85, complexity: 0.5, note: 0.5,
			blockers:    listSpec{present: 0.8, count: span{1, 4}, oneAsText: 0.5, flow: 0.2},
			evidence:    listSpec{present: 0.7, count: span{1, 3}, flow: 0.2},
			signals:     listSpec{present: 0.75, count: span{1, 5}, flow: 0.2},
			tags:        listSpec{present: 1, count: span{1, 4}, flow: 0.9},
			body:        (*generator).longConcernBody,
			variedTexts: true,
		},
		meeting: meetingShape{concerns: span{3, 30}, actions: span{1, 8}, body: (*generator).longMeetingBody},
	}
	tagsShape = &Shape{
		Name:     "tags",
		About:    "hundreds of tags, many per concern; a meeting for every two concerns, 5 action items each on average",
		meetings: func(concerns int) int { return concerns / 2 },
		words:    &richWords,
		prose:    &english,
		tagPool:  (*generator).tagPool,
		concern: concernShape{
			risk: 0.85, complexity: 0.4, note: 0.5,
			blockers:    listSpec{present: 1, weights: []int{40, 30, 20, 10}, oneAsText: 0.5},
			evidence:    listSpec{present: 0.7, count: span{1, 2}},
			signals:     listSpec{present: 0.75, count: span{1, 4}},
			tags:        listSpec{present: 1, count: span{3, 20}, skewed: true, flow: 0.7},
			body:        (*generator).concernBody,
			variedTexts: true,
		},
		meeting: meetingShape{concerns: span{1, 12}, actions: span{2, 8}, body: (*generator).meetingBody},
	}
	languagesShape = &Shape{
		Name:     "languages",
		About:    "the default shape's bodies in eight languages and four scripts, with bare links and addresses",
		meetings: fixedMeetings,
		words:    &richWords,
		prose:    &multilingual,
		concern:  defaultShape.concern.withVariedTexts(),
		meeting:  defaultShape.meeting,
	}
)

// fixedMeetings is the meeting count of most shapes: 500 whatever the size.
func fixedMeetings(int) int { return 500 }

// Shapes returns every shape, the default first.
func Shapes() []*Shape {
	return []*Shape{defaultShape, shortShape, longShape, tagsShape, languagesShape}
}

// ShapeNamed returns the shape called name, or an error that lists them all.
func ShapeNamed(name string) (*Shape, error) {
	var names []string
	for _, s := range Shapes() {
		if s.Name == name {
			return s, nil
		}
		names = append(names, s.Name)
	}
	return nil, fmt.Errorf("unknown shape %q (want %s)", name, strings.Join(names, ", "))
}

// Meetings is the number of meetings a handbook of this shape has with that
// many concerns, unless told otherwise: 500, or for the tags shape one for
// every two concerns.
func (s *Shape) Meetings(concerns int) int { return s.meetings(concerns) }
