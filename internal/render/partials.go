package render

import (
	"fmt"
	"html/template"
	"reflect"
	"sync"
)

// partialCache renders a partial of the theme once per build for each value
// of its data, for the template function cached. Within a build a partial's
// HTML depends on nothing but its data: everything else it can reach, the
// site and the functions, is the same for every page. The navigation, say,
// is one of a dozen, whichever of thousands of pages it stands on.
type partialCache struct {
	tmpl *compiledLayout // any layout: all of them hold the partials
	done *fragments[partialKey]
}

type partialKey struct {
	name string
	data any
}

func newPartialCache() *partialCache {
	return &partialCache{done: newFragments[partialKey]()}
}

// render returns the partial name drawn with data. The data is the cache
// key, so it must be comparable: no slices or maps, pointers are fine.
func (pc *partialCache) render(name string, data any) (template.HTML, error) {
	if data != nil && !comparableKey(data) {
		return "", fmt.Errorf("cached %q: its data, a %T, holds a list or a map, so it cannot tell one use from another (pass a pointer or a plain value, or use template)", name, data)
	}
	return pc.done.get(partialKey{name, data}, func() (template.HTML, error) {
		if !pc.tmpl.get().Defines(name) {
			return "", fmt.Errorf("cached %q: no partial of that name (define it in a file of layouts/partials/)", name)
		}
		return renderFragment(pc.tmpl.get(), name, data)
	})
}

// comparableKey reports whether data can be a map key. Most data's type
// says so by itself; only a type that holds an interface (a struct with a
// field of type any, say) depends on what that holds now, and
// reflect.Value.Comparable, which looks, allocates as it goes through a
// struct's fields: a cost on every cached partial of every page.
func comparableKey(data any) bool {
	t := reflect.TypeOf(data)
	plain, ok := plainKeyTypes.Load(t)
	if !ok {
		plain, _ = plainKeyTypes.LoadOrStore(t, t.Comparable() && !holdsInterface(t))
	}
	return plain.(bool) || reflect.ValueOf(data).Comparable()
}

// plainKeyTypes caches, by type, whether a value of it is comparable
// whatever it holds.
var plainKeyTypes sync.Map

// holdsInterface reports whether a value of the comparable type t can hold
// an interface, whose dynamic value decides whether it compares.
func holdsInterface(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface:
		return true
	case reflect.Array:
		return holdsInterface(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if holdsInterface(t.Field(i).Type) {
				return true
			}
		}
	}
	return false
}
