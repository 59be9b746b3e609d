package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// timeout bounds every wait for a batch; batches normally come within
// milliseconds, so only a broken watcher waits this long.
const timeout = 5 * time.Second

// newSite makes a site folder with content/ and returns its path.
func newSite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	mkdir(t, filepath.Join(site, "content"))
	return site
}

// siteOptions watches site the way the dev server does: content/ and
// themes/ with every folder below, the site folder itself for site.yaml.
func siteOptions(site string) Options {
	return Options{
		Recursive: []string{filepath.Join(site, "content"), filepath.Join(site, "themes")},
		Shallow:   []string{site},
	}
}

// startWatcher makes a Watcher that is closed when the test ends.
func startWatcher(t *testing.T, opts Options) *Watcher {
	t.Helper()
	w, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close() })
	return w
}

// waitFor receives batches until together they name every path in want,
// and returns them.
func waitFor(t *testing.T, w *Watcher, want ...string) []Batch {
	t.Helper()
	var got []Batch
	deadline := time.After(timeout)
	for {
		seen := union(got)
		if !slices.ContainsFunc(want, func(p string) bool { return !seen[p] }) {
			return got
		}
		select {
		case b, ok := <-w.Batches():
			if !ok {
				t.Fatalf("Batches closed while waiting for %v; got %v", want, got)
			}
			if b.Err != nil {
				t.Errorf("batch error: %v", b.Err)
			}
			got = append(got, b)
		case <-deadline:
			t.Fatalf("no batch named all of %v within %v; got %v", want, timeout, got)
		}
	}
}

// sentinels numbers the files that sentinel writes, so each is new.
var sentinels atomic.Int64

// sentinel writes a new file in dir and waits for it. Events reach the
// watcher in the order they happened, so once the sentinel is reported any
// change made before it has been too, or was dropped: the returned batches
// show which.
func sentinel(t *testing.T, w *Watcher, dir string) []Batch {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("sentinel-%d.md", sentinels.Add(1)))
	write(t, path, "sentinel")
	return waitFor(t, w, path)
}

// noneOf fails the test if any batch names any of paths.
func noneOf(t *testing.T, batches []Batch, paths ...string) {
	t.Helper()
	seen := union(batches)
	for _, p := range paths {
		if seen[p] {
			t.Errorf("%s was reported; batches: %v", p, batches)
		}
	}
}

// noneUnder fails the test if any batch names a path within dir.
func noneUnder(t *testing.T, batches []Batch, dir string) {
	t.Helper()
	for p := range union(batches) {
		if within(p, dir) {
			t.Errorf("%s was reported; batches: %v", p, batches)
		}
	}
}

// noBatch fails the test if a batch arrives within d.
func noBatch(t *testing.T, w *Watcher, d time.Duration) {
	t.Helper()
	select {
	case b := <-w.Batches():
		t.Errorf("unexpected batch %v", b)
	case <-time.After(d):
	}
}

// union returns every path the batches name.
func union(batches []Batch) map[string]bool {
	seen := make(map[string]bool)
	for _, b := range batches {
		for _, p := range b.Paths {
			seen[p] = true
		}
	}
	return seen
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func rename(t *testing.T, from, to string) {
	t.Helper()
	if err := os.Rename(from, to); err != nil {
		t.Fatal(err)
	}
}

func remove(t *testing.T, path string) {
	t.Helper()
	if err := os.RemoveAll(path); err != nil {
		t.Fatal(err)
	}
}

// join is filepath.Join for a path written with slashes.
func join(dir, rel string) string {
	return filepath.Join(dir, filepath.FromSlash(rel))
}

// watchedUnder lists the folders with a watch within dir. Call it only
// while the watcher is idle: run owns the tree.
func watchedUnder(tr *tree, dir string) []string {
	var dirs []string
	for d := range tr.watched {
		if within(d, dir) {
			dirs = append(dirs, strings.TrimPrefix(d, dir))
		}
	}
	slices.Sort(dirs)
	return dirs
}
