package model

// Page is a plain page such as "How we score", published at /SLUG/.
type Page struct {
	Source
	Slug        string
	Title       string
	Description string
	Body        Markdown
}

// Tag groups the concerns that share a tag.
type Tag struct {
	Name     string
	Slug     string
	Concerns []*Concern // by priority
}
