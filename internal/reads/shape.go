package reads

import (
	"reflect"
	"slices"
	"strings"
)

// Shape is what a template reads of one value: the parts it looks at, down
// to the values it prints, compares or hands to a function whole.
type Shape struct {
	// Whole: the value is read as a whole: printed, compared, or given to a
	// function that may look at any of it.
	Whole bool
	// Len: its length, or its truth (nil or not, zero or not), is read.
	Len bool
	// Ident: it is compared by identity, as eq compares two pointers.
	Ident bool
	// Keys: a map's keys are read (ranging over it orders them).
	Keys bool
	// Fields holds what is read of each field, method result or map key
	// named in the template.
	Fields map[string]*Shape
	// Elem is what is read of every element of a slice, array or map.
	Elem *Shape
	// Also lists what templates executed with the value read of it: the
	// shapes of a partial, shared by every place that shows the partial.
	Also []*Shape

	// typ is the value's type as the template sees it, for signing; nil
	// when not known.
	typ reflect.Type
	// fields is Fields compiled for typ: resolved once, so that signing
	// thousands of values does not look names up each time.
	fields []compiledField
	// shared is set on a partial's shape that more than one place links to
	// (Also): a concern's row, shown in every table; the same value is
	// then likely read through it again, and its hash is worth keeping.
	shared bool
	linked int // how many places link to it
}

type compiledField struct {
	name  string
	index []int // the struct field; nil for a map key
	shape *Shape
}

func newShape(t reflect.Type) *Shape { return &Shape{typ: t} }

// field returns the shape of the field name, making it on first use.
func (s *Shape) field(name string, t reflect.Type) *Shape {
	if s.Fields == nil {
		s.Fields = map[string]*Shape{}
	}
	f, ok := s.Fields[name]
	if !ok {
		f = newShape(t)
		s.Fields[name] = f
	}
	return f
}

// elem returns the shape of every element, making it on first use.
func (s *Shape) elem(t reflect.Type) *Shape {
	if s.Elem == nil {
		s.Elem = newShape(t)
	}
	return s.Elem
}

// also adds to what is read of the value: the shape a template reads of
// it.
func (s *Shape) also(to *Shape) {
	if s != to && !slices.Contains(s.Also, to) {
		s.Also = append(s.Also, to)
		to.linked++
		to.shared = to.linked > 1
	}
}

// compile resolves field names to struct field indexes, in s and below.
// It runs once, after the analysis and before any signing.
func (s *Shape) compile(seen map[*Shape]bool) {
	if s == nil || seen[s] {
		return
	}
	seen[s] = true
	st := deref(s.typ)
	for _, name := range sortedKeys(s.Fields) {
		f := s.Fields[name]
		cf := compiledField{name: name, shape: f}
		if st != nil && st.Kind() == reflect.Struct {
			if sf, ok := st.FieldByName(name); ok {
				cf.index = sf.Index
			}
		}
		s.fields = append(s.fields, cf)
		f.compile(seen)
	}
	s.Elem.compile(seen)
	for _, to := range s.Also {
		to.compile(seen)
	}
}

// String draws the shape as nested field names, what partials read of a
// value merged in, for tests and messages.
func (s *Shape) String() string {
	var b strings.Builder
	b.WriteString("\n")
	merged(s, 0).draw(&b, "")
	return b.String()
}

// merged returns s with what its Also shapes read folded into it.
func merged(s *Shape, depth int) *Shape {
	out := &Shape{Whole: s.Whole, Len: s.Len, Ident: s.Ident, Keys: s.Keys}
	if depth > maxNesting {
		return out
	}
	for _, from := range append([]*Shape{s}, s.Also...) {
		if from != s {
			from = merged(from, depth+1)
		}
		out.Whole, out.Len, out.Ident, out.Keys = out.Whole || from.Whole, out.Len || from.Len, out.Ident || from.Ident, out.Keys || from.Keys
		for name, f := range from.Fields {
			if out.Fields == nil {
				out.Fields = map[string]*Shape{}
			}
			if old, ok := out.Fields[name]; ok {
				out.Fields[name] = merged(&Shape{Whole: old.Whole, Len: old.Len, Ident: old.Ident, Keys: old.Keys, Fields: old.Fields, Elem: old.Elem, Also: []*Shape{f}}, depth+1)
			} else {
				out.Fields[name] = merged(f, depth+1)
			}
		}
		if from.Elem != nil {
			if out.Elem == nil {
				out.Elem = merged(from.Elem, depth+1)
			} else {
				out.Elem = merged(&Shape{Whole: out.Elem.Whole, Len: out.Elem.Len, Ident: out.Elem.Ident, Keys: out.Elem.Keys, Fields: out.Elem.Fields, Elem: out.Elem.Elem, Also: []*Shape{from.Elem}}, depth+1)
			}
		}
	}
	return out
}

func (s *Shape) draw(b *strings.Builder, indent string) {
	for _, name := range sortedKeys(s.Fields) {
		f := s.Fields[name]
		b.WriteString(indent + "." + name + f.marks() + "\n")
		f.draw(b, indent+"  ")
	}
	if s.Elem != nil {
		b.WriteString(indent + "[*]" + s.Elem.marks() + "\n")
		s.Elem.draw(b, indent+"  ")
	}
}

func (s *Shape) marks() string {
	var marks []string
	for _, m := range []struct {
		on   bool
		name string
	}{{s.Whole, "whole"}, {s.Len, "len"}, {s.Ident, "ident"}, {s.Keys, "keys"}} {
		if m.on {
			marks = append(marks, m.name)
		}
	}
	if len(marks) == 0 {
		return ""
	}
	return " (" + strings.Join(marks, ", ") + ")"
}

// deref returns t without its pointers.
func deref(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
