// Package reads works out what a template reads of its data, from the
// template's parse tree and the static types of the data, and signs data by
// what is read: two values with the same signature make the same output.
// The dev server uses it to know which pages an edit changed, for any
// theme, without a list of what the templates happen to read.
//
// The analysis follows every action, variable, range, with, template call
// and function call (the functions say what they read, see Func). Where it
// cannot follow (a field of a value whose type it cannot know, call, a
// template named at run time), it gives up: the template then depends on
// everything, which is slower but never wrong.
package reads

import (
	"fmt"
	"hash/fnv"
	"maps"
	"reflect"
	"slices"
	"strings"
	"text/template/parse"
)

// Analysis is what one template reads when it is executed.
type Analysis struct {
	Dot    *Shape // what it reads of its data
	Global *Shape // what its functions read of the global value
	// Everything says why the template must be taken to read everything,
	// when the analysis could not follow it; "" when it could.
	Everything string
	// Templates lists the templates it executes, itself included, by name.
	Templates []string
	// ByName lists those of them a function runs by name (see Renders),
	// each as a template of its own rather than from inside its caller.
	ByName []string
	// Text identifies the source of those templates: a template whose text
	// changes makes different output from the same data.
	Text uint64
}

// Lookup returns the parse tree of the template called name, or nil.
type Lookup func(name string) *parse.Tree

// Analyzer works out what the templates of one theme read. A template is
// read once for each type of data it is executed with, however many
// templates call it, and what it reads is shared: a signature then hashes
// what a partial shows of a value once per build, whichever pages show it.
type Analyzer struct {
	funcs  map[string]Func
	global value
	canon  map[canonKey]*canonical
	roots  []*Shape // what each analysis reads of its data
	done   bool
}

// NewAnalyzer returns an Analyzer for templates whose functions, described
// by funcs, close over a global value of type global. funcs describes
// every function the templates may call besides the built-in ones;
// FuncMap makes them a template.FuncMap.
func NewAnalyzer(global reflect.Type, funcs map[string]Func) *Analyzer {
	return &Analyzer{
		funcs:  funcs,
		global: value{typ: global, at: []*Shape{newShape(global)}},
		canon:  map[canonKey]*canonical{},
	}
}

// canonical is one template read with one type of data.
type canonical struct {
	tree   *parse.Tree
	name   string
	dot    value        // the data, as the template reads it
	calls  []*canonical // the templates it executes
	gaveUp string       // why the analysis could not follow it
	byName bool         // a function runs it (Renders), not a template call
}

type canonKey struct {
	tree *parse.Tree
	dot  string
}

// Analyze works out what the template entry, found with lookup, reads when
// executed with data of type dot. An error reports what would fail when
// the template runs: a field the data does not have, a template that does
// not exist. Templates that lookup finds under several entries must be the
// same parse trees: they are read once.
func (an *Analyzer) Analyze(lookup Lookup, entry string, dot reflect.Type) (*Analysis, error) {
	if an.done {
		panic("reads: Analyze after Finish")
	}
	a := &analyzer{Analyzer: an, lookup: lookup}
	root := newShape(dot)
	c := a.template(entry, value{typ: dot, at: []*Shape{root}})
	if len(a.errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(a.errs, "\n"))
	}
	an.roots = append(an.roots, root)
	r := &Analysis{Dot: root, Global: an.global.at[0]}
	trees := map[string]*parse.Tree{}
	seen := map[*canonical]bool{}
	var visit func(c *canonical)
	visit = func(c *canonical) {
		if seen[c] {
			return
		}
		seen[c] = true
		trees[c.name] = c.tree
		if c.byName && !slices.Contains(r.ByName, c.name) {
			r.ByName = append(r.ByName, c.name)
		}
		if r.Everything == "" && c.gaveUp != "" {
			r.Everything = c.gaveUp
		}
		for _, next := range c.calls {
			visit(next)
		}
	}
	visit(c)
	r.Templates = sortedKeys(trees)
	slices.Sort(r.ByName)
	h := fnv.New64a()
	for _, name := range r.Templates {
		_, _ = fmt.Fprintf(h, "%q\x00%s\x00", name, trees[name].Root.String())
	}
	r.Text = h.Sum64()
	return r, nil
}

