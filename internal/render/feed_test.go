package render

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// TestDigestCounts: the feed counts a meeting's digest in words whose noun,
// and only the noun, takes the plural.
func TestDigestCounts(t *testing.T) {
	changes := func(n int) []*model.Change { return make([]*model.Change, n) }
	actions := func(n int) []*model.Action { return make([]*model.Action, n) }
	one := model.Digest{Raised: changes(1), Statuses: changes(1), Rescored: changes(1), Moved: changes(1), Agreed: actions(1), Done: actions(1), Overdue: actions(1)}
	two := model.Digest{Raised: changes(2), Statuses: changes(2), Rescored: changes(2), Moved: changes(2), Agreed: actions(2), Done: actions(2), Overdue: actions(2)}
	for _, c := range []struct {
		d    model.Digest
		want []string
	}{
		{one, []string{"1 new concern", "1 status change", "1 re-scoring", "1 concern handed over, retitled or renamed", "1 action item agreed", "1 action item done", "1 action item fallen overdue"}},
		{two, []string{"2 new concerns", "2 status changes", "2 re-scorings", "2 concerns handed over, retitled or renamed", "2 action items agreed", "2 action items done", "2 action items fallen overdue"}},
		{model.Digest{}, nil},
	} {
		if got := digestCounts(c.d); !slices.Equal(got, c.want) {
			t.Errorf("digestCounts: %q, want %q", got, c.want)
		}
	}
}

// TestMeetingEntriesAreTheNewest: of many meetings held, the feed writes
// up the newest feedLength, in its own order (the newest first, and a day's
// by address), whatever order they come in.
func TestMeetingEntriesAreTheNewest(t *testing.T) {
	s := &Site{Config: model.Config{BaseURL: "https://example.org/"}}
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var want []string // every meeting's address, in the feed's order
	for d := range 30 {
		for _, slug := range []string{"b", "a", "c"} { // three a day, not in order
			s.Held = append(s.Held, &model.Meeting{Slug: fmt.Sprintf("%02d-%s", d, slug), Title: "Meeting", Date: day.AddDate(0, 0, d)})
		}
	}
	for d := 29; d >= 0; d-- {
		for _, slug := range []string{"a", "b", "c"} {
			want = append(want, fmt.Sprintf("https://example.org/meetings/%02d-%s/", d, slug))
		}
	}
	var got []string
	for _, e := range meetingEntries(s) {
		got = append(got, e.ID)
	}
	if want = want[:feedLength]; !slices.Equal(got, want) {
		t.Errorf("entries:\n%q\nwant:\n%q", got, want)
	}
}
