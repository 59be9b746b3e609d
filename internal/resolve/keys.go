package resolve

import (
	"fmt"
	"maps"
	"slices"
)

// A mapping is one set of fields resolve reads: the frontmatter of a kind
// of file, site.yaml, or a set of fields nested in one. Its keys and
// required keys are the very lists resolve reads it with; what each key
// means and takes is said here, once, for editors' schemas and the
// comments of new files.
type mapping struct {
	title    string            // what it is, for a schema's title
	keys     []string          // resolve's list of the keys allowed
	required map[string]string // resolve's required keys, with their hints
	fields   map[string]field  // what each key means and takes
}

// A field is what one key means and the shape of the value it takes.
type field struct {
	about string
	shape shape
}

// mappings are the sets of fields by name: the kinds of SchemaKinds, and
// the sets nested in them, named by their path.
var mappings = map[string]mapping{
	"concern": {
		title: "A concern of the handbook (content/concerns/*.md)",
		keys:  concernKeys, required: concernRequired,
		fields: map[string]field{
			"title":      {"A short name for the concern.", textShape{}},
			"team":       {"The team that raised it, by slug: the name of its file in content/teams/, without .md.", teamShape{}},
			"value":      {"How much it would be worth to deal with.", levelShape{}},
			"effort":     {"How much work it would take.", levelShape{}},
			"risk":       {"What happens if it is left alone.", levelShape{orWords: true}},
			"complexity": {"How hard the work is to get right.", levelShape{orWords: true}},
			"blockers":   {"What stands in the way; each blocker counts against the priority.", textsShape{}},
			"evidence":   {"Data that would confirm the concern or rule it out.", textsShape{}},
			"ettd":       {"Estimated time to detect: once it happens, how long until someone knows.", durationShape{}},
			"ettr":       {"Estimated time to repair: from then until it is fixed or worked around.", durationShape{}},
			"impact":     {"The share of users affected while it lasts.", shareShape{}},
			"frequency":  {"How often it happens.", rateShape{}},
			"confidence": {"How sure the council is of its estimates, for the rice method; left out, it follows observable.", confidenceShape{}},
			"urgency":    {"How fast the value of dealing with it decays (time criticality), for the wsjf method.", levelShape{orWords: true}},
			"status":     {"Where it stands.", statusShape{}},
			"observable": {"Can we see this concern in our data today?", observableShape{}},
			"signals":    {"Signals in our data that would confirm it.", textsShape{}},
			"owner":      {"The person driving it.", textShape{}},
			"tags":       {"Tags that group concerns; each tag gets a page.", textsShape{}},
			"raised":     {"The day it was raised.", dateShape{}},
			"reviewed":   {"The day the council last reviewed it, when the review changed nothing else in the file.", dateShape{}},
		},
	},
	"meeting": {
		title: "A meeting of the council (content/meetings/*.md)",
		keys:  meetingKeys, required: meetingRequired,
		fields: map[string]field{
			"title":     {`The meeting's title; left out, it is "Meeting of" and the date.`, textShape{}},
			"date":      {"The day it was held.", dateShape{}},
			"attendees": {"Who came: team slugs or titles, or people's names.", textsShape{}},
			"concerns":  {"The concerns discussed, by slug.", textsShape{}},
			"actions":   {"What the council agreed to do: a list of action items.", itemsShape{of: "meeting.actions"}},
		},
	},
	"meeting.actions": {
		title: "An action item",
		keys:  actionKeys, required: actionRequired,
		fields: map[string]field{
			"task":    {"What is to be done.", textShape{}},
			"owner":   {"Who does it: a team's representative or member, so that it shows on the team's page.", textShape{}},
			"due":     {"When it is due.", dateShape{}},
			"done":    {"Whether it is done.", doneShape{}},
			"concern": {"The concern it is about, by slug.", textShape{}},
		},
	},
	"team": {
		title: "A team of the council (content/teams/*.md)",
		keys:  teamKeys, required: teamRequired,
		fields: map[string]field{
			"title":          {"The team's name as readers see it.", textShape{}},
			"representative": {"The person who speaks for the team on the council.", textShape{}},
			"members":        {"The team's people, written as everywhere else: the actions they own show on the team's page.", textsShape{}},
			"slo":            {"The SLO of the part of the service the team runs, when it has one of its own.", sloShape{}},
		},
	},
	"page": {
		title: "A plain page of the handbook (content/*.md)",
		keys:  pageKeys, required: pageRequired,
		fields: map[string]field{
			"title":       {"The page's heading and its name in the navigation.", textShape{}},
			"description": {"One sentence about the page, for search engines and link previews.", textShape{}},
		},
	},
	"site": {
		title: "The handbook's settings (site.yaml)",
		keys:  configKeys, required: configRequired,
		fields: map[string]field{
			"title":       {"The handbook's name.", textShape{}},
			"baseURL":     {"The address it is published at, such as https://handbook.example.org/.", addressShape{}},
			"description": {"One sentence about the handbook, shown on its overview.", textShape{}},
			"language":    {"The language of its pages, such as en or en-GB; left out, en.", textShape{}},
			"theme":       {"Its theme: default, or the name of a folder in themes/.", textShape{}},
			"editURL":     {`Where each page's "Edit this page" link goes: this address followed by the file's path.`, addressShape{}},
			"scoring":     {"How concerns are scored: the scale, the statuses, the method and its weights.", objectShape{of: "site.scoring"}},
			"slo":         {"The availability promised for the service as a whole: each estimated risk is set against the error budget it leaves.", sloShape{}},
			"budgetCap":   {"The share of an error budget a single risk may take before it must be fixed.", budgetCapShape{}},
		},
	},
	"site.scoring": {
		title: "How concerns are scored",
		keys:  scoringKeys, required: nil,
		fields: map[string]field{
			"scale":       {"The levels scored fields are written in, lowest first.", itemsShape{of: "site.scoring.scale", atLeast: 2}},
			"statuses":    {"The statuses a concern may have.", objectShape{of: "site.scoring.statuses"}},
			"method":      {"How priorities are worked out.", methodShape{}},
			"weights":     {"How much each dimension counts in the weighted method.", objectShape{of: "site.scoring.weights"}},
			"reviewEvery": {"How often each open concern should be looked at again, at least a day.", durationShape{}},
		},
	},
	"site.scoring.scale": {
		title: "A level of the scale",
		keys:  levelKeys, required: levelRequired,
		fields: map[string]field{
			"level":   {"The level's name as readers see it, without - or ,.", textShape{}},
			"score":   {"Its place on the scale, above the level before it.", numberShape{}},
			"aliases": {"Other words for the same level.", textsShape{}},
		},
	},
	"site.scoring.statuses": {
		title: "The statuses a concern may have",
		keys:  statusesKeys, required: nil,
		fields: map[string]field{
			"open":    {"The statuses of concerns still to be dealt with; the first is a new concern's.", textsShape{}},
			"closed":  {"The statuses of concerns the council is finished with.", textsShape{}},
			"colours": {"A colour of the palette for each status, as status: colour.", coloursShape{}},
		},
	},
	"site.scoring.weights": {
		title: "The weights of the weighted method",
		keys:  weightKeys, required: nil,
		fields: map[string]field{
			"value":      {"How much value counts.", weightShape{}},
			"risk":       {"How much risk counts.", weightShape{}},
			"effort":     {"How much effort counts.", weightShape{}},
			"complexity": {"How much complexity counts.", weightShape{}},
			"blockers":   {"How much blockers count.", weightShape{}},
			"blockerCap": {"The number of blockers at which the blockers dimension is at its worst.", blockerCapShape{}},
		},
	},
}

