package execute

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	texttemplate "text/template"
	"text/template/parse"
)

// step runs one node of a template; control says whether a range goes on.
type step func(s *state, dot reflect.Value) control

type control uint8

const (
	next control = iota
	breakLoop
	continueLoop
)

// expr evaluates a pipeline or an argument.
type expr func(s *state, dot reflect.Value) reflect.Value

// command evaluates one command of a pipeline; final is the value of the
// command before it, for all but the first.
type command func(s *state, dot, final reflect.Value) reflect.Value

// compiler turns one escaped tree into steps.
type compiler struct {
	set     *Set
	tree    *parse.Tree
	funcs   template.FuncMap
	writers Writers
}

// unsupported says what in the tree, and where, this package does not
// compile.
func (c *compiler) unsupported(n parse.Node, what string) error {
	location, context := c.tree.ErrorContext(n)
	return fmt.Errorf("%s: %s: %s", location, context, what)
}

func (c *compiler) list(l *parse.ListNode) (step, error) {
	if l == nil {
		return func(*state, reflect.Value) control { return next }, nil
	}
	var steps []step
	for _, n := range l.Nodes {
		st, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if st != nil {
			steps = append(steps, st)
		}
	}
	switch len(steps) {
	case 0:
		return func(*state, reflect.Value) control { return next }, nil
	case 1:
		return steps[0], nil
	}
	return func(s *state, dot reflect.Value) control {
		for _, st := range steps {
			if ctl := st(s, dot); ctl != next {
				return ctl
			}
		}
		return next
	}, nil
}

func (c *compiler) node(n parse.Node) (step, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) control {
			s.buf.Write(text)
			return next
		}, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		return c.action(n)
	case *parse.IfNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, false)
	case *parse.WithNode:
		return c.ifOrWith(n.Pipe, n.List, n.ElseList, true)
	case *parse.RangeNode:
		return c.rangeLoop(n)
	case *parse.TemplateNode:
		return c.call(n)
	case *parse.BreakNode:
		return func(*state, reflect.Value) control { return breakLoop }, nil
	case *parse.ContinueNode:
		return func(*state, reflect.Value) control { return continueLoop }, nil
	case *parse.ListNode:
		return c.list(n)
	}
	return nil, c.unsupported(n, "a node of an unknown kind")
}

// action prints a pipeline through the escapers html/template put at its
// end, or only declares its variables.
func (c *compiler) action(n *parse.ActionNode) (step, error) {
	if len(n.Pipe.Decl) > 0 {
		pipe, err := c.pipeline(n.Pipe)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot reflect.Value) control {
			pipe(s, dot)
			return next
		}, nil
	}
	cmds := n.Pipe.Cmds
	k := len(cmds)
	for k > 0 && len(cmds[k-1].Args) == 1 && isEscaperIdent(cmds[k-1].Args[0]) {
		k--
	}
	if k == len(cmds) || k == 0 {
		return nil, c.unsupported(n, "an action without html/template's escapers")
	}
	var escapers []escaper
	for _, cmd := range cmds[k:] {
		name := cmd.Args[0].(*parse.IdentifierNode).Ident
		e, ok := escapersByName[name]
		if !ok {
			return nil, c.unsupported(n, "the escaper "+name)
		}
		escapers = append(escapers, e)
	}
	if w := c.writer(cmds[:k], cmds[k:]); w != nil {
		return w, nil
	}
	if t := c.text(cmds[:k], escapers); t != nil {
		return t, nil
	}
	value, err := c.commands(cmds[:k])
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) control {
		text, kind := stringify(value(s, dot))
		s.print(text, kind, escapers)
		return next
	}, nil
}

// print writes text of a kind of content through the escapers.
func (s *state) print(text string, k kind, escapers []escaper) {
	for _, e := range escapers {
		text, k = e(text, k), plain
	}
	s.buf.WriteString(text)
}

