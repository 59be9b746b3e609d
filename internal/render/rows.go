package render

import (
	"html/template"
	"sync"
	"sync/atomic"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// rowTemplate draws one concern as a row of a concern table.
const rowTemplate = "concern-row"

// ConcernRow is what the concern-row partial draws: one concern as a row of
// a concern table.
type ConcernRow struct {
	Concern  *model.Concern
	WithTeam bool
}

// rowCache renders each concern's table row once and reuses it. The same
// row stands in the concerns table, its team's, its tags' and perhaps the
// overview, and a rebuild keeps every row whose signature did not change:
// with thousands of concerns, those rows are most of the work.
type rowCache struct {
	tmpl     *compiledLayout // any layout: all of them hold the partials
	deps     *deps
	concerns []*model.Concern
	last     *kept // the last render's rows; nil when no render follows
	done     *fragments[ConcernRow]
	made     *fragments[uint64] // this render's rows by signature, for the next render
	warmed   [2]sync.Once       // without and with the team column
	warming  sync.WaitGroup     // the rows being made ahead of the tables
	// warmedLists is set once a page made alone has a long table, whose
	// rows are then made ahead of it and kept.
	warmedLists atomic.Bool
	// shared is set once many pages are being made, when every table is
	// wanted and rows pay to be made once, on every core, and kept: a page
	// made alone (the preview's first look) makes only its own rows, those
	// of a long table on every core (warmList).
	shared atomic.Bool
}

func newRowCache(concerns []*model.Concern, last *kept) *rowCache {
	return &rowCache{concerns: concerns, last: last, done: newFragments[ConcernRow](), made: newFragments[uint64]()}
}

// row returns the concern's row, rendering it only when neither this render
// nor the last one has it.
func (rc *rowCache) row(c *model.Concern, withTeam bool) (template.HTML, error) {
	r := ConcernRow{Concern: c, WithTeam: withTeam}
	if !rc.shared.Load() {
		if rc.warmedLists.Load() {
			return rc.make(r)
		}
		return renderFragment(rc.tmpl.get(), rowTemplate, r)
	}
	rc.warm(withTeam)
	return rc.make(r)
}

// warm starts making the rows of every concern, with or without the team
// column, on every core, the first time a table asks for them, and returns
// at once. Without it, the table of every concern would make them one after
// another on a single core, which at the end of a build leaves the other
// idle; waiting for it would hold up the page that asked, which may show
// ten rows: the preview's first page. The rows are made from the last
// concern back, so that a table drawn from the first forward meets them
// halfway rather than making the same rows beside them. A render error is
// left for row to meet again.
func (rc *rowCache) warm(withTeam bool) {
	i := 0
	if withTeam {
		i = 1
	}
	rc.warmed[i].Do(func() {
		rc.warming.Go(func() {
			last := len(rc.concerns) - 1
			parallel.Each(len(rc.concerns), func() func(int) {
				return func(n int) { _, _ = rc.make(ConcernRow{Concern: rc.concerns[last-n], WithTeam: withTeam}) }
			})
		})
	})
}

// longTable is the number of rows from which a table of concerns on a page
// made alone has its rows made on every core: at some tens of microseconds
// a row, a shorter one takes a few milliseconds on one.
const longTable = 1000

// warmList starts making the rows of one long table on every core, from its
// last row back, while the table is drawn from its first, when a page is
// made alone: check's sample of each layout, or the preview's first look,
// whose list of every concern would otherwise take one core half a second
// at 10,000 concerns. Once many pages are made, warm has every row made
// already.
func (rc *rowCache) warmList(list []*model.Concern, withTeam bool) {
	if rc.shared.Load() || len(list) < longTable {
		return
	}
	rc.warmedLists.Store(true)
	rc.warming.Go(func() {
		last := len(list) - 1
		parallel.Each(len(list), func() func(int) {
			return func(n int) { _, _ = rc.make(ConcernRow{Concern: list[last-n], WithTeam: withTeam}) }
		})
	})
}

// wait returns once the rows warm started are made.
func (rc *rowCache) wait() { rc.warming.Wait() }

func (rc *rowCache) make(r ConcernRow) (template.HTML, error) {
	return rc.done.get(r, func() (template.HTML, error) {
		if rc.last == nil {
			return renderFragment(rc.tmpl.get(), rowTemplate, r)
		}
		key := rc.deps.concernRow(r)
		return rc.made.get(key, func() (template.HTML, error) {
			if html, ok := rc.last.rows[key]; ok {
				return html, nil
			}
			return renderFragment(rc.tmpl.get(), rowTemplate, r)
		})
	})
}
