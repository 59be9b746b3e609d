package reads

import (
	"cmp"
	"hash/maphash"
	"math"
	"math/bits"
	"reflect"
	"slices"
	"sync"
	"time"
)

// Signer hashes data along the shapes of an analysis: what a template
// reads, and nothing else. It is safe for concurrent use. One Signer serves
// data that does not change while it is used (one build): it remembers the
// hash of every value it read whole through a pointer.
type Signer struct {
	seed   maphash.Seed
	global uintptr // the global value's address
	// entity reports the pointer types whose values are linked to many
	// others (a concern to its team, its team to every concern): reading
	// one whole reads everything, so a signature cannot stop there.
	entity func(reflect.Type) bool
	// identity names the value a pointer points to, for comparisons: the
	// same name in two builds means the same thing.
	identity func(reflect.Value) (string, bool)
	memo     sync.Map // memoKey -> uint64
}

type memoKey struct {
	at    uintptr
	typ   reflect.Type
	shape *Shape // nil for a value read whole
	refs  bool   // read whole, entities taken by their identity
}

// NewSigner returns a Signer for data whose functions close over global, a
// pointer. Signatures are comparable only between Signers made with the
// same seed.
func NewSigner(seed maphash.Seed, global any, entity func(reflect.Type) bool, identity func(reflect.Value) (string, bool)) *Signer {
	return &Signer{seed: seed, global: reflect.ValueOf(global).Pointer(), entity: entity, identity: identity}
}

// Sign returns the hash of what a reads of dot and global, with the text of
// the templates it executes. all reports that the template reads something
// a signature cannot capture piece by piece, such as a whole concern with
// everything linked to it, or that the analysis gave up: whatever uses
// this signature must then treat the output as depending on everything.
func (sg *Signer) Sign(a *Analysis, dot, global any) (sum uint64, all bool) {
	if a.Everything != "" {
		return a.Text, true
	}
	h := digest{seed: sg.seed}
	h.word(a.Text)
	// The global value is the same for every page: its part of the
	// signature is worked out once.
	if sg.walk(&h, reflect.ValueOf(dot), a.Dot, 0) || sg.memoized(&h, reflect.ValueOf(global), a.Global, 0) {
		return a.Text, true
	}
	return h.sum, false
}

// Everything hashes all of each value, taking the entities a value refers
// to by their identity: given every entity of the data once, it is the hash
// of everything, for whatever reads more than a signature can follow.
// false means a value held something that cannot be hashed.
func (sg *Signer) Everything(values ...any) (uint64, bool) {
	h := digest{seed: sg.seed}
	for _, v := range values {
		if sg.whole(&h, reflect.ValueOf(v), 0, true) {
			return 0, false
		}
	}
	return h.sum, true
}

// maxNesting bounds how deep a signature follows data, against cycles
// that are not between entities.
const maxNesting = 64

// walk hashes what shape s reads of v; true means it reached something it
// cannot sign.
func (sg *Signer) walk(h *digest, v reflect.Value, s *Shape, depth int) bool {
	if depth > maxNesting {
		return true
	}
	if s.Whole {
		return sg.whole(h, v, depth, false)
	}
	if s.Ident && !sg.ident(h, v) {
		return true
	}
	if s.Len {
		length(h, v)
	}
	if (len(s.fields) > 0 || s.Elem != nil || s.Keys) && sg.parts(h, v, s, depth) {
		return true
	}
	for _, partial := range s.Also {
		if sg.through(h, v, partial, depth) {
			return true
		}
	}
	return false
}

// through hashes what a partial reads of v. A partial reads the same of a
// value wherever it is shown, so for a value behind a pointer, read
// through a partial that several places show, the hash is worked out once
// per build: a concern's row, say, in every table it is in.
func (sg *Signer) through(h *digest, v reflect.Value, s *Shape, depth int) bool {
	if !s.shared || v.Kind() != reflect.Pointer || v.IsNil() {
		return sg.walk(h, v, s, depth+1)
	}
	key := memoKey{at: v.Pointer(), typ: v.Type(), shape: s}
	if sum, ok := sg.memo.Load(key); ok {
		h.word(sum.(uint64))
		return false
	}
	sub := digest{seed: sg.seed}
	if sg.walk(&sub, v, s, depth+1) {
		return true
	}
	sum := sub.sum
	sg.memo.Store(key, sum)
	h.word(sum)
	return false
}

