package render

import (
	"github.com/reliability-council/handbook/internal/model"
)

// Page is what one page's template sees.
type Page struct {
	Site   *Site
	Layout string // the layout that renders it
	Path   string // relative to the base, "" for the overview, else ending in /
	Title  string
	About  string  // the page's description, when it has a fixed one
	Crumbs []Crumb // from the overview down to the page's parent
	Source string  // the content file, for "edit this page"
	// InNav is set when the page is one of the navigation's entries.
	InNav bool
	// Charts is set when the page draws charts, and so needs the chart
	// script.
	Charts bool

	Concern *model.Concern
	Team    *model.Team
	Meeting *model.Meeting
	Tag     *model.Tag
	Doc     *model.Page
	Body    model.Markdown // rendered with the page
}

// withBody returns a copy of p whose own content (its concern, team,
// meeting or plain page) has the body given instead.
func (p *Page) withBody(body model.Markdown) *Page {
	q := *p
	q.Body = body
	switch {
	case p.Concern != nil:
		c := *p.Concern
		c.Body, q.Concern = body, &c
	case p.Team != nil:
		t := *p.Team
		t.Body, q.Team = body, &t
	case p.Meeting != nil:
		m := *p.Meeting
		m.Body, q.Meeting = body, &m
	case p.Doc != nil:
		d := *p.Doc
		d.Body, q.Doc = body, &d
	}
	return &q
}

// Crumb is one step of a page's breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// The folders that hold the pages of each kind; a folder's own page lists
// them.
const (
	concernsDir = "concerns/"
	teamsDir    = "teams/"
	meetingsDir = "meetings/"
	tagsDir     = "tags/"
)

var (
	home          = Crumb{Title: "Overview", Path: ""}
	concernsCrumb = Crumb{Title: "Concerns", Path: concernsDir}
	teamsCrumb    = Crumb{Title: "Teams", Path: teamsDir}
	meetingsCrumb = Crumb{Title: "Meetings", Path: meetingsDir}
	tagsCrumb     = Crumb{Title: "Tags", Path: tagsDir}
)

// pages lists every page of the handbook, in a fixed order.
func pages(s *Site) []*Page {
	h := s.Handbook
	out := []*Page{
		{Layout: "overview", Path: "", Title: h.Config.Title, About: h.Config.Description, Charts: true},
		{Layout: "concerns", Path: concernsDir, Title: "Concerns", About: "Every concern the council has raised, most urgent first.", Crumbs: []Crumb{home}},
		{Layout: "teams", Path: teamsDir, Title: "Teams", About: "The teams on the council and the concerns each brought.", Crumbs: []Crumb{home}},
		{Layout: "meetings", Path: meetingsDir, Title: "Meetings", About: "Council meetings, newest first.", Crumbs: []Crumb{home}},
		{Layout: "actions", Path: "actions/", Title: "Action items", About: "What the council agreed to do: overdue, open and done.", Crumbs: []Crumb{home}},
		{Layout: "charts", Path: "charts/", Title: "Charts", About: "Where the council's concerns sit by value, effort and risk, per team and over time.", Crumbs: []Crumb{home}, Charts: true},
		{Layout: "changes", Path: "changes/", Title: "What changed", About: "What changed since the council's last meeting: concerns raised, moved on and re-scored, action items agreed, done and overdue.", Crumbs: []Crumb{home}},
		{Layout: "agenda", Path: "agenda/", Title: "Agenda", About: "What the council's next meeting should look at: open action items by owner, what changed, concerns not yet discussed or due for review.", Crumbs: []Crumb{home}},
		{Layout: "risk", Path: riskPath, Title: "Error budget", About: "Each estimated risk's expected bad minutes a year, set against the error budget of its SLO.", Crumbs: []Crumb{home}, Charts: true},
		{Layout: "tags", Path: tagsDir, Title: "Tags", About: "Concerns grouped by tag.", Crumbs: []Crumb{home}},
		{Layout: "search", Path: "search/", Title: "Search", About: "Find a concern, team, meeting or action item by a word, and filter by team, status, tag or owner.", Crumbs: []Crumb{home}},
		{Layout: "404", Path: "404/", Title: "Page not found", Crumbs: []Crumb{home}},
	}
	// The pages of a kind share their crumbs, which templates only read:
	// one list for each of 10,000 concerns was a megabyte.
	concernCrumbs := []Crumb{home, concernsCrumb}
	for _, c := range h.Concerns {
		out = append(out, &Page{Layout: "concern", Path: s.path(c), Title: c.Title,
			Crumbs: concernCrumbs, Source: c.File, Concern: c, Body: c.Body})
	}
	teamCrumbs := []Crumb{home, teamsCrumb}
	for _, t := range h.Teams {
		out = append(out, &Page{Layout: "team", Path: s.path(t), Title: t.Title,
			Crumbs: teamCrumbs, Source: t.File, Team: t, Body: t.Body, Charts: true})
	}
	meetingCrumbs := []Crumb{home, meetingsCrumb}
	for _, m := range h.Meetings {
		out = append(out, &Page{Layout: "meeting", Path: s.path(m), Title: m.Title,
			Crumbs: meetingCrumbs, Source: m.File, Meeting: m, Body: m.Body})
	}
	tagCrumbs := []Crumb{home, tagsCrumb}
	for _, t := range h.Tags {
		out = append(out, &Page{Layout: "tag", Path: s.path(t), Title: "Tagged " + t.Name, About: "Concerns tagged " + t.Name + ".",
			Crumbs: tagCrumbs, Tag: t})
	}
	pageCrumbs := []Crumb{home}
	for _, p := range h.Pages {
		out = append(out, &Page{Layout: "page", Path: s.path(p), Title: p.Title, About: p.Description,
			Crumbs: pageCrumbs, Source: p.File, Doc: p, Body: p.Body})
	}
	inNav := make(map[string]bool, len(s.Nav))
	for _, n := range s.Nav {
		inNav[n.Path] = true
	}
	for _, p := range out {
		p.Site = s
		p.InNav = inNav[p.Path]
	}
	return out
}

