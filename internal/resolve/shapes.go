package resolve

import (
	"cmp"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/reliability-council/handbook/internal/model"
)

// A shape is the kind of value a key takes, as the function that reads the
// key accepts it: how to tell people what to write, and how to tell a JSON
// Schema validator. A schema may accept more than resolve does (a date
// of 30 February), never less.
//
// Every scalar reaches resolve as text: a YAML number or true/false is
// text too where text is wanted. A value that is empty, null or ~ counts
// as left out, so every pattern accepts a blank value.
type shape interface {
	words(v Vocabulary) string
	schema(v Vocabulary) *jsonSchema
}

// A starter is a shape that can give a required field a value a new file
// starts with, from the site's own words.
type starter interface {
	start(v Vocabulary) string
}

// scalar is what a YAML scalar is to JSON: text, a number or true/false.
func scalar() types { return types{"string", "number", "boolean"} }

// textShape is any one value (fields.text), of at most max characters
// when max is set (fields.short).
type textShape struct{ max int }

func (t textShape) words(Vocabulary) string {
	if t.max > 0 {
		return fmt.Sprintf("At most %d characters.", t.max)
	}
	return ""
}

func (t textShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: scalar(), Pattern: shortPattern(t.max)}
}

// textsShape is one value or a list of values (fields.list, fields.items
// of references): a single value is a list of one. Each is at most max
// characters long when max is set (fields.checkTag).
type textsShape struct{ max int }

func (t textsShape) words(Vocabulary) string {
	if t.max > 0 {
		return fmt.Sprintf("One value, or a list: [a, b]; each at most %d characters.", t.max)
	}
	return "One value, or a list: [a, b]."
}

func (t textsShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{
		Type:    append(scalar(), "array"),
		Pattern: shortPattern(t.max),
		Items:   &jsonSchema{Type: append(scalar(), "null"), Pattern: shortPattern(t.max)},
	}
}

// shortPattern matches a text of at most max characters once the spaces
// around it are trimmed, as resolve counts them; "" when there is no limit.
func shortPattern(max int) string {
	if max == 0 {
		return ""
	}
	return fmt.Sprintf(`^\s*[\s\S]{0,%d}\s*$`, max)
}

// dayPattern is a day as time.DateOnly reads it, months and days in range.
const dayPattern = `[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])`

// dayShape is a day, YYYY-MM-DD (fields.date).
type dayShape struct{}

func (dayShape) words(Vocabulary) string { return "Written YYYY-MM-DD." }

func (dayShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(`^\s*` + dayPattern + `\s*$`)}
}

// doneShape is an action's done: true or false, or the day it was done
// (fields.done).
type doneShape struct{}

func (doneShape) words(Vocabulary) string {
	return "true or false (also yes or no), or the day it was done, YYYY-MM-DD, which means done."
}

func (doneShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{
		Type:    types{"boolean", "integer", "string"},
		Minimum: ptr(0), Maximum: ptr(1), // 1 and 0 are true and false
		Pattern:  blankOr(`^\s*(?:` + anyCase(slices.Sorted(maps.Keys(doneAnswers))...) + `|` + dayPattern + `)\s*$`),
		Examples: []any{true, false, "2018-02-16"},
	}
}

// levelShape is a level of the site's scale (Scale.Parse), or when
// orWords, a level or words that are not scored (Scale.ParseOptional).
type levelShape struct{ orWords bool }

func (l levelShape) words(v Vocabulary) string {
	s := v.Scoring.Scale
	var names, aliases []string
	for _, level := range s {
		names = append(names, level.Name)
		for _, a := range level.Aliases {
			aliases = append(aliases, a+" for "+level.Name)
		}
	}
	w := "A level: " + model.OrList(names)
	if len(aliases) > 0 {
		w += " (also " + model.OrList(aliases) + ")"
	}
	w += fmt.Sprintf(", a range such as %s-%s, or a number from %s to %s; anything after a comma is a note.",
		s[0].Name, s[1].Name, formatNumber(s.Min()), formatNumber(s.Max()))
	if l.orWords {
		w += " Words without a level are shown but not scored."
	}
	return w
}

// start is the middle level of the scale: a new concern's value and effort
// start there, neither high nor low, until the council rates them.
func (levelShape) start(v Vocabulary) string {
	s := v.Scoring.Scale
	return s[(len(s)-1)/2].Name
}