// parts hashes what s reads of the fields and elements of v.
func (sg *Signer) parts(h *digest, v reflect.Value, s *Shape, depth int) bool {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			h.word(uint64(0))
			return false
		}
		// The global value, such as the site, is the same for every page:
		// what a shape reads of it is worked out once. Other values are
		// mostly a page's own, and remembering them costs more than it
		// saves (partials shared by many pages are remembered by through).
		if v.Kind() == reflect.Pointer && v.Pointer() == sg.global && depth > 0 {
			return sg.memoized(h, v, s, depth)
		}
		v = v.Elem()
	}
	h.word(uint64(1))
	for _, f := range s.fields {
		fv, ok := fieldOf(v, s, f)
		if !ok {
			h.word(uint64(0))
			continue
		}
		if sg.walk(h, fv, f.shape, depth+1) {
			return true
		}
	}
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		if s.Elem != nil {
			h.word(uint64(v.Len()))
			for i := range v.Len() {
				if sg.walk(h, v.Index(i), s.Elem, depth+1) {
					return true
				}
			}
		}
	case reflect.Map:
		keys, ok := sortedMapKeys(v)
		if !ok {
			return true
		}
		for _, k := range keys {
			if s.Keys && sg.whole(h, k, depth+1, false) {
				return true
			}
			if s.Elem != nil && sg.walk(h, v.MapIndex(k), s.Elem, depth+1) {
				return true
			}
		}
	default:
		if s.Elem != nil || s.Keys {
			return true
		}
	}
	return false
}

// memoized hashes what s reads of the value v points to once per Signer,
// however many pages read it.
func (sg *Signer) memoized(h *digest, v reflect.Value, s *Shape, depth int) bool {
	key := memoKey{at: v.Pointer(), typ: v.Type(), shape: s}
	if sum, ok := sg.memo.Load(key); ok {
		h.word(sum.(uint64))
		return false
	}
	sub := digest{seed: sg.seed}
	if sg.parts(&sub, v.Elem(), s, depth+1) {
		return true
	}
	sum := sub.sum
	sg.memo.Store(key, sum)
	h.word(sum)
	return false
}

// fieldOf returns the field or map value f of v.
func fieldOf(v reflect.Value, s *Shape, f compiledField) (reflect.Value, bool) {
	switch v.Kind() {
	case reflect.Struct:
		index := f.index
		if index == nil || v.Type() != deref(s.typ) { // an interface held another type
			sf, ok := v.Type().FieldByName(f.name)
			if !ok {
				return reflect.Value{}, false
			}
			index = sf.Index
		}
		fv, err := v.FieldByIndexErr(index)
		return fv, err == nil
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			return reflect.Value{}, false
		}
		fv := v.MapIndex(reflect.ValueOf(f.name).Convert(v.Type().Key()))
		return fv, fv.IsValid()
	}
	return reflect.Value{}, false
}

var timeType = reflect.TypeFor[time.Time]()