// text returns the step that prints what a function whose result is text
// returns, called with its arguments, through the escapers: without a
// Value of the text (see textCall). Nil for any other action.
func (c *compiler) text(cmds []*parse.CommandNode, escapers []escaper) step {
	if len(cmds) != 1 {
		return nil
	}
	id, ok := cmds[0].Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil
	}
	fn, ok := c.funcs[id.Ident]
	if !ok {
		return nil
	}
	call := directText(fn)
	if call == nil {
		return nil
	}
	args, err := c.arguments(cmds[0].Args[1:])
	if err != nil {
		return nil // the call, compiled as any other, says why
	}
	f := reflect.ValueOf(fn)
	k, name, at := kinds[f.Type().Out(0)], id.Ident, c.at(cmds[0])
	return func(s *state, dot reflect.Value) control {
		s.print(s.callText(dot, f, call, name, args, at), k, escapers)
		return next
	}
}

// writer returns the step that has a WritesHTML function write into the
// page, for an action that calls one with its argument and prints its
// HTML as it is: in HTML text, where html/template's only escaper passes
// HTML through. Nil for any other action, which prints the value the
// function returns.
func (c *compiler) writer(cmds, escapers []*parse.CommandNode) step {
	if len(cmds) != 1 || len(cmds[0].Args) != 2 || len(escapers) != 1 || escapers[0].Args[0].(*parse.IdentifierNode).Ident != htmlTextEscaper {
		return nil
	}
	cmd := cmds[0]
	id, ok := cmd.Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil
	}
	w, ok := c.writers[id.Ident]
	if !ok {
		return nil
	}
	arg, err := c.argument(cmd.Args[1])
	if err != nil {
		return nil // the call, compiled as any other, says why
	}
	name, param, at := id.Ident, w.param(), c.at(cmd)
	return func(s *state, dot reflect.Value) control {
		if err := w.write(s.buf, arg.value(s, dot, param)); err != nil {
			panic(at.callError(name, err))
		}
		return next
	}
}

func isEscaperIdent(n parse.Node) bool {
	id, ok := n.(*parse.IdentifierNode)
	return ok && isEscaper(id.Ident)
}

func (c *compiler) ifOrWith(pipe *parse.PipeNode, list, elseList *parse.ListNode, with bool) (step, error) {
	cond, err := c.pipeline(pipe)
	if err != nil {
		return nil, err
	}
	then, err := c.list(list)
	if err != nil {
		return nil, err
	}
	var otherwise step
	if elseList != nil {
		if otherwise, err = c.list(elseList); err != nil {
			return nil, err
		}
	}
	return func(s *state, dot reflect.Value) control {
		defer s.pop(s.mark())
		val := cond(s, dot)
		truth, ok := isTrue(indirectInterface(val))
		if !ok {
			giveUp("if/with of a value with no truth")
		}
		if truth {
			if with {
				return then(s, val)
			}
			return then(s, dot)
		}
		if otherwise != nil {
			return otherwise(s, dot)
		}
		return next
	}, nil
}

