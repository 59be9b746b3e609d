package execute

import (
	"fmt"
	"reflect"
	texttemplate "text/template"
)

// plainBuiltins are the builtins that are plain functions: they are
// called as a theme's functions are.
var plainBuiltins = map[string]any{
	"print":    fmt.Sprint,
	"printf":   fmt.Sprintf,
	"println":  fmt.Sprintln,
	"html":     texttemplate.HTMLEscaper,
	"js":       texttemplate.JSEscaper,
	"urlquery": texttemplate.URLQueryEscaper,
}

// builtins are the builtin functions of text/template this package runs
// itself. Each is given its arguments unevaluated: and and or stop at the
// first that decides.
var builtins = map[string]func(args []*argument, hasFinal bool) command{
	"and": func(args []*argument, hasFinal bool) command { return andOr(args, hasFinal, false) },
	"or":  func(args []*argument, hasFinal bool) command { return andOr(args, hasFinal, true) },
	"not": func(args []*argument, hasFinal bool) command {
		return unary(args, hasFinal, func(v reflect.Value) reflect.Value {
			return boolValue(!truth(v))
		})
	},
	"len": func(args []*argument, hasFinal bool) command {
		return unary(args, hasFinal, func(v reflect.Value) reflect.Value {
			item, isNil := indirect(v)
			if isNil {
				giveUp("len of nil")
			}
			switch item.Kind() {
			case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
				return reflect.ValueOf(item.Len())
			}
			giveUp("len of a " + item.Kind().String())
			return reflect.Value{}
		})
	},
	"index": func(args []*argument, hasFinal bool) command {
		return variadic(args, hasFinal, 1, func(vs []reflect.Value) reflect.Value { return index(vs[0], vs[1:]) })
	},
	"slice": func(args []*argument, hasFinal bool) command {
		return variadic(args, hasFinal, 1, func(vs []reflect.Value) reflect.Value { return slice(vs[0], vs[1:]) })
	},
	"eq": func(args []*argument, hasFinal bool) command {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			var room [4]reflect.Value
			vs := collect(s, dot, args, hasFinal, final, room[:])
			if len(vs) < 2 {
				giveUp("too few arguments")
			}
			for _, v := range vs[1:] {
				if equal(vs[0], v) {
					return boolValue(true)
				}
			}
			return boolValue(false)
		}
	},
	"ne": func(args []*argument, hasFinal bool) command {
		return binary(args, hasFinal, func(a, b reflect.Value) bool { return !equal(a, b) })
	},
	"lt": func(args []*argument, hasFinal bool) command { return binary(args, hasFinal, less) },
	"le": func(args []*argument, hasFinal bool) command {
		return binary(args, hasFinal, func(a, b reflect.Value) bool { return less(a, b) || equal(a, b) })
	},
	"gt": func(args []*argument, hasFinal bool) command {
		return binary(args, hasFinal, func(a, b reflect.Value) bool { return !less(a, b) && !equal(a, b) })
	},
	"ge": func(args []*argument, hasFinal bool) command {
		return binary(args, hasFinal, func(a, b reflect.Value) bool { return !less(a, b) })
	},
}

var trueValue, falseValue = reflect.ValueOf(true), reflect.ValueOf(false)

func boolValue(b bool) reflect.Value {
	if b {
		return trueValue
	}
	return falseValue
}

// builtinArg is an argument as a builtin takes it: a reflect.Value of
// whatever it is.
func builtinArg(s *state, dot reflect.Value, a *argument) reflect.Value {
	if a.eval == nil {
		return a.lits.of(a.node, reflectValueType).Interface().(reflect.Value)
	}
	return finalArg(a.eval(s, dot))
}

// finalArg is a value as a builtin takes it.
func finalArg(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflectValueType {
		return v.Interface().(reflect.Value)
	}
	return v
}

func andOr(args []*argument, hasFinal, or bool) command {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if len(args) == 0 && !hasFinal {
			giveUp("and/or of nothing")
		}
		var v reflect.Value
		for _, a := range args {
			if v = builtinArg(s, dot, a); truth(v) == or {
				return v
			}
		}
		if hasFinal {
			v = finalArg(final)
		}
		return v
	}
}

// collect evaluates the arguments and the final value of a builtin call.
func collect(s *state, dot reflect.Value, args []*argument, hasFinal bool, final reflect.Value, room []reflect.Value) []reflect.Value {
	vs := room[:0]
	for _, a := range args {
		vs = append(vs, builtinArg(s, dot, a))
	}
	if hasFinal {
		vs = append(vs, finalArg(final))
	}
	return vs
}

// unary, binary and eq gather their arguments themselves and pass them on
// one by one: a slice of them handed to a function value escapes to the
// heap, an allocation on every comparison of every page. variadic's, for
// index and slice, which are rarer, does.

func unary(args []*argument, hasFinal bool, fn func(reflect.Value) reflect.Value) command {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		var room [2]reflect.Value
		vs := collect(s, dot, args, hasFinal, final, room[:])
		if len(vs) != 1 {
			giveUp("wrong number of arguments")
		}
		return fn(vs[0])
	}
}

