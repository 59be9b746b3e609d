package execute

import "reflect"

// Theme functions of other types than the standard library's are called
// through reflect.Value.Call, unless the package that has them converts
// them to one of the types below, which say their parameters and result:
// the engine then calls them with their arguments as they are. Called by
// reflection, a small function costs several times its own work, and a
// large handbook's pages call such functions hundreds of thousands of
// times. html/template sees the same function, of the same signature, so
// what a template may pass it and every error stay html/template's.

// Func1 is a theme function of one parameter.
type Func1[A, R any] func(A) R

// Func2 is a theme function of two parameters.
type Func2[A, B, R any] func(A, B) R

// Func3 is a theme function of three parameters.
type Func3[A, B, C, R any] func(A, B, C) R

// Func1E is a theme function of one parameter that can fail.
type Func1E[A, R any] func(A) (R, error)

// Func2E is a theme function of two parameters that can fail.
type Func2E[A, B, R any] func(A, B) (R, error)

// typed is a function of one of the types above: its directCall, and its
// textCall when its result is text, else nil.
type typed interface {
	direct() directCall
	text() textCall
}

func (f Func1[A, R]) direct() directCall {
	return func(a, _, _ reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(arg[A](a))), nil
	}
}

func (f Func2[A, B, R]) direct() directCall {
	return func(a, b, _ reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(arg[A](a), arg[B](b))), nil
	}
}

func (f Func3[A, B, C, R]) direct() directCall {
	return func(a, b, c reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(arg[A](a), arg[B](b), arg[C](c))), nil
	}
}

func (f Func1E[A, R]) direct() directCall {
	return func(a, _, _ reflect.Value) (reflect.Value, error) {
		r, err := f(arg[A](a))
		return reflect.ValueOf(r), err
	}
}

func (f Func2E[A, B, R]) direct() directCall {
	return func(a, b, _ reflect.Value) (reflect.Value, error) {
		r, err := f(arg[A](a), arg[B](b))
		return reflect.ValueOf(r), err
	}
}

func (f Func1[A, R]) text() textCall {
	if !isText[R]() {
		return nil
	}
	return func(a, _, _ reflect.Value) (string, error) { return textOf(f(arg[A](a))), nil }
}

func (f Func2[A, B, R]) text() textCall {
	if !isText[R]() {
		return nil
	}
	return func(a, b, _ reflect.Value) (string, error) { return textOf(f(arg[A](a), arg[B](b))), nil }
}

func (f Func3[A, B, C, R]) text() textCall {
	if !isText[R]() {
		return nil
	}
	return func(a, b, c reflect.Value) (string, error) {
		return textOf(f(arg[A](a), arg[B](b), arg[C](c))), nil
	}
}

func (f Func1E[A, R]) text() textCall {
	if !isText[R]() {
		return nil
	}
	return func(a, _, _ reflect.Value) (string, error) {
		r, err := f(arg[A](a))
		return textOf(r), err
	}
}

func (f Func2E[A, B, R]) text() textCall {
	if !isText[R]() {
		return nil
	}
	return func(a, b, _ reflect.Value) (string, error) {
		r, err := f(arg[A](a), arg[B](b))
		return textOf(r), err
	}
}

// arg is the argument v, which the call made ready for a parameter of type
// T, as a T.
func arg[T any](v reflect.Value) T {
	t, ok := reflect.TypeAssert[T](v)
	if !ok {
		giveUp("an argument not of its parameter's type")
	}
	return t
}
