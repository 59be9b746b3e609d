package reads

import (
	"fmt"
	"reflect"
)

// FuncMap returns the functions of funcs by name, for template.Funcs.
func FuncMap(funcs map[string]Func) map[string]any {
	m := make(map[string]any, len(funcs))
	for name, f := range funcs {
		m[name] = f.Fn
	}
	return m
}

// Func says what a template function reads and where its result comes
// from, so that the analysis can follow a template through a call. It is
// written beside the function it describes.
type Func struct {
	// Fn is the function itself.
	Fn any
	// Args says what the function reads of each argument, by position. An
	// argument without an entry is read whole, unless the result passes it
	// on (Arg, Struct, Renders), when the template's own reads of the
	// result say what is read of it.
	Args []Use
	// Global lists what the function reads of the global value that every
	// function closes over, as paths: "Config.BaseURL", or "Pages.*.Slug",
	// where * is every element.
	Global []string
	// Returns says where the result comes from; nil means a value the
	// function made from what it read, such as a formatted string.
	Returns Returns
}

// Use is what a function reads of one argument.
type Use struct {
	paths []string
	none  bool
}

// Whole is the Use of a function that may look at any part of an argument.
var Whole = Use{}

// Nothing is the Use of a function that reads nothing of an argument by
// itself.
var Nothing = Use{none: true}

// Paths is the Use of a function that reads only these parts of an
// argument, such as "Slug" or "*.Done"; an argument that has no such part
// (a string given instead of a concern) is read whole.
func Paths(p ...string) Use { return Use{paths: p} }

// Returns says where a function's result comes from.
type Returns interface {
	result(a *analyzer, fn reflect.Type, args []value) value
	passes(i int) bool // whether argument i reaches the result
}

// Arg is a result that is the function's argument of that position, or a
// part of it, as a list's first few elements are.
type Arg int

func (r Arg) result(a *analyzer, fn reflect.Type, args []value) value {
	if int(r) >= len(args) {
		a.giveUp("a function returns an argument it was not given")
		return value{}
	}
	return args[r]
}

func (r Arg) passes(i int) bool { return int(r) == i }

// GlobalPart is a result that is a part of the global value, at a path such
// as "Pages.*" (one of the pages).
type GlobalPart string

func (r GlobalPart) result(a *analyzer, fn reflect.Type, args []value) value {
	return a.path(a.global, string(r))
}

func (GlobalPart) passes(int) bool { return false }

// Struct is a result that is a struct whose fields, in order, are the
// function's arguments: of the type of Of, or of the function's own result
// type when Of is nil.
type Struct struct{ Of any }

func (r Struct) result(a *analyzer, fn reflect.Type, args []value) value {
	t := fn.Out(0)
	if r.Of != nil {
		t = reflect.TypeOf(r.Of)
	}
	st := deref(t)
	if st.Kind() != reflect.Struct || st.NumField() != len(args) {
		a.giveUp(fmt.Sprintf("a function builds a %s from %d arguments", t, len(args)))
		return value{typ: t}
	}
	v := value{typ: t, fields: make(map[string]value, len(args))}
	for i, arg := range args {
		v.fields[st.Field(i).Name] = arg
	}
	return v
}

func (Struct) passes(int) bool { return true }

// Renders is a result that is the output of a template: the one called
// Name, or, when Name is "", the one named by the function's first
// argument, which must then be a constant. Dot says what the template is
// executed with.
type Renders struct {
	Name string
	Dot  Returns
}

func (r Renders) result(a *analyzer, fn reflect.Type, args []value) value {
	name := r.Name
	if name == "" {
		if len(args) == 0 || args[0].str == nil {
			a.giveUp("a function renders a template whose name is not written in the template")
			return value{typ: fn.Out(0)}
		}
		name = *args[0].str
	}
	a.template(name, r.Dot.result(a, fn, args)).byName = true
	return value{typ: fn.Out(0)}
}

func (r Renders) passes(i int) bool { return r.Dot.passes(i) }
