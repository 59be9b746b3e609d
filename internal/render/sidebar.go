package render

import (
	"bytes"
	"html/template"
	"sync"
)

// Sidebar is what the sidebar partial draws: the navigation, with the entry
// for the current page marked.
type Sidebar struct {
	Site    *Site
	InNav   bool   // the current page is one of the navigation's entries
	Current string // its path, when InNav
}

// sidebarCache renders the navigation once per entry that can be current,
// instead of once per page: thousands of concern pages share one.
type sidebarCache struct {
	tmpl *template.Template
	site *Site

	mu   sync.Mutex
	done map[string]template.HTML
}

func (sc *sidebarCache) sidebar(p *Page) (template.HTML, error) {
	data := Sidebar{Site: sc.site}
	for _, n := range sc.site.Nav {
		if n.Path == p.Path {
			data.InNav, data.Current = true, p.Path
		}
	}
	key := "none"
	if data.InNav {
		key = "nav:" + data.Current
	}
	sc.mu.Lock()
	html, ok := sc.done[key]
	sc.mu.Unlock()
	if ok {
		return html, nil
	}
	var buf bytes.Buffer
	if err := sc.tmpl.ExecuteTemplate(&buf, "sidebar", data); err != nil {
		return "", err
	}
	html = template.HTML(buf.String()) //nolint:gosec // the output of an html/template
	sc.mu.Lock()
	sc.done[key] = html
	sc.mu.Unlock()
	return html, nil
}
