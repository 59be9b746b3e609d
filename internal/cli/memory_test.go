package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryBudget follows the limit through a build's collections: the
// budget while what is live leaves it room and the collector's share of
// the CPU is small, or while it is too soon to tell, the ceiling for a
// collection that finds too much live, the ceiling for good once keeping
// to the budget has cost too much over the last window, and no limit while
// what is live leaves the ceiling too little room.
func TestMemoryBudget(t *testing.T) {
	b := memoryBudget{budget: 100, ceiling: 400, spare: 0.6, ceilingSpare: 0.8, maxGC: 0.2, settle: 1, window: 0.5}
	for i, step := range []struct {
		live    uint64
		used    float64 // seconds of CPU the process has used
		gc      float64 // of which the collector's
		want    int64
		givenUp bool
	}{
		{10, 2, 1, 100, false},             // the first collection paced
		{60, 2.5, 1.25, 100, false},        // half the CPU since: too soon to tell
		{61, 3, 1.34, 400, false},          // under a fifth since the last: too much live, though
		{50, 3.5, 1.39, 100, false},        // room again, and the costly start is past
		{50, 4, 1.52, 400, true},           // the budget costs too much
		{10, 5, 1.6, 400, true},            // and stays given up
		{320, 6, 1.7, 400, true},           // the ceiling, with room to spare
		{321, 7, 1.8, math.MaxInt64, true}, // too little: no limit
		{200, 8, 1.9, 400, true},           // room again
	} {
		if !b.givenUp {
			b.note(cpuUse{gc: step.gc, used: step.used})
		}
		if got := b.limit(step.live); got != step.want || b.givenUp != step.givenUp {
			t.Errorf("collection %d (live %d, %.2f of %.1f s of CPU): limit %d, given up %v; want %d, %v", i, step.live, step.gc, step.used, got, b.givenUp, step.want, step.givenUp)
		}
	}
	if len(b.recent) > 3 {
		t.Errorf("the budget keeps %d collections, more than its window's", len(b.recent))
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
