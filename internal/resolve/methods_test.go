package resolve

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// TestMethods resolves the fixture site of each scoring method in
// testdata/methods and compares its ranking, its error budgets and its
// warnings with the archive's "want" file, worked out by hand.
func TestMethods(t *testing.T) {
	eachArchive(t, "testdata/methods/*.txtar", func(t *testing.T, dir string) string {
		site, err := load.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		h, err := Resolve(site, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		return ranking(h)
	})
}

// ranking writes out what the scoring method made of a handbook.
func ranking(h *model.Handbook) string {
	var b strings.Builder
	n := model.FormatNumber
	fmt.Fprintf(&b, "ranked by %s\n", h.Config.Scoring.Method.Name)
	for _, c := range h.Concerns {
		switch p := c.Priority; {
		case !p.Scored:
			fmt.Fprintf(&b, "%d %s not yet estimated: %s\n", c.Rank, c.Slug, p.Missing)
		case p.Working != "":
			fmt.Fprintf(&b, "%d %s %s: %s\n", c.Rank, c.Slug, n(p.Score), p.Working)
		default:
			fmt.Fprintf(&b, "%d %s %s\n", c.Rank, c.Slug, n(p.Score))
		}
	}
	for _, bg := range h.Budgets {
		owner := "site"
		if bg.Team != nil {
			owner = bg.Team.Slug
		}
		fmt.Fprintf(&b, "budget %s, SLO %s: %s minutes, cap %s (%s)\n", owner, bg.SLO.Text, n(bg.Minutes), n(bg.Cap), bg.CapShare.Text)
		for _, a := range bg.Allocations {
			state := "does not fit"
			switch {
			case a.MustFix:
				state = "must fix"
			case a.Fits:
				state = "fits"
			}
			fmt.Fprintf(&b, "  %s %s (%s%%), cumulative %s, %s\n", a.Concern.Slug, n(a.Minutes), n(a.Percent), n(a.Cumulative), state)
		}
		for _, c := range bg.NotEstimated {
			fmt.Fprintf(&b, "  %s not yet estimated\n", c.Slug)
		}
		fmt.Fprintf(&b, "  expected %s, accepted %s, unallocated %s, over %s, must fix %d\n", n(bg.Expected), n(bg.Accepted), n(bg.Unallocated), n(bg.Over), bg.MustFix)
	}
	for _, w := range h.Warnings {
		fmt.Fprintf(&b, "warning: %s\n", w)
	}
	return b.String()
}
