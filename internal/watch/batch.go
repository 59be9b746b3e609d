package watch

import (
	"errors"
	"fmt"
	"slices"
)

// Batch is what changed during one quiet period, or during several if the
// receiver was busy.
type Batch struct {
	// Paths are the files and folders created, written, removed or renamed
	// (under their old name and their new one): absolute, cleaned, sorted,
	// each once. A folder that appears brings every file and folder in it.
	Paths []string
	// Overflow means the kernel dropped events, so Paths may be missing
	// some: rebuild everything. Watches have been added again from scratch.
	Overflow bool
	// Err, if not nil, says what went wrong while watching, such as a watch
	// that could not be added for a new folder (changes below it are then
	// missed) or an inotify limit, with how to raise it. Paths still hold.
	Err error
}

// maxErrors bounds the errors one batch carries: past a few, more of the
// same only push the first, most telling, one off the screen.
const maxErrors = 10

// pending gathers what changed since the last batch was sent.
type pending struct {
	paths    map[string]bool
	overflow bool
	errs     []error
	dropped  int // errors past maxErrors, counted but not kept
}

// add records that path changed.
func (p *pending) add(path string) {
	if p.paths == nil {
		p.paths = make(map[string]bool)
	}
	p.paths[path] = true
}

// fail records err.
func (p *pending) fail(err error) {
	if len(p.errs) == maxErrors {
		p.dropped++
		return
	}
	p.errs = append(p.errs, err)
}

// batch returns what was gathered, without clearing it.
func (p *pending) batch() Batch {
	b := Batch{Overflow: p.overflow}
	for path := range p.paths {
		b.Paths = append(b.Paths, path)
	}
	slices.Sort(b.Paths)
	errs := p.errs
	if p.dropped > 0 {
		errs = append(slices.Clip(errs), fmt.Errorf("watch: %d more errors", p.dropped))
	}
	b.Err = errors.Join(errs...)
	return b
}
