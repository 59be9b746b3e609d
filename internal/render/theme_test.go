package render

import (
	"bytes"
	"sync/atomic"
	"testing"
)

// TestDefaultThemeCompiles checks that the default theme runs compiled:
// every template but the chart partial, whose JSON only html/template
// escapes, and so every page, row and partial of the fixture but for its
// charts. A template that html/template has to run makes each page using
// it several times slower, and the output alone would not show it.
func TestDefaultThemeCompiles(t *testing.T) {
	j, _ := fixtureJob(t, nil)
	var charts atomic.Int64
	if _, err := j.Run(Emit(func(f File) error {
		charts.Add(int64(bytes.Count(f.Data, []byte(`<figure class="chart`))))
		return nil
	})); err != nil {
		t.Fatal(err)
	}
	var fallbacks int64
	for _, layout := range layouts {
		set := j.compiled[layout].get()
		for name, why := range set.Unsupported() {
			if name != "chart" {
				t.Errorf("layout %s: html/template runs %s: %s", layout, name, why)
			}
		}
		fallbacks += set.Fallbacks()
	}
	if charts.Load() == 0 || fallbacks != charts.Load() {
		t.Errorf("html/template ran %d times for %d charts, want once for each chart and for nothing else", fallbacks, charts.Load())
	}
}
