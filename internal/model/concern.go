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

// Observabilities lists every answer, in the order readers see them.
var Observabilities = []Observability{ObservableYes, ObservablePartly, ObservableNo, ObservableUnknown}

// Label returns the answer as readers see it: "Yes", "Partly", "No" or
// "Not known".
func (o Observability) Label() string {
	switch o {
	case ObservableYes:
		return "Yes"
	case ObservablePartly:
		return "Partly"
	case ObservableNo:
		return "No"
	}
	return "Not known"
}

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

	// The four estimates of Google CRE's risk analysis, each zero when not
	// recorded: how long the risk takes to detect and to repair once it
	// happens, the share of users it affects, and how often it happens.
	ETTD      Duration
	ETTR      Duration
	Impact    Share
	Frequency Rate
	// Confidence is how sure the council is of its estimates, for RICE;
	// zero when not recorded.
	Confidence Share
	// Urgency is how fast the value of dealing with it decays, WSJF's time
	// criticality; written like risk.
	Urgency Level

	Status     string
	Observable Observability
	Signals    []string
	Owner      string
	Tags       []*Tag
	Raised     time.Time // zero when not recorded
	Body       Markdown

	Priority Priority
	Rank     int        // 1 for the most urgent open concern; 0 for a closed one
	Meetings []*Meeting // the meetings that discussed it, newest first
	Actions  []*Action

	// Exposure is its expected bad minutes a year, from the four estimates:
	// never nil once resolved, and shared by the concerns with none.
	Exposure *Exposure
	// Allocation is its place in its error budget; nil when it is not
	// estimated or has no budget to count against.
	Allocation *Allocation

	// What the site's history tells of it, as fields of its own rather
	// than an embedded struct: a template finds a field of an embedded
	// struct by a search that allocates, on every use.

	// History is every change to it, oldest first; empty when the history
	// is not available.
	History []Change
	// States is how it stood after each change, oldest first; the last is
	// how it stands now. Empty when the history is not available.
	States []ConcernState
	// Closed is the day it last moved to a closed status, when it has one
	// now; zero when it is open or the history does not tell.
	Closed time.Time
	// Reviewed is the day the council last reviewed it, from reviewed:;
	// zero when not written.
	Reviewed time.Time
	// LastReview is the later of Reviewed and the day of its last change;
	// zero when neither is known.
	LastReview time.Time
	// Open says the concern's status is one of the open ones: it still
	// needs work. Only open concerns are ranked.
	Open bool
	// ReviewDue is true when it is open and its last review is older than
	// the council's review interval (scoring.reviewEvery).
	ReviewDue bool
}
