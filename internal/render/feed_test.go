package render

import (
	"slices"
	"testing"

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
