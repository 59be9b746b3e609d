package resolve

import (
	"unsafe"

	"github.com/reliability-council/handbook/internal/model"
)

// blocks hands out slices cut from larger blocks. A concern's states and
// changes, each slice an allocation of its own, were made amid the garbage
// of decoding the file's old versions: once that was collected, the spans
// they sat in stayed mostly empty, 10 MB of room that nothing else could
// use at 10,000 concerns. Cut from blocks, they lie together.
type blocks[T any] struct{ free []T }

// blockBytes is the size of a block: large enough that the allocator gives
// each its own pages.
const blockBytes = 64 << 10

// take returns a slice of n zeroed values. Its capacity is n, so that an
// append to it cannot run into the next.
func (b *blocks[T]) take(n int) []T {
	if n > len(b.free) {
		var v T
		b.free = make([]T, max(n, blockBytes/int(unsafe.Sizeof(v))))
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

// copy returns a copy of values cut from a block.
func (b *blocks[T]) copy(values []T) []T {
	s := b.take(len(values))
	copy(s, values)
	return s
}

// keptHistory is where a goroutine working out the history of files puts
// what the handbook keeps of it.
type keptHistory struct {
	states  blocks[model.ConcernState]
	changes blocks[model.Change]
	told    []model.Change // the changes of the file being told, until they are copied
}

// keep returns the changes told, copied into a block, and clears them for
// the next file; nil when none were told.
func (k *keptHistory) keep() []model.Change {
	if len(k.told) == 0 {
		return nil
	}
	kept := k.changes.copy(k.told)
	k.told = k.told[:0]
	return kept
}
