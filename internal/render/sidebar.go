package render

import "html/template"

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
	done *fragments[string]
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
	return sc.done.get(key, func() (template.HTML, error) {
		return renderFragment(sc.tmpl, "sidebar", data)
	})
}
