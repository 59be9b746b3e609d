// Package parallel runs independent pieces of work on every core: reading
// files and rendering pages are each thousands of them.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls work(i) for every i from 0 to n-1, on as many goroutines as
// there are cores, and returns when all are done. newWorker is called once
// per goroutine, so that each can keep its own buffers. Workers take the
// next index from a shared counter rather than from a channel fed by another
// goroutine, which would hand over every item through the scheduler.
func Each(n int, newWorker func() func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			work := newWorker()
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				work(i)
			}
		})
	}
	wg.Wait()
}
