package resolve

import (
	"github.com/reliability-council/handbook/internal/blocks"
	"github.com/reliability-council/handbook/internal/model"
)

// keptHistory is where a goroutine working out the history of files puts
// what the handbook keeps of it.
type keptHistory struct {
	states  blocks.Of[model.ConcernState]
	changes blocks.Of[model.Change]
	told    []model.Change // the changes of the file being told, until they are copied
}

// keep returns the changes told, copied into a block, and clears them for
// the next file; nil when none were told.
func (k *keptHistory) keep() []model.Change {
	if len(k.told) == 0 {
		return nil
	}
	kept := k.changes.Copy(k.told)
	k.told = k.told[:0]
	return kept
}
