package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/themes"
)

// copySite copies testdata/site into a fresh folder that the test may edit.
func copySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	err := os.CopyFS(dir, os.DirFS("testdata/site"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func edit(t *testing.T, dir, rel string, change func(string) string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(change(string(data))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestRebuildRendersOnlyWhatChanged checks how much work each kind of edit
// costs, so that rebuilds stay incremental.
func TestRebuildRendersOnlyWhatChanged(t *testing.T) {
	dir := copySite(t)
	s := NewSession(dir)
	last := rebuilt(t, s, nil)
	if last.stats.Rendered != last.stats.Pages {
		t.Fatalf("first build rendered %d of %d pages", last.stats.Rendered, last.stats.Pages)
	}
	build := func(changed ...string) *served {
		last = rebuilt(t, s, last, changed...)
		return last
	}

	// A concern's body: its own page only, since lists show no bodies, and
	// the search index, which looks through bodies and shows the start.
	edit(t, dir, "content/concerns/coverage.md", func(s string) string { return s + "\nOne more line.\n" })
	r := build("content/concerns/coverage.md")
	bodyChanges := []string{"concerns/coverage/index.html", "search/manifest.json", "search/records/0.json", "search/terms/0.json"}
	if r.stats.Rendered != 1 || !slices.Equal(r.changed, bodyChanges) {
		t.Errorf("editing a concern's body rendered %d pages and changed %v, want %v", r.stats.Rendered, r.changed, bodyChanges)
	}

	// Its status: the pages that show it (the search page counts the
	// concerns of each status), and the other team's page, which
	// looks its charts up in the map of every team's (index .Charts.Teams
	// .Slug): the analysis takes that to read them all.
	edit(t, dir, "content/concerns/coverage.md", func(s string) string { return strings.Replace(s, "status: in-progress", "status: planned", 1) })
	r = build("content/concerns/coverage.md")
	showStatus := []string{
		"charts/index.html", "concerns/coverage/index.html", "concerns/index.html", "index.html",
		"meetings/first/index.html", "search/index.html", "tags/monitoring/index.html", "tags/überwachung/index.html", "teams/ops/index.html",
	}
	// And the data and the search index, which has the status as a filter
	// and in the concern's result.
	statusData := []string{"concerns.csv", "handbook.json", "search/facets/status.json", "search/manifest.json", "search/records/0.json"}
	if want := slices.Sorted(slices.Values(append(showStatus, statusData...))); !slices.Equal(r.changed, want) || r.stats.Rendered != len(showStatus)+1 {
		t.Errorf("editing a concern's status rendered %d pages and changed %v, want %v", r.stats.Rendered, r.changed, want)
	}

	// A plain page: that page alone, and the words the search finds it by.
	edit(t, dir, "content/how-we-score.md", func(s string) string { return s + "\nAnd effort down.\n" })
	pageChanges := []string{"how-we-score/index.html", "search/manifest.json", "search/terms/0.json"}
	if r := build("content/how-we-score.md"); r.stats.Rendered != 1 || !slices.Equal(r.changed, pageChanges) {
		t.Errorf("editing a plain page rendered %d pages and changed %v, want %v", r.stats.Rendered, r.changed, pageChanges)
	}

	// One layout of the theme: the pages that use it.
	layout, err := fs.ReadFile(themes.Default(), "layouts/concern.html")
	if err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "themes/default/layouts/concern.html", func(string) string {
		return strings.Replace(string(layout), "<h2 id=\"assessment\">Assessment</h2>", "<h2 id=\"assessment\">How it scores</h2>", 1)
	})
	if r := build("themes/default/layouts/concern.html"); r.stats.Rendered != 3 {
		t.Errorf("editing the concern layout rendered %d pages, want the 3 concern pages", r.stats.Rendered)
	}

	// A new concern changes the navigation's counts: every page.
	edit(t, dir, "content/concerns/new-one.md", func(string) string {
		return "---\ntitle: New one\nteam: ops\nvalue: Low\neffort: Low\n---\n"
	})
	if r := build("content/concerns/new-one.md"); r.stats.Rendered != r.stats.Pages {
		t.Errorf("adding a concern rendered %d of %d pages", r.stats.Rendered, r.stats.Pages)
	}
}

// TestRebuildEqualsCleanBuild edits, breaks, fixes, adds and removes files,
// then checks that the session's output is what a clean build gives.
func TestRebuildEqualsCleanBuild(t *testing.T) {
	dir := copySite(t)
	s := NewSession(dir)
	first := rebuilt(t, s, nil)

	edit(t, dir, "content/teams/web.md", func(s string) string { return strings.Replace(s, "title: Web <client>", "title: [broken", 1) })
	_, err := tryRebuild(s, first, "content/teams/web.md")
	var list model.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || list[0].File != "content/teams/web.md" {
		t.Fatalf("broken team: %v", err)
	}
	edit(t, dir, "content/teams/web.md", func(s string) string { return strings.Replace(s, "title: [broken", "title: Web client", 1) })
	edit(t, dir, "content/meetings/third.md", func(string) string { return "---\ndate: 2018-03-01\nconcerns: [xss]\n---\nNotes.\n" })
	if err := os.Remove(filepath.Join(dir, "content/concerns/done-thing.md")); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "site.yaml", func(s string) string { return s + "language: en-GB\n" })
	got := rebuilt(t, s, first, "content/teams/web.md", "content/meetings/third.md", "content/concerns/done-thing.md", "site.yaml")
	if diff := differences(got.files, published(t, dir)); diff != "" {
		t.Errorf("the rebuild differs from a clean build: %s", diff)
	}
	if !contains(got.changed, "concerns/done-thing/index.html") {
		t.Errorf("a removed page must count as changed: %v", got.changed)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// TestRebuildsStayEqualToCleanBuilds makes a series of edits of every kind
// and, after each, compares the session's output with a clean build: a page
// whose inputs are hashed incompletely would keep stale content.
func TestRebuildsStayEqualToCleanBuilds(t *testing.T) {
	dir := copySite(t)
	s := NewSession(dir)
	last := rebuilt(t, s, nil)
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("no %q to replace", old)
			}
			return strings.Replace(s, old, new, 1)
		}
	}
	steps := []struct {
		file   string
		change func(string) string
	}{
		{"content/concerns/coverage.md", replace("title: Monitoring coverage", "title: Coverage of monitoring")},
		{"content/teams/ops.md", replace("title: Operations", "title: Ops and infrastructure")},
		{"content/teams/ops.md", replace("Runs the servers.", "Runs every server.")},
		{"content/meetings/first.md", replace("title: First session", "title: Opening session")},
		{"content/meetings/first.md", replace("done: true", "done: false")},
		{"content/concerns/done-thing.md", replace("value: Low", "value: High")}, // changes every rank
		{"content/concerns/coverage.md", replace("tags: [monitoring, Überwachung]", "tags: [monitoring, alerting]")},
		{"content/concerns/xss.md", replace("team: web", "team: ops")},
		{"content/how-we-score.md", replace("title: How we score", "title: Scoring")},
		{"content/meetings/second.md", replace("attendees: [ops]", "attendees: [ops, web]")},
		{"site.yaml", replace("title: Fixture Council", "title: Fixture Council Two")},
		// A tag is shown as the first concern to use it spells it.
		{"content/concerns/xss.md", replace(`tags: ["<script>"]`, `tags: ["<script>", monitoring]`)},
		{"content/concerns/coverage.md", replace("tags: [monitoring, alerting]", "tags: [MONITORING, alerting]")},
	}
	for i, step := range steps {
		edit(t, dir, step.file, step.change)
		last = rebuilt(t, s, last, step.file)
		if diff := differences(last.files, published(t, dir)); diff != "" {
			t.Fatalf("step %d (%s): the rebuild differs from a clean build: %s", i, step.file, diff)
		}
	}
}

// TestPendingFileEqualsFinished checks that a page made on its own while a
// build is under way is byte for byte the page the finished build has: the
// dev server shows the former until the latter is ready, and does not
// reload it then.
func TestPendingFileEqualsFinished(t *testing.T) {
	s := NewSession(copySite(t))
	p, err := s.Start(nil, fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	early := map[string][]byte{}
	for _, path := range p.Map().Files() {
		data, ok, err := p.File(path)
		if err != nil || !ok {
			t.Fatalf("%s: File says %v, %v", path, ok, err)
		}
		early[path] = data
	}
	if _, ok, err := p.File("concerns/nowhere/index.html"); ok || err != nil {
		t.Errorf("a page the site does not have: File says %v, %v", ok, err)
	}
	if diff := differences(early, published(t, s.dir)); diff != "" {
		t.Errorf("pages made one by one differ from the built site: %s", diff)
	}
}

// TestPendingFileWhileRunning asks for files while Run makes them all, as
// the dev server does on start-up: run it with -race.
func TestPendingFileWhileRunning(t *testing.T) {
	s := NewSession(copySite(t))
	p, err := s.Start(nil, fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan map[string][]byte)
	go func() {
		var mu sync.Mutex
		files := map[string][]byte{}
		_, err := p.Run(render.Emit(func(f render.File) error {
			mu.Lock()
			files[f.Path] = f.Data
			mu.Unlock()
			return nil
		}))
		if err != nil {
			t.Error(err)
		}
		done <- files
	}()
	asked := map[string][]byte{}
	for _, path := range []string{"index.html", "concerns/index.html", "concerns/coverage/index.html", "teams/ops/index.html", "tags/index.html", "sitemap.xml"} {
		data, ok, err := p.File(path)
		if !ok || err != nil {
			t.Fatalf("%s: File says %v, %v", path, ok, err)
		}
		asked[path] = data
	}
	files := <-done
	for path, want := range asked {
		if !bytes.Equal(want, files[path]) {
			t.Errorf("%s: made while running, it differs from the finished build's", path)
		}
	}
}

// TestLongTableMadeAlone checks a table long enough to have its rows made
// on every core while a page is made alone (the preview's first look,
// check's sample): the page is the one the finished build has, and check
// makes it without a problem.
func TestLongTableMadeAlone(t *testing.T) {
	dir := t.TempDir()
	opts := gensite.Options{Concerns: 1100, Meetings: 20, Teams: 5, Seed: 7}
	if err := gensite.WriteFiles(dir, gensite.Generate(opts).HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	if _, err := Check(dir, fixtureDay); err != nil {
		t.Fatalf("check: %v", err)
	}
	p, err := NewSession(dir).Start(nil, fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	const list = "concerns/index.html"
	alone, ok, err := p.File(list)
	if err != nil || !ok {
		t.Fatalf("%s: File says %v, %v", list, ok, err)
	}
	if n := bytes.Count(alone, []byte("<tr")); n <= opts.Concerns {
		t.Fatalf("%s has %d rows, want a row for each of %d concerns", list, n, opts.Concerns)
	}
	var built []byte
	var mu sync.Mutex
	if _, err := p.Run(render.Emit(func(f render.File) error {
		if f.Path == list {
			mu.Lock()
			built = bytes.Clone(f.Data)
			mu.Unlock()
		}
		return nil
	})); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(alone, built) {
		t.Errorf("%s made alone differs from the finished build's", list)
	}
}
