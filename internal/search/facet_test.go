package search

import (
	"bytes"
	"html/template"
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// TestRowFilters wants a row's data attributes, a value of each facet the
// concern has, escaped as html/template escapes them, and none for a facet
// it has no value of.
func TestRowFilters(t *testing.T) {
	tricky := "a&b <c> \"d\" 'e'\x00f"
	c := &model.Concern{
		Team:       &model.Team{Slug: "data"},
		Status:     "in progress",
		Tags:       []*model.Tag{{Slug: "etl"}, {Slug: "on-call"}},
		Owner:      tricky,
		Observable: model.ObservablePartly,
	}
	var escaped bytes.Buffer
	template.HTMLEscape(&escaped, []byte(tricky))
	want := ` data-team="data" data-status="in progress" data-tag="etl on-call" data-owner="` + escaped.String() + `" data-observable="partly"`
	if got := RowFilters(c); string(got) != want {
		t.Errorf("RowFilters:\n got %s\nwant %s", got, want)
	}
	if got := RowFilters(&model.Concern{Status: "open"}); got != ` data-status="open"` {
		t.Errorf("RowFilters of a concern with only a status: %s", got)
	}
}
