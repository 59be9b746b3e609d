// Package parallel runs independent pieces of work on every core: reading
// files and rendering pages are each thousands of them.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls work(i) for every i from 0 to n-1, on as many goroutines as
// there are cores, and returns when all are done. newWorker is called once
// per goroutine, so that each can keep its own buffers.
func Each(n int, newWorker func() func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for i := range next {
				work(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
