package render

import (
	"bytes"
	"html/template"
	"maps"
	"sync"
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
	f.mu.Lock()
	html, ok := f.done[key]
	f.mu.Unlock()
	if ok {
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

// all returns every fragment made so far.
func (f *fragments[K]) all() map[K]template.HTML {
	f.mu.Lock()
	defer f.mu.Unlock()
	return maps.Clone(f.done)
}

// renderFragment renders a template of the theme into a fragment.
func renderFragment(t *template.Template, name string, data any) (template.HTML, error) {
	buf := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(buf)
	buf.Reset()
	if err := t.ExecuteTemplate(buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil //nolint:gosec // the output of an html/template
}

// forget lets go of every fragment: a render that keeps nothing for the
// next has no use for them once its pages are made, and the largest
// handbooks hold tens of megabytes of them.
func (f *fragments[K]) forget() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.done = map[K]template.HTML{}
}
