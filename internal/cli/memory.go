package cli

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// memoryBudget paces the garbage collector of a command that makes a
// handbook once, by the memory limit it sets after each collection.
//
// Go's default lets the heap grow by as much as is live between
// collections: a handbook of 10,000 concerns, 60 to 75 MB live while its
// pages are made, peaked at 180 to 200 MiB. A limit alone holds it, but
// makes the collector run without end once what is live nears the limit,
// and often when the pages make much garbage. So the limit is one of a
// ladder: the budget; the target, the most that keeps a build of 10,000
// concerns under the 150 MiB it is to keep to; and each step above the
// budget, from there up to the ceiling. After each collection it is the
// lowest, from a floor up, that leaves the heap room past what is live.
// The floor starts at the budget, and rises a step above the lowest limit
// of the last window whenever the collector took too much of the CPU over
// it: more than maxGC at the budget or the target, more than maxPast above
// them, where the handbook is past its goal anyway and memory is spared
// only while that costs little.
//
// The last window's share, rather than the share since the budget first
// paced a collection, because a build's reading of its sources makes
// garbage fastest: every build spent its first second near the budget, and
// one of a few gave it up there, though its pages would have kept well
// under it; and none before settle seconds of CPU. At the ceiling, which
// the floor reaches once nothing under it is cheap, the collector keeps
// Go's own pace; and where more than ceilingSpare of the ceiling is live,
// the heap has no limit: a limit with little room above what is live has
// the collector run without end (a handbook of 10,000 concerns with three
// million distinct words, 670 MB live, built in 8.3 to 9.5 s under the
// ceiling, and in 5.1 to 5.6 s without it).
type memoryBudget struct {
	budget, ceiling int64
	target          int64   // the first step past the budget, short of the next
	step            float64 // each limit above the budget is this much the one below
	// room is the least the heap is left to grow past what is live, as a
	// share of it: keepRoom at the budget and the target, where the build
	// keeps to its goal, and room above them, where it is past it anyway.
	keepRoom, room, ceilingSpare float64
	maxGC, maxPast               float64
	settle, window               float64
	floor                        int64   // the lowest limit now, once past the budget
	paced                        bool    // the budget has paced a collection
	start                        float64 // the CPU used at the first it paced
	recent                       []cpuUse
}

// The build's memory budget. The process's resident memory is the
// runtime's plus the program's code: 9 to 11 MiB past the limit, in
// builds that kept to it (141 to 142 MiB at the budget).
var buildMemory = memoryBudget{
	budget: 132 << 20,
	// The handbook of short bodies and long lists needs a little more
	// than the budget for a collection or two, when what is live peaks
	// (80 MB), and its collector takes 0.2 to 0.26 of the CPU at the
	// budget in its pages and 0.15 to 0.17 at the target: it keeps under
	// 150 MiB there (142 to 149 MiB in warm builds), rather than more at
	// the step above, in the same time.
	target:  138 << 20,
	ceiling: 460 << 20, // 50,000 concerns build in under 500 MiB
	// Small steps leave a handbook that needs more than the target
	// little more than it needs: the one of 5,000 meetings peaked at 167
	// to 169 MiB, against 171 to 178 with steps of 1.15, in the same
	// time, and 50,000 concerns at 340 MiB, against 345.
	step: 1.08,
	// A heap left a tenth of what is live to grow into is collected
	// often, but in a build of 10,000 concerns the collector then takes
	// 0.15 to 0.35 of the CPU over a second, which maxGC allows: the
	// handbook of 5,000 meetings and hundreds of tags, 85 to 95 MB live
	// in its pages and as its search index is made, kept to the target
	// rather than two or three steps past it (144 MiB in three builds,
	// against 160 to 172), in 3 to 10 per cent more CPU. Past the target
	// a handbook is past its goal anyway: 50,000 concerns build as fast
	// as with a quarter everywhere.
	keepRoom: 0.10,
	room:     0.25,
	// 50,000 concerns hold at most 270 MB, 0.58 of the ceiling.
	ceilingSpare: 0.8,
	// Paced by the budget, after its first second and a half of CPU, the
	// collector takes 0.10 to 0.16 of the CPU of a build of plain content
	// over each second, 0.20 to 0.30 of one of long bodies or long lists,
	// and up to 0.35 while a large handbook's history is read and its
	// search index made. A window of a second smooths the share over a
	// few collections.
	maxGC: 0.35,
	// At Go's own pace the collector takes 0.07 to 0.13 of a build's CPU.
	// Kept to 0.14 past the budget, the generated handbooks of short
	// bodies with long lists and of long bodies build as fast as at Go's
	// pace, in less memory; the one of 5,000 meetings and hundreds of
	// tags takes 6 to 8 per cent more CPU.
	maxPast: 0.14,
	settle:  1.5,
	window:  1,
}

