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
	show func(map[string][]byte) ([]string, string)
	done chan struct{} // closed once show has returned
}

func newOpenFirst(files []string, show func(map[string][]byte) ([]string, string)) *openFirst {
	o := &openFirst{want: map[string]bool{}, got: map[string][]byte{}, show: show, done: make(chan struct{})}
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
		go func() {
			o.show(o.got)
			close(o.done)
		}()
	}
}

// wait returns once what the build made first has been shown, or at once
// when the build ended before it had every open page. A nil openFirst
// shows nothing.
func (o *openFirst) wait() {
	if o == nil {
		return
	}
	o.mu.Lock()
	complete := len(o.want) == 0
	o.mu.Unlock()
	if complete {
		<-o.done
	}
}
