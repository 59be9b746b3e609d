package resolve

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// fields reads a YAML mapping by key, reporting each problem at its line.
// Lookups scan the mapping itself: with a dozen keys that is as quick as a
// map, and a large handbook holds thousands of these at once. A mapping of
// more keys than any kind of file allows has an index instead, so that
// reading one of a hundred thousand keys costs no more than reading one of
// ten.
type fields struct {
	file  string
	line  int        // where the mapping starts, for fields that are missing
	node  *load.Node // the mapping; nil when the node is not one
	index map[string]int
	errs  *model.ErrorList
}

// scannedKeys is the most keys a mapping is scanned for a key.
const scannedKeys = 32

// newFields checks that node is a mapping holding only allowed keys, each
// once.
func newFields(file string, node *load.Node, allowed []string, errs *model.ErrorList) *fields {
	f := &fields{file: file, line: node.Line(), errs: errs}
	if node.Kind != load.MappingNode {
		f.fail(node, "want fields written as key: value, found %s", describe(node))
		return f
	}
	f.node = node
	if len(node.Content())/2 > scannedKeys {
		f.index = make(map[string]int, len(node.Content())/2)
		for i := len(node.Content()) - 2; i >= 0; i -= 2 { // the first of each name last
			f.index[node.Content()[i].Value()] = i
		}
	}
	for i := 0; i+1 < len(node.Content()); i += 2 {
		key := &node.Content()[i]
		name := key.Value()
		switch first := f.key(name); {
		case !slices.Contains(allowed, name):
			f.fail(key, "unknown key %q (%s)", name, suggest(name, allowed))
		case first != key:
			f.fail(key, "%s is set twice (first on line %d)", name, first.Line())
		}
	}
	return f
}

// key returns the first key node called name, or nil.
func (f *fields) key(name string) *load.Node {
	if i := f.find(name); i >= 0 {
		return &f.node.Content()[i]
	}
	return nil
}

// value returns the value of the field name, or nil when it is missing or
// null.
func (f *fields) value(name string) *load.Node {
	i := f.find(name)
	if i < 0 || isNull(&f.node.Content()[i+1]) {
		return nil
	}
	return &f.node.Content()[i+1]
}

// find returns the index of the first key called name, or -1.
func (f *fields) find(name string) int {
	if f.node == nil {
		return -1
	}
	if f.index != nil {
		if i, ok := f.index[name]; ok {
			return i
		}
		return -1
	}
	pairs := f.node.Content()
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i].Value() == name {
			return i
		}
	}
	return -1
}

func (f *fields) fail(n *load.Node, format string, args ...any) {
	f.errs.Add(f.file, n.Line(), format, args...)
}

// failKey reports a problem with the field key, at its line.
func (f *fields) failKey(key string, format string, args ...any) {
	f.errs.Add(f.file, f.lineOf(key), key+": "+format, args...)
}

// lineOf returns the line of key, or of the mapping when key is missing.
func (f *fields) lineOf(key string) int {
	if k := f.key(key); k != nil {
		return k.Line()
	}
	return f.line
}

func (f *fields) has(key string) bool { return f.value(key) != nil }

// require reports every required key of keys that is missing, with the
// hint that says what to write there.
func (f *fields) require(keys *keySet) {
	for _, k := range keys.fields {
		if k.required != "" && !f.has(k.key) {
			f.errs.Add(f.file, f.line, "missing required field %q (add %s: %s)", k.key, k.key, k.required)
		}
	}
}

// text returns a scalar field as a string.
func (f *fields) text(key string) string {
	n := f.value(key)
	if n == nil {
		return ""
	}
	if n.Kind != load.ScalarNode {
		f.failKey(key, "want text, found %s", describe(n))
		return ""
	}
	return strings.TrimSpace(n.Value())
}

// list returns a field written either as one text or as a list of texts.
func (f *fields) list(key string) []string {
	n := f.value(key)
	switch {
	case n == nil:
		return nil
	case n.Kind == load.ScalarNode:
		if v := strings.TrimSpace(n.Value()); v != "" {
			return []string{v}
		}
		return nil
	case n.Kind != load.SequenceNode:
		f.failKey(key, "want text or a list of texts, found %s", describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content()))
	for i := range n.Content() {
		item := &n.Content()[i]
		if item.Kind != load.ScalarNode {
			f.fail(item, "%s: want each item to be text, found %s%s", key, describe(item), colonHint(item))
			continue
		}
		if v := strings.TrimSpace(item.Value()); v != "" && !isNull(item) {
			out = append(out, v)
		}
	}
	return out
}

// date returns a YYYY-MM-DD field, or the zero time when it is missing.
func (f *fields) date(key string) time.Time {
	s := f.text(key)
	if s == "" {
		return time.Time{}
	}
	d, err := parseDate(s)
	if err != nil {
		f.failKey(key, "%v", err)
	}
	return d
}

// doneAnswers are the words done reads, once lowered, and what each says:
// yes and no as people write them, and those strconv.ParseBool takes.
var doneAnswers = map[string]bool{
	"yes": true, "true": true, "t": true, "1": true,
	"no": false, "false": false, "f": false, "0": false,
}

// done returns an action's done: true or false (yes or no), or the day it
// was done, which is true and says when; the day is zero otherwise.
func (f *fields) done(key string) (bool, time.Time) {
	s := strings.ToLower(f.text(key))
	if s == "" {
		return false, time.Time{}
	}
	if b, ok := doneAnswers[s]; ok {
		return b, time.Time{}
	}
	if day, err := time.Parse(time.DateOnly, s); err == nil {
		return true, day
	}
	f.failKey(key, "want true or false, or the day it was done as YYYY-MM-DD, found %q", s)
	return false, time.Time{}
}

// number returns a numeric field, or def when it is missing.
func (f *fields) number(key string, def float64) float64 {
	s := f.text(key)
	if s == "" {
		return def
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil {
		f.failKey(key, "want a number, found %q", s)
		return def
	}
	if msg, ok := finite(s, n); !ok {
		f.failKey(key, "%s", msg)
		return def
	}
	return n
}

// mapping returns the fields of a nested mapping, or nil when it is missing.
func (f *fields) mapping(key string, allowed []string) *fields {
	n := f.value(key)
	if n == nil {
		return nil
	}
	return newFields(f.file, n, allowed, f.errs)
}

// items returns the entries of a list field; a single value counts as a
// list of one.
func (f *fields) items(key string) []load.Node {
	n := f.value(key)
	switch {
	case n == nil:
		return nil
	case n.Kind == load.ScalarNode:
		return []load.Node{*n}
	case n.Kind != load.SequenceNode:
		f.failKey(key, "want a list, found %s", describe(n))
		return nil
	}
	return n.Content()
}

func isNull(n *load.Node) bool {
	return n.Null
}

func describe(n *load.Node) string {
	switch n.Kind {
	case load.MappingNode:
		return "a set of fields"
	case load.SequenceNode:
		return "a list"
	case load.ScalarNode:
		return fmt.Sprintf("%q", n.Value())
	case load.AliasNode:
		return "an alias"
	}
	return "nothing"
}

// colonHint explains an item that was meant as text but holds ": ", which
// YAML reads as a field: "- ETL: nightly" is a set of one field.
func colonHint(n *load.Node) string {
	if n.Kind != load.MappingNode || len(n.Content()) != 2 || n.Content()[0].Kind != load.ScalarNode || n.Content()[1].Kind != load.ScalarNode {
		return ""
	}
	text := n.Content()[0].Value() + ": " + n.Content()[1].Value()
	return " (an item with \": \" in it must be quoted: - " + load.QuoteYAML(text) + ")"
}
