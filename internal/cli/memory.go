package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// memoryBudget paces the garbage collector of a command that makes a
// handbook once. It keeps the process within budget bytes for as long as
// that is cheap, and otherwise lets the heap grow, as Go does by default,
// by as much as is live, under ceiling while that leaves room, and with
// no limit once it does not.
//
// Go's default alone doubles the live heap: a handbook of 10,000 concerns,
// 60 to 75 MB live while its pages are made, peaked at 180 to 200 MiB. A
// limit alone holds it, but makes the collector run without end once what
// is live nears the limit, and often when the pages make much garbage (a
// handbook of long bodies took a sixth longer). So the budget holds while
// what is live leaves it room (at most spare of it is live), and until it
// costs too much: once it has paced the collector for settle seconds of
// CPU, the collector taking more than maxGC of the CPU the process used in
// the last window seconds gives it up. The last window's share, rather
// than the share since the budget first paced a collection, because a
// build's reading of its sources makes garbage fastest: every build spent
// its first second near the bound, and one of a few gave the budget up
// there, though its pages would have kept well under it. The ceiling
// holds while at most ceilingSpare of it is live: a limit with little room
// above what is live has the collector run without end. A handbook that
// holds that much (10,000 concerns with three million distinct words, 670
// MB live) built in 8.3 to 9.5 s under the ceiling, and in 5.1 to 5.6 s
// without it.
type memoryBudget struct {
	budget, ceiling       int64
	spare, ceilingSpare   float64
	maxGC, settle, window float64
	givenUp               bool
	paced                 bool    // the budget has paced a collection
	start                 float64 // the CPU used at the first it paced
	recent                []cpuUse
}

// The build's memory budget. The process's resident memory is the
// runtime's plus the program's code, about 13 MiB.
var buildMemory = memoryBudget{
	budget:  132 << 20,
	ceiling: 460 << 20, // 50,000 concerns build in under 500 MiB
	spare:   0.62,
	// 50,000 concerns hold at most 270 MB, 0.58 of the ceiling.
	ceilingSpare: 0.8,
	// Paced by the budget, after its first second and a half of CPU, the
	// collector takes 0.10 to 0.16 of the CPU of a build of plain content
	// over each half second, and 0.20 to 0.24 of one of long bodies, which
	// make the most garbage for what they hold and which the budget made
	// a sixth slower. At Go's default pace it takes 0.11 to 0.13. A window
	// of a second smooths the share over a few collections.
	maxGC:  0.18,
	settle: 1.5,
	window: 1,
}

// note tells the budget of a collection it paced, the process having used
// now since it started, and gives the budget up if that costs too much.
func (b *memoryBudget) note(now cpuUse) {
	if !b.paced {
		b.paced, b.start = true, now.used
	}
	b.recent = append(b.recent, now)
	from := -1 // the last collection at least a window ago
	for i, c := range b.recent {
		if now.used-c.used >= b.window {
			from = i
		}
	}
	if from < 0 {
		return
	}
	b.recent = b.recent[from:]
	then := b.recent[0]
	if now.used-b.start >= b.settle && (now.gc-then.gc)/(now.used-then.used) > b.maxGC {
		b.givenUp = true
	}
}

// limit returns the memory limit after a collection that found live bytes
// live.
func (b *memoryBudget) limit(live uint64) int64 {
	switch {
	case float64(live) > b.ceilingSpare*float64(b.ceiling):
		return math.MaxInt64
	case b.givenUp || float64(live) > b.spare*float64(b.budget):
		return b.ceiling
	}
	return b.budget
}

// paceBuild paces the collector of a build to buildMemory, unless
// GOMEMLIMIT or GOGC in env sets its own pace. The pace holds for the rest
// of the process.
func paceBuild(env Env) {
	if env.Getenv("GOMEMLIMIT") != "" || env.Getenv("GOGC") != "" {
		return
	}
	pacing.Do(func() {
		b := buildMemory
		debug.SetMemoryLimit(b.budget)
		samples := []metrics.Sample{
			{Name: "/gc/heap/live:bytes"},
			{Name: "/gc/heap/goal:bytes"},
			{Name: "/cpu/classes/gc/total:cpu-seconds"},
			{Name: "/cpu/classes/total:cpu-seconds"},
			{Name: "/cpu/classes/idle:cpu-seconds"},
		}
		afterEachGC(func() {
			metrics.Read(samples)
			live, goal := samples[0].Value.Uint64(), samples[1].Value.Uint64()
			// The budget paces the collector when it sets the heap a goal
			// under Go's own, twice what is live.
			if !b.givenUp && (b.paced || float64(goal) < 1.9*float64(live)) {
				b.note(cpuUse{gc: samples[2].Value.Float64(), used: samples[3].Value.Float64() - samples[4].Value.Float64()})
			}
			debug.SetMemoryLimit(b.limit(live))
		})
	})
}

// cpuUse is CPU time, in seconds: what the collector took, and what the
// process used in all.
type cpuUse struct{ gc, used float64 }

// pacing paces the collector once a process.
var pacing sync.Once

// afterEachGC calls f after every collection, for as long as the process
// runs, one call at a time.
func afterEachGC(f func()) {
	// The cleanup of an object nothing refers to runs after the collection
	// that finds it so: the runtime's one way to tell of each collection.
	runtime.AddCleanup(&gcSentinel{}, func(f func()) {
		f()
		afterEachGC(f)
	}, f)
}

// gcSentinel is an object for the collector to find unreferenced; it holds
// a pointer so that the allocator does not pack it with others.
type gcSentinel struct{ _ *int }
