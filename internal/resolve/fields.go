package resolve

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/model"
)

// fields reads a YAML mapping by key, reporting each problem at its line.
type fields struct {
	file   string
	line   int // where the mapping starts, for fields that are missing
	values map[string]*yaml.Node
	keys   map[string]*yaml.Node
	errs   *model.ErrorList
}

// newFields checks that node is a mapping holding only allowed keys.
func newFields(file string, node *yaml.Node, allowed []string, errs *model.ErrorList) *fields {
	f := &fields{file: file, line: node.Line, values: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}, errs: errs}
	if node.Kind != yaml.MappingNode {
		f.fail(node, "want fields written as key: value, found %s", describe(node))
		return f
	}
	for i := 0; i+1 < len(node.Content); i += 2 {
		key, value := node.Content[i], node.Content[i+1]
		name := key.Value
		switch {
		case !slices.Contains(allowed, name):
			f.fail(key, "unknown key %q (%s)", name, suggest(name, allowed))
		case f.keys[name] != nil:
			f.fail(key, "%s is set twice (first on line %d)", name, f.keys[name].Line)
		default:
			f.keys[name] = key
			if !isNull(value) {
				f.values[name] = value
			}
		}
	}
	return f
}

func (f *fields) fail(n *yaml.Node, format string, args ...any) {
	f.errs.Add(f.file, n.Line, format, args...)
}

// failKey reports a problem with the field key, at its line.
func (f *fields) failKey(key string, format string, args ...any) {
	f.errs.Add(f.file, f.lineOf(key), key+": "+format, args...)
}

// lineOf returns the line of key, or of the mapping when key is missing.
func (f *fields) lineOf(key string) int {
	if k := f.keys[key]; k != nil {
		return k.Line
	}
	return f.line
}

func (f *fields) has(key string) bool { return f.values[key] != nil }

// require reports every key of keys that is missing.
func (f *fields) require(hint map[string]string, keys ...string) {
	for _, k := range keys {
		if !f.has(k) {
			f.errs.Add(f.file, f.line, "missing required field %q (add %s: %s)", k, k, hint[k])
		}
	}
}

// text returns a scalar field as a string.
func (f *fields) text(key string) string {
	n := f.values[key]
	if n == nil {
		return ""
	}
	if n.Kind != yaml.ScalarNode {
		f.failKey(key, "want text, found %s", describe(n))
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// list returns a field written either as one text or as a list of texts.
func (f *fields) list(key string) []string {
	n := f.values[key]
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.ScalarNode:
		if v := strings.TrimSpace(n.Value); v != "" {
			return []string{v}
		}
		return nil
	case n.Kind != yaml.SequenceNode:
		f.failKey(key, "want text or a list of texts, found %s", describe(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode {
			f.fail(item, "%s: want each item to be text, found %s", key, describe(item))
			continue
		}
		if v := strings.TrimSpace(item.Value); v != "" && !isNull(item) {
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
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		f.failKey(key, "bad date %q (want YYYY-MM-DD, e.g. 2018-02-06)", s)
	}
	return d
}

// boolean returns a true/false field.
func (f *fields) boolean(key string) bool {
	s := f.text(key)
	if s == "" {
		return false
	}
	b, err := strconv.ParseBool(strings.ToLower(s))
	if err != nil {
		f.failKey(key, "want true or false, found %q", s)
	}
	return b
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
	return n
}

// mapping returns the fields of a nested mapping, or nil when it is missing.
func (f *fields) mapping(key string, allowed []string) *fields {
	n := f.values[key]
	if n == nil {
		return nil
	}
	return newFields(f.file, n, allowed, f.errs)
}

// items returns the entries of a list field; a single value counts as a
// list of one.
func (f *fields) items(key string) []*yaml.Node {
	n := f.values[key]
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.ScalarNode:
		return []*yaml.Node{n}
	case n.Kind != yaml.SequenceNode:
		f.failKey(key, "want a list, found %s", describe(n))
		return nil
	}
	return n.Content
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}
