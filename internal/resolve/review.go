package resolve

import (
	"slices"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// minutesPerDay is the shortest review interval: the council reviews by the
// day.
const minutesPerDay = 24 * 60

// reviewEvery reads scoring.reviewEvery: how often the council means to
// look at each open concern again, such as 90d or 13w.
func reviewEvery(f *fields) model.Duration {
	d := parsed(f, "reviewEvery", model.ParseDuration)
	if d.Text != "" && d.Minutes < minutesPerDay {
		f.failKey("reviewEvery", "%s is less than a day (write the days or weeks between reviews, e.g. 90d or 13w)", d.Text)
		return model.Duration{}
	}
	return d
}

// reviews finds each concern's last review, the later of its reviewed: day
// and its last change (or its raised: day when neither is known), and the
// open concerns whose last review is older than the review interval.
func (r *resolver) reviews(h *model.Handbook) {
	every := r.config.Scoring.ReviewEvery
	interval := time.Duration(every.Minutes * float64(time.Minute))
	for _, c := range h.Concerns {
		last := c.Reviewed
		for _, ch := range c.History {
			if ch.Date.After(last) {
				last = ch.Date
			}
		}
		if last.IsZero() {
			last = c.Raised
		}
		c.LastReview = last
		c.ReviewDue = interval > 0 && !last.IsZero() && r.config.Scoring.IsOpen(c.Status) && h.Today.Sub(last) > interval
		if c.ReviewDue {
			h.ReviewsDue = append(h.ReviewsDue, c)
		}
	}
	slices.SortStableFunc(h.ReviewsDue, func(a, b *model.Concern) int { return a.LastReview.Compare(b.LastReview) })
}
