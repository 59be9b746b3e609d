package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestMemoryBudget follows the limit through a build's collections: the
// budget while what is live leaves it room and the collector's share of
// the CPU is small, the ceiling for a collection that finds too much live,
// the ceiling for good once keeping to the budget has cost too much, and
// no limit while what is live leaves the ceiling too little room.
func TestMemoryBudget(t *testing.T) {
	b := memoryBudget{budget: 100, ceiling: 400, spare: 0.6, ceilingSpare: 0.8, maxGC: 0.2, window: 1}
	for i, step := range []struct {
		live        uint64
		share, used float64
		want        int64
	}{
		{10, 0, 0, 100},
		{60, 0.3, 0.5, 100},          // a costly start: too soon to tell
		{61, 0.15, 1, 400},           // too much live: room for the collector to work in
		{50, 0.15, 1.5, 100},         // room again
		{50, 0.21, 2, 400},           // the budget costs too much
		{10, 0.1, 3, 400},            // and stays given up
		{320, 0.1, 4, 400},           // the ceiling, with room to spare
		{321, 0.1, 5, math.MaxInt64}, // too little: no limit
		{200, 0.1, 6, 400},           // room again
	} {
		if got := b.limit(step.live, step.share, step.used); got != step.want {
			t.Errorf("collection %d (live %d, share %.2f over %.1f s): limit %d, want %d", i, step.live, step.share, step.used, got, step.want)
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
