package resolve

import (
	"fmt"
	"strings"
)

// A keySet is one set of fields resolve reads: the frontmatter of a kind
// of file, site.yaml, or a set of fields nested in one. It is the one list
// of the keys allowed there: resolve reads the set with it, and editors'
// schemas and the comments of new files are made from it, so that a key
// cannot be added to one and forgotten in the others.
type keySet struct {
	title  string  // what it is, for a schema's title
	fields []field // in the order they are documented
	names  []string
}

// A field is one key: what it means, the shape of the value it takes and,
// for a key that must be set, what to write in it.
type field struct {
	key   string
	about string
	shape shape
	// required is the hint of the message that says the key is missing,
	// or "" when it may be left out.
	required string
}

func newKeySet(title string, fields ...field) *keySet {
	s := &keySet{title: title, fields: fields}
	for _, f := range fields {
		s.names = append(s.names, f.key)
	}
	return s
}

// The frontmatter of each kind of content file.
var (
	concernKeys = newKeySet("A concern of the handbook (content/concerns/*.md)",
		field{"title", "A short name for the concern.", textShape{max: maxTitle}, "a short name for the concern"},
		field{"team", "The team that raised it, by slug: the name of its file in content/teams/, without .md.", teamShape{}, "the slug of a file in content/teams/"},
		field{"value", "How much it would be worth to deal with.", levelShape{}, "Low, Medium or High"},
		field{"effort", "How much work it would take.", levelShape{}, "Low, Medium or High"},
		field{"risk", "What happens if it is left alone.", levelShape{orWords: true}, ""},
		field{"complexity", "How hard the work is to get right.", levelShape{orWords: true}, ""},
		field{"blockers", "What stands in the way; each blocker counts against the priority.", textsShape{}, ""},
		field{"evidence", "Data that would confirm the concern or rule it out.", textsShape{}, ""},
		field{"ettd", "Estimated time to detect: once it happens, how long until someone knows.", durationShape{}, ""},
		field{"ettr", "Estimated time to repair: from then until it is fixed or worked around.", durationShape{}, ""},
		field{"impact", "The share of users affected while it lasts.", shareShape{}, ""},
		field{"frequency", "How often it happens.", rateShape{}, ""},
		field{"confidence", "How sure the council is of its estimates, for the rice method; left out, it follows observable.", confidenceShape{}, ""},
		field{"urgency", "How fast the value of dealing with it decays (time criticality), for the wsjf method.", levelShape{orWords: true}, ""},
		field{"status", "Where it stands.", statusShape{}, ""},
		field{"observable", "Can we see this concern in our data today?", observableShape{}, ""},
		field{"signals", "Signals in our data that would confirm it.", textsShape{}, ""},
		field{"owner", "The person driving it.", textShape{}, ""},
		field{"tags", "Tags that group concerns; each tag gets a page.", textsShape{max: maxTag}, ""},
		field{"raised", "The day it was raised.", dayShape{}, ""},
		field{"reviewed", "The day the council last reviewed it, when the review changed nothing else in the file.", dayShape{}, ""},
	)

	meetingKeys = newKeySet("A meeting of the council (content/meetings/*.md)",
		field{"title", `The meeting's title; left out, it is "Meeting of" and the date.`, textShape{max: maxTitle}, ""},
		field{"date", "The day it was held.", dayShape{}, "the day it was held, as YYYY-MM-DD"},
		field{"attendees", "Who came: team slugs or titles, or people's names.", textsShape{}, ""},
		field{"concerns", "The concerns discussed, by slug.", textsShape{}, ""},
		field{"actions", "What the council agreed to do: a list of action items.", itemsShape{of: actionKeys}, ""},
	)

	actionKeys = newKeySet("An action item",
		field{"task", "What is to be done.", textShape{}, "what is to be done"},
		field{"owner", "Who does it: a team's representative or member, so that it shows on the team's page.", textShape{}, ""},
		field{"due", "When it is due.", dayShape{}, ""},
		field{"done", "Whether it is done.", doneShape{}, ""},
		field{"concern", "The concern it is about, by slug.", textShape{}, ""},
	)

	teamKeys = newKeySet("A team of the council (content/teams/*.md)",
		field{"title", "The team's name as readers see it.", textShape{max: maxTitle}, "the team's name"},
		field{"representative", "The person who speaks for the team on the council.", textShape{}, ""},
		field{"members", "The team's people, written as everywhere else: the actions they own show on the team's page.", textsShape{}, ""},
		field{"slo", "The SLO of the part of the service the team runs, when it has one of its own.", sloShape{}, ""},
	)

	pageKeys = newKeySet("A plain page of the handbook (content/*.md)",
		field{"title", "The page's heading and its name in the navigation.", textShape{max: maxTitle}, "the page's heading"},
		field{"description", "One sentence about the page, for search engines and link previews.", textShape{max: maxDescription}, ""},
	)
)

