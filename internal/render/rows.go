package render

import (
	"html/template"
	"sync"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// ConcernRow is what the concern-row partial draws: one concern as a row of
// a concern table.
type ConcernRow struct {
	Concern  *model.Concern
	WithTeam bool
}

// rowCache renders each concern's table row once and reuses it. The same
// row stands in the concerns table, its team's, its tags' and perhaps the
// overview, and a rebuild keeps every row whose inputs did not change: with
// thousands of concerns, those rows are most of the work.
type rowCache struct {
	tmpl     *template.Template // any layout: all of them hold the partials
	shell    uint64             // what every row depends on: theme and configuration
	concerns []*model.Concern
	prev     map[uint64]template.HTML
	cur      *fragments[uint64]
	warmed   [2]sync.Once // without and with the team column
}

func newRowCache(concerns []*model.Concern, prev *Output) *rowCache {
	rc := &rowCache{concerns: concerns, cur: newFragments[uint64]()}
	if prev != nil {
		rc.prev = prev.rows
	}
	return rc
}

// row returns the concern's row, rendering it only when neither this render
// nor the last one has it.
func (rc *rowCache) row(c *model.Concern, withTeam bool) (template.HTML, error) {
	rc.warm(withTeam)
	return rc.make(c, withTeam)
}

// warm makes the rows of every concern, with or without the team column, on
// every core, the first time a table asks for them: the table of every
// concern would otherwise make them one after another on a single core,
// which at the end of a build leaves the other idle. A render error is left
// for row to meet again.
func (rc *rowCache) warm(withTeam bool) {
	i := 0
	if withTeam {
		i = 1
	}
	rc.warmed[i].Do(func() {
		parallel.Each(len(rc.concerns), func() func(int) {
			return func(n int) { _, _ = rc.make(rc.concerns[n], withTeam) }
		})
	})
}

func (rc *rowCache) make(c *model.Concern, withTeam bool) (template.HTML, error) {
	key := rc.key(c, withTeam)
	return rc.cur.get(key, func() (template.HTML, error) {
		if html, ok := rc.prev[key]; ok {
			return html, nil
		}
		return renderFragment(rc.tmpl, "concern-row", ConcernRow{Concern: c, WithTeam: withTeam})
	})
}

// key hashes what a row shows: the concern's frontmatter, its rank and its
// team's frontmatter, on top of the theme and configuration.
func (rc *rowCache) key(c *model.Concern, withTeam bool) uint64 {
	h := fnvOffset
	h.word(rc.shell)
	h.front(c.Source)
	h.word(uint64(c.Rank))
	if c.Team != nil {
		h.front(c.Team.Source)
	}
	if withTeam {
		h.word(1)
	}
	return uint64(h)
}
