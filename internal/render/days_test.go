package render

import (
	"sync"
	"testing"
	"time"
)

// TestDayTexts wants each day written as time.Format writes it, whatever
// its hour and location, from goroutines at once, over more days than
// there are slots, so that days take each other's.
func TestDayTexts(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	for _, layout := range []string{longDay, time.DateOnly} {
		d := newDayTexts(layout)
		var wg sync.WaitGroup
		for g := range 4 {
			wg.Go(func() {
				start := time.Date(1999, 12, 31, 23, 30, 0, 0, time.UTC)
				for i := range 3 * dayTextSlots {
					day := start.AddDate(0, 0, (i*7+g)%(3*dayTextSlots))
					if g%2 == 1 {
						day = day.In(tokyo) // another day, at the same moment
					}
					if got, want := d.format(day), day.Format(layout); got != want {
						t.Errorf("%s in %q: got %q", day, layout, got)
						return
					}
				}
			})
		}
		wg.Wait()
	}
}
