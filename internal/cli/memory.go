package cli

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// memoryBudget paces the garbage collector of a command that makes a
// handbook once. It keeps the process within budget bytes for as long as
// that is cheap, and otherwise lets the heap grow, as Go does by default,
// by as much as is live, under ceiling.
//
// Go's default alone doubles the live heap: a handbook of 10,000 concerns,
// 60 to 75 MB live while its pages are made, peaked at 180 to 200 MiB. A
// limit alone holds it, but makes the collector run without end once what
// is live nears the limit, and often when the pages make much garbage (a
// handbook of long bodies took a tenth longer). So the budget holds while
// what is live leaves it room (at most spare of it is live), and until
// keeping to it has cost the collector more than maxGC of the CPU the
// process used; then the process gives it up.
type memoryBudget struct {
	budget, ceiling int64
	spare           float64
	maxGC           float64
	givenUp         bool
}

// The build's memory budget. The process's resident memory is the
// runtime's plus the program's code, about 13 MiB.
var buildMemory = memoryBudget{
	budget:  132 << 20,
	ceiling: 460 << 20, // 50,000 concerns build in under 500 MiB
	spare:   0.62,
	maxGC:   0.17, // at Go's default pace, the collector takes 0.11 to 0.13 of a build
}

// limit returns the memory limit after a collection that found live bytes
// live, the collector having taken gcShare of the CPU used so far.
func (b *memoryBudget) limit(live uint64, gcShare float64) int64 {
	if gcShare > b.maxGC {
		b.givenUp = true
	}
	if b.givenUp || float64(live) > b.spare*float64(b.budget) {
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
			{Name: "/cpu/classes/gc/total:cpu-seconds"},
			{Name: "/cpu/classes/total:cpu-seconds"},
			{Name: "/cpu/classes/idle:cpu-seconds"},
		}
		afterEachGC(func() {
			metrics.Read(samples)
			gc, total, idle := samples[1].Value.Float64(), samples[2].Value.Float64(), samples[3].Value.Float64()
			var share float64
			if used := total - idle; used > 0 {
				share = gc / used
			}
			debug.SetMemoryLimit(b.limit(samples[0].Value.Uint64(), share))
		})
	})
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