// note tells the budget of a collection it paced: the CPU the process had
// used by then, and the limit it was paced to. It raises the floor if the
// last window cost too much.
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
	lowest := int64(math.MaxInt64) // the least limit over the window
	held := false                  // whether a limit held the heap under Go's own pace
	for _, c := range b.recent[1:] {
		lowest, held = min(lowest, c.limit), held || c.held
	}
	bound := b.maxGC
	if lowest > max(b.budget, b.target) {
		bound = b.maxPast
	}
	// A limit that let the heap grow about as far as Go would does not
	// make the collector run more: a higher one would spare it nothing.
	if held && now.used-b.start >= b.settle && (now.gc-then.gc)/(now.used-then.used) > bound {
		b.floor = b.above(max(b.floor, lowest))
		b.recent = append(b.recent[:0], now) // the new floor is judged by a window of its own
	}
}

// givenUp reports whether no limit under the ceiling is cheap.
func (b *memoryBudget) givenUp() bool { return b.floor >= b.ceiling }

// above returns the limit a step above limit, short of the ceiling.
func (b *memoryBudget) above(limit int64) int64 {
	if limit < b.target {
		return b.target
	}
	next := b.budget
	for next <= limit {
		next = int64(float64(next) * b.step)
	}
	return min(b.ceiling, next)
}

// limit returns the memory limit after a collection that found live bytes
// live, the runtime holding other bytes under the limit that hold no
// objects (room inside spans, its own data, stacks).
func (b *memoryBudget) limit(live, other uint64) int64 {
	if float64(live) > b.ceilingSpare*float64(b.ceiling) {
		return math.MaxInt64
	}
	// The runtime's goal for the heap under a limit is 0.97 of the limit
	// less what holds no objects.
	l := max(b.floor, b.budget)
	for l < b.ceiling && 0.97*float64(l-int64(other)) < (1+b.roomAt(l))*float64(live) {
		l = b.above(l)
	}
	return l
}

// roomAt returns the least room the heap is left under the limit l.
func (b *memoryBudget) roomAt(l int64) float64 {
	if l <= max(b.budget, b.target) {
		return b.keepRoom
	}
	return b.room
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
			{Name: "/memory/classes/total:bytes"},
			{Name: "/memory/classes/heap/released:bytes"},
			{Name: "/memory/classes/heap/free:bytes"},
			{Name: "/memory/classes/heap/objects:bytes"},
		}
		limit := b.budget
		afterEachGC(func() {
			metrics.Read(samples)
			live, goal := samples[0].Value.Uint64(), samples[1].Value.Uint64()
			// The budget paces the collector when it sets the heap a goal
			// under Go's own, twice what is live.
			if !b.givenUp() && (b.paced || float64(goal) < 1.9*float64(live)) {
				b.note(cpuUse{
					gc: samples[2].Value.Float64(), used: samples[3].Value.Float64() - samples[4].Value.Float64(),
					limit: limit, held: float64(goal) < 1.8*float64(live),
				})
			}
			other := samples[5].Value.Uint64() - samples[6].Value.Uint64() - samples[7].Value.Uint64() - samples[8].Value.Uint64()
			limit = b.limit(live, other)
			debug.SetMemoryLimit(limit)
		})
	})
}

// cpuUse is CPU time, in seconds, at a collection: what the collector
// took, and what the process used in all; with the limit it was paced to,
// and whether that held the heap's goal under Go's own, leaving it room
// for less than 0.8 of what is live.
type cpuUse struct {
	gc, used float64
	limit    int64
	held     bool
}

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
