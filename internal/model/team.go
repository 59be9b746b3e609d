package model

// Team is one team with a seat on the council.
type Team struct {
	Source
	Slug           string
	Title          string
	Representative string
	Members        []string
	Body           Markdown

	Concerns []*Concern // by priority
	Meetings []*Meeting // the meetings it attended, newest first
	Actions  []*Action  // owned by its people or about its concerns
}
