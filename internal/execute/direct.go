package execute

import (
	"html/template"
	"reflect"
	"time"
)

// directCall calls a function of one to three parameters with its
// arguments ready, as the parameters take them (the zero Value past the
// last), and returns its result and error. The arguments come one by one
// rather than in a slice, which would escape to the heap through the call.
type directCall func(a, b, c reflect.Value) (reflect.Value, error)

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
	switch f := fn.(type) {
	case func(string, any) (template.HTML, error):
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			r, err := f(a.String(), b.Interface())
			return reflect.ValueOf(r), err
		}
	case func(any) (string, error):
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			r, err := f(a.Interface())
			return reflect.ValueOf(r), err
		}
	case func(string) (string, error):
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			r, err := f(a.String())
			return reflect.ValueOf(r), err
		}
	case func(string) string:
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(a.String())), nil
		}
	case func(time.Time) string:
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			t, ok := reflect.TypeAssert[time.Time](a)
			if !ok {
				giveUp("a time that is not one")
			}
			return reflect.ValueOf(f(t)), nil
		}
	case func(float64) string:
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(a.Float())), nil
		}
	case func(int, string) string:
		return func(a, b, _ reflect.Value) (reflect.Value, error) {
			return reflect.ValueOf(f(int(a.Int()), b.String())), nil
		}
	}
	return nil
}
