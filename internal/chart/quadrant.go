package chart

import "github.com/reliability-council/handbook/internal/model"

// Quadrant is a corner of the value × effort square, as councils draw it.
type Quadrant int

// The four quadrants, in the order readers look at them.
const (
	QuickWins      Quadrant = iota // high value, low effort: top left
	MajorProjects                  // high value, high effort: top right
	FillIns                        // low value, low effort: bottom left
	ThanklessTasks                 // low value, high effort: bottom right
)

var quadrantNames = [...]string{"Quick wins", "Major projects", "Fill-ins", "Thankless tasks"}

// String returns the quadrant's name.
func (q Quadrant) String() string { return quadrantNames[q] }

// QuadrantOf places a concern. The lines run through the middle of the
// scale; a value on the line counts as high and an effort on the line as
// high, so a quick win must be clearly cheaper than average.
func QuadrantOf(scale model.Scale, c *model.Concern) Quadrant {
	return quadrantAt(scale, c.Value.Score, c.Effort.Score)
}

// quadrantAt places a point of the square by its value and effort.
func quadrantAt(scale model.Scale, value, effort float64) Quadrant {
	mid := (scale.Min() + scale.Max()) / 2
	highValue := value >= mid
	lowEffort := effort < mid
	switch {
	case highValue && lowEffort:
		return QuickWins
	case highValue:
		return MajorProjects
	case lowEffort:
		return FillIns
	default:
		return ThanklessTasks
	}
}