// riskPath is the error budget page's.
const riskPath = "risk/"

func concernPath(c *model.Concern) string { return pagePath("", concernsDir, c.Slug) }
func teamPath(t *model.Team) string       { return pagePath("", teamsDir, t.Slug) }
func meetingPath(m *model.Meeting) string { return pagePath("", meetingsDir, m.Slug) }

// pagePath returns the address of the page slug in the folder dir, after
// base: made in one piece, as a template's every link is.
func pagePath(base, dir, slug string) string { return base + dir + slug + "/" }

// link returns the address of v's page as the site's own pages link to
// it, below the base; the base for a value that has no page.
func (s *Site) link(v any) string {
	l, _ := s.pageLink(v)
	return l
}

// pageLink returns the address of v's page below the base, and whether
// anything of v's type has a page.
func (s *Site) pageLink(v any) (string, bool) {
	if l, ok := s.links[v]; ok {
		return l, true
	}
	// A copy of a concern, say, with a body being edited in the preview.
	return linkOf(s.Base, v)
}

// path returns the path of the page of v, one of the handbook's own.
func (s *Site) path(v any) string { return s.links[v][len(s.Base):] }

// pageLinks returns the address of the page of each of the handbook's
// concerns, teams, meetings, tags and plain pages, below base.
func pageLinks(h *model.Handbook, base string) map[any]string {
	links := make(map[any]string, len(h.Concerns)+len(h.Teams)+len(h.Meetings)+len(h.Tags)+len(h.Pages))
	add := func(v any) { links[v], _ = linkOf(base, v) }
	for _, c := range h.Concerns {
		add(c)
	}
	for _, t := range h.Teams {
		add(t)
	}
	for _, m := range h.Meetings {
		add(m)
	}
	for _, t := range h.Tags {
		add(t)
	}
	for _, p := range h.Pages {
		add(p)
	}
	return links
}

// fullLink returns the full address of v's page, with the baseURL's host,
// for files read away from the site; as the site's own links, it is not
// percent-escaped (the sitemap and the feed escape theirs: absolute).
func (s *Site) fullLink(v any) string {
	l, _ := linkOf(s.Config.BaseURL, v)
	return l
}

// linkOf returns the path of the page of anything that has one, after
// base.
func linkOf(base string, v any) (string, bool) {
	switch x := v.(type) {
	case *model.Concern:
		return pagePath(base, concernsDir, x.Slug), true
	case *model.Team:
		return pagePath(base, teamsDir, x.Slug), true
	case *model.Meeting:
		return pagePath(base, meetingsDir, x.Slug), true
	case *model.Tag:
		return pagePath(base, tagsDir, x.Slug), true
	case *model.Page:
		return pagePath(base, "", x.Slug), true
	case string:
		return base + x, true
	}
	return "", false
}
