package history

import "github.com/reliability-council/handbook/internal/load"

// Cache keeps the last history it read, for a session that builds the same
// site again and again: while the repository's head stays where it was,
// reading the history again costs one git rev-parse and gives the same
// History. A Cache serves one site and one goroutine.
type Cache struct {
	last *load.History
}

// Read returns the history of the site in dir, as Read does.
func (c *Cache) Read(dir string) *load.History {
	r, missing := openRepo(dir)
	switch {
	case missing != "" && c.last != nil && c.last.Missing == missing:
		return c.last
	case missing != "":
		c.last = &load.History{Missing: missing}
	case c.last != nil && c.last.Head == r.head && c.last.Available():
		return c.last
	default:
		log, err := r.read()
		if err != nil {
			log = &load.History{Head: r.head, Missing: err.Error()}
		}
		c.last = log
	}
	return c.last
}
