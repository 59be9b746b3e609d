package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryBudget follows the limit through a build's collections: the
// budget while it leaves room past what is live and the collector's share
// of the CPU is small, or while it is too soon to tell; the lowest step
// above it that leaves room, for a collection that finds too much live,
// the target first; a floor a step above the last window's lowest limit
// once keeping to that cost too much, more readily above the budget than
// at it; the ceiling for good once nothing under it is cheap; and no limit
// while what is live leaves the ceiling too little room.
func TestMemoryBudget(t *testing.T) {
	// The ladder: 100, 120, 150, 225, 337, 400. A limit leaves room for
	// live bytes when 0.97 × (limit − other) ≥ 1.25 × live.
	b := memoryBudget{budget: 100, target: 120, ceiling: 400, step: 1.5, keepRoom: 0.25, room: 0.25, ceilingSpare: 0.8, maxGC: 0.2, maxPast: 0.1, settle: 1, window: 0.5}
	for _, step := range [][2]int64{{0, 120}, {100, 120}, {119, 120}, {120, 150}, {149, 150}, {150, 225}, {225, 337}, {337, 400}} {
		if got := b.above(step[0]); got != step[1] {
			t.Errorf("a step above %d: %d, want %d", step[0], got, step[1])
		}
	}
	limit := b.budget
	for i, step := range []struct {
		live, other uint64
		used        float64 // seconds of CPU the process has used
		gc          float64 // of which the collector's
		want        int64
		loose       bool // the limit left the heap as much room as Go would
	}{
		{50, 20, 2, 1, 100, false},             // the first collection paced
		{70, 20, 2.5, 1.25, 120, false},        // too little room: the target, for now; too soon to tell
		{50, 20, 3, 1.29, 100, false},          // room again; under a tenth over a window above the budget
		{50, 20, 3.5, 1.38, 100, false},        // under a fifth over a window at the budget
		{50, 20, 4, 1.52, 120, false},          // more: the budget costs too much
		{50, 20, 4.3, 1.55, 120, false},        // the floor, though the budget has room
		{110, 20, 4.6, 1.575, 225, false},      // the first step above the floor with room for more live
		{110, 20, 5, 1.61, 225, false},         // under a tenth over the window
		{110, 20, 5.2, 1.69, 337, false},       // more, though under a fifth: a step above the window's lowest, 225
		{50, 20, 5.5, 1.73, 337, false},        // the new floor
		{50, 20, 6, 1.85, 337, true},           // too much, but not for want of room
		{50, 20, 6.5, 1.98, 400, false},        // too much again: the ceiling, for good
		{50, 20, 9, 2.9, 400, false},           // which is never judged again
		{321, 20, 10, 3, math.MaxInt64, false}, // too little room under it: no limit
		{200, 20, 11, 3.1, 400, false},         // room again
	} {
		if !b.givenUp() {
			b.note(cpuUse{gc: step.gc, used: step.used, limit: limit, held: !step.loose})
		}
		limit = b.limit(step.live, step.other)
		if limit != step.want {
			t.Errorf("collection %d (live %d, %.2f of %.1f s of CPU): limit %d, want %d", i, step.live, step.gc, step.used, limit, step.want)
		}
	}
	if len(b.recent) > 3 {
		t.Errorf("the budget keeps %d collections, more than its window's", len(b.recent))
	}
}

// TestTargetCostsAsTheBudget wants the collector's share at the target,
// which still keeps a build to its goal, held to the budget's bound, and
// above the target to the lower bound of the steps past it.
func TestTargetCostsAsTheBudget(t *testing.T) {
	b := memoryBudget{budget: 100, target: 120, ceiling: 400, step: 1.5, keepRoom: 0.25, room: 0.25, ceilingSpare: 0.8, maxGC: 0.2, maxPast: 0.1, window: 0.5}
	b.floor = b.target
	for i, step := range []struct {
		used, gc float64
		limit    int64
		floor    int64
	}{
		{2, 1, 120, 120},
		{2.5, 1.075, 120, 120}, // 0.15 at the target: over maxPast, under maxGC
		{3, 1.2, 120, 150},     // 0.25: over maxGC
		{3.5, 1.275, 150, 225}, // 0.15 above the target: over maxPast
	} {
		b.note(cpuUse{gc: step.gc, used: step.used, limit: step.limit, held: true})
		if b.floor != step.floor {
			t.Errorf("window %d, at %d: floor %d, want %d", i, step.limit, b.floor, step.floor)
		}
	}
}