// site.yaml and the sets of fields nested in it.
var (
	configKeys = newKeySet("The handbook's settings (site.yaml)",
		field{"title", "The handbook's name.", textShape{max: maxTitle}, "the handbook's name"},
		field{"baseURL", "The address it is published at, such as https://handbook.example.org/.", addressShape{}, "the address it is published at, e.g. https://handbook.example.org/"},
		field{"description", "One sentence about the handbook, shown on its overview.", textShape{max: maxDescription}, ""},
		field{"language", "The language of its pages, such as en or en-GB; left out, en.", textShape{}, ""},
		field{"theme", "Its theme: default, or the name of a folder in themes/.", textShape{}, ""},
		field{"editURL", `Where each page's "Edit this page" link goes: this address followed by the file's path.`, addressShape{}, ""},
		field{"scoring", "How concerns are scored: the scale, the statuses, the method and its weights.", objectShape{of: scoringKeys}, ""},
		field{"slo", "The availability promised for the service as a whole: each estimated risk is set against the error budget it leaves.", sloShape{}, ""},
		field{"budgetCap", "The share of an error budget a single risk may take before it must be fixed.", budgetCapShape{}, ""},
	)

	scoringKeys = newKeySet("How concerns are scored",
		field{"scale", "The levels scored fields are written in, lowest first.", itemsShape{of: levelKeys, atLeast: 2}, ""},
		field{"statuses", "The statuses a concern may have.", objectShape{of: statusesKeys}, ""},
		field{"method", "How priorities are worked out.", methodShape{}, ""},
		field{"weights", "How much each dimension counts in the weighted method.", objectShape{of: weightKeys}, ""},
		field{"reviewEvery", "How often each open concern should be looked at again, at least a day.", durationShape{}, ""},
	)

	levelKeys = newKeySet("A level of the scale",
		field{"level", "The level's name as readers see it, without - or ,.", textShape{}, "a name such as Low"},
		field{"score", "Its place on the scale, above the level before it.", numberShape{}, "a number such as 1"},
		field{"aliases", "Other words for the same level.", textsShape{}, ""},
	)

	statusesKeys = newKeySet("The statuses a concern may have",
		field{"open", "The statuses of concerns still to be dealt with; the first is a new concern's.", textsShape{}, ""},
		field{"closed", "The statuses of concerns the council is finished with.", textsShape{}, ""},
		field{"colours", "A colour of the palette for each status, as status: colour.", coloursShape{}, ""},
	)

	weightKeys = newKeySet("The weights of the weighted method",
		field{"value", "How much value counts.", weightShape{}, ""},
		field{"risk", "How much risk counts.", weightShape{}, ""},
		field{"effort", "How much effort counts.", weightShape{}, ""},
		field{"complexity", "How much complexity counts.", weightShape{}, ""},
		field{"blockers", "How much blockers count.", weightShape{}, ""},
		field{"blockerCap", "The number of blockers at which the blockers dimension is at its worst.", blockerCapShape{}, ""},
	)
)

// kinds are the key sets of SchemaKinds, by name.
var kinds = map[string]*keySet{
	"concern": concernKeys,
	"meeting": meetingKeys,
	"team":    teamKeys,
	"page":    pageKeys,
	"site":    configKeys,
}

// SchemaKinds are the kinds of frontmatter Schema and Fields describe: the
// four kinds of content file, and site.yaml as "site".
func SchemaKinds() []string { return []string{"concern", "meeting", "team", "page", "site"} }

func kindNamed(kind string) (*keySet, error) {
	s, ok := kinds[kind]
	if !ok {
		return nil, fmt.Errorf("unknown kind %q (want %s)", kind, strings.Join(SchemaKinds(), ", "))
	}
	return s, nil
}

// schema returns the JSON Schema of the set: an object of its keys,
// nothing else, with its required keys.
func (s *keySet) schema(v Vocabulary) *jsonSchema {
	out := &jsonSchema{Type: types{"object"}, AdditionalProperties: false}
	for _, f := range s.fields {
		p := f.shape.schema(v)
		p.Description = f.describe(v)
		if f.required != "" {
			out.Required = append(out.Required, f.key)
		} else {
			p.Type = p.Type.orNull()
		}
		out.Properties = append(out.Properties, property{f.key, p})
	}
	return out
}

// describe says what the field means and what to write in it.
func (f field) describe(v Vocabulary) string {
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
	// Start is a value a new file can give a required field that the site
	// has words for: the middle level of the scale, the first team. It is
	// "" for the others, which only whoever writes the file can fill in.
	Start string
	// Item lists the fields of each item, when the value is a list of sets
	// of fields (a meeting's actions, the levels of a scale); Fields lists
	// those of the value, when it is a set of fields of its own.
	Item, Fields []Field
}

// Fields lists the keys of a kind of frontmatter, one of SchemaKinds, in
// the order they are documented, each described in the site's vocabulary.
func Fields(kind string, v Vocabulary) ([]Field, error) {
	s, err := kindNamed(kind)
	if err != nil {
		return nil, err
	}
	return s.describeFields(v), nil
}

func (s *keySet) describeFields(v Vocabulary) []Field {
	out := make([]Field, len(s.fields))
	for i, f := range s.fields {
		out[i] = Field{Key: f.key, Required: f.required != "", About: f.describe(v)}
		if st, ok := f.shape.(starter); ok && f.required != "" {
			out[i].Start = st.start(v)
		}
		switch sh := f.shape.(type) {
		case itemsShape:
			out[i].Item = sh.of.describeFields(v)
		case objectShape:
			out[i].Fields = sh.of.describeFields(v)
		}
	}
	return out
}
