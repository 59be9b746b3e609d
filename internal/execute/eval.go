package execute

import (
	"cmp"
	"reflect"
	"slices"
	"sync/atomic"
	"text/template/parse"
)

// lookup finds one field or method by name, remembering where it found it
// for the last type it met: a template sees the same type at the same place
// page after page.
type lookup struct {
	name string
	last atomic.Pointer[found]
}

// found is where a name is in one type: a method of it, or a field.
type found struct {
	typ    reflect.Type // the receiver, made a pointer where it can be
	method int          // index in typ's methods, or -1
	// direct calls the method, one that takes nothing but its receiver
	// and gives one result, without reflect.Value.Call; nil for one whose
	// kind direct does not know.
	direct directCall
	field  []int // when a field of the struct typ points to
	isMap  bool  // a map with string keys
}

func (l *lookup) find(typ reflect.Type) *found {
	if f := l.last.Load(); f != nil && f.typ == typ {
		return f
	}
	f := &found{typ: typ, method: -1}
	if m, ok := typ.MethodByName(l.name); ok {
		f.method = m.Index
		if m.Type.NumIn() == 1 && m.Type.NumOut() == 1 {
			f.direct = direct(m.Func.Interface())
		}
	} else {
		t := typ
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			if sf, ok := t.FieldByName(l.name); ok && sf.IsExported() {
				f.field = sf.Index
			}
		case reflect.Map:
			f.isMap = reflect.TypeFor[string]().AssignableTo(t.Key())
		}
	}
	l.last.Store(f)
	return f
}

// field evaluates receiver.name, as text/template's evalField does.
func (l *lookup) field(s *state, dot, receiver reflect.Value, args []*argument, hasFinal bool, final reflect.Value, at *at) reflect.Value {
	if !receiver.IsValid() {
		giveUp("a field of nothing, which the option missingkey decides")
	}
	receiver, isNil := indirect(receiver)
	if isNil {
		giveUp("a field of nil")
	}
	ptr := receiver
	if ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	f := l.find(ptr.Type())
	if f.method >= 0 {
		if f.direct != nil && len(args) == 0 && !hasFinal {
			v, _ := f.direct(ptr, reflect.Value{}, reflect.Value{}) // it has no error to give
			return v
		}
		return s.call(dot, ptr.Method(f.method), nil, l.name, args, hasFinal, final, at)
	}
	if len(args) > 0 || hasFinal {
		giveUp("arguments to a field")
	}
	switch {
	case f.field != nil:
		v, err := receiver.FieldByIndexErr(f.field)
		if err != nil {
			giveUp(err.Error())
		}
		return v
	case f.isMap:
		v := receiver.MapIndex(reflect.ValueOf(l.name))
		if !v.IsValid() {
			giveUp("a missing key, which the option missingkey decides")
		}
		return v
	}
	giveUp("no field " + l.name)
	return reflect.Value{}
}

var (
	reflectValueType = reflect.TypeFor[reflect.Value]()
	errorType        = reflect.TypeFor[error]()
)

