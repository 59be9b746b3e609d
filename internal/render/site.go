package render

import (
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/chart"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/search"
)

// Site is what every page's template sees of the whole handbook, computed
// once per build.
type Site struct {
	Handbook *model.Handbook
	// The handbook's own fields, named again rather than embedded: a
	// template finds a field of an embedded struct by a search that
	// allocates, on every use, and every page reads several.
	Config   model.Config
	Today    time.Time
	Teams    []*model.Team
	Concerns []*model.Concern
	Meetings []*model.Meeting
	Held     []*model.Meeting // the meetings held by the build day, newest first
	Pages    []*model.Page
	Tags     []*model.Tag

	Base     string // the baseURL's path, ending in /: links are made from it
	Nav      []NavItem
	Overview Overview
	Actions  ActionsByState
	Charts   *chart.Set
	Agenda   Agenda
	Risk     Risk              // the error budgets, for the error budget page and team pages
	assets   map[string]string // asset name -> published path, for the asset function
	// links holds the address, below the base, of the page of each
	// concern, team, meeting, tag and plain page: made once, and the
	// pages' paths cut from it, rather than once for each link a template
	// draws (26 MB of a build of 10,000 concerns and 5,000 meetings).
	links map[any]string

	// Data names the data files published with the site.
	Data DataFiles
	// SearchIndex is the search index's first file, where the search box
	// starts.
	SearchIndex string
	// SearchFilters are the search page's filters, with the values the
	// handbook has.
	SearchFilters []search.Filter
}

// section returns the path of the navigation's entry whose pages hold the
// page at path: the longest entry path that path starts with, the overview
// aside, since every path starts with its "". A concern's page is in
// "concerns/"; a page that no entry holds, such as the 404 page, in "".
func (s *Site) section(path string) string {
	in := ""
	for _, n := range s.Nav {
		if n.Path != "" && len(n.Path) > len(in) && strings.HasPrefix(path, n.Path) {
			in = n.Path
		}
	}
	return in
}

// NavItem is one entry of the navigation that stays on every page.
type NavItem struct {
	Title string
	Path  string
	Count int // shown beside the entry; 0 shows nothing
}

// Overview holds the counts the front page leads with.
type Overview struct {
	Top            []*model.Concern // the highest-priority open concerns
	ByStatus       []Count
	Observable     Observability
	OpenConcerns   int
	ClosedConcerns int
	// OpenActions counts the action items not done, overdue or not: the
	// overview says how many of them are overdue.
	OpenActions int
}

// Observability counts the concerns by "can we see it in our data today?".
type Observability struct {
	Yes, Partly, No, Unknown int
}

func (o *Observability) add(v model.Observability) {
	switch v {
	case model.ObservableYes:
		o.Yes++
	case model.ObservablePartly:
		o.Partly++
	case model.ObservableNo:
		o.No++
	default:
		o.Unknown++
	}
}

// Count is a number of concerns with a label.
type Count struct {
	Label string
	N     int
}

// ActionsByState splits the action items by where they stand on build day:
// overdue and open by due date, done the most recently done first.
type ActionsByState struct {
	Overdue, Open, Done []*model.Action
}

// topCount is how many concerns the overview lists.
const topCount = 5

func newSite(h *model.Handbook) *Site {
	s := &Site{
		Handbook: h, Config: h.Config, Today: h.Today,
		Teams: h.Teams, Concerns: h.Concerns, Meetings: h.Meetings, Pages: h.Pages, Tags: h.Tags,
		Base: h.Config.BasePath(), Data: dataFiles, SearchIndex: search.ManifestFile,
	}
	s.links = pageLinks(h, s.Base)
	var closed int
	statusCount := map[string]int{}
	for _, c := range h.Concerns {
		statusCount[c.Status]++
		s.Overview.Observable.add(c.Observable)
		if !c.Open {
			closed++
			continue
		}
		if len(s.Overview.Top) < topCount {
			s.Overview.Top = append(s.Overview.Top, c)
		}
	}
	s.Overview.OpenConcerns = len(h.Concerns) - closed
	s.Overview.ClosedConcerns = closed
	for _, st := range h.Config.Scoring.Statuses() {
		s.Overview.ByStatus = append(s.Overview.ByStatus, Count{Label: st, N: statusCount[st]})
	}
	for _, a := range h.Actions {
		switch a.StateOn(h.Today) {
		case model.StateOverdue:
			s.Actions.Overdue = append(s.Actions.Overdue, a)
		case model.StateOpen:
			s.Actions.Open = append(s.Actions.Open, a)
		}
	}
	for _, m := range h.Meetings {
		if !m.Date.IsZero() && !m.Date.After(h.Today) {
			s.Held = append(s.Held, m)
		}
	}
	s.Actions.Done = h.Done
	s.Agenda = newAgenda(h, s.Actions)
	s.Overview.OpenActions = len(s.Actions.Overdue) + len(s.Actions.Open)
	s.Nav = []NavItem{
		{Title: "Overview", Path: ""},
		{Title: "Concerns", Path: concernsDir, Count: len(h.Concerns)},
		{Title: "Teams", Path: teamsDir, Count: len(h.Teams)},
		{Title: "Meetings", Path: meetingsDir, Count: len(h.Meetings)},
		{Title: "Actions", Path: "actions/", Count: len(s.Actions.Overdue) + len(s.Actions.Open)},
		{Title: "What changed", Path: "changes/"},
		{Title: "Agenda", Path: "agenda/"},
		{Title: "Charts", Path: "charts/"},
		{Title: "Error budget", Path: riskPath},
		{Title: "Tags", Path: tagsDir, Count: len(h.Tags)},
	}
	for _, p := range h.Pages {
		s.Nav = append(s.Nav, NavItem{Title: p.Title, Path: p.Slug + "/"})
	}
	return s
}