// schema returns the JSON Schema of the mapping: an object of its keys,
// nothing else, with its required keys.
func (m mapping) schema(v Vocabulary) *jsonSchema {
	s := &jsonSchema{Type: types{"object"}, AdditionalProperties: false}
	for _, key := range m.keys {
		p := m.fields[key].property(v)
		if _, ok := m.required[key]; ok {
			s.Required = append(s.Required, key)
		} else {
			p.Type = p.Type.orNull()
		}
		s.Properties = append(s.Properties, property{key, p})
	}
	return s
}

// property returns the schema of the field's value, with what it means and
// takes as its description. A key nobody has described yet takes anything.
func (f field) property(v Vocabulary) *jsonSchema {
	if f.shape == nil {
		return &jsonSchema{}
	}
	s := f.shape.schema(v)
	s.Description = f.describe(v)
	return s
}

// describe says what the field means and what to write in it.
func (f field) describe(v Vocabulary) string {
	if f.shape == nil {
		return ""
	}
	if w := f.shape.words(v); w != "" {
		return f.about + " " + w
	}
	return f.about
}

// Field is one key of a kind of frontmatter, as resolve reads it.
type Field struct {
	Key      string
	Required bool
	// About says what the key means and what to write in it, in the
	// site's vocabulary.
	About string
}

// Fields lists the keys of a kind of frontmatter, one of SchemaKinds or a
// set of fields nested in one ("meeting.actions", "site.scoring"), in the
// order resolve lists them.
func Fields(kind string, v Vocabulary) ([]Field, error) {
	m, ok := mappings[kind]
	if !ok {
		return nil, fmt.Errorf("unknown kind of fields %q (want one of %v)", kind, slices.Sorted(maps.Keys(mappings)))
	}
	out := make([]Field, len(m.keys))
	for i, key := range m.keys {
		_, required := m.required[key]
		out[i] = Field{Key: key, Required: required, About: m.fields[key].describe(v)}
	}
	return out, nil
}