// TestRoomKeepsToTheTarget wants the heap left less room under the budget
// and the target than past them: a build keeps to its goal while the
// collector's share allows it.
func TestRoomKeepsToTheTarget(t *testing.T) {
	// 0.97 × (limit − 20) against 1.1 × live up to the target, 1.25 × live
	// past it.
	b := memoryBudget{budget: 100, target: 120, ceiling: 400, step: 1.5, keepRoom: 0.1, room: 0.25, ceilingSpare: 0.8}
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{70, 100},  // 97 × 0.80 = 77.6 ≥ 77
		{71, 120},  // 78.1 is more
		{88, 120},  // 96.8 ≤ 97
		{89, 150},  // over at the target; 0.97 × 130 = 126.1 ≥ 1.25 × 89
		{100, 150}, // 125 at room 0.25
		{101, 225}, // 126.25 is more
	} {
		if got := b.limit(c.live, 20); got != c.want {
			t.Errorf("live %d: limit %d, want %d", c.live, got, c.want)
		}
	}
}

// TestBuildPacesItsCollector wants a build to set the budget as its
// memory limit, unless the environment sets a pace of its own.
func TestBuildPacesItsCollector(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	dir := t.TempDir()
	env, _, stderr := testEnv()
	if code := Run(env, []string{"init", dir}); code != exitOK {
		t.Fatalf("init: %d: %s", code, stderr)
	}
	build := func(env Env) int64 {
		t.Helper()
		debug.SetMemoryLimit(math.MaxInt64)
		if code := Run(env, []string{"build", "-s", dir, "-o", t.TempDir()}); code != exitOK {
			t.Fatalf("build: %d: %s", code, stderr)
		}
		return debug.SetMemoryLimit(-1)
	}
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		own := env
		own.Getenv = func(k string) string {
			if k == name {
				return "100"
			}
			return env.Getenv(k)
		}
		if got := build(own); got != math.MaxInt64 {
			t.Errorf("with %s set, the build set a limit of %d bytes", name, got)
		}
	}
	if got := build(env); got != buildMemory.budget {
		t.Errorf("the build's limit is %d bytes, want the budget, %d", got, buildMemory.budget)
	}
}

// TestServePacesItsFirstBuild wants the preview's first build to leave the
// heap the room of firstBuildGCPercent, and the builds after it Go's
// default, unless the environment sets a pace of its own.
func TestServePacesItsFirstBuild(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	pace := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	env, _, _ := testEnv()
	done := paceFirstBuild(env)
	if got := pace(); got != firstBuildGCPercent {
		t.Errorf("during the first build the pace is %d, want %d", got, firstBuildGCPercent)
	}
	done()
	debug.SetGCPercent(150) // as if set by someone else since
	done()
	if got := pace(); got != 150 {
		t.Errorf("after the first build, the pace is %d: done set it again", got)
	}
	debug.SetGCPercent(100)
	done = paceFirstBuild(env)
	done()
	if got := pace(); got != 100 {
		t.Errorf("after the first build the pace is %d, want Go's default, 100", got)
	}
	own := env
	own.Getenv = func(k string) string {
		if k == "GOGC" {
			return "300"
		}
		return env.Getenv(k)
	}
	paceFirstBuild(own)
	if got := pace(); got != 100 {
		t.Errorf("with GOGC set, the first build's pace is %d, want it left as it was", got)
	}
}