// call calls fn with the arguments and the final value, as text/template's
// evalCall does, through fast when it is not nil (see direct). A
// function's error ends the run with text/template's message; anything
// else unusual hands it to html/template.
func (s *state) call(dot, fn reflect.Value, fast directCall, name string, args []*argument, hasFinal bool, final reflect.Value, at *at) reflect.Value {
	var room [4]reflect.Value
	argv := s.arguments(room[:0], dot, fn.Type(), args, hasFinal, final)
	var v reflect.Value
	var err error
	if fast != nil {
		v, err = fast(nth(argv, 0), nth(argv, 1), nth(argv, 2))
	} else {
		out := fn.Call(argv)
		if len(out) == 2 && !out[1].IsNil() {
			err = out[1].Interface().(error)
		}
		v = out[0]
	}
	if err != nil {
		panic(at.callError(name, err))
	}
	if v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

// callText calls fn, whose result is text, with the arguments through its
// textCall, as call does, and returns the text.
func (s *state) callText(dot, fn reflect.Value, text textCall, name string, args []*argument, at *at) string {
	var room [4]reflect.Value
	argv := s.arguments(room[:0], dot, fn.Type(), args, false, reflect.Value{})
	r, err := text(nth(argv, 0), nth(argv, 1), nth(argv, 2))
	if err != nil {
		panic(at.callError(name, err))
	}
	return r
}

// arguments appends to argv the arguments of a call of a function of type
// typ, and the final value, as its parameters take them, and returns it.
func (s *state) arguments(argv []reflect.Value, dot reflect.Value, typ reflect.Type, args []*argument, hasFinal bool, final reflect.Value) []reflect.Value {
	numIn := len(args)
	if hasFinal {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			giveUp("too few arguments")
		}
	} else if numIn != typ.NumIn() {
		giveUp("wrong number of arguments")
	}
	if n := typ.NumOut(); n == 0 || n > 2 || n == 2 && typ.Out(1) != errorType {
		giveUp("a function text/template does not call")
	}
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv = append(argv, args[i].value(s, dot, typ.In(i)))
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv = append(argv, args[i].value(s, dot, elem))
		}
	}
	if hasFinal {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv = append(argv, validateType(final, t))
	}
	return argv
}

// nth returns the argument at i, or the zero Value past the last.
func nth(argv []reflect.Value, i int) reflect.Value {
	if i < len(argv) {
		return argv[i]
	}
	return reflect.Value{}
}

// value is the argument as a parameter of type typ takes it.
func (a *argument) value(s *state, dot reflect.Value, typ reflect.Type) reflect.Value {
	if a.eval != nil {
		return validateType(a.eval(s, dot), typ)
	}
	return a.lits.of(a.node, typ)
}

// literals holds a constant converted to the last type asked for.
type literals struct {
	last atomic.Pointer[literal]
}

type literal struct {
	typ reflect.Type
	v   reflect.Value
}

func (l *literals) of(n parse.Node, typ reflect.Type) reflect.Value {
	if last := l.last.Load(); last != nil && last.typ == typ {
		return last.v
	}
	v := convertLiteral(n, typ)
	l.last.Store(&literal{typ, v})
	return v
}

// convertLiteral is text/template's evalArg for constants.
func convertLiteral(n parse.Node, typ reflect.Type) reflect.Value {
	if _, ok := n.(*parse.NilNode); ok {
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		giveUp("nil where it cannot be")
	}
	v := reflect.New(typ).Elem()
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*parse.BoolNode); ok {
			v.SetBool(b.True)
			return v
		}
	case reflect.Float32, reflect.Float64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsFloat {
			v.SetFloat(num.Float64)
			return v
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num, ok := n.(*parse.NumberNode); ok && num.IsInt {
			v.SetInt(num.Int64)
			return v
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if num, ok := n.(*parse.NumberNode); ok && num.IsUint {
			v.SetUint(num.Uint64)
			return v
		}
	case reflect.String:
		if str, ok := n.(*parse.StringNode); ok {
			v.SetString(str.Text)
			return v
		}
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			if c, ok := constant(n); ok {
				return c
			}
		}
	case reflect.Struct:
		if typ == reflectValueType {
			if c, ok := constant(n); ok {
				return reflect.ValueOf(c)
			}
		}
	}
	giveUp("a constant of the wrong type")
	return reflect.Value{}
}

// validateType is text/template's: value as a parameter of type typ takes
// it.
func validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		giveUp("no value where one is needed")
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				giveUp("nil pointer")
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			giveUp("a value of the wrong type")
		}
	}
	return value
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

// indirect goes through pointers and interfaces to the value they hold,
// stopping at a nil one.
func indirect(v reflect.Value) (rv reflect.Value, isNil bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

// indirectInterface goes through one interface.
func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

// isTrue is text/template's truth: not the zero value of its type.
func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return false, false
	}
	return truth, true
}

// sortedKeys is a map's keys in text/template's order, for the kinds of key
// this package ranges over.
func sortedKeys(m reflect.Value) []reflect.Value {
	keys := m.MapKeys()
	switch m.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	default:
		giveUp("range over a map with keys of kind " + m.Type().Key().Kind().String())
	}
	return keys
}