func (c *compiler) rangeLoop(r *parse.RangeNode) (step, error) {
	over, err := c.pipeline(r.Pipe)
	if err != nil {
		return nil, err
	}
	body, err := c.list(r.List)
	if err != nil {
		return nil, err
	}
	var otherwise step
	if r.ElseList != nil {
		if otherwise, err = c.list(r.ElseList); err != nil {
			return nil, err
		}
	}
	decl, assign := len(r.Pipe.Decl), r.Pipe.IsAssign
	var names [2]string
	for i, v := range r.Pipe.Decl {
		names[i] = v.Ident[0]
	}
	return func(s *state, dot reflect.Value) control {
		defer s.pop(s.mark())
		val, _ := indirect(over(s, dot))
		mark := s.mark()
		// once runs the body for one element and reports whether to stop.
		once := func(index, elem reflect.Value) bool {
			if decl > 0 {
				switch {
				case assign && decl > 1:
					s.setVar(names[0], index)
				case assign:
					s.setVar(names[0], elem)
				default:
					s.setTopVar(1, elem)
				}
			}
			if decl > 1 {
				if assign {
					s.setVar(names[1], elem)
				} else {
					s.setTopVar(2, index)
				}
			}
			ctl := body(s, elem)
			s.pop(mark)
			return ctl == breakLoop
		}
		switch val.Kind() {
		case reflect.Array, reflect.Slice:
			if n := val.Len(); n > 0 {
				for i := range n {
					if once(reflect.ValueOf(i), val.Index(i)) {
						break
					}
				}
				return next
			}
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			if decl > 1 {
				giveUp("range over an integer with two variables")
			}
			if n := val.Int(); n > 0 {
				for i := range n {
					if once(reflect.Value{}, reflect.ValueOf(i).Convert(val.Type())) {
						break
					}
				}
				return next
			}
		case reflect.Map:
			if val.Len() > 0 {
				for _, key := range sortedKeys(val) {
					if once(key, val.MapIndex(key)) {
						break
					}
				}
				return next
			}
		case reflect.Invalid:
			// Like text/template: a nil map, say, is empty.
		default:
			giveUp("range over a " + val.Kind().String())
		}
		if otherwise != nil {
			// A break there belongs to a range around this one, but
			// text/template ends only this one with it.
			if ctl := otherwise(s, dot); ctl != breakLoop {
				return ctl
			}
		}
		return next
	}, nil
}

// call runs another template, with no variables but $.
func (c *compiler) call(n *parse.TemplateNode) (step, error) {
	set, name := c.set, n.Name
	callee := set.programs[name] // nil if it did not compile
	pipe, err := c.pipeline(n.Pipe)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) control {
		if s.depth == maxDepth {
			giveUp("templates nested too deep")
		}
		dot = pipe(s, dot)
		if callee == nil || callee.root == nil {
			// A call from HTML text: html/template runs the callee as it
			// would run it here. (A call from elsewhere, an attribute
			// say, names a copy html/template escaped for that place,
			// which only it can find: it fails to, and gives up.)
			set.fallbacks.Add(1)
			if err := set.html.ExecuteTemplate(s.buf, name, dot); err != nil {
				var failed texttemplate.ExecError
				if !errors.As(err, &failed) {
					giveUp(err.Error())
				}
				panic(execError{err})
			}
			return next
		}
		// The callee runs on the caller's state, its variables in the
		// room past the caller's, which it cannot see: a state of its
		// own, and a slice for its $, would be two allocations a call.
		vars, depth := s.vars, s.depth
		s.vars, s.depth = append(vars, variable{"$", dot})[len(vars):], depth+1
		callee.root(s, dot)
		s.vars, s.depth = vars, depth
		return next
	}, nil
}

// pipeline evaluates the commands of pipe and declares its variables.
func (c *compiler) pipeline(pipe *parse.PipeNode) (expr, error) {
	if pipe == nil {
		return func(*state, reflect.Value) reflect.Value { return reflect.Value{} }, nil
	}
	value, err := c.commands(pipe.Cmds)
	if err != nil {
		return nil, err
	}
	if len(pipe.Decl) == 0 {
		return value, nil
	}
	names := make([]string, len(pipe.Decl))
	for i, v := range pipe.Decl {
		names[i] = v.Ident[0]
	}
	assign := pipe.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		v := value(s, dot)
		for _, name := range names {
			if assign {
				s.setVar(name, v)
			} else {
				s.push(name, v)
			}
		}
		return v
	}, nil
}

func (c *compiler) commands(cmds []*parse.CommandNode) (expr, error) {
	list := make([]command, len(cmds))
	for i, cmd := range cmds {
		var err error
		if list[i], err = c.command(cmd, i > 0); err != nil {
			return nil, err
		}
	}
	if len(list) == 1 {
		only := list[0]
		return func(s *state, dot reflect.Value) reflect.Value {
			return lift(only(s, dot, reflect.Value{}))
		}, nil
	}
	return func(s *state, dot reflect.Value) reflect.Value {
		var v reflect.Value
		for _, cmd := range list {
			v = lift(cmd(s, dot, v))
		}
		return v
	}, nil
}

// lift digs into an empty interface, as text/template does after every
// command.
func lift(v reflect.Value) reflect.Value {
	if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
		return v.Elem()
	}
	return v
}