func binary(args []*argument, hasFinal bool, fn func(a, b reflect.Value) bool) command {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		var room [3]reflect.Value
		vs := collect(s, dot, args, hasFinal, final, room[:])
		if len(vs) != 2 {
			giveUp("wrong number of arguments")
		}
		return boolValue(fn(vs[0], vs[1]))
	}
}

// variadic calls fn with at least least arguments.
func variadic(args []*argument, hasFinal bool, least int, fn func([]reflect.Value) reflect.Value) command {
	return func(s *state, dot, final reflect.Value) reflect.Value {
		var room [4]reflect.Value
		vs := collect(s, dot, args, hasFinal, final, room[:])
		if len(vs) < least {
			giveUp("too few arguments")
		}
		return fn(vs)
	}
}

func truth(v reflect.Value) bool {
	t, _ := isTrue(indirectInterface(v))
	return t
}

type basic uint8

const (
	invalidKind basic = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

func basicKind(v reflect.Value) basic {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind
	case reflect.Float32, reflect.Float64:
		return floatKind
	case reflect.Complex64, reflect.Complex128:
		return complexKind
	case reflect.String:
		return stringKind
	}
	return invalidKind
}

// equal is text/template's eq of two values; what it reports as an error
// goes to html/template.
func equal(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			return a.Int() >= 0 && uint64(a.Int()) == b.Uint()
		case ka == uintKind && kb == intKind:
			return b.Int() >= 0 && a.Uint() == uint64(b.Int())
		case a.IsValid() && b.IsValid():
			giveUp("incompatible types for comparison")
		}
		return false
	}
	switch ka {
	case boolKind:
		return a.Bool() == b.Bool()
	case complexKind:
		return a.Complex() == b.Complex()
	case floatKind:
		return a.Float() == b.Float()
	case intKind:
		return a.Int() == b.Int()
	case stringKind:
		return a.String() == b.String()
	case uintKind:
		return a.Uint() == b.Uint()
	}
	if a.Kind() != b.Kind() && a.IsValid() && b.IsValid() {
		giveUp("non-comparable types")
	}
	if isNil(a) || isNil(b) {
		return isNil(a) == isNil(b)
	}
	if !b.Type().Comparable() {
		giveUp("non-comparable type")
	}
	return a.Interface() == b.Interface()
}

func isNil(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

// less is text/template's lt.
func less(a, b reflect.Value) bool {
	a, b = indirectInterface(a), indirectInterface(b)
	ka, kb := basicKind(a), basicKind(b)
	if ka == invalidKind || kb == invalidKind {
		giveUp("values that do not order")
	}
	if ka != kb {
		switch {
		case ka == intKind && kb == uintKind:
			return a.Int() < 0 || uint64(a.Int()) < b.Uint()
		case ka == uintKind && kb == intKind:
			return b.Int() >= 0 && a.Uint() < uint64(b.Int())
		}
		giveUp("incompatible types for comparison")
	}
	switch ka {
	case floatKind:
		return a.Float() < b.Float()
	case intKind:
		return a.Int() < b.Int()
	case stringKind:
		return a.String() < b.String()
	case uintKind:
		return a.Uint() < b.Uint()
	}
	giveUp("values that do not order")
	return false
}

// index is text/template's, for what it indexes without an error.
func index(item reflect.Value, indexes []reflect.Value) reflect.Value {
	item = indirectInterface(item)
	if !item.IsValid() {
		giveUp("index of untyped nil")
	}
	for _, x := range indexes {
		x = indirectInterface(x)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			giveUp("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			i := indexNumber(x)
			if i < 0 || i >= int64(item.Len()) {
				giveUp("index out of range")
			}
			item = item.Index(int(i))
		case reflect.Map:
			if !x.IsValid() || !x.Type().AssignableTo(item.Type().Key()) {
				giveUp("a map key of another type")
			}
			if v := item.MapIndex(x); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			giveUp("index of a " + item.Kind().String())
		}
	}
	return item
}

// slice is text/template's, for what it slices without an error.
func slice(item reflect.Value, indexes []reflect.Value) reflect.Value {
	item = indirectInterface(item)
	if !item.IsValid() || len(indexes) > 3 {
		giveUp("a slice text/template refuses")
	}
	var capacity int
	switch item.Kind() {
	case reflect.String:
		if len(indexes) == 3 {
			giveUp("a three-index slice of a string")
		}
		capacity = item.Len()
	case reflect.Array, reflect.Slice:
		capacity = item.Cap()
	default:
		giveUp("slice of a " + item.Kind().String())
	}
	idx := [3]int{0, item.Len()}
	for i, x := range indexes {
		n := indexNumber(x)
		if n < 0 || n > int64(capacity) {
			giveUp("index out of range")
		}
		idx[i] = int(n)
	}
	if idx[0] > idx[1] {
		giveUp("slice indexes out of order")
	}
	if len(indexes) < 3 {
		return item.Slice(idx[0], idx[1])
	}
	if idx[1] > idx[2] {
		giveUp("slice indexes out of order")
	}
	return item.Slice3(idx[0], idx[1], idx[2])
}

// indexNumber is an index of index or slice, which must be an integer.
func indexNumber(x reflect.Value) int64 {
	switch basicKind(x) {
	case intKind:
		return x.Int()
	case uintKind:
		return int64(x.Uint())
	}
	giveUp("an index that is not a number")
	return 0
}
