package model

// Team is one team with a seat on the council.
type Team struct {
	Source
	Slug           string
	Title          string
	Representative string
	Members        []string
	Body           Markdown
	// SLO is the team's own service level objective; zero when its
	// concerns count against the site's.
	SLO Share

	Concerns []*Concern // by priority
	Meetings []*Meeting // the meetings it attended, newest first
	Actions  []*Action  // owned by its people or about its concerns
	Budget   *Budget    // the error budget of its own SLO; nil without one

	// What the site's history tells of it, as fields of its own rather
	// than an embedded struct: a template finds a field of an embedded
	// struct by a search that allocates, on every use.

	// History is every change to its file, oldest first.
	History []Change
}
