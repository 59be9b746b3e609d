package resolve

import "slices"

// distinct builds a list without repeats.
type distinct[T comparable] struct {
	seen map[T]bool // made once the list is long
}

// longList is the length from which a list's items are found by a map
// rather than by a look through the list: a meeting may list thousands of
// concerns.
const longList = 32

// appendNew appends x to list unless list holds it already. The list is
// the one d built so far.
func (d *distinct[T]) appendNew(list []T, x T) []T {
	if len(list) < longList {
		if slices.Contains(list, x) {
			return list
		}
		return append(list, x)
	}
	if d.seen == nil {
		d.seen = make(map[T]bool, 2*len(list))
		for _, y := range list {
			d.seen[y] = true
		}
	}
	if d.seen[x] {
		return list
	}
	d.seen[x] = true
	return append(list, x)
}