func (c *compiler) command(cmd *parse.CommandNode, hasFinal bool) (command, error) {
	args := cmd.Args[1:]
	noArgs := func() error {
		if len(args) > 0 || hasFinal {
			return c.unsupported(cmd, "arguments to something that is not a function")
		}
		return nil
	}
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		return c.fields(func(_ *state, dot reflect.Value) reflect.Value { return dot }, n, n.Ident, args, hasFinal)
	case *parse.ChainNode:
		base, err := c.chainBase(n)
		if err != nil {
			return nil, err
		}
		return c.fields(base, n, n.Field, args, hasFinal)
	case *parse.VariableNode:
		name := n.Ident[0]
		variable := func(s *state, _ reflect.Value) reflect.Value { return s.varValue(name) }
		if len(n.Ident) == 1 {
			if err := noArgs(); err != nil {
				return nil, err
			}
			return func(s *state, dot, _ reflect.Value) reflect.Value { return variable(s, dot) }, nil
		}
		return c.fields(variable, n, n.Ident[1:], args, hasFinal)
	case *parse.IdentifierNode:
		return c.function(cmd, n.Ident, args, hasFinal)
	case *parse.PipeNode:
		if err := noArgs(); err != nil {
			return nil, err
		}
		pipe, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, _ reflect.Value) reflect.Value { return pipe(s, dot) }, nil
	case *parse.DotNode:
		if err := noArgs(); err != nil {
			return nil, err
		}
		return func(_ *state, dot, _ reflect.Value) reflect.Value { return dot }, nil
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode:
		if err := noArgs(); err != nil {
			return nil, err
		}
		v, ok := constant(n)
		if !ok {
			return nil, c.unsupported(n, "a constant text/template reports")
		}
		return func(*state, reflect.Value, reflect.Value) reflect.Value { return v }, nil
	}
	return nil, c.unsupported(cmd, "a command of an unknown kind")
}

// chainBase evaluates what a chain's fields are taken from: (pipeline).F.
func (c *compiler) chainBase(n *parse.ChainNode) (expr, error) {
	switch base := n.Node.(type) {
	case *parse.PipeNode:
		return c.pipeline(base)
	case *parse.FieldNode, *parse.VariableNode, *parse.DotNode, *parse.IdentifierNode:
		a, err := c.argument(base)
		if err != nil {
			return nil, err
		}
		return a.eval, nil
	}
	return nil, c.unsupported(n, "fields of this kind of value")
}

// fields evaluates a chain of field names on base; the last one may be a
// method with arguments.
func (c *compiler) fields(base expr, node parse.Node, names []string, args []parse.Node, hasFinal bool) (command, error) {
	lookups := make([]*lookup, len(names))
	for i, name := range names {
		lookups[i] = &lookup{name: name}
	}
	callArgs, err := c.arguments(args)
	if err != nil {
		return nil, err
	}
	last := lookups[len(lookups)-1]
	chain := lookups[:len(lookups)-1]
	at := c.at(node)
	return func(s *state, dot, final reflect.Value) reflect.Value {
		v := base(s, dot)
		for _, l := range chain {
			v = l.field(s, dot, v, nil, false, final, at)
		}
		return last.field(s, dot, v, callArgs, hasFinal, final, at)
	}, nil
}

// at is where in the templates a function is called, for its errors.
type at struct {
	template string // the template running
	location string // its file, line and column
	context  string // the text of the node
}

func (c *compiler) at(n parse.Node) *at {
	location, context := c.tree.ErrorContext(n)
	return &at{template: c.tree.Name, location: location, context: context}
}

// callError is the panic that ends a run when the function name, called
// here, fails: html/template's error for it.
func (at *at) callError(name string, err error) execError {
	return execError{texttemplate.ExecError{
		Name: at.template,
		Err:  fmt.Errorf("template: %s: executing %q at <%s>: error calling %s: %w", at.location, at.template, at.context, name, err),
	}}
}

