package render

import (
	"fmt"

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

	Concern *model.Concern
	Team    *model.Team
	Meeting *model.Meeting
	Tag     *model.Tag
	Doc     *model.Page
	Body    model.Markdown // rendered with the page
}

// Description returns the page's summary for search engines and link
// previews. Summaries of content pages are worked out only for the pages
// rendered: a rebuild renders few of them.
func (p *Page) Description() string {
	switch {
	case p.About != "":
		return p.About
	case p.Concern != nil:
		return concernSummary(p.Concern)
	case p.Team != nil:
		return teamSummary(p.Team)
	case p.Meeting != nil:
		return meetingSummary(p.Meeting)
	}
	return ""
}

// releaseBody lets go of the page's Markdown, in the handbook as in the page,
// once the page is made: no other page shows it, and the bodies are a third
// of the memory a large handbook holds while it is rendered.
func (p *Page) releaseBody() {
	p.Body = model.Markdown{}
	switch {
	case p.Concern != nil:
		p.Concern.Body = model.Markdown{}
	case p.Team != nil:
		p.Team.Body = model.Markdown{}
	case p.Meeting != nil:
		p.Meeting.Body = model.Markdown{}
	case p.Doc != nil:
		p.Doc.Body = model.Markdown{}
	}
}

// HasCharts reports whether the page draws charts, and so needs the chart
// script.
func (p *Page) HasCharts() bool {
	return p.Layout == "overview" || p.Layout == "charts" || p.Layout == "team"
}

// Crumb is one step of a page's breadcrumb trail.
type Crumb struct {
	Title string
	Path  string
}

// File returns where the page is published: a folder with index.html, so
// that URLs stay pretty on any static host.
func (p *Page) File() string {
	if p.Layout == "404" {
		return "404.html"
	}
	return p.Path + "index.html"
}

var (
	home          = Crumb{Title: "Overview", Path: ""}
	concernsCrumb = Crumb{Title: "Concerns", Path: "concerns/"}
	teamsCrumb    = Crumb{Title: "Teams", Path: "teams/"}
	meetingsCrumb = Crumb{Title: "Meetings", Path: "meetings/"}
	tagsCrumb     = Crumb{Title: "Tags", Path: "tags/"}
)

// pages lists every page of the handbook, in a fixed order.
func pages(s *Site) []*Page {
	h := s.Handbook
	out := []*Page{
		{Layout: "overview", Path: "", Title: h.Config.Title, About: h.Config.Description},
		{Layout: "concerns", Path: "concerns/", Title: "Concerns", About: "Every concern the council has raised, most urgent first.", Crumbs: []Crumb{home}},
		{Layout: "teams", Path: "teams/", Title: "Teams", About: "The teams on the council and the concerns each brought.", Crumbs: []Crumb{home}},
		{Layout: "meetings", Path: "meetings/", Title: "Meetings", About: "Council meetings, newest first.", Crumbs: []Crumb{home}},
		{Layout: "actions", Path: "actions/", Title: "Action items", About: "What the council agreed to do: overdue, open and done.", Crumbs: []Crumb{home}},
		{Layout: "charts", Path: "charts/", Title: "Charts", About: "Where the council's concerns sit by value, effort and risk, per team and over time.", Crumbs: []Crumb{home}},
		{Layout: "tags", Path: "tags/", Title: "Tags", About: "Concerns grouped by tag.", Crumbs: []Crumb{home}},
		{Layout: "404", Path: "404/", Title: "Page not found", Crumbs: []Crumb{home}},
	}
	for _, c := range h.Concerns {
		out = append(out, &Page{Layout: "concern", Path: concernPath(c), Title: c.Title,
			Crumbs: []Crumb{home, concernsCrumb}, Source: c.File, Concern: c, Body: c.Body})
	}
	for _, t := range h.Teams {
		out = append(out, &Page{Layout: "team", Path: teamPath(t), Title: t.Title,
			Crumbs: []Crumb{home, teamsCrumb}, Source: t.File, Team: t, Body: t.Body})
	}
	for _, m := range h.Meetings {
		out = append(out, &Page{Layout: "meeting", Path: meetingPath(m), Title: m.Title,
			Crumbs: []Crumb{home, meetingsCrumb}, Source: m.File, Meeting: m, Body: m.Body})
	}
	for _, t := range h.Tags {
		out = append(out, &Page{Layout: "tag", Path: tagPath(t), Title: "Tagged " + t.Name, About: "Concerns tagged " + t.Name + ".",
			Crumbs: []Crumb{home, tagsCrumb}, Tag: t})
	}
	for _, p := range h.Pages {
		out = append(out, &Page{Layout: "page", Path: p.Slug + "/", Title: p.Title, About: p.Description,
			Crumbs: []Crumb{home}, Source: p.File, Doc: p, Body: p.Body})
	}
	return out
}

func concernPath(c *model.Concern) string { return "concerns/" + c.Slug + "/" }
func teamPath(t *model.Team) string       { return "teams/" + t.Slug + "/" }
func meetingPath(m *model.Meeting) string { return "meetings/" + m.Slug + "/" }
func tagPath(t *model.Tag) string         { return "tags/" + t.Slug + "/" }

// pathOf returns the page path of anything that has a page.
func pathOf(v any) (string, bool) {
	switch x := v.(type) {
	case *model.Concern:
		return concernPath(x), true
	case *model.Team:
		return teamPath(x), true
	case *model.Meeting:
		return meetingPath(x), true
	case *model.Tag:
		return tagPath(x), true
	case *model.Page:
		return x.Slug + "/", true
	case string:
		return x, true
	}
	return "", false
}

func concernSummary(c *model.Concern) string {
	return fmt.Sprintf("%s: value %s, effort %s, priority %.1f (rank %d).", c.Team.Name(), c.Value.Text, c.Effort.Text, c.Priority.Score, c.Rank)
}

func teamSummary(t *model.Team) string {
	return fmt.Sprintf("%s on the reliability council: %s, %s.", t.Title, model.Plural(len(t.Concerns), "concern"), model.Plural(len(t.Actions), "action item"))
}

func meetingSummary(m *model.Meeting) string {
	return fmt.Sprintf("Council meeting of %s: %s discussed, %s.", longDate(m.Date), model.Plural(len(m.Concerns), "concern"), model.Plural(len(m.Actions), "action item"))
}
