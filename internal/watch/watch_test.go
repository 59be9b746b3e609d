package watch

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestVimSaveReportsTheFileNotItsBackup(t *testing.T) {
	site := newSite(t)
	x := join(site, "content/x.md")
	write(t, x, "old")
	w := startWatcher(t, siteOptions(site))

	// What vim does with 'backupcopy=no': probe, swap, move the original to
	// a backup, write anew, remove the backup.
	probe, swap, backup := join(site, "content/4913"), join(site, "content/.x.md.swp"), x+"~"
	write(t, probe, "")
	remove(t, probe)
	write(t, swap, "swap")
	rename(t, x, backup)
	write(t, x, "new")
	remove(t, backup)
	remove(t, swap)

	got := waitFor(t, w, x)
	noneOf(t, append(got, sentinel(t, w, join(site, "content"))...), probe, swap, backup)
}

func TestTempFileRenamedOverReportsTheFile(t *testing.T) {
	for _, tc := range []struct {
		temp     string
		reported bool // not an editor's name, so the watcher cannot tell it from a source file
	}{
		{temp: ".x.md.tmp123", reported: true},
		{temp: "x.md___jb_tmp___", reported: false},
	} {
		t.Run(tc.temp, func(t *testing.T) {
			site := newSite(t)
			x := join(site, "content/x.md")
			write(t, x, "old")
			w := startWatcher(t, siteOptions(site))

			temp := join(site, "content/"+tc.temp)
			write(t, temp, "new")
			rename(t, temp, x)

			got := waitFor(t, w, x)
			if !tc.reported {
				noneOf(t, append(got, sentinel(t, w, join(site, "content"))...), temp)
			}
		})
	}
}

func TestNewNestedFolderReportsFilesMadeBeforeItsWatch(t *testing.T) {
	site := newSite(t)
	w := startWatcher(t, siteOptions(site))

	// As `mkdir -p a/b/c && echo > a/b/c/x.md`: all of it is usually done
	// before the watcher has even seen a/ appear.
	x := join(site, "content/a/b/c/x.md")
	mkdir(t, filepath.Dir(x))
	write(t, x, "x")
	waitFor(t, w, join(site, "content/a"), join(site, "content/a/b"), join(site, "content/a/b/c"), x)

	y := join(site, "content/a/b/c/y.md")
	write(t, y, "y")
	waitFor(t, w, y)
}

func TestRenamedFolderIsStillWatched(t *testing.T) {
	site := newSite(t)
	a, b := join(site, "content/a"), join(site, "content/b")
	mkdir(t, filepath.Join(a, "sub"))
	write(t, filepath.Join(a, "sub/x.md"), "x")
	w := startWatcher(t, siteOptions(site))

	rename(t, a, b)
	waitFor(t, w, a, b, filepath.Join(b, "sub/x.md"))

	// Changes below the folder come under its new name, not its old one.
	y := filepath.Join(b, "sub/y.md")
	write(t, y, "y")
	noneOf(t, waitFor(t, w, y), filepath.Join(a, "sub/y.md"))

	// Away from the site and back.
	away := filepath.Join(t.TempDir(), "b")
	rename(t, b, away)
	waitFor(t, w, b)
	rename(t, away, b)
	waitFor(t, w, b, y)
	z := filepath.Join(b, "sub/z.md")
	write(t, z, "z")
	waitFor(t, w, z)
}

func TestRemovedFileAndFolderAreReported(t *testing.T) {
	site := newSite(t)
	x, dir := join(site, "content/x.md"), join(site, "content/dir")
	write(t, x, "x")
	mkdir(t, filepath.Join(dir, "sub"))
	write(t, filepath.Join(dir, "sub/y.md"), "y")
	w := startWatcher(t, siteOptions(site))

	remove(t, x)
	waitFor(t, w, x)
	remove(t, dir)
	waitFor(t, w, dir)

	// Made again under the same name, it gets a new watch.
	z := filepath.Join(dir, "sub/z.md")
	mkdir(t, filepath.Dir(z))
	write(t, z, "z")
	waitFor(t, w, z)
	z2 := filepath.Join(dir, "sub/z2.md")
	write(t, z2, "z")
	waitFor(t, w, z2)
}