func (l levelShape) schema(v Vocabulary) *jsonSchema {
	s := v.Scoring.Scale
	var examples []any
	for _, level := range s {
		examples = append(examples, level.Name)
	}
	if l.orWords {
		// Anything goes, but a number must be on the scale.
		return &jsonSchema{Type: scalar(), Minimum: ptr(s.Min()), Maximum: ptr(s.Max()), Examples: examples}
	}
	var words []string
	for _, level := range s {
		words = append(words, level.Name)
		words = append(words, level.Aliases...)
	}
	word := anyCase(words...)
	head := `(?:` + word + `|` + word + `\s*-\s*` + word + `|` + numberPattern + `)`
	return &jsonSchema{
		Type:    types{"string", "number"},
		Minimum: ptr(s.Min()), Maximum: ptr(s.Max()),
		Pattern:  blankOr(`^\s*` + head + `\s*(?:,[\s\S]*)?$`),
		Examples: examples,
	}
}

// statusShape is one of the site's statuses, in any case (resolver.status).
type statusShape struct{}

func (statusShape) words(v Vocabulary) string {
	s := v.Scoring
	w := "One of " + model.OrList(s.Open) + " (open)"
	if len(s.Closed) > 0 {
		w += ", or " + model.OrList(s.Closed) + " (closed)"
	}
	return w + ", in any case; left out, " + s.Open[0] + "."
}

func (statusShape) schema(v Vocabulary) *jsonSchema {
	statuses := v.Scoring.Statuses()
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(whole(anyCase(statuses...))), Examples: strs(statuses)}
}

// teamShape is the slug of one of the site's teams (resolver.linkConcern).
type teamShape struct{}

func (teamShape) words(v Vocabulary) string {
	if len(v.Teams) == 0 {
		return "The site has no teams yet: add one to content/teams/ first."
	}
	return "One of " + model.OrList(v.Teams) + "."
}

func (teamShape) schema(v Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Enum: v.Teams}
}

// observableShape is an answer to "can we see it?" (observable).
type observableShape struct{}

// observableWords returns the answers observable reads, grouped by what
// they mean, the shortest of each group first: yes, true, partly, ...
func observableWords() []string {
	words := slices.Collect(maps.Keys(observableAnswers))
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(observableAnswers[a], observableAnswers[b]), cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	return words
}

func (observableShape) words(Vocabulary) string {
	var first, others []string
	seen := map[model.Observability]bool{}
	for _, w := range observableWords() {
		if seen[observableAnswers[w]] {
			others = append(others, w)
			continue
		}
		seen[observableAnswers[w]] = true
		first = append(first, w)
	}
	return model.OrList(first) + " (also " + model.OrList(others) + "), in any case."
}

func (observableShape) schema(Vocabulary) *jsonSchema {
	words := observableWords()
	return &jsonSchema{Type: types{"string", "boolean"}, Pattern: blankOr(whole(anyCase(words...))), Examples: strs(words)}
}

// durationShape is a length of time (model.ParseDuration): it starts with
// a number.
type durationShape struct{}

func (durationShape) words(Vocabulary) string {
	return "Written like 30m, 2h or 1d 4h, in s, m, h, d or w; anything after a comma is a note."
}

func (durationShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(`^[^,]*[0-9]`), Examples: []any{"30m", "2h", "1d 4h"}}
}

// sharePattern is a percentage, which has its % sign before any note
// (model.ParseShare).
const sharePattern = `^[^,]*%`

// shareShape is a percentage from 0% to 100% (model.ParseShare).
type shareShape struct{}

func (shareShape) words(Vocabulary) string {
	return "A percentage such as 25%; anything after a comma is a note."
}

func (shareShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(sharePattern), Examples: []any{"25%"}}
}

// sloShape is a service level objective (model.ParseSLO).
type sloShape struct{}

func (sloShape) words(Vocabulary) string {
	return "A percentage above 0% and below 100%, such as 99.9%; anything after a comma is a note."
}

func (sloShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(sharePattern), Examples: []any{"99.9%"}}
}

// budgetCapShape is the budget cap (budgetCap).
type budgetCapShape struct{}

func (budgetCapShape) words(Vocabulary) string {
	return "A percentage above 0%, at most 100%; left out, " + model.DefaultScoring().BudgetCap.Text + "."
}

func (budgetCapShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(sharePattern), Examples: []any{model.DefaultScoring().BudgetCap.Text}}
}

// confidenceShape is a RICE confidence (model.ParseConfidence).
type confidenceShape struct{}

func (confidenceShape) words(Vocabulary) string {
	return "One of " + model.OrList(model.RICEConfidences()) + "; anything after a comma is a note."
}

func (confidenceShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(sharePattern), Examples: strs(model.RICEConfidences())}
}

// rateShape is how often something happens (model.ParseRate). A bare
// number says how many times but not in what period.
type rateShape struct{}

func (rateShape) words(Vocabulary) string {
	return "Written like 4/year, 1/month, 2 per week, every 2 years or monthly; anything after a comma is a note."
}