// Finish readies every analysis for signing; nothing may be analysed after.
func (an *Analyzer) Finish() {
	an.done = true
	seen := map[*Shape]bool{}
	an.global.at[0].compile(seen)
	for _, root := range an.roots {
		root.compile(seen)
	}
	for _, key := range slices.SortedFunc(maps.Keys(an.canon), func(a, b canonKey) int { return strings.Compare(a.dot, b.dot) }) {
		for _, s := range an.canon[key].dot.shapes() {
			s.compile(seen)
		}
	}
}

// maxDepth bounds how deep templates may call templates before the
// analysis stops following them: a template that calls itself on ever
// smaller parts of its data would otherwise never end.
const maxDepth = 40

// analyzer is one call of Analyze.
type analyzer struct {
	*Analyzer
	lookup Lookup
	cur    *canonical  // the template being read
	tree   *parse.Tree // its parse tree, for positions
	at     parse.Node  // the command being read, for positions
	depth  int
	errs   []string
}

// value is what the analysis knows of a value in a template: its type and
// where in the data it comes from.
type value struct {
	typ reflect.Type // nil when not known
	// at lists the shapes the value is read through; none for a value the
	// template or a function made, which the data does not hold.
	at []*Shape
	// str is a constant string, for template names.
	str *string
	// fields holds the parts of a struct that a function built from its
	// arguments.
	fields map[string]value
}

// shapes returns every shape v is read through, its fields' included.
func (v value) shapes() []*Shape {
	out := slices.Clone(v.at)
	for _, name := range sortedKeys(v.fields) {
		out = append(out, v.fields[name].shapes()...)
	}
	return out
}

func (a *analyzer) giveUp(why string) {
	if a.cur != nil && a.cur.gaveUp == "" {
		a.cur.gaveUp = why
	}
}

func (a *analyzer) fail(n parse.Node, format string, args ...any) {
	if n == nil {
		n = a.at
	}
	loc, at := "", ""
	if a.tree != nil && n != nil {
		loc, at = a.tree.ErrorContext(n)
		at = " at <" + at + ">"
	}
	a.errs = append(a.errs, fmt.Sprintf("template: %s:%s: %s", loc, at, fmt.Sprintf(format, args...)))
}

// template reads the template name executed with dot: once for each type
// of dot, what it reads then linked to where dot comes from.
func (a *analyzer) template(name string, dot value) *canonical {
	tree := a.lookup(name)
	if tree == nil || tree.Root == nil {
		a.fail(nil, "no template %q is defined (%s)", name, whereToDefine(name))
		return &canonical{name: name, dot: canonicalize(dot), gaveUp: "a template that does not exist"}
	}
	dot = a.byField(dot)
	key := canonKey{tree: tree, dot: dot.key()}
	c, ok := a.canon[key]
	if !ok {
		c = &canonical{tree: tree, name: name, dot: canonicalize(dot)}
		a.canon[key] = c
		if a.depth >= maxDepth {
			c.gaveUp = "templates call templates too deeply to follow (" + name + ")"
		} else {
			a.depth++
			outerCur, outerTree, outerAt := a.cur, a.tree, a.at
			a.cur, a.tree = c, tree
			a.list(&scope{vars: []variable{{"$", c.dot}}}, c.dot, tree.Root)
			a.cur, a.tree, a.at = outerCur, outerTree, outerAt
			a.depth--
		}
	}
	if a.cur != nil {
		a.cur.calls = append(a.cur.calls, c)
	}
	link(dot, c.dot)
	return c
}

// byField returns a struct value as its fields: a template executed with a
// struct that a function built from its arguments and one executed with a
// struct from the data then read the same shapes, and share them.
func (a *analyzer) byField(v value) value {
	if v.fields != nil || v.typ == nil || v.typ.Kind() != reflect.Struct {
		return v
	}
	out := value{typ: v.typ, str: v.str, fields: map[string]value{}}
	for i := range v.typ.NumField() {
		if f := v.typ.Field(i); f.IsExported() {
			out.fields[f.Name] = a.child(v, f.Name, f.Type)
		}
	}
	return out
}