func TestChmodIsIgnored(t *testing.T) {
	site := newSite(t)
	x := join(site, "content/x.md")
	write(t, x, "x")
	w := startWatcher(t, siteOptions(site))

	if err := os.Chmod(x, 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := os.Chtimes(x, now, now); err != nil {
		t.Fatal(err)
	}
	noneOf(t, sentinel(t, w, join(site, "content")), x)
}

func TestEditorFilesAreIgnored(t *testing.T) {
	site := newSite(t)
	w := startWatcher(t, siteOptions(site))

	var paths []string
	for _, name := range []string{"x.md~", ".x.md.swp", ".x.md.swx", ".x.md.swo", "4913",
		"x.md___jb_tmp___", "x.md___jb_old___", ".#x.md", "#x.md#", ".DS_Store"} {
		path := join(site, "content/"+name)
		write(t, path, "temp")
		paths = append(paths, path)
	}
	for _, path := range paths {
		remove(t, path)
	}
	noneOf(t, sentinel(t, w, join(site, "content")), paths...)
}

func TestGitFolderIsIgnored(t *testing.T) {
	site := newSite(t)
	git := join(site, "content/.git")
	mkdir(t, filepath.Join(git, "objects"))
	w := startWatcher(t, siteOptions(site))
	if dirs := watchedUnder(w.tree, git); len(dirs) > 0 {
		t.Errorf("watches inside .git: %v", dirs)
	}

	write(t, filepath.Join(git, "objects/ab"), "object")
	write(t, filepath.Join(git, "HEAD"), "ref")
	rootGit := join(site, ".git")
	mkdir(t, filepath.Join(rootGit, "refs"))
	write(t, filepath.Join(rootGit, "refs/main"), "ref")

	got := sentinel(t, w, join(site, "content"))
	noneUnder(t, got, git)
	noneUnder(t, got, rootGit)
}

func TestIgnoreFuncIsHonoured(t *testing.T) {
	site := newSite(t)
	public, drafts := join(site, "public"), join(site, "content/drafts")
	mkdir(t, filepath.Join(drafts, "old"))
	opts := siteOptions(site)
	opts.Ignore = func(path string) bool { return within(path, public) || within(path, drafts) }
	w := startWatcher(t, opts)
	if dirs := watchedUnder(w.tree, drafts); len(dirs) > 0 {
		t.Errorf("watches inside an ignored folder: %v", dirs)
	}

	mkdir(t, public)
	write(t, filepath.Join(public, "index.html"), "built")
	write(t, filepath.Join(drafts, "x.md"), "draft")
	write(t, filepath.Join(drafts, "old/y.md"), "draft")

	got := sentinel(t, w, join(site, "content"))
	noneUnder(t, got, public)
	noneUnder(t, got, drafts)
}

func TestBurstOfWritesGivesFewBatches(t *testing.T) {
	site := newSite(t)
	opts := siteOptions(site)
	opts.Quiet = 50 * time.Millisecond
	w := startWatcher(t, opts)

	var paths []string
	for i := range 20 {
		paths = append(paths, join(site, "content/"+strings.Repeat("p", i+1)+".md"))
	}
	for round := range 10 {
		for _, path := range paths {
			write(t, path, strings.Repeat("x", round))
		}
	}
	if got := waitFor(t, w, paths...); len(got) > 5 {
		t.Errorf("200 writes gave %d batches, want at most 5: %v", len(got), got)
	}
}

func TestBusyReceiverGetsOneMergedBatch(t *testing.T) {
	site := newSite(t)
	opts := siteOptions(site)
	opts.Quiet = 10 * time.Millisecond
	w := startWatcher(t, opts)

	a := join(site, "content/a.md")
	write(t, a, "a")
	waitFor(t, w, a)

	// The receiver is busy building: three changes, each in a quiet period
	// of its own, come while it does not receive.
	var paths []string
	for _, name := range []string{"b.md", "c.md", "d.md"} {
		path := join(site, "content/"+name)
		write(t, path, name)
		paths = append(paths, path)
		time.Sleep(3 * opts.Quiet)
	}
	time.Sleep(200 * time.Millisecond)

	select {
	case b := <-w.Batches():
		seen := union([]Batch{b})
		for _, p := range paths {
			if !seen[p] {
				t.Errorf("first batch after the busy spell lacks %s: %v", p, b)
			}
		}
	case <-time.After(timeout):
		t.Fatal("no batch after the busy spell")
	}
	noBatch(t, w, 10*opts.Quiet)
}

func TestChangeWhileABatchWaitsIsMergedIntoIt(t *testing.T) {
	site := newSite(t)
	tr, err := newTree(siteOptions(site))
	if err != nil {
		t.Fatal(err)
	}
	// Events made up and sent by hand, so that the second surely comes
	// after the first one's batch is due and before it is received.
	events := make(chan fsnotify.Event)
	quiet := 5 * time.Millisecond
	w := start(tr, events, nil, quiet)
	t.Cleanup(func() { _ = w.Close() })

	a, b := join(site, "content/a.md"), join(site, "content/b.md")
	events <- fsnotify.Event{Name: a, Op: fsnotify.Write}
	time.Sleep(10 * quiet) // the receiver is busy
	events <- fsnotify.Event{Name: b, Op: fsnotify.Write}

	select {
	case got := <-w.Batches():
		if !equal(got.Paths, []string{a, b}) {
			t.Errorf("Paths = %v, want %v", got.Paths, []string{a, b})
		}
	case <-time.After(timeout):
		t.Fatal("no batch")
	}
	noBatch(t, w, 10*quiet)
}

func TestEndlessEventsStillGiveBatches(t *testing.T) {
	site := newSite(t)
	opts := siteOptions(site)
	opts.Quiet = 10 * time.Millisecond // so batches are held back at most 400ms
	w := startWatcher(t, opts)

	x := join(site, "content/log.md")
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		for end := time.Now().Add(3 * time.Second); time.Now().Before(end); {
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
				_ = os.WriteFile(x, []byte(time.Now().String()), 0o644) // the test only needs events
			}
		}
	}()
	defer func() { close(stop); <-stopped }()

	select {
	case b := <-w.Batches():
		if !union([]Batch{b})[x] {
			t.Errorf("batch lacks %s: %v", x, b)
		}
	case <-stopped:
		t.Fatal("no batch while events kept coming")
	}
}

