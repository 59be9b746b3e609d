package render

import (
	"testing"

	"github.com/reliability-council/handbook/internal/load"
)

// TestDefaultThemeCompiles checks that the default theme runs compiled:
// every template but the chart partial, whose JSON only html/template
// escapes, and every page of the fixture but for its charts. A template
// that html/template has to run makes each page using it several times
// slower, and the output alone would not show it.
func TestDefaultThemeCompiles(t *testing.T) {
	h, src := fixture(t)
	theme, err := load.Theme("../build/testdata/site", "default")
	if err != nil {
		t.Fatal(err)
	}
	j, err := Prepare(h, theme, src.Bodies(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range layouts {
		for name, why := range j.compiled[layout].get().Unsupported() {
			if name != "chart" {
				t.Errorf("layout %s: html/template runs %s: %s", layout, name, why)
			}
		}
	}
	if _, err := j.Run(func(File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	withCharts := map[string]bool{"overview": true, "charts": true, "team": true}
	for _, layout := range layouts {
		if n := j.compiled[layout].get().Fallbacks(); n > 0 && !withCharts[layout] {
			t.Errorf("layout %s: html/template ran %d times", layout, n)
		}
	}
}
