// Package execute runs a theme's html/template templates from their escaped
// parse trees, compiled once into Go closures.
//
// html/template decides what to escape and where; text/template then runs
// the escaped tree, looking up every field by name and calling every
// function, escapers included, through reflection, on every action of every
// page. Here the lookups are remembered per type, the escapers are plain Go
// and the literals are converted once. The output is html/template's, byte
// for byte: whatever this package does not know how to run exactly (a
// missing field, a builtin it lacks, a value an escaper needs html/template
// for) it hands to html/template, which runs the template instead. A
// theme keeps all of html/template's power; it only runs faster where it
// is plain.
package execute

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	texttemplate "text/template"
	"text/template/parse"
)

// Set is a set of templates compiled for running, beside the html/template
// they came from.
type Set struct {
	html *template.Template
	// own is the html/template that runs what the set hands over, with the
	// set's functions: html itself, unless html is shared.
	own      func() *template.Template
	programs map[string]*program // by template name; those that compiled
	// unsupported says why each template that did not compile did not.
	unsupported map[string]string
	fallbacks   atomic.Int64
}

// Compile compiles the templates entries name, the ones run by name, and
// every template they call from HTML text. funcs are the functions t was
// parsed with; writers, those of them that may write their HTML into the
// page (see WritesHTML). Compiling escapes each entry, as html/template does on its
// first run, and nothing else: a partial that html/template can only escape
// where it is called stays as it is. t must not run meanwhile. No function
// is called: while t is escaped, each is replaced by a stub that stops the
// run, and the output stops at its first byte.
func Compile(t *template.Template, funcs template.FuncMap, writers Writers, entries ...string) *Set {
	return CompileShared(t, func() *template.Template { return t }, funcs, writers, entries...)
}

// CompileShared is Compile for a template t that sets of other functions
// compile from too, one at a time: the caller holds a lock around each
// call, and t's functions are those of whichever compiled last. A run the
// set hands to html/template runs in the template own returns, one with
// the set's functions, made from the same text; own is called only then.
func CompileShared(t *template.Template, own func() *template.Template, funcs template.FuncMap, writers Writers, entries ...string) *Set {
	set := &Set{html: t, own: own, programs: map[string]*program{}, unsupported: map[string]string{}}
	stubs := make(template.FuncMap, len(funcs))
	for name := range funcs {
		stubs[name] = func(...any) (any, error) { return nil, errStub }
	}
	t.Funcs(stubs)
	defer t.Funcs(funcs)
	var escaped []string
	for _, name := range entries {
		if err := escape(t, name); err != nil {
			set.unsupported[name] = err.Error()
			continue
		}
		escaped = append(escaped, name)
	}
	trees := reachable(t, escaped)
	for name := range trees {
		set.programs[name] = &program{}
	}
	for _, name := range slices.Sorted(maps.Keys(trees)) {
		c := compiler{set: set, tree: trees[name], funcs: funcs, writers: writers}
		root, err := c.list(trees[name].Root)
		if err != nil {
			delete(set.programs, name)
			set.unsupported[name] = err.Error()
			continue
		}
		set.programs[name].root = root
	}
	return set
}

// escape escapes the template name of t, by running it with stubs for
// functions into a writer that stops it at once.
func escape(t *template.Template, name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("html/template failed to escape %s: %v", name, r)
		}
	}()
	err = t.ExecuteTemplate(stopped{}, name, nil)
	var ran texttemplate.ExecError
	if err == nil || errors.Is(err, errStub) || errors.As(err, &ran) {
		return nil // escaped, and stopped or failed after
	}
	return err // html/template reports it when it runs the template
}

// reachable finds the escaped trees of the entries and of the templates
// they call, by the names html/template left in the calls: a template it
// escaped for somewhere other than HTML text has a name of its own, which
// only html/template knows.
func reachable(t *template.Template, entries []string) map[string]*parse.Tree {
	trees := map[string]*parse.Tree{}
	var visit func(name string)
	visit = func(name string) {
		if _, done := trees[name]; done {
			return
		}
		tmpl := t.Lookup(name)
		if tmpl == nil || tmpl.Tree == nil || tmpl.Tree.Root == nil {
			return
		}
		trees[name] = tmpl.Tree
		for _, called := range calls(tmpl.Tree.Root) {
			visit(called)
		}
	}
	for _, name := range entries {
		visit(name)
	}
	return trees
}