func TestShallowFolderReportsOnlyItsOwnEntries(t *testing.T) {
	site := newSite(t)
	other := join(site, "other")
	mkdir(t, other)
	w := startWatcher(t, siteOptions(site))

	write(t, filepath.Join(other, "x.md"), "x")
	config := join(site, "site.yaml")
	write(t, config, "title: x")
	noneUnder(t, waitFor(t, w, config), other)
}

func TestRecursiveFolderMadeAfterStartIsWatched(t *testing.T) {
	site := newSite(t)
	w := startWatcher(t, siteOptions(site))

	page := join(site, "themes/default/layouts/page.html")
	mkdir(t, filepath.Dir(page))
	write(t, page, "page")
	waitFor(t, w, join(site, "themes"), page)

	base := join(site, "themes/default/layouts/base.html")
	write(t, base, "base")
	waitFor(t, w, base)
}

func TestSymlinkedSiteIsWatchedAndSymlinksBelowAreNot(t *testing.T) {
	target := newSite(t)
	site := filepath.Join(t.TempDir(), "site")
	if err := os.Symlink(target, site); err != nil {
		t.Fatal(err)
	}
	// A link back up, which a walk that followed links would go round.
	if err := os.Symlink(target, join(target, "content/loop")); err != nil {
		t.Fatal(err)
	}
	w := startWatcher(t, siteOptions(site))
	if got, want := watchedUnder(w.tree, site), []string{"", "/content"}; !equal(got, want) {
		t.Errorf("watches %v, want %v", got, want)
	}

	x := join(site, "content/x.md")
	write(t, x, "x")
	waitFor(t, w, x)
}

