package render

import (
	"errors"
	"fmt"
	"html/template"
	"maps"
	"sync"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/execute"
)

// fragments keeps pieces of HTML that many pages share, each rendered once
// by whichever page needs it first. Pages render on several goroutines.
type fragments[K comparable] struct {
	mu   sync.Mutex
	done map[K]template.HTML
}

func newFragments[K comparable]() *fragments[K] {
	return &fragments[K]{done: map[K]template.HTML{}}
}

// get returns the fragment for key, calling makeHTML when there is none yet.
// Two pages asking at once may both make it; they make the same HTML.
func (f *fragments[K]) get(key K, makeHTML func() (template.HTML, error)) (template.HTML, error) {
	if html, ok := f.lookup(key); ok {
		return html, nil
	}
	html, err := makeHTML()
	if err != nil {
		return "", err
	}
	f.mu.Lock()
	f.done[key] = html
	f.mu.Unlock()
	return html, nil
}

// lookup returns the fragment for key, if it has been made.
func (f *fragments[K]) lookup(key K) (template.HTML, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	html, ok := f.done[key]
	return html, ok
}

// all returns every fragment made so far.
func (f *fragments[K]) all() map[K]template.HTML {
	f.mu.Lock()
	defer f.mu.Unlock()
	return maps.Clone(f.done)
}

// renderFragment renders a template of the theme into a fragment.
func renderFragment(t *execute.Set, name string, data any) (template.HTML, error) {
	if fragmentsDrawn.Add(1) > maxFragmentsDrawn {
		fragmentsDrawn.Add(-1)
		return "", &drawsItself{name}
	}
	defer fragmentsDrawn.Add(-1)
	buf := fragmentBuffers.Get().(*execute.Buffer)
	defer fragmentBuffers.Put(buf)
	buf.Reset()
	if err := t.Execute(buf, name, data); err != nil {
		var endless *drawsItself
		if errors.As(err, &endless) {
			return "", endless // as it is: wrapped at every level, it would grow with each
		}
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // the output of an html/template
}

// fragmentBuffers hold fragments while they are made.
var fragmentBuffers = sync.Pool{New: func() any { return new(execute.Buffer) }}

// forget lets go of every fragment: a render that keeps nothing for the
// next has no use for them once its pages are made, and the largest
// handbooks hold tens of megabytes of them.
func (f *fragments[K]) forget() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.done = map[K]template.HTML{}
}

// fragmentsDrawn counts the fragments being rendered at once, on every
// goroutine. Each goroutine renders a few inside one another at most (a
// row inside a cached partial), and only a fragment that draws itself,
// through concernRow or cached, takes the count past maxFragmentsDrawn:
// without the bound, its pages would recurse until the stack ran out.
var fragmentsDrawn atomic.Int64

const maxFragmentsDrawn = 4096

// drawsItself is the error of a fragment that draws itself without end.
type drawsItself struct{ name string }

func (e *drawsItself) Error() string {
	return fmt.Sprintf("template %q draws itself without end, through concernRow or cached: stop it calling itself", e.name)
}
