package render

import (
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// TestRowsKeptWhenShownAgain checks what a build, which keeps nothing for a
// next render, keeps of its concern rows: a row one table shows is made and
// let go; one a second table shows is kept, and from then on every row of
// its kind, as soon as it is made.
func TestRowsKeptWhenShownAgain(t *testing.T) {
	rc, concerns := rowsOfFixture(t)
	rc.shared.Store(true) // many pages are being made
	once := row(t, rc, concerns[0], false)
	if rc.kept(concerns[0], false) {
		t.Error("a row shown once is kept")
	}
	if again := row(t, rc, concerns[0], false); again != once || once == "" {
		t.Errorf("the row shown again differs:\n%s\n%s", once, again)
	}
	if !rc.kept(concerns[0], false) {
		t.Error("a row shown twice is not kept")
	}
	row(t, rc, concerns[1], false)
	if !rc.kept(concerns[1], false) {
		t.Error("once a row of its kind is shown again, a row shown once is not kept")
	}
	row(t, rc, concerns[1], true)
	if rc.kept(concerns[1], true) {
		t.Error("a row of the other kind, shown once, is kept")
	}
	rc.warmList(longList(concerns), true)
	rc.wait()
	if rc.kept(concerns[2], true) {
		t.Error("a build made a long table's rows ahead of it: the other cores have pages of their own")
	}
}

// TestLongTableMadeAhead checks that a page made alone has the rows of its
// long table made ahead of it and kept, each from the moment the table
// may draw it.
func TestLongTableMadeAhead(t *testing.T) {
	rc, concerns := rowsOfFixture(t)
	rc.warmList(longList(concerns), true)
	// The table draws its rows from the first while they are made from
	// the last: each it draws is to be kept, or the two would make it twice.
	if !rc.asked.again(ConcernRow{Concern: concerns[1], WithTeam: true}) {
		t.Error("a long table's rows are not to be kept as it draws them")
	}
	rc.wait()
	for _, c := range concerns {
		if !rc.kept(c, true) {
			t.Fatalf("%s: a long table's row is not kept", c.Slug)
		}
	}
	if rc.kept(concerns[0], false) {
		t.Error("making one kind of row ahead kept the other")
	}
}

func rowsOfFixture(t *testing.T) (*rowCache, []*model.Concern) {
	t.Helper()
	j, h := fixtureJob(t, nil)
	if len(h.Concerns) < 3 {
		t.Fatalf("the fixture has %d concerns, want 3 or more", len(h.Concerns))
	}
	return j.rows, h.Concerns
}

func row(t *testing.T, rc *rowCache, c *model.Concern, withTeam bool) string {
	t.Helper()
	html, err := rc.row(c, withTeam)
	if err != nil {
		t.Fatal(err)
	}
	return string(html)
}

func (rc *rowCache) kept(c *model.Concern, withTeam bool) bool {
	_, ok := rc.done.lookup(ConcernRow{Concern: c, WithTeam: withTeam})
	return ok
}

// longList repeats concerns into a table long enough to be made ahead.
func longList(concerns []*model.Concern) []*model.Concern {
	long := make([]*model.Concern, 0, longTable)
	for len(long) < longTable {
		long = append(long, concerns...)
	}
	return long
}

// TestRowsLetGoAfterTheirTables checks that a build makes first the pages
// whose templates may show concern rows, by the default theme's own
// templates, and lets the rows go once the last of them is made.
func TestRowsLetGoAfterTheirTables(t *testing.T) {
	j, h := fixtureJob(t, nil)
	order, showsRows, tables := j.order(nil)
	for layout, want := range map[string]bool{"concerns": true, "tag": true, "team": true, "overview": true, "agenda": true, "concern": false, "meeting": false, "actions": false} {
		if showsRows[layout] != want {
			t.Errorf("layout %s shows rows: %v, want %v", layout, showsRows[layout], want)
		}
	}
	for n, i := range order {
		if shows := showsRows[j.list[i].Layout]; shows != (n < tables) {
			t.Fatalf("page %d of %d, %s, shows rows %v: the %d that may show rows are not first", n, len(order), j.list[i].Path, shows, tables)
		}
	}

	rc := j.rows
	rc.shared.Store(true)
	rc.expectTables(2)
	row(t, rc, h.Concerns[0], true)
	row(t, rc, h.Concerns[0], true)
	rc.tableMade()
	if !rc.kept(h.Concerns[0], true) {
		t.Fatal("a row shown twice is not kept")
	}
	rc.tableMade()
	if rc.kept(h.Concerns[0], true) {
		t.Error("the rows are kept after the last page that may show them")
	}
}