func TestOverflowAsksForAFullRebuildAndKeepsWatching(t *testing.T) {
	site := newSite(t)
	mkdir(t, join(site, "content/a/b"))
	tr, err := newTree(siteOptions(site))
	if err != nil {
		t.Fatal(err)
	}
	before := watchedUnder(tr, site)
	// The kernel only drops events when its queue is full, which a test
	// cannot bring about reliably: make the error up instead.
	errs := make(chan error)
	w := start(tr, tr.fsw.Events, errs, defaultQuiet)
	t.Cleanup(func() { _ = w.Close() })

	errs <- fsnotify.ErrEventOverflow
	select {
	case b := <-w.Batches():
		if !b.Overflow || b.Err != nil {
			t.Errorf("got %+v, want Overflow and no error", b)
		}
	case <-time.After(timeout):
		t.Fatal("no batch after an overflow")
	}
	if after := watchedUnder(tr, site); !equal(after, before) {
		t.Errorf("watches after overflow %v, want %v", after, before)
	}

	x := join(site, "content/a/b/x.md")
	write(t, x, "x")
	waitFor(t, w, x)
}

func TestOverflowWatchesFoldersWhoseCreationWasLost(t *testing.T) {
	site := newSite(t)
	tr, err := newTree(siteOptions(site))
	if err != nil {
		t.Fatal(err)
	}
	// No event reaches the watcher, as if the kernel had dropped them all.
	errs := make(chan error)
	w := start(tr, make(chan fsnotify.Event), errs, defaultQuiet)
	t.Cleanup(func() { _ = w.Close() })

	mkdir(t, join(site, "content/new/sub"))
	errs <- fsnotify.ErrEventOverflow
	select {
	case b := <-w.Batches():
		if !b.Overflow {
			t.Errorf("got %+v, want Overflow", b)
		}
	case <-time.After(timeout):
		t.Fatal("no batch after an overflow")
	}
	want := []string{"", "/content", "/content/new", "/content/new/sub"}
	if got := watchedUnder(tr, site); !equal(got, want) {
		t.Errorf("watches after overflow %v, want %v", got, want)
	}
}

func TestOtherErrorsAreReportedInTheBatch(t *testing.T) {
	site := newSite(t)
	tr, err := newTree(siteOptions(site))
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error)
	w := start(tr, tr.fsw.Events, errs, defaultQuiet)
	t.Cleanup(func() { _ = w.Close() })

	cause := errors.New("short read")
	errs <- cause
	select {
	case b := <-w.Batches():
		if !errors.Is(b.Err, cause) || b.Overflow {
			t.Errorf("got %+v, want Err wrapping %v", b, cause)
		}
	case <-time.After(timeout):
		t.Fatal("no batch after an error")
	}
}

func TestNewChecksFolders(t *testing.T) {
	site := newSite(t)
	file := join(site, "site.yaml")
	write(t, file, "title: x")
	for _, tc := range []struct {
		name string
		opts Options
		ok   bool
	}{
		{"missing recursive", Options{Recursive: []string{join(site, "missing")}}, true},
		{"missing shallow", Options{Shallow: []string{join(site, "missing")}}, false},
		{"file as recursive", Options{Recursive: []string{file}}, false},
		{"file as shallow", Options{Shallow: []string{file}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := New(tc.opts)
			if err == nil {
				_ = w.Close()
			}
			if (err == nil) != tc.ok {
				t.Errorf("New: %v; want ok %v", err, tc.ok)
			}
		})
	}
}

func TestCloseStopsEverything(t *testing.T) {
	before := runtime.NumGoroutine()
	site := newSite(t)
	w, err := New(siteOptions(site))
	if err != nil {
		t.Fatal(err)
	}
	x := join(site, "content/x.md")
	write(t, x, "x")
	waitFor(t, w, x)
	write(t, x, "pending when closed")

	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, ok := <-w.Batches(); ok {
		t.Error("Batches still open after Close")
	}
	// Goroutines that have returned may take a moment to be counted out.
	for deadline := time.Now().Add(timeout); runtime.NumGoroutine() > before; {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines before New, %d after Close:\n%s",
				before, runtime.NumGoroutine(), buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(time.Millisecond)
	}
}

func equal(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}
