package preview

import (
	"sync"

	"github.com/reliability-council/handbook/internal/render"
)

// openFirst gathers the pages open in browsers as a build makes them,
// first of all; once it has them all, it hands them to show while the rest
// of the build is made: the page a person looks at reloads without waiting
// for ten thousand others.
type openFirst struct {
	mu   sync.Mutex
	want map[string]bool
	got  map[string][]byte
	show func(map[string][]byte) map[string][]byte
	done chan map[string][]byte // what show served, once it has
}

func newOpenFirst(files []string, show func(map[string][]byte) map[string][]byte) *openFirst {
	o := &openFirst{want: map[string]bool{}, got: map[string][]byte{}, show: show, done: make(chan map[string][]byte, 1)}
	for _, f := range files {
		o.want[f] = true
	}
	return o
}

// add takes one file the build made.
func (o *openFirst) add(f render.File) {
	o.mu.Lock()
	if !o.want[f.Path] {
		o.mu.Unlock()
		return
	}
	delete(o.want, f.Path)
	o.got[f.Path] = f.Data
	all := len(o.want) == 0
	o.mu.Unlock()
	if all {
		go func() { o.done <- o.show(o.got) }()
	}
}

// wait returns what was shown early, once it has been: nothing when the
// build ended before it had every open page. A nil openFirst shows nothing.
func (o *openFirst) wait() map[string][]byte {
	if o == nil {
		return nil
	}
	o.mu.Lock()
	complete := len(o.want) == 0
	o.mu.Unlock()
	if !complete {
		return nil
	}
	return <-o.done
}
