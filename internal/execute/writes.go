package execute

import (
	"bytes"
	"html/template"
	"io"
	"reflect"
	"sync"
)

// WritesHTML is a theme function of one parameter that makes HTML by
// writing it, such as a Markdown body rendered. html/template calls it as
// the function Func returns, which gives the HTML as a value; a compiled
// action that prints that value as it is, in HTML text, has it write
// straight into the page instead. A body of tens of kilobytes is then
// neither made into a string nor copied again into the page, and the
// output is the same byte for byte.
type WritesHTML[A any] func(w io.Writer, a A) error

// Writers are the theme functions, by the names templates call them,
// that write their HTML: WritesHTML functions, each also among the
// functions the templates were parsed with, as its Func.
type Writers map[string]writer

// writer is a WritesHTML of any parameter type.
type writer interface {
	param() reflect.Type
	write(w io.Writer, a reflect.Value) error
}

func (f WritesHTML[A]) param() reflect.Type { return reflect.TypeFor[A]() }

func (f WritesHTML[A]) write(w io.Writer, a reflect.Value) error { return f(w, arg[A](a)) }

// Func returns f as html/template calls it: a function that returns the
// HTML f writes.
func (f WritesHTML[A]) Func() Func1E[A, template.HTML] {
	return func(a A) (template.HTML, error) {
		buf := htmlBuffers.Get().(*bytes.Buffer)
		defer htmlBuffers.Put(buf)
		buf.Reset()
		err := f(buf, a)
		return template.HTML(buf.String()), err //nolint:gosec // what a WritesHTML writes is HTML
	}
}

// htmlBuffers hold what a WritesHTML wrote for html/template, reused so
// that each call grows no buffer of its own.
var htmlBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