// calls lists the templates a tree calls.
func calls(n parse.Node) []string {
	var names []string
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.TemplateNode:
			names = append(names, n.Name)
		case *parse.IfNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.List)
			walk(n.ElseList)
		}
	}
	walk(n)
	return names
}

// Unsupported says, for each template html/template runs itself, why it
// does: what in it this package does not compile.
func (s *Set) Unsupported() map[string]string { return s.unsupported }

// Fallbacks counts the runs this set handed to html/template: those of
// templates it did not compile, and those that met a value it could not
// run exactly.
func (s *Set) Fallbacks() int64 { return s.fallbacks.Load() }

// Defines reports whether the set has a template called name.
func (s *Set) Defines(name string) bool { return s.html.Lookup(name) != nil }

// Execute runs the template name with data, appending its output to buf,
// as html/template's ExecuteTemplate would.
func (s *Set) Execute(buf *Buffer, name string, data any) error {
	if p := s.programs[name]; p != nil && p.root != nil {
		start := buf.Len()
		buf.mark() // what the run sends on, html/template makes again should it take over
		ok, err := p.run(buf, data)
		if ok {
			return err
		}
		buf.Truncate(start)
	}
	s.fallbacks.Add(1)
	return s.own().ExecuteTemplate(buf, name, data)
}

// errStub is what the functions return while a set is compiled.
var errStub = errors.New("escaping only")

// stopped is a writer that takes nothing, so that a template being escaped
// stops at its first output.
type stopped struct{}

func (stopped) Write([]byte) (int, error) { return 0, errStub }

// program is one compiled template.
type program struct {
	root step // nil while being compiled, and if it did not compile
}

// fallback is the panic that hands a run to html/template; why is there
// for whoever reads a stack or debugs this package.
type fallback struct{ why string }

// giveUp hands the run to html/template.
func giveUp(why string) { panic(fallback{why}) }

// execError is the panic that ends a run with an error, as text/template's
// would: a function's error, which html/template would report the same.
type execError struct{ err error }

// run runs p; ok is false when html/template must run the template
// instead.
func (p *program) run(buf *Buffer, data any) (ok bool, err error) {
	dot, isValue := data.(reflect.Value)
	if !isValue {
		dot = reflect.ValueOf(data)
	}
	s := states.Get().(*state)
	s.buf, s.vars = buf, append(s.vars[:0], variable{"$", dot})
	defer func() {
		clear(s.vars[:cap(s.vars)]) // what the run saw, let go
		s.buf, s.depth = nil, 0
		states.Put(s)
		switch r := recover().(type) {
		case nil:
		case execError:
			ok, err = true, r.err
		default:
			ok, err = false, nil
		}
	}()
	p.root(s, dot)
	return true, nil
}

// states are the states of runs done, for the next: a row of a table is a
// run of its own, and a handbook's tables have tens of thousands.
var states = sync.Pool{New: func() any { return &state{vars: make([]variable, 0, 8)} }}

// state is one run: the output and the variables in scope.
type state struct {
	buf   *Buffer
	vars  []variable
	depth int
}

type variable struct {
	name  string
	value reflect.Value
}

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[:mark] }

func (s *state) push(name string, v reflect.Value) { s.vars = append(s.vars, variable{name, v}) }

func (s *state) setVar(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	giveUp("undefined variable " + name)
}

func (s *state) setTopVar(n int, v reflect.Value) { s.vars[len(s.vars)-n].value = v }

func (s *state) varValue(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	giveUp("undefined variable " + name)
	return reflect.Value{}
}

// maxDepth is text/template's limit on templates calling templates.
const maxDepth = 100000

// isEscaper tells html/template's escaping functions from a theme's.
func isEscaper(name string) bool { return strings.HasPrefix(name, "_html_template_") }
