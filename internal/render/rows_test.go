package render

import (
	"testing"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// TestRowsKeptWhenShownAgain checks what a build, which keeps nothing for a
// next render, keeps of its concern rows: a row one table shows is made and
// let go, one a second table shows is kept, and a long table's rows are
// kept from the first, since they are made ahead of it on every core.
func TestRowsKeptWhenShownAgain(t *testing.T) {
	h, src := fixture(t)
	theme, err := load.Theme("../build/testdata/site", "default")
	if err != nil {
		t.Fatal(err)
	}
	j, err := Prepare(h, theme, src.Bodies(), nil)
	if err != nil {
		t.Fatal(err)
	}
	rc := j.rows
	rc.shared.Store(true) // many pages are being made
	kept := func(c *model.Concern, withTeam bool) bool {
		_, ok := rc.done.lookup(ConcernRow{Concern: c, WithTeam: withTeam})
		return ok
	}
	c := h.Concerns[0]
	once, err := rc.row(c, false)
	if err != nil {
		t.Fatal(err)
	}
	if kept(c, false) {
		t.Error("a row shown once is kept")
	}
	again, err := rc.row(c, false)
	if err != nil {
		t.Fatal(err)
	}
	if !kept(c, false) {
		t.Error("a row shown twice is not kept")
	}
	if once != again || once == "" {
		t.Errorf("the row shown again differs:\n%s\n%s", once, again)
	}

	long := make([]*model.Concern, 0, longTable)
	for len(long) < longTable {
		long = append(long, h.Concerns...)
	}
	rc.warmList(long, true)
	// The table draws its rows from the first while they are made from
	// the last: each it draws is to be kept, or the two would make it twice.
	if !rc.asked.again(ConcernRow{Concern: h.Concerns[1], WithTeam: true}) {
		t.Error("a long table's rows are not to be kept as it draws them")
	}
	rc.wait()
	for _, c := range h.Concerns {
		if !kept(c, true) {
			t.Fatalf("%s: a long table's row is not kept", c.Slug)
		}
	}
	if kept(h.Concerns[len(h.Concerns)-1], false) {
		t.Error("warming one kind of row kept the other")
	}
}
