package search

import (
	"html/template"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// facet is one of the filters a search and the concern tables offer. Its
// name is the filter's parameter in a page's address (?team=data) and the
// data attribute of a concern table's rows that holds the row's values
// (data-team), except for open, which tables work out from the status.
type facet struct {
	name, label string
	values      func(h *model.Handbook, ids *docIDs) []FilterValue
	// row is what a concern's row in a table holds: the path of the
	// concern's field the values are read from, and the values; nil for
	// a facet rows do not hold.
	row *rowValues
}

type rowValues struct {
	path string // the field's path from the concern, as reads.Paths takes it
	of   func(c *model.Concern) []string
}

// Filter is a filter with the values the handbook has, as the search
// page offers it and the manifest lists it.
type Filter struct {
	Name   string        `json:"name"` // the parameter in a page's address
	Label  string        `json:"label"`
	Values []FilterValue `json:"values"`
}

// FilterValue is one value of a filter, and how many documents it selects.
type FilterValue struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
	ids   []int  // the documents it selects
}

// kindFilter is the filter by kind of document, which the browser applies
// by the kinds' ranges of ids rather than from a file.
const kindFilter = "kind"

// Filters returns every filter of the search page, with the values the
// handbook has: the kind of document first, then the facets.
func (ix *Index) Filters() []Filter {
	byKind := Filter{Name: kindFilter, Label: "Kind"}
	for _, k := range kindsOf(ix.h) {
		if k.Count > 0 {
			byKind.Values = append(byKind.Values, FilterValue{Value: k.Name, Label: k.Label, Count: k.Count})
		}
	}
	return append([]Filter{byKind}, ix.facets()...)
}

// facets are the filters, in the order pages show them.
var facets = [...]facet{
	{"team", "Team", teamValues, &rowValues{"Team.Slug", func(c *model.Concern) []string {
		if c.Team == nil {
			return nil
		}
		return []string{c.Team.Slug}
	}}},
	{"status", "Status", statusValues, &rowValues{"Status", func(c *model.Concern) []string { return []string{c.Status} }}},
	{"open", "Open or closed", openValues, nil},
	{"tag", "Tag", tagValues, &rowValues{"Tags.*.Slug", func(c *model.Concern) []string {
		slugs := make([]string, len(c.Tags))
		for i, t := range c.Tags {
			slugs[i] = t.Slug
		}
		return slugs
	}}},
	{"owner", "Owner", ownerValues, &rowValues{"Owner", func(c *model.Concern) []string { return nonEmpty(c.Owner) }}},
	// A row without an answer leaves the attribute out; the filter reads
	// that as "unknown".
	{"observable", "Can we see it?", observableValues, &rowValues{"Observable", func(c *model.Concern) []string { return nonEmpty(string(c.Observable)) }}},
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// RowFilters returns the data attributes by which the filters of a concern
// table (search.js) select the concern's row: data-NAME="VALUE" for each
// facet the concern has a value of, several values separated by spaces.
// Every table row of every concern has them: they are measured first, and
// written in one piece.
func RowFilters(c *model.Concern) template.HTMLAttr {
	var values [len(facets)][]string
	size := 0
	for i, f := range facets {
		if f.row == nil {
			continue
		}
		values[i] = f.row.of(c)
		if len(values[i]) == 0 {
			continue
		}
		size += len(` data-=""`) + len(f.name) + len(values[i]) - 1
		for _, v := range values[i] {
			size += escapedLen(v)
		}
	}
	var b strings.Builder
	b.Grow(size)
	for i, f := range facets {
		if len(values[i]) == 0 {
			continue
		}
		b.WriteString(" data-")
		b.WriteString(f.name)
		b.WriteString(`="`)
		for j, v := range values[i] {
			if j > 0 {
				b.WriteByte(' ')
			}
			writeEscaped(&b, v)
		}
		b.WriteByte('"')
	}
	return template.HTMLAttr(b.String()) //nolint:gosec // fixed names, escaped values
}

// escapedLen returns the length of s escaped as writeEscaped escapes it.
func escapedLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if e := htmlEscapes[s[i]]; e != "" {
			n += len(e) - 1
		}
	}
	return n
}

// writeEscaped writes s escaped as template.HTMLEscape escapes it, without
// making a copy of it to hand that.
func writeEscaped(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, "\x00\"'&<>")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		b.WriteString(htmlEscapes[s[i]])
		s = s[i+1:]
	}
}

// htmlEscapes are what template.HTMLEscape writes for each byte it
// escapes.
var htmlEscapes = [256]string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'\'': "&#39;",
	'&':  "&amp;",
	'<':  "&lt;",
	'>':  "&gt;",
}

// RowFilterPaths are the paths of the concern's fields RowFilters reads.
func RowFilterPaths() []string {
	var paths []string
	for _, f := range facets {
		if f.row != nil {
			paths = append(paths, f.row.path)
		}
	}
	return paths
}

// docIDs finds the id of a document by what it is made from.
type docIDs struct {
	concerns map[*model.Concern]int
	teams    map[*model.Team]int
	meetings map[*model.Meeting]int
	actions  map[*model.Action]int
}