// whereToDefine says where a missing template belongs.
func whereToDefine(name string) string {
	if name == "main" {
		return `each layout defines it: {{define "main"}}...{{end}}`
	}
	return "define it in a file of layouts/partials/"
}

// canonicalize returns a value like v, read through shapes of its own.
func canonicalize(v value) value {
	out := value{typ: v.typ, at: []*Shape{newShape(v.typ)}}
	if v.fields != nil {
		out.at = nil
		out.fields = make(map[string]value, len(v.fields))
		for name, f := range v.fields {
			out.fields[name] = canonicalize(f)
		}
	}
	return out
}

// link makes whatever the canonical value c is read through also read v.
func link(v, c value) {
	for _, s := range v.at {
		for _, to := range c.at {
			s.also(to)
		}
	}
	for name, f := range v.fields {
		if cf, ok := c.fields[name]; ok {
			link(f, cf)
		}
	}
}

// key identifies the type of v, and of its parts when a function built it,
// for reading a template once per kind of data.
func (v value) key() string {
	var b strings.Builder
	if v.typ != nil {
		b.WriteString(v.typ.String())
	}
	for _, name := range sortedKeys(v.fields) {
		b.WriteString(" " + name + "{" + v.fields[name].key() + "}")
	}
	return b.String()
}

type variable struct {
	name string
	v    value
}

type scope struct{ vars []variable }

func (s *scope) push(name string, v value) { s.vars = append(s.vars, variable{name, v}) }

func (s *scope) lookup(name string) (value, bool) {
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].v, true
		}
	}
	return value{}, false
}

func (a *analyzer) list(s *scope, dot value, list *parse.ListNode) {
	if list == nil {
		return
	}
	for _, n := range list.Nodes {
		a.node(s, dot, n)
	}
}

func (a *analyzer) node(s *scope, dot value, n parse.Node) {
	mark := len(s.vars)
	defer func() { s.vars = s.vars[:mark] }()
	switch n := n.(type) {
	case *parse.ActionNode:
		v := a.pipe(s, dot, n.Pipe)
		if len(n.Pipe.Decl) == 0 {
			a.whole(v) // printed
		} else {
			mark = len(s.vars) // a declaration lasts to the end of its block
		}
	case *parse.IfNode:
		a.truth(a.pipe(s, dot, n.Pipe))
		a.list(s, dot, n.List)
		a.list(s, dot, n.ElseList)
	case *parse.WithNode:
		v := a.pipe(s, dot, n.Pipe)
		a.truth(v)
		a.list(s, v, n.List)
		a.list(s, dot, n.ElseList)
	case *parse.RangeNode:
		a.rangeNode(s, dot, n)
	case *parse.TemplateNode:
		v := value{}
		if n.Pipe != nil {
			v = a.pipe(s, dot, n.Pipe)
		}
		a.at = n
		a.template(n.Name, v)
	case *parse.ListNode:
		a.list(s, dot, n)
	case *parse.TextNode, *parse.CommentNode, *parse.BreakNode, *parse.ContinueNode:
	default:
		a.giveUp(fmt.Sprintf("a template node of type %T", n))
	}
}

func (a *analyzer) rangeNode(s *scope, dot value, n *parse.RangeNode) {
	v := a.commands(s, dot, n.Pipe)
	var key, elem value
	t := deref(v.typ)
	switch {
	case t == nil:
		a.giveUp("range over a value whose type is not known")
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		a.length(v)
		elem = a.elem(v, t.Elem())
		key = value{typ: reflect.TypeFor[int]()}
	case t.Kind() == reflect.Map:
		a.length(v)
		a.keys(v)
		elem = a.elem(v, t.Elem())
		key = value{typ: t.Key()}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		a.whole(v)
		elem = value{typ: t}
		key = elem
	default:
		a.giveUp("range over a " + t.String())
	}
	vars := []value{elem}
	if len(n.Pipe.Decl) == 2 {
		vars = []value{key, elem}
	}
	for i, d := range n.Pipe.Decl {
		a.bind(s, d.Ident[0], vars[i], n.Pipe.IsAssign)
	}
	a.list(s, elem, n.List)
	a.list(s, dot, n.ElseList)
}

