package build

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// TestCostlyBodiesAreRefused gives a concern and a meeting bodies that
// would keep goldmark busy for seconds (links never finished) or make it
// allocate gigabytes (a table far wider than its rows): check and build
// both refuse each, at its line, and say what to change.
func TestCostlyBodiesAreRefused(t *testing.T) {
	dir := copySite(t)
	lines := func(body string) int { return strings.Count(body, "\n") }
	var concernLine, meetingLine int
	edit(t, dir, "content/concerns/coverage.md", func(s string) string {
		concernLine = lines(s) + 4
		return s + "\nA paragraph first.\n\n" + strings.Repeat("[a](", 50000) + "\n"
	})
	edit(t, dir, "content/meetings/first.md", func(s string) string {
		meetingLine = lines(s) + 2 // the header row
		return s + "\n" + strings.Repeat("a|", 4000) + "\n" + strings.Repeat("-|", 4000) + "\n" + strings.Repeat("a\n", 3000)
	})
	want := []string{
		"content/concerns/coverage.md:" + strconv.Itoa(concernLine) + ": this paragraph has 50000 ] marks",
		"content/meetings/first.md:" + strconv.Itoa(meetingLine) + ": this table has 4000 columns",
	}
	_, checkErr := Check(dir, fixtureDay)
	_, buildErr := build(dir)
	for name, err := range map[string]error{"check": checkErr, "build": buildErr} {
		var list model.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("%s: got %v, want the problems at their places", name, err)
		}
		for _, w := range want {
			if !strings.Contains(list.Error(), w) {
				t.Errorf("%s: no %q in\n%v", name, w, list)
			}
		}
	}
}
