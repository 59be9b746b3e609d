package render

import "html/template"

// Sidebar is what the sidebar partial draws: the navigation, with the entry
// for the current page marked.
type Sidebar struct {
	Site    *Site
	InNav   bool   // the current page is one of the navigation's entries
	Current string // its path, when InNav
}

// sidebar draws the navigation for page p. It is made once per entry that
// can be current, instead of once per page: thousands of concern pages share
// one.
func sidebar(partials *partialCache, p *Page) (template.HTML, error) {
	data := Sidebar{Site: p.Site}
	for _, n := range p.Site.Nav {
		if n.Path == p.Path {
			data.InNav, data.Current = true, p.Path
		}
	}
	return partials.render("sidebar", data)
}