// pipe reads a pipeline and declares its variables.
func (a *analyzer) pipe(s *scope, dot value, p *parse.PipeNode) value {
	v := a.commands(s, dot, p)
	for _, d := range p.Decl {
		a.bind(s, d.Ident[0], v, p.IsAssign)
	}
	return v
}

// bind declares a variable, or assigns to one declared earlier. An
// assignment may be read anywhere the variable is, before it too when in
// a loop: what is assigned is taken to be read whole there and then, which
// covers every later read of it. (For text and numbers, what templates
// mostly assign, that is exactly what is read.) The variable then holds
// either value.
func (a *analyzer) bind(s *scope, name string, v value, assign bool) {
	if !assign {
		s.push(name, v)
		return
	}
	a.whole(v)
	for i := len(s.vars) - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			old := s.vars[i].v
			if old.typ != v.typ {
				old.typ = nil
			}
			old.at = append(slices.Clip(old.at), v.at...)
			old.str, old.fields = nil, nil
			s.vars[i].v = old
			return
		}
	}
}

func (a *analyzer) commands(s *scope, dot value, p *parse.PipeNode) value {
	var v value
	for i, cmd := range p.Cmds {
		var final *value
		if i > 0 {
			final = &v
		}
		v = a.command(s, dot, cmd, final)
	}
	return v
}

// command reads one command of a pipeline; final is the previous command's
// result, which becomes its last argument.
func (a *analyzer) command(s *scope, dot value, cmd *parse.CommandNode, final *value) value {
	a.at = cmd
	args := cmd.Args[1:]
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return a.fields(s, dot, dot, n.Ident, args, final, n)
	case *parse.ChainNode:
		return a.fields(s, dot, a.arg(s, dot, n.Node), n.Field, args, final, n)
	case *parse.VariableNode:
		v := a.variable(s, n)
		if len(n.Ident) == 1 {
			return v
		}
		return a.fields(s, dot, v, n.Ident[1:], args, final, n)
	case *parse.IdentifierNode:
		return a.call(s, dot, n, args, final)
	}
	return a.arg(s, dot, cmd.Args[0])
}

// arg reads a command's argument.
func (a *analyzer) arg(s *scope, dot value, n parse.Node) value {
	switch n := n.(type) {
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return a.fields(s, dot, dot, n.Ident, nil, nil, n)
	case *parse.ChainNode:
		return a.fields(s, dot, a.arg(s, dot, n.Node), n.Field, nil, nil, n)
	case *parse.VariableNode:
		v := a.variable(s, n)
		if len(n.Ident) == 1 {
			return v
		}
		return a.fields(s, dot, v, n.Ident[1:], nil, nil, n)
	case *parse.PipeNode:
		mark := len(s.vars)
		v := a.pipe(s, dot, n)
		s.vars = s.vars[:mark]
		return v
	case *parse.IdentifierNode:
		return a.call(s, dot, n, nil, nil)
	case *parse.StringNode:
		text := n.Text
		return value{typ: reflect.TypeFor[string](), str: &text}
	case *parse.NumberNode:
		switch {
		case n.IsInt:
			return value{typ: reflect.TypeFor[int]()}
		case n.IsFloat:
			return value{typ: reflect.TypeFor[float64]()}
		}
		return value{}
	case *parse.BoolNode:
		return value{typ: reflect.TypeFor[bool]()}
	case *parse.NilNode:
		return value{}
	}
	a.giveUp(fmt.Sprintf("an argument of type %T", n))
	return value{}
}

func (a *analyzer) variable(s *scope, n *parse.VariableNode) value {
	v, ok := s.lookup(n.Ident[0])
	if !ok {
		a.fail(n, "undefined variable %s", n.Ident[0])
	}
	return v
}

// fields reads a chain of fields from recv; the last may be a method
// called with args (and final).
func (a *analyzer) fields(s *scope, dot, recv value, names []string, args []parse.Node, final *value, n parse.Node) value {
	v := recv
	for i, name := range names {
		var callArgs []value
		if i == len(names)-1 {
			callArgs = a.args(s, dot, args, final)
		}
		v = a.field(v, name, callArgs, len(args) > 0 || final != nil, n)
	}
	return v
}

