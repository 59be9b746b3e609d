package execute

import (
	"html/template"
	"reflect"
	"time"
	"unsafe"
)

// directCall calls a function of one to three parameters with its
// arguments ready, as the parameters take them (the zero Value past the
// last), and returns its result and error. The arguments come one by one
// rather than in a slice, which would escape to the heap through the call.
type directCall func(a, b, c reflect.Value) (reflect.Value, error)

// textCall is a directCall of a function whose result is text: a string,
// or one of html/template's types of content. It returns the text as it
// is, for a page to print: a Value of a string is an allocation, and the
// pages of a large handbook print hundreds of thousands of dates and
// links.
type textCall func(a, b, c reflect.Value) (string, error)

// direct returns a way to call fn without reflect.Value.Call when its
// type is one of the signatures of the standard library's types that
// theme functions most often have (a partial drawn once, a link, a date,
// a number) or one of the typed functions (Func1 and the like) whose
// result is not an interface, or nil. A call through reflection finds the
// function's layout, copies its arguments into a frame and makes a slice
// for its results: on a large handbook, a million calls, each several
// times the cost of the function itself when that is small. The result is
// the same value either way.
func direct(fn any) directCall {
	if t, ok := fn.(typed); ok {
		// Through reflection, a result of an interface type comes as a
		// Value of that type; reflect.ValueOf would give its dynamic one.
		if reflect.TypeOf(fn).Out(0).Kind() == reflect.Interface {
			return nil
		}
		return t.direct()
	}
	if text := directText(fn); text != nil {
		if reflect.TypeOf(fn).Out(0) == reflect.TypeFor[template.HTML]() {
			return boxed[template.HTML](text)
		}
		return boxed[string](text)
	}
	switch f := fn.(type) {
	// The methods of a time templates ask most, as the expressions of
	// methods that take only their receiver (lookup.find).
	case func(time.Time) bool:
		return func(a, _, _ reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(arg[time.Time](a))), nil
		}
	case func(*time.Time) bool:
		return func(a, _, _ reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(arg[*time.Time](a))), nil
		}
	}
	return nil
}

// directText returns a way to call fn without reflect.Value.Call, as
// direct does, when its result is text, or nil.
func directText(fn any) textCall {
	if t, ok := fn.(typed); ok {
		return t.text()
	}
	switch f := fn.(type) {
	case func(string, any) (template.HTML, error):
		return func(a, b, _ reflect.Value) (string, error) {
			r, err := f(a.String(), b.Interface())
			return string(r), err
		}
	case func(any) (string, error):
		return func(a, _, _ reflect.Value) (string, error) { return f(a.Interface()) }
	case func(string) (string, error):
		return func(a, _, _ reflect.Value) (string, error) { return f(a.String()) }
	case func(string) string:
		return func(a, _, _ reflect.Value) (string, error) { return f(a.String()), nil }
	case func(time.Time) string:
		return func(a, _, _ reflect.Value) (string, error) { return f(arg[time.Time](a)), nil }
	case func(float64) string:
		return func(a, _, _ reflect.Value) (string, error) { return f(a.Float()), nil }
	case func(int, string) string:
		return func(a, b, _ reflect.Value) (string, error) { return f(int(a.Int()), b.String()), nil }
	}
	return nil
}

// boxed returns the directCall of text, whose function's result is of
// type R.
func boxed[R ~string](text textCall) directCall {
	return func(a, b, c reflect.Value) (reflect.Value, error) {
		r, err := text(a, b, c)
		return reflect.ValueOf(R(r)), err
	}
}

// textOf returns r, text (isText), as a string.
func textOf[R any](r R) string { return *(*string)(unsafe.Pointer(&r)) }

// isText reports whether values of type R are text: strings, or of one of
// html/template's types of content. Another type of string may have a
// String method, which printing it calls.
func isText[R any]() bool {
	_, ok := kinds[reflect.TypeFor[R]()]
	return ok
}