// whole hashes all of v; true means it reached something it cannot sign.
// With refs, an entity that v refers to is hashed by its identity instead
// of stopping there: for hashing everything, entity by entity.
func (sg *Signer) whole(h *digest, v reflect.Value, depth int, refs bool) bool {
	if depth > maxNesting {
		return true
	}
	switch v.Kind() {
	case reflect.Invalid:
		h.word(uint64(0))
	case reflect.Bool:
		h.word(uint64(byte(boolInt(v.Bool()))))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.word(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.word(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.word(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		h.word(math.Float64bits(real(v.Complex())))
		h.word(math.Float64bits(imag(v.Complex())))
	case reflect.String:
		h.text(v.String())
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			h.word(uint64(v.Len()))
			h.bytes(v.Bytes())
			return false
		}
		fallthrough
	case reflect.Array:
		h.word(uint64(v.Len()))
		for i := range v.Len() {
			if sg.whole(h, v.Index(i), depth+1, refs) {
				return true
			}
		}
	case reflect.Struct:
		if v.Type() == timeType && v.CanInterface() {
			t := v.Interface().(time.Time)
			h.word(uint64(t.UnixNano()))
			h.text(t.Location().String())
			return false
		}
		for i := range v.NumField() {
			if sg.whole(h, v.Field(i), depth+1, refs) {
				return true
			}
		}
	case reflect.Map:
		keys, ok := sortedMapKeys(v)
		if !ok {
			return true
		}
		h.word(uint64(len(keys)))
		for _, k := range keys {
			if sg.whole(h, k, depth+1, refs) || sg.whole(h, v.MapIndex(k), depth+1, refs) {
				return true
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			h.word(uint64(0))
			return false
		}
		if sg.entity(v.Type()) {
			if !refs {
				return true
			}
			return !sg.ident(h, v)
		}
		key := memoKey{at: v.Pointer(), typ: v.Type(), refs: refs}
		if sum, ok := sg.memo.Load(key); ok {
			h.word(sum.(uint64))
			return false
		}
		sub := digest{seed: sg.seed}
		if sg.whole(&sub, v.Elem(), depth+1, refs) {
			return true
		}
		sum := sub.sum
		sg.memo.Store(key, sum)
		h.word(sum)
	case reflect.Interface:
		if v.IsNil() {
			h.word(uint64(0))
			return false
		}
		h.text(v.Elem().Type().String())
		return sg.whole(h, v.Elem(), depth+1, refs)
	default: // functions, channels, unsafe pointers
		return true
	}
	return false
}

// ident hashes what a pointer points to by its name; false when it has
// none.
func (sg *Signer) ident(h *digest, v reflect.Value) bool {
	if v.Kind() != reflect.Pointer {
		return !sg.whole(h, v, 0, false)
	}
	if v.IsNil() {
		h.word(uint64(0))
		return true
	}
	name, ok := sg.identity(v)
	if ok {
		h.text(name)
	}
	return ok
}

// length hashes v's length, or its truth for what has no length.
func length(h *digest, v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map, reflect.String, reflect.Chan:
		h.word(uint64(v.Len()))
	case reflect.Pointer, reflect.Interface:
		h.word(uint64(byte(boolInt(v.IsNil()))))
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64:
		h.word(uint64(byte(boolInt(v.IsZero()))))
	}
}

// sortedMapKeys returns the keys of a map in order, as templates range
// over them; false for keys that have no order a template would use.
func sortedMapKeys(v reflect.Value) ([]reflect.Value, bool) {
	keys := v.MapKeys()
	switch v.Type().Key().Kind() {
	case reflect.String:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.String(), b.String()) })
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Int(), b.Int()) })
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmp.Compare(a.Uint(), b.Uint()) })
	default:
		return nil, false
	}
	return keys, true
}

// digest is a running hash of the words and strings a signature reads,
// mixed in as they come. (hash/maphash.Hash buffers every write; a page's
// signature is a few hundred small ones.) Signatures are compared only
// within one run of the program, so a process-wide seed is enough.
type digest struct {
	seed maphash.Seed
	sum  uint64
}

func (d *digest) word(n uint64) {
	d.sum = bits.RotateLeft64((d.sum^n)*0x9e3779b97f4a7c15, 31) * 0xbf58476d1ce4e5b9
}

// text mixes in a string; its own hash tells "ab"+"c" from "a"+"bc".
func (d *digest) text(s string) { d.word(maphash.String(d.seed, s)) }

func (d *digest) bytes(b []byte) { d.word(maphash.Bytes(d.seed, b)) }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
