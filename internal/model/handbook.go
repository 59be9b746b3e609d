package model

import (
	"net/url"
	"strings"
	"time"
)

// Config is the site's configuration from site.yaml.
type Config struct {
	Title       string
	BaseURL     string
	Description string
	Language    string
	Theme       string
	// EditURL, when set, is prefixed to a page's source path to make its
	// "edit this page" link.
	EditURL string
	Scoring Scoring
}

// BasePath returns the path part of the baseURL, ending in /: where the
// handbook lives on its host, so that links work below a folder.
func (c Config) BasePath() string {
	u, err := url.Parse(c.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	if !strings.HasSuffix(u.Path, "/") {
		return u.Path + "/"
	}
	return u.Path
}

// Handbook is the whole resolved handbook: every piece of content, linked to
// the pieces it mentions, in the order readers see it.
type Handbook struct {
	Config Config
	Today  time.Time // the build date, for overdue actions
	// FrontSum identifies what the handbook was resolved from but the text
	// of its bodies: the same sum, the same handbook but for bodies.
	FrontSum uint64
	Teams    []*Team    // by title
	Concerns []*Concern // by priority, highest first
	Meetings []*Meeting // newest first
	Actions  []*Action  // by due date, undated last
	Pages    []*Page    // by slug
	Tags     []*Tag     // by slug
	// Budgets are the error budgets and the risks set against them: the
	// site's SLO first, when it has one, then each team's own, by title.
	Budgets []*Budget
	// What the site's history tells of it, as fields of its own rather
	// than an embedded struct: a template finds a field of an embedded
	// struct by a search that allocates, on every use.

	// HistoryAvailable is true when the site's git history was read.
	HistoryAvailable bool
	// HistoryMissing says why the history is not available and what to do
	// about it; "" when it is, or when it was not asked for.
	HistoryMissing string
	// HistoryHead is the commit the history ends at.
	HistoryHead string
	// Changes are every change, newest first.
	Changes []*Change
	// ChangesSinceMeeting are the changes made after the day of the last
	// meeting held by the build date, newest first: what the next meeting
	// has not seen.
	ChangesSinceMeeting []*Change
	// ReviewsDue are the open concerns whose review is due, the longest
	// unreviewed first.
	ReviewsDue []*Concern
	// Done are the actions done, the most recently done first; those done
	// on a day not known come last, in the order of Actions.
	Done []*Action
	// LastMeeting is the last meeting held by the build date, and
	// NextMeeting the first one dated after it; nil when there is none.
	LastMeeting, NextMeeting *Meeting
	// SinceLastMeeting is what happened after the day of the last meeting
	// held, up to the build date: what the next meeting has not seen.
	SinceLastMeeting Digest
	// Warnings are problems that do not stop a build: things the council
	// may want to tidy, such as an action item with no owner.
	Warnings ErrorList
}
