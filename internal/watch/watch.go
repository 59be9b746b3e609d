package watch

import (
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options says which folders to watch and how to batch what changes in them.
type Options struct {
	// Recursive folders are watched with every folder below them, such as
	// SITE/content and SITE/themes. A missing one is fine: it is picked up
	// if it appears later directly inside a watched folder, such as SITE.
	Recursive []string
	// Shallow folders are watched without their subfolders, such as SITE
	// itself for site.yaml. They must exist.
	Shallow []string
	// Ignore, if not nil, reports paths to leave out, on top of editor temp
	// files and .git, such as the output folder. It is given absolute,
	// cleaned paths. No watch is added inside a folder it ignores.
	Ignore func(path string) bool
	// Quiet is how long events must stop before a batch is sent; 0 means
	// 8ms. Events that never stop hold a batch back at most 40 times as
	// long.
	Quiet time.Duration
}

// defaultQuiet is long enough to take in an editor's whole save (rename,
// write, remove) and short enough that nobody notices the wait.
const defaultQuiet = 8 * time.Millisecond

// maxDelayQuiets bounds, in Quiet periods, how long a batch can be held
// back by events that never stop (a process that keeps writing a file), so
// that the site is still rebuilt now and then.
const maxDelayQuiets = 40

// Watcher watches a site's folders and sends what changes in them as
// batches. Make one with New and stop it with Close.
type Watcher struct {
	tree     *tree
	quiet    time.Duration
	maxDelay time.Duration
	batches  chan Batch

	closeOnce sync.Once
	closeErr  error
	done      chan struct{} // closed by Close to stop run
	stopped   chan struct{} // closed by run when it returns
}

// New starts watching the folders opts names. Every watch is in place when
// it returns, so a change made after that is reported. It fails if a
// Shallow folder is missing, if a folder is not a folder, or if a watch
// cannot be added; an error from an inotify limit says how to raise it.
func New(opts Options) (*Watcher, error) {
	if opts.Quiet <= 0 {
		opts.Quiet = defaultQuiet
	}
	t, err := newTree(opts)
	if err != nil {
		return nil, err
	}
	return start(t, t.fsw.Events, t.fsw.Errors, opts.Quiet), nil
}

// start runs the watcher's loop on events and errors, which are fsnotify's
// own except in tests that need to make up an error the kernel rarely gives.
func start(t *tree, events <-chan fsnotify.Event, errs <-chan error, quiet time.Duration) *Watcher {
	w := &Watcher{
		tree:     t,
		quiet:    quiet,
		maxDelay: maxDelayQuiets * quiet,
		batches:  make(chan Batch),
		done:     make(chan struct{}),
		stopped:  make(chan struct{}),
	}
	go w.run(events, errs)
	return w
}

// Batches returns the channel on which batches are sent, one per quiet
// period. While the receiver is busy, later changes merge into one pending
// batch, which it gets as soon as it receives again (if events have been
// quiet for Quiet by then): never a queue of stale batches. The channel is
// closed once the watcher is closed.
func (w *Watcher) Batches() <-chan Batch {
	return w.batches
}

// Close stops watching and waits until the watcher's goroutines have
// returned. Calling it again does nothing and returns the same error.
func (w *Watcher) Close() error {
	w.closeOnce.Do(func() {
		close(w.done)
		<-w.stopped
		w.closeErr = w.tree.fsw.Close()
	})
	return w.closeErr
}