// function calls a function of the theme's, a builtin, or nothing this
// package knows.
func (c *compiler) function(cmd *parse.CommandNode, name string, args []parse.Node, hasFinal bool) (command, error) {
	if isEscaper(name) {
		return nil, c.unsupported(cmd, "an escaper before the end of a pipeline")
	}
	callArgs, err := c.arguments(args)
	if err != nil {
		return nil, err
	}
	fn, ok := c.funcs[name]
	if !ok {
		fn, ok = plainBuiltins[name]
	}
	if ok {
		f, fast := reflect.ValueOf(fn), direct(fn)
		at := c.at(cmd)
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.call(dot, f, fast, name, callArgs, hasFinal, final, at)
		}, nil
	}
	if b, ok := builtins[name]; ok {
		return b(callArgs, hasFinal), nil
	}
	return nil, c.unsupported(cmd, "the function "+name+", which html/template has and this package does not")
}

// arguments compiles the arguments of a call.
func (c *compiler) arguments(nodes []parse.Node) ([]*argument, error) {
	args := make([]*argument, len(nodes))
	for i, n := range nodes {
		var err error
		if args[i], err = c.argument(n); err != nil {
			return nil, err
		}
	}
	return args, nil
}

// argument is one argument of a call: a value the run evaluates, or a
// constant converted to the type the function takes.
type argument struct {
	node parse.Node
	eval expr // nil for constants
	lits literals
}

func (c *compiler) argument(n parse.Node) (*argument, error) {
	a := &argument{node: n}
	switch n := n.(type) {
	case *parse.DotNode:
		a.eval = func(_ *state, dot reflect.Value) reflect.Value { return dot }
	case *parse.FieldNode:
		f, err := c.fields(func(_ *state, dot reflect.Value) reflect.Value { return dot }, n, n.Ident, nil, false)
		if err != nil {
			return nil, err
		}
		a.eval = func(s *state, dot reflect.Value) reflect.Value { return f(s, dot, reflect.Value{}) }
	case *parse.VariableNode, *parse.IdentifierNode:
		// Alone, as a command of its own: a variable's value, or a
		// function called without arguments.
		cmd, err := c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Position(), Args: []parse.Node{n}}, false)
		if err != nil {
			return nil, err
		}
		a.eval = func(s *state, dot reflect.Value) reflect.Value { return cmd(s, dot, reflect.Value{}) }
	case *parse.PipeNode:
		pipe, err := c.pipeline(n)
		if err != nil {
			return nil, err
		}
		a.eval = pipe
	case *parse.ChainNode:
		base, err := c.chainBase(n)
		if err != nil {
			return nil, err
		}
		f, err := c.fields(base, n, n.Field, nil, false)
		if err != nil {
			return nil, err
		}
		a.eval = func(s *state, dot reflect.Value) reflect.Value { return f(s, dot, reflect.Value{}) }
	case *parse.BoolNode, *parse.NumberNode, *parse.StringNode, *parse.NilNode:
	default:
		return nil, c.unsupported(n, "an argument of this kind")
	}
	return a, nil
}

// constant is a literal as text/template takes it where no type is asked
// for.
func constant(n parse.Node) (reflect.Value, bool) {
	switch n := n.(type) {
	case *parse.BoolNode:
		return reflect.ValueOf(n.True), true
	case *parse.StringNode:
		return reflect.ValueOf(n.Text), true
	case *parse.NumberNode:
		switch {
		case n.IsComplex:
			return reflect.ValueOf(n.Complex128), true
		case n.IsFloat && !isHexInt(n.Text) && !isRuneInt(n.Text) && strings.ContainsAny(n.Text, ".eEpP"):
			return reflect.ValueOf(n.Float64), true
		case n.IsInt && int64(int(n.Int64)) == n.Int64:
			return reflect.ValueOf(int(n.Int64)), true
		}
	}
	return reflect.Value{}, false
}

func isRuneInt(s string) bool { return len(s) > 0 && s[0] == '\'' }

func isHexInt(s string) bool {
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && !strings.ContainsAny(s, "pP")
}
