package resolve

import (
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/load"
)

// TestWarnings resolves each site of testdata/warnings/*.txtar, which has
// no errors, and compares its warnings with the archive's "want" file.
func TestWarnings(t *testing.T) {
	eachArchive(t, "testdata/warnings/*.txtar", func(t *testing.T, dir string) string {
		site, err := load.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		h, err := Resolve(site, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		if len(h.Warnings) == 0 {
			return ""
		}
		return h.Warnings.Error() + "\n"
	})
}