func (a *analyzer) args(s *scope, dot value, nodes []parse.Node, final *value) []value {
	out := make([]value, 0, len(nodes)+1)
	for _, n := range nodes {
		out = append(out, a.arg(s, dot, n))
	}
	if final != nil {
		out = append(out, *final)
	}
	return out
}

// field reads the field, method or map key name of v.
func (a *analyzer) field(v value, name string, args []value, called bool, n parse.Node) value {
	if f, ok := v.fields[name]; ok && !called {
		return f
	}
	t := v.typ
	if t == nil || deref(t).Kind() == reflect.Interface {
		a.giveUp("." + name + " of a value whose type is not known")
		return value{}
	}
	if m, ok := method(t, name); ok {
		// A method may look at any of its receiver and arguments.
		a.whole(v)
		for _, arg := range args {
			a.whole(arg)
		}
		if m.Type.NumOut() == 0 {
			a.fail(n, "method %s of %s returns nothing", name, t)
			return value{}
		}
		return value{typ: m.Type.Out(0)}
	}
	st := deref(t)
	switch st.Kind() {
	case reflect.Struct:
		sf, ok := st.FieldByName(name)
		switch {
		case !ok:
			a.fail(n, "%s has no field or method %s%s", st, name, nearest(name, st))
			return value{}
		case !sf.IsExported():
			a.fail(n, "%s is an unexported field of %s", name, st)
			return value{}
		case called:
			a.fail(n, "%s is a field of %s, not a method: it takes no arguments", name, st)
		}
		return a.child(v, name, sf.Type)
	case reflect.Map:
		if st.Key().Kind() != reflect.String {
			a.giveUp("." + name + " of a map whose keys are not strings")
			return value{}
		}
		return a.child(v, name, st.Elem())
	}
	a.fail(n, "can't read .%s of a %s", name, t)
	return value{}
}

// method finds the method name of t or of a pointer to it.
func method(t reflect.Type, name string) (reflect.Method, bool) {
	if m, ok := t.MethodByName(name); ok {
		return m, true
	}
	if t.Kind() != reflect.Pointer {
		return reflect.PointerTo(t).MethodByName(name)
	}
	return reflect.Method{}, false
}

// nearest suggests a field of st whose name differs from name only in case.
func nearest(name string, st reflect.Type) string {
	for i := range st.NumField() {
		if f := st.Field(i); f.IsExported() && strings.EqualFold(f.Name, name) {
			return fmt.Sprintf(" (did you mean %s?)", f.Name)
		}
	}
	return ""
}

func (a *analyzer) child(v value, name string, t reflect.Type) value {
	out := value{typ: t}
	for _, s := range v.at {
		out.at = append(out.at, s.field(name, t))
	}
	return out
}

func (a *analyzer) elem(v value, t reflect.Type) value {
	out := value{typ: t}
	for _, s := range v.at {
		out.at = append(out.at, s.elem(t))
	}
	return out
}

// whole marks v read as a whole.
func (a *analyzer) whole(v value) {
	for _, s := range v.at {
		s.Whole = true
	}
	for _, f := range v.fields {
		a.whole(f)
	}
}

// truth marks v's truth read: an if, a with, an and.
func (a *analyzer) truth(v value) {
	for _, s := range v.at {
		s.Len = true
	}
}

func (a *analyzer) length(v value) { a.truth(v) }

func (a *analyzer) keys(v value) {
	for _, s := range v.at {
		s.Keys = true
	}
}

// compared marks v read by a comparison: a pointer by its identity,
// anything else whole.
func (a *analyzer) compared(v value) {
	if v.typ == nil || v.typ.Kind() != reflect.Pointer || v.fields != nil {
		a.whole(v)
		return
	}
	for _, s := range v.at {
		s.Ident = true
	}
}

