// Package blocks hands out slices cut from larger blocks, for what a
// build keeps to its end and makes amid garbage.
//
// A slice allocated on its own shares its size class with the garbage made
// around it: once that is collected, the spans it sits in stay mostly
// empty, room nothing else of its size may be using. A concern's states
// and changes, made amid the garbage of decoding its file's old versions,
// left 10 MB of such room at 10,000 concerns; the text of the sources'
// frontmatter values, made amid the parse's, 7 MB. Cut from blocks, what
// is kept lies together.
package blocks

import "unsafe"

// Of hands out slices of T cut from its blocks. It is for one goroutine.
type Of[T any] struct{ free []T }

// Size is the size of a block in bytes: large enough that the allocator
// gives each its own pages.
const Size = 64 << 10

// Take returns a slice of n zeroed values. Its capacity is n, so that an
// append to it cannot run into the next.
func (b *Of[T]) Take(n int) []T {
	if n > len(b.free) {
		var v T
		b.free = make([]T, max(n, Size/int(unsafe.Sizeof(v))))
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

// Copy returns a copy of values cut from a block.
func (b *Of[T]) Copy(values []T) []T {
	s := b.Take(len(values))
	copy(s, values)
	return s
}
