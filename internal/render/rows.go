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
	// asked holds the rows a render that keeps nothing for the next has
	// been asked for, to keep those that more than one table shows: a row
	// only one table shows (a team's, say) is made and let go.
	asked *askedRows
	// shared is set once many pages are being made, when every table is
	// wanted: a render with a next keeps every row, made once, on every
	// core, for the next to reuse (warm); one with no next, a build, makes
	// each row as a table asks for it, while the other cores make other
	// pages. A page made alone (check's sample of each layout, the
	// preview's first look) makes the rows it shows, those of a long table
	// on every core (warmList).
	shared atomic.Bool
	// tables counts the pages a build has still to make that may show
	// rows; when none is left, the rows are let go (tableMade).
	tables atomic.Int64
}

func newRowCache(concerns []*model.Concern, last *kept) *rowCache {
	return &rowCache{concerns: concerns, last: last, done: newFragments[ConcernRow](), made: newFragments[uint64](), asked: newAskedRows()}
}

// row returns the concern's row, rendering it only when neither this render
// nor the last one has it.
func (rc *rowCache) row(c *model.Concern, withTeam bool) (template.HTML, error) {
	r := ConcernRow{Concern: c, WithTeam: withTeam}
	if rc.keepsEveryRow() {
		rc.warm(withTeam)
		return rc.make(r)
	}
	if html, ok := rc.done.lookup(r); ok {
		return html, nil
	}
	if rc.asked.again(r) {
		return rc.make(r)
	}
	return renderFragment(rc.tmpl.get(), rowTemplate, r)
}

// keepsEveryRow reports whether every row is made and kept: many pages are
// being made, and a render follows that will want them.
func (rc *rowCache) keepsEveryRow() bool { return rc.last != nil && rc.shared.Load() }

// warm starts making the rows of every concern, with or without the team
// column, on every core, the first time a table of a render with a next
// asks for them, and returns at once: the next render wants them all.
// Without it, the table of every concern would make them one after another
// on a single core, which at the end of a render leaves the other idle;
// waiting for it would hold up the page that asked, which may show ten
// rows. The rows are made from the last concern back, so that a table
// drawn from the first forward meets them halfway rather than making the
// same rows beside them. A render error is left for row to meet again.
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
// at 10,000 concerns. Once many pages are made, the other cores have pages
// of their own to make.
func (rc *rowCache) warmList(list []*model.Concern, withTeam bool) {
	if rc.shared.Load() || len(list) < longTable {
		return
	}
	rc.asked.keepAll(list, withTeam)
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

// expectTables tells a build's rows how many of its pages may show them.
func (rc *rowCache) expectTables(pages int) { rc.tables.Store(int64(pages)) }

// tableMade tells a build's rows that one of the pages that may show them
// is made. After the last, they are let go: the pages left, thousands of
// concerns and meetings, show none, and at 10,000 concerns the rows are
// 10 MB.
func (rc *rowCache) tableMade() {
	if rc.tables.Add(-1) == 0 {
		rc.forget()
	}
}

// forget lets go of every row, and of what was asked.
func (rc *rowCache) forget() {
	rc.done.forget()
	rc.asked.forget()
}

// askedRows is the set of rows a render has been asked for, to tell the
// rows to keep: those asked for again, and, once one row of a kind (with
// or without the team column) has been, every row of that kind. The
// tables that show one kind of row then show the same rows more than once:
// the list of every concern and those of each tag, say, where the other
// kind stands only in one team's table.
type askedRows struct {
	mu     sync.Mutex
	rows   map[ConcernRow]struct{}
	shared [2]bool // by WithTeam: a row of that kind was asked for again
}

func newAskedRows() *askedRows { return &askedRows{rows: map[ConcernRow]struct{}{}} }

// again reports whether r is to be kept, and notes that r has been asked
// for.
func (a *askedRows) again(r ConcernRow) bool {
	kind := 0
	if r.WithTeam {
		kind = 1
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, asked := a.rows[r]; asked {
		a.shared[kind] = true
		return true
	}
	if a.shared[kind] {
		return true
	}
	a.rows[r] = struct{}{}
	return false
}

// keepAll marks the rows of list, with or without the team column, to keep.
func (a *askedRows) keepAll(list []*model.Concern, withTeam bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, c := range list {
		a.rows[ConcernRow{Concern: c, WithTeam: withTeam}] = struct{}{}
	}
}

// forget lets go of what was asked: the render that asked is over.
func (a *askedRows) forget() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.rows = map[ConcernRow]struct{}{}
	a.shared = [2]bool{}
}