func (rateShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Examples: []any{"4/year", "every 2 years"}}
}

// methodShape is a scoring method (model.MethodNamed).
type methodShape struct{}

func (methodShape) words(Vocabulary) string {
	return "One of " + model.OrList(model.MethodNames()) + ", in any case; left out, " + model.DefaultScoring().Method.Name + "."
}

func (methodShape) schema(Vocabulary) *jsonSchema {
	names := model.MethodNames()
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(whole(anyCase(names...))), Examples: strs(names)}
}

// numberPattern is a decimal number as strconv.ParseFloat reads it.
const numberPattern = `[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?`

// numberShape is a number (fields.number), written as a number or as text,
// no larger than maxNumber either way.
type numberShape struct{}

func (numberShape) words(Vocabulary) string {
	return "A number from " + formatNumber(-maxNumber) + " to " + formatNumber(maxNumber) + "."
}

func (numberShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{
		Type:    types{"number", "string"},
		Minimum: ptr(-maxNumber), Maximum: ptr(maxNumber),
		Pattern: blankOr(whole(numberPattern)),
	}
}

// weightShape is a weight of the weighted method (weight).
type weightShape struct{}

func (weightShape) words(Vocabulary) string {
	return "A number from 0 to " + formatNumber(maxNumber) + "."
}

func (weightShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{
		Type:    types{"number", "string"},
		Minimum: ptr(0), Maximum: ptr(maxNumber),
		Pattern: blankOr(whole(`\+?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?`)),
	}
}

// blockerCapShape is the number of blockers at their worst (blockerCap).
type blockerCapShape struct{}

func (blockerCapShape) words(Vocabulary) string {
	return fmt.Sprintf("A whole number, 1 or more; left out, %d.", model.DefaultScoring().Weights.BlockerCap)
}

func (blockerCapShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"integer", "string"}, Minimum: ptr(1), Maximum: ptr(maxNumber), Pattern: blankOr(whole(`\+?[0-9]+(?:\.0*)?`))}
}

// addressShape is an absolute http or https address (config).
type addressShape struct{}

func (addressShape) words(Vocabulary) string { return "An absolute http or https address." }

func (addressShape) schema(Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"string"}, Pattern: blankOr(`^\s*` + anyCase("http") + `[sS]?://[^/?#\s]`)}
}

// coloursShape gives statuses colours of the palette (statusColours).
type coloursShape struct{}

func (coloursShape) words(Vocabulary) string {
	return "The colours are " + model.OrList(model.ColourNames()) + "."
}

// schema lists the statuses as the keys, so that an editor offers them.
func (coloursShape) schema(v Vocabulary) *jsonSchema {
	s := &jsonSchema{Type: types{"object"}, AdditionalProperties: false}
	colour := anyCase(model.ColourNames()...)
	for _, st := range v.Scoring.Statuses() {
		s.Properties = append(s.Properties, property{st, &jsonSchema{Type: types{"string", "null"}, Pattern: blankOr(whole(colour))}})
	}
	return s
}

// objectShape is a set of fields of its own (fields.mapping).
type objectShape struct{ of *keySet }

func (objectShape) words(Vocabulary) string { return "" }

func (o objectShape) schema(v Vocabulary) *jsonSchema { return o.of.schema(v) }

// itemsShape is a list of sets of fields (fields.items), with at least
// atLeast of them.
type itemsShape struct {
	of      *keySet
	atLeast int
}

func (itemsShape) words(Vocabulary) string { return "" }

func (i itemsShape) schema(v Vocabulary) *jsonSchema {
	return &jsonSchema{Type: types{"array"}, Items: i.of.schema(v), MinItems: i.atLeast}
}

// anyCase returns a pattern matching any of words in any case, as resolve
// matches words after lowering them. It is written for both the regular
// expressions of JSON Schema (ECMA 262) and Go's.
func anyCase(words ...string) string {
	alts := make([]string, len(words))
	for i, w := range words {
		var b strings.Builder
		for _, r := range w {
			lower, upper := unicode.ToLower(r), unicode.ToUpper(r)
			if lower == upper {
				b.WriteString(regexp.QuoteMeta(string(r)))
				continue
			}
			b.WriteString("[" + string(lower) + string(upper) + "]")
		}
		alts[i] = b.String()
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// whole anchors a pattern to the whole value, but for spaces around it,
// which resolve trims.
func whole(p string) string { return `^\s*` + p + `\s*$` }

// blankOr returns a pattern that also matches a blank value, which resolve
// takes as left out.
func blankOr(p string) string { return `^\s*$|` + p }

func ptr(f float64) *float64 { return &f }

func strs(words []string) []any {
	out := make([]any, len(words))
	for i, w := range words {
		out[i] = w
	}
	return out
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
