package model

import "time"

// Observability answers "can we see this concern in our data today?".
type Observability string

// The answers to "can we see it today?".
const (
	ObservableUnknown Observability = ""
	ObservableYes     Observability = "yes"
	ObservablePartly  Observability = "partly"
	ObservableNo      Observability = "no"
)

// Concern is one worry a team brought to the council, with the council's
// assessment of it.
type Concern struct {
	Source
	Slug  string
	Title string
	Team  *Team

	Value      Level
	Effort     Level
	Risk       Level
	Complexity Level
	Blockers   []string
	Evidence   []string

	Status     string
	Observable Observability
	Signals    []string
	Owner      string
	Tags       []*Tag
	Raised     time.Time // zero when not recorded
	Body       Markdown

	Priority Priority
	// Open says the concern's status is one of the open ones: it still
	// needs work. Only open concerns are ranked.
	Open     bool
	Rank     int        // 1 for the most urgent open concern; 0 for a closed one
	Meetings []*Meeting // the meetings that discussed it, newest first
	Actions  []*Action
}