func newDocIDs(h *model.Handbook, kinds []kind) *docIDs {
	first := map[string]int{}
	for _, k := range kinds {
		first[k.Name] = k.First
	}
	return &docIDs{
		concerns: indexOf(h.Concerns, first["concern"]),
		teams:    indexOf(h.Teams, first["team"]),
		meetings: indexOf(h.Meetings, first["meeting"]),
		actions:  indexOf(h.Actions, first["action"]),
	}
}

func indexOf[T comparable](list []T, first int) map[T]int {
	m := make(map[T]int, len(list))
	for i, v := range list {
		m[v] = first + i
	}
	return m
}

// facetsOf returns every facet's values, each with the documents it
// selects; a value that selects nothing is left out.
func facetsOf(h *model.Handbook) []Filter {
	ids := newDocIDs(h, kindsOf(h))
	out := make([]Filter, len(facets))
	for i, f := range facets {
		out[i] = Filter{Name: f.name, Label: f.label, Values: []FilterValue{}}
		for _, v := range f.values(h, ids) {
			slices.Sort(v.ids)
			v.ids = slices.Compact(v.ids)
			if v.Count = len(v.ids); v.Count > 0 {
				out[i].Values = append(out[i].Values, v)
			}
		}
	}
	return out
}

// teamValues: a team's concerns, its action items (owned by its people or
// about its concerns), the meetings it attended and its own page.
func teamValues(h *model.Handbook, ids *docIDs) []FilterValue {
	var out []FilterValue
	for _, t := range h.Teams {
		v := FilterValue{Value: t.Slug, Label: t.Title, ids: []int{ids.teams[t]}}
		for _, c := range t.Concerns {
			v.ids = append(v.ids, ids.concerns[c])
		}
		for _, a := range t.Actions {
			v.ids = append(v.ids, ids.actions[a])
		}
		for _, m := range t.Meetings {
			v.ids = append(v.ids, ids.meetings[m])
		}
		out = append(out, v)
	}
	return out
}

// statusValues: concerns by status, in the configured order.
func statusValues(h *model.Handbook, ids *docIDs) []FilterValue {
	var out []FilterValue
	for _, st := range h.Config.Scoring.Statuses() {
		v := FilterValue{Value: st, Label: model.StatusLabel(st)}
		for _, c := range h.Concerns {
			if c.Status == st {
				v.ids = append(v.ids, ids.concerns[c])
			}
		}
		out = append(out, v)
	}
	return out
}

// openValues: concerns with an open status and action items not done, and
// the rest of both.
func openValues(h *model.Handbook, ids *docIDs) []FilterValue {
	open := FilterValue{Value: "open", Label: "Open"}
	closed := FilterValue{Value: "closed", Label: "Closed"}
	for _, c := range h.Concerns {
		if h.Config.Scoring.IsOpen(c.Status) {
			open.ids = append(open.ids, ids.concerns[c])
		} else {
			closed.ids = append(closed.ids, ids.concerns[c])
		}
	}
	for _, a := range h.Actions {
		if a.Done {
			closed.ids = append(closed.ids, ids.actions[a])
		} else {
			open.ids = append(open.ids, ids.actions[a])
		}
	}
	return []FilterValue{open, closed}
}

// tagValues: concerns by tag.
func tagValues(h *model.Handbook, ids *docIDs) []FilterValue {
	var out []FilterValue
	for _, t := range h.Tags {
		v := FilterValue{Value: t.Slug, Label: t.Name}
		for _, c := range t.Concerns {
			v.ids = append(v.ids, ids.concerns[c])
		}
		out = append(out, v)
	}
	return out
}

// ownerValues: concerns and action items by owner, by name.
func ownerValues(h *model.Handbook, ids *docIDs) []FilterValue {
	byOwner := map[string]*FilterValue{}
	add := func(owner string, id int) {
		if owner == "" {
			return
		}
		v := byOwner[owner]
		if v == nil {
			v = &FilterValue{Value: owner, Label: owner}
			byOwner[owner] = v
		}
		v.ids = append(v.ids, id)
	}
	for _, c := range h.Concerns {
		add(c.Owner, ids.concerns[c])
	}
	for _, a := range h.Actions {
		add(a.Owner, ids.actions[a])
	}
	out := make([]FilterValue, 0, len(byOwner))
	for _, v := range byOwner {
		out = append(out, *v)
	}
	slices.SortFunc(out, func(a, b FilterValue) int {
		if c := strings.Compare(strings.ToLower(a.Value), strings.ToLower(b.Value)); c != 0 {
			return c
		}
		return strings.Compare(a.Value, b.Value)
	})
	return out
}

// observableValues: concerns by "can we see it in our data today?"; a
// concern that does not say is "unknown".
func observableValues(h *model.Handbook, ids *docIDs) []FilterValue {
	var out []FilterValue
	for _, o := range model.Observabilities {
		v := FilterValue{Value: observableValue(o), Label: o.Label()}
		for _, c := range h.Concerns {
			if c.Observable == o {
				v.ids = append(v.ids, ids.concerns[c])
			}
		}
		out = append(out, v)
	}
	return out
}

// observableValue is how filters write an answer: "unknown" for none.
func observableValue(o model.Observability) string {
	if o == model.ObservableUnknown {
		return "unknown"
	}
	return string(o)
}
