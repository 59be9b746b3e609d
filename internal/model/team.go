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

// Knows reports whether name is the team itself or one of its people.
func (t *Team) Knows(name string) bool {
	if name == "" {
		return false
	}
	if name == t.Slug || name == t.Title || name == t.Representative {
		return true
	}
	for _, m := range t.Members {
		if name == m {
			return true
		}
	}
	return false
}