// call reads a call of a function, built in or described in funcs.
func (a *analyzer) call(s *scope, dot value, fn *parse.IdentifierNode, argNodes []parse.Node, final *value) value {
	args := a.args(s, dot, argNodes, final)
	switch fn.Ident {
	case "and", "or":
		out := value{}
		for i, v := range args {
			a.truth(v)
			if i == 0 || v.typ == out.typ {
				out.typ = v.typ
			} else {
				out.typ = nil
			}
			out.at = append(out.at, v.at...)
		}
		return out
	case "not":
		for _, v := range args {
			a.truth(v)
		}
		return value{typ: reflect.TypeFor[bool]()}
	case "len":
		for _, v := range args {
			a.length(v)
		}
		return value{typ: reflect.TypeFor[int]()}
	case "index":
		return a.index(args, fn)
	case "slice":
		if len(args) == 0 {
			return value{}
		}
		a.length(args[0])
		for _, v := range args[1:] {
			a.whole(v)
		}
		return args[0]
	case "print", "printf", "println", "html", "js", "urlquery":
		for _, v := range args {
			a.whole(v)
		}
		return value{typ: reflect.TypeFor[string]()}
	case "eq", "ne", "lt", "le", "gt", "ge":
		for _, v := range args {
			a.compared(v)
		}
		return value{typ: reflect.TypeFor[bool]()}
	case "call":
		a.giveUp("a template uses call")
		return value{}
	}
	f, ok := a.funcs[fn.Ident]
	if !ok {
		a.giveUp("the function " + fn.Ident + " does not say what it reads")
		return value{}
	}
	return a.apply(f, reflect.TypeOf(f.Fn), args)
}

func (a *analyzer) index(args []value, fn parse.Node) value {
	if len(args) == 0 {
		return value{}
	}
	v := args[0]
	for _, k := range args[1:] {
		t := deref(v.typ)
		switch {
		case t == nil:
			a.giveUp("index of a value whose type is not known")
			return value{}
		case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
			a.length(v)
			a.whole(k)
			v = a.elem(v, t.Elem())
		case t.Kind() == reflect.Map && k.str != nil && t.Key().Kind() == reflect.String:
			v = a.child(v, *k.str, t.Elem())
		case t.Kind() == reflect.Map:
			a.whole(k)
			a.keys(v)
			v = a.elem(v, t.Elem())
		default:
			a.fail(fn, "can't index a %s", t)
			return value{}
		}
	}
	return v
}

// apply follows a call of a described function.
func (a *analyzer) apply(f Func, fn reflect.Type, args []value) value {
	for i, v := range args {
		use := Whole
		switch {
		case i < len(f.Args):
			use = f.Args[i]
		case f.Returns != nil && f.Returns.passes(i):
			use = Nothing
		}
		a.use(v, use)
	}
	for _, p := range f.Global {
		a.whole(a.path(a.global, p))
	}
	if f.Returns == nil {
		if fn == nil || fn.NumOut() == 0 {
			return value{}
		}
		return value{typ: fn.Out(0)}
	}
	return f.Returns.result(a, fn, args)
}

func (a *analyzer) use(v value, u Use) {
	switch {
	case u.none:
	case u.paths == nil:
		a.whole(v)
	default:
		for _, p := range u.paths {
			part, ok := a.part(v, p)
			if !ok {
				a.whole(v)
				continue
			}
			a.whole(part)
		}
	}
}

// path follows a path of field names, * for every element, from v.
func (a *analyzer) path(v value, p string) value {
	part, ok := a.part(v, p)
	if !ok {
		a.giveUp("a function reads " + p + ", which " + fmt.Sprint(v.typ) + " does not have")
		return value{}
	}
	return part
}

// part is path, reporting false when v has no such part.
func (a *analyzer) part(v value, p string) (value, bool) {
	for _, name := range strings.Split(p, ".") {
		t := deref(v.typ)
		if t == nil {
			return value{}, false
		}
		if name == "*" {
			switch t.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				a.length(v)
				v = a.elem(v, t.Elem())
				continue
			}
			return value{}, false
		}
		if f, ok := v.fields[name]; ok {
			v = f
			continue
		}
		if t.Kind() != reflect.Struct {
			return value{}, false
		}
		sf, ok := t.FieldByName(name)
		if !ok {
			return value{}, false
		}
		v = a.child(v, name, sf.Type)
	}
	return v, true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
