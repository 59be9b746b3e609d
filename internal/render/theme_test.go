package render

import (
	"bytes"
	"sync/atomic"
	"testing"
)

// TestDefaultThemeCompiles checks that the default theme runs compiled:
// every template, charts included, and so every page, row and partial of
// the fixture. A template that html/template has to run makes each page
// using it several times slower, and the output alone would not show it.
func TestDefaultThemeCompiles(t *testing.T) {
	j, _ := fixtureJob(t, nil)
	var charts atomic.Int64
	if _, err := j.Run(Emit(func(f File) error {
		charts.Add(int64(bytes.Count(f.Data, []byte(`<figure class="chart`))))
		return nil
	})); err != nil {
		t.Fatal(err)
	}
	if charts.Load() == 0 {
		t.Fatal("the fixture drew no chart")
	}
	for _, layout := range layouts {
		set := j.compiled[layout].get()
		for name, why := range set.Unsupported() {
			t.Errorf("layout %s: html/template runs %s: %s", layout, name, why)
		}
		if n := set.Fallbacks(); n != 0 {
			t.Errorf("layout %s: html/template ran %d times", layout, n)
		}
	}
}
