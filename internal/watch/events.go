package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/fsnotify/fsnotify"
)

// run turns events and errors into batches until Close. It is the only
// goroutine that touches the tree and the pending batch after New, so
// neither needs a lock.
//
// Each recorded change restarts the quiet timer; when it fires the batch is
// due, and it is offered on w.batches until the receiver takes it. A change
// while it waits merges into it and restarts the timer, so the receiver
// gets one batch with everything rather than a queue of stale ones.
func (w *Watcher) run(events <-chan fsnotify.Event, errs <-chan error) {
	defer close(w.stopped)
	defer close(w.batches)

	var (
		p     pending
		first time.Time // of the first change in p; zero if p is empty
		due   Batch
		isDue bool
	)
	timer := time.NewTimer(w.quiet)
	timer.Stop()
	defer timer.Stop()
	changed := func() {
		now := time.Now()
		if first.IsZero() {
			first = now
		}
		isDue = false
		timer.Reset(min(w.quiet, first.Add(w.maxDelay).Sub(now)))
	}

	for {
		var out chan<- Batch
		if isDue {
			out = w.batches
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			if w.handle(&p, ev) {
				changed()
			}
		case err, ok := <-errs:
			if !ok {
				return
			}
			w.fail(&p, err)
			changed()
		case <-timer.C:
			due, isDue = p.batch(), true
		case out <- due:
			p, first, isDue = pending{}, time.Time{}, false
		}
	}
}

// handle records what ev changed in p, and reports whether it recorded
// anything.
func (w *Watcher) handle(p *pending, ev fsnotify.Event) bool {
	if ev.Op&^fsnotify.Chmod == 0 {
		return false // permissions or times: the content is the same
	}
	path := filepath.Clean(ev.Name)
	if w.tree.ignored(path) {
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.tree.forget(path)
	}
	p.add(path)
	if !ev.Has(fsnotify.Create) {
		return true
	}
	// A folder made or moved into place: watch it, and report what is
	// already in it, made before its watch was. Lstat, so that a symlink to
	// a folder is reported but not followed.
	if info, err := os.Lstat(path); err == nil && info.IsDir() {
		if err := w.tree.add(path, p.add); err != nil {
			p.fail(err)
		}
	}
	return true
}

// fail records err, from fsnotify, in p. On an overflow it also adds every
// watch again, since a lost event may have been a folder's creation.
func (w *Watcher) fail(p *pending, err error) {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		p.fail(fmt.Errorf("watch: %w", err))
		return
	}
	p.overflow = true
	if err := w.tree.reset(); err != nil {
		p.fail(err)
	}
}
