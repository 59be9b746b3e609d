package render

import (
	"html/template"
	"sync"

	"github.com/reliability-council/handbook/internal/execute"
)

// keptTheme is a theme's layouts kept by the preview from one save to the
// next, for as long as their text stays the same: parsing, copying and
// analysing them was half of what a save of a small handbook cost.
//
// Its templates are never run. Each layout is copied once, for the renders
// to compile from, one at a time, since compiling escapes a template; and
// again for a render whose run html/template must take over, with that
// render's functions, only then.
type keptTheme struct {
	parsedTheme
	mu      sync.Mutex                    // held while a layout is compiled
	escaped map[string]*template.Template // by layout, the copy compiled from
}

// keptTheme returns the layouts the cache keeps; nil for none.
func (c *Cache) keptTheme() *keptTheme {
	if c == nil {
		return nil
	}
	return c.theme
}

// keepTheme keeps p, the layouts a render parsed or took from the cache,
// for the renders after it, and returns them kept.
func (c *Cache) keepTheme(p *parsedTheme) *keptTheme {
	if c.theme == nil || &c.theme.parsedTheme != p {
		c.theme = &keptTheme{parsedTheme: *p, escaped: make(map[string]*template.Template, len(p.tmpls))}
	}
	return c.theme
}

// compile prepares each layout to be compiled, with a render's functions,
// when first run (see compileLayouts).
func (k *keptTheme) compile(funcs template.FuncMap, writers execute.Writers, byName []string) map[string]*compiledLayout {
	out := make(map[string]*compiledLayout, len(k.tmpls))
	for name, parsed := range k.tmpls {
		entries := layoutEntries(name, byName)
		own := sync.OnceValue(func() *template.Template { return mustClone(parsed).Funcs(funcs) })
		out[name] = &compiledLayout{compile: func() *execute.Set {
			k.mu.Lock()
			defer k.mu.Unlock()
			t := k.escaped[name]
			if t == nil {
				t = mustClone(parsed)
				k.escaped[name] = t
			}
			return execute.CompileShared(t, own, funcs, writers, entries...)
		}}
	}
	return out
}

// mustClone copies a template that has never run, which html/template
// always can.
func mustClone(t *template.Template) *template.Template {
	c, err := t.Clone()
	if err != nil {
		panic("render: " + err.Error())
	}
	return c
}
