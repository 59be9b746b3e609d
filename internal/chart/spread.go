package chart

import (
	"math"

	"github.com/reliability-council/handbook/internal/model"
)

// spot is where a concern's bubble sits on the value × effort square, in
// scores, and the room it has there: the width of its slot, which the
// theme's script turns into the largest bubble that touches no other.
type spot struct {
	Effort, Value, Room float64
}

// cellShare is how much of the way to a neighbouring step a cell's bubbles
// may spread: under half, so that neighbouring cells keep a gap. Towards a
// neighbour with no concerns they may spread a little further, to
// cellReach, but never halfway: a bubble past the middle would sit nearer
// the next level's tick and read as that level.
const (
	cellShare = 0.45
	cellReach = 0.49
)

// spread places every concern in the cell of its rounded ratings, in a
// grid of slots that share the cell, in the order the concerns come (by
// priority): the first top left. Each slot stays on the side of both
// quadrant lines that QuadrantOf counts its concern on, so a bubble is
// drawn in the quadrant it is listed in. The same concerns get the same
// spots on every build.
func (b *Builder) spread(concerns []*model.Concern) map[*model.Concern]spot {
	type cell struct{ x, y int }
	cells := map[cell][]*model.Concern{}
	var order []cell
	for _, c := range concerns {
		k := cell{nearest(b.steps, c.Effort.Score), nearest(b.steps, c.Value.Score)}
		if cells[k] == nil {
			order = append(order, k)
		}
		cells[k] = append(cells[k], c)
	}
	gap := b.stepGap()
	mid := (b.scale.Min() + b.scale.Max()) / 2
	// reach is how far a cell spreads towards its neighbour at dx, dy: far
	// when that neighbour and the two beside it are empty, since a cell
	// beside it could spread into it too.
	empty := func(c cell) bool { return cells[c] == nil }
	reach := func(k cell, dx, dy int) float64 {
		n := cell{k.x + dx, k.y + dy}
		inside := n.x >= 0 && n.y >= 0 && n.x < len(b.steps) && n.y < len(b.steps)
		if inside && empty(n) && empty(cell{n.x + dy, n.y + dx}) && empty(cell{n.x - dy, n.y - dx}) {
			return cellReach * gap
		}
		return cellShare * gap
	}
	spots := make(map[*model.Concern]spot, len(concerns))
	for _, k := range order {
		list := cells[k]
		x0, x1 := side(b.steps[k.x].Score, reach(k, -1, 0), reach(k, 1, 0), mid)
		y0, y1 := side(b.steps[k.y].Score, reach(k, 0, -1), reach(k, 0, 1), mid)
		cols, rows := gridFor(len(list), x1-x0, y1-y0)
		w, h := (x1-x0)/float64(cols), (y1-y0)/float64(rows)
		for i, c := range list {
			col, row := i%cols, i/cols
			spots[c] = spot{
				Effort: round3(x0 + (float64(col)+0.5)*w),
				Value:  round3(y1 - (float64(row)+0.5)*h), // the first row on top
				Room:   round3(min(w, h)),
			}
		}
	}
	return spots
}

// side returns the span a cell centred on score may fill, down and up from
// it, cut at the quadrant line mid so that it keeps to the side its score
// is counted on (a score on the line counts as high).
func side(score, down, up, mid float64) (lo, hi float64) {
	lo, hi = score-down, score+up
	gap := min(down, up) / 10 // a hair off the line, so no bubble sits on it
	if score >= mid {
		lo = max(lo, mid+gap)
	} else {
		hi = min(hi, mid-gap)
	}
	return lo, hi
}

// gridFor chooses columns and rows for n slots in a w × h box so that the
// slots are as large as they can be.
func gridFor(n int, w, h float64) (cols, rows int) {
	best := -1.0
	for c := 1; c <= n; c++ {
		r := (n + c - 1) / c
		if size := min(w/float64(c), h/float64(r)); size > best+1e-9 {
			best, cols, rows = size, c, r
		}
	}
	return cols, rows
}

// stepGap is the smallest distance between two neighbouring steps of the
// axes.
func (b *Builder) stepGap() float64 {
	gap := math.Inf(1)
	for i := 1; i < len(b.steps); i++ {
		gap = min(gap, b.steps[i].Score-b.steps[i-1].Score)
	}
	if math.IsInf(gap, 1) {
		return 1
	}
	return gap
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
