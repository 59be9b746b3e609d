package render

import (
	"fmt"
	"html/template"
	"reflect"
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
	if data != nil && !reflect.ValueOf(data).Comparable() {
		return "", fmt.Errorf("cached %q: its data, a %T, holds a list or a map, so it cannot tell one use from another (pass a pointer or a plain value, or use template)", name, data)
	}
	return pc.done.get(partialKey{name, data}, func() (template.HTML, error) {
		if !pc.tmpl.get().Defines(name) {
			return "", fmt.Errorf("cached %q: no partial of that name (define it in a file of layouts/partials/)", name)
		}
		return renderFragment(pc.tmpl.get(), name, data)
	})
}
