package model

import "time"

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

// Handbook is the whole resolved handbook: every piece of content, linked to
// the pieces it mentions, in the order readers see it.
type Handbook struct {
	Config   Config
	Today    time.Time  // the build date, for overdue actions
	Teams    []*Team    // by title
	Concerns []*Concern // by priority, highest first
	Meetings []*Meeting // newest first
	Actions  []*Action  // by due date, undated last
	Pages    []*Page    // by slug
	Tags     []*Tag     // by slug
	// Warnings are problems that do not stop a build: things the council
	// may want to tidy, such as an action item with no owner.
	Warnings ErrorList
}
