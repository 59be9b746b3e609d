package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/cli"
	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/write"
	"github.com/reliability-council/handbook/themes"
)

// settleTimeout bounds every wait for the dev server to show a change.
const settleTimeout = 5 * time.Second

// TestServeRebuildsAfterEdit edits a concern under handbook serve and checks
// that the served page shows the edit, and that the rebuild rendered only
// some of the pages.
func TestServeRebuildsAfterEdit(t *testing.T) {
	dir := copyExample(t)
	s := startServe(t, dir)
	const page, file = "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"
	const added = "Edited while the preview was open."

	if body := s.page(t, page); strings.Contains(body, added) {
		t.Fatalf("%s shows %q before the edit", page, added)
	}
	first := s.waitBuilds(t, 1)[0]
	if first.rendered != first.pages || first.pages == 0 {
		t.Errorf("first build: %d of %d pages rendered, want all of them", first.rendered, first.pages)
	}

	editFile(t, dir, file, func(md string) string { return md + "\n" + added + "\n" })
	s.waitText(t, page, added)
	rebuilt := s.waitBuilds(t, 2)[1]
	if rebuilt.rendered == 0 || rebuilt.rendered >= rebuilt.pages {
		t.Errorf("rebuild after editing one concern's text: %d of %d pages rendered, want some but not all", rebuilt.rendered, rebuilt.pages)
	}
	if rebuilt.changed == 0 {
		t.Errorf("rebuild after editing one concern's text: %q, want a file changed", rebuilt.text)
	}
	t.Logf("%s; %s", first.text, rebuilt.text)
}

// TestServeShowsOpenPageFirst checks that a page open in a browser is
// made and reloaded before the rest of a rebuild, and not reloaded again
// when the rest is done.
func TestServeShowsOpenPageFirst(t *testing.T) {
	dir := copyExample(t)
	s := startServe(t, dir)
	const page, file = "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"
	s.waitBuilds(t, 1)
	stream := s.events(t)
	opened := struct {
		Build string `json:"build"`
	}{}
	if err := json.Unmarshal([]byte(stream.expect(t, "ok").data), &opened); err != nil {
		t.Fatal(err)
	}
	stream = s.pageEvents(t, page, opened.Build)
	stream.expect(t, "ok")

	editFile(t, dir, file, func(md string) string { return md + "\nSeen first.\n" })
	early := stream.expect(t, "reload")
	var first struct {
		Build string   `json:"build"`
		Pages []string `json:"pages"`
	}
	if err := json.Unmarshal([]byte(early.data), &first); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(first.Pages, []string{page}) {
		t.Fatalf("the first reload names %v, want the open page alone", first.Pages)
	}
	if !strings.Contains(s.page(t, page), "Seen first.") {
		t.Errorf("%s does not show the edit when it is reloaded", page)
	}
	rebuilt := s.waitBuilds(t, 2)[1]
	final := stream.expect(t, "reload")
	var last struct {
		Build string   `json:"build"`
		Pages []string `json:"pages"`
	}
	if err := json.Unmarshal([]byte(final.data), &last); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(last.Pages, page) || last.Build == first.Build {
		t.Errorf("the finished rebuild (%s) names %v under build %s: the open page reloads twice, or the build did not move on from %s", rebuilt.text, last.Pages, last.Build, first.Build)
	}
	// The page, reloaded into the build shown first, may open its stream
	// only now: it is not stale, and must not reload a second time.
	var late struct {
		Build string `json:"build"`
		Stale bool   `json:"stale"`
	}
	if err := json.Unmarshal([]byte(s.pageEvents(t, page, first.Build).expect(t, "ok").data), &late); err != nil {
		t.Fatal(err)
	}
	if late.Stale || late.Build != last.Build {
		t.Errorf("the page shown first connects late and hears stale %v at build %s, want not stale at %s", late.Stale, late.Build, last.Build)
	}
	// As it was before the edit, it is.
	if err := json.Unmarshal([]byte(s.pageEvents(t, page, opened.Build).expect(t, "ok").data), &late); err != nil {
		t.Fatal(err)
	}
	if !late.Stale {
		t.Errorf("the page as it was before the edit connects and is not told it is stale")
	}
}

// TestServeFollowsEditorSaves saves files the ways editors and tools do, and
// checks that the served site ends up right each time.
func TestServeFollowsEditorSaves(t *testing.T) {
	const page, file = "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"

	t.Run("VimSave", func(t *testing.T) {
		// vim with its default backupcopy=auto: probe the folder, move the
		// file aside, write the new one, remove the backup.
		dir := copyExample(t)
		s := startServe(t, dir)
		folder := filepath.Join(dir, "content", "concerns")
		text := withBody(readFile(t, dir, file), "Saved by vim.\n")
		must(t, os.WriteFile(filepath.Join(folder, "4913"), nil, 0o644))
		must(t, os.Remove(filepath.Join(folder, "4913")))
		must(t, os.Rename(filepath.Join(dir, file), filepath.Join(dir, file+"~")))
		must(t, os.WriteFile(filepath.Join(dir, file), []byte(text), 0o644))
		must(t, os.Remove(filepath.Join(dir, file+"~")))
		s.waitText(t, page, "Saved by vim.")
		s.checkBuildOK(t)
	})

	t.Run("TempFileRename", func(t *testing.T) {
		// An atomic save: a temp file beside the original, renamed over it.
		dir := copyExample(t)
		s := startServe(t, dir)
		tmp, err := os.CreateTemp(filepath.Join(dir, "content", "concerns"), ".etl-monitoring.md.tmp*")
		must(t, err)
		_, err = tmp.WriteString(withBody(readFile(t, dir, file), "Saved atomically.\n"))
		must(t, err)
		must(t, tmp.Close())
		must(t, os.Rename(tmp.Name(), filepath.Join(dir, file)))
		s.waitText(t, page, "Saved atomically.")
		s.checkBuildOK(t)
	})

	t.Run("JetBrainsSafeWrite", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		path := filepath.Join(dir, file)
		must(t, os.WriteFile(path+"___jb_tmp___", []byte(withBody(readFile(t, dir, file), "Saved by an IDE.\n")), 0o644))
		must(t, os.Rename(path, path+"___jb_old___"))
		must(t, os.Rename(path+"___jb_tmp___", path))
		must(t, os.Remove(path+"___jb_old___"))
		s.waitText(t, page, "Saved by an IDE.")
		s.checkBuildOK(t)
	})

	t.Run("NewNestedFolder", func(t *testing.T) {
		dir := copyExample(t)
		s := startServe(t, dir)
		s.waitFor(t, "/concerns/new/", "no page yet", statusIs(http.StatusNotFound))
		// The file is written at once: the folders' watches cannot be in
		// place before it is.
		writeFile(t, dir, "content/concerns/sub/deeper/new.md", concernMD("Made in a new folder", "data", "Found below two new folders."))
		s.waitText(t, "/concerns/new/", "Found below two new folders.")
		s.waitText(t, "/concerns/", "Made in a new folder")
		s.checkBuildOK(t)
	})

	t.Run("FolderRename", func(t *testing.T) {
		dir := copyExample(t)
		writeFile(t, dir, "content/concerns/sub/moved.md", concernMD("Moved with its folder", "data", "Before the move."))
		s := startServe(t, dir)
		s.waitText(t, "/concerns/moved/", "Before the move.")
		n := len(s.builds())
		must(t, os.Rename(filepath.Join(dir, "content/concerns/sub"), filepath.Join(dir, "content/concerns/sub2")))
		s.waitBuilds(t, n+1)
		s.waitText(t, "/concerns/moved/", "Before the move.")
		// The folder is watched under its new name...
		writeFile(t, dir, "content/concerns/sub2/moved.md", concernMD("Moved with its folder", "data", "Edited after the move."))
		s.waitText(t, "/concerns/moved/", "Edited after the move.")
		// ...and a new folder under the old name is watched afresh.
		writeFile(t, dir, "content/concerns/sub/again.md", concernMD("Where the old folder was", "data", "In the old folder's place."))
		s.waitText(t, "/concerns/again/", "In the old folder's place.")
		s.checkBuildOK(t)
	})

	t.Run("Delete", func(t *testing.T) {
		dir := copyExample(t)
		writeFile(t, dir, "content/concerns/doomed.md", concernMD("Doomed concern", "data", "Soon gone."))
		writeFile(t, dir, "content/concerns/old/gone.md", concernMD("Doomed folder", "data", "Gone with its folder."))
		s := startServe(t, dir)
		s.waitText(t, "/concerns/doomed/", "Soon gone.")
		s.waitText(t, "/concerns/gone/", "Gone with its folder.")
		must(t, os.Remove(filepath.Join(dir, "content/concerns/doomed.md")))
		s.waitFor(t, "/concerns/doomed/", "the deleted page to go", statusIs(http.StatusNotFound))
		must(t, os.RemoveAll(filepath.Join(dir, "content/concerns/old")))
		s.waitFor(t, "/concerns/gone/", "the deleted folder's page to go", statusIs(http.StatusNotFound))
		s.waitFor(t, "/concerns/", "the list without them", func(status int, body string) bool {
			return status == http.StatusOK && !strings.Contains(body, "Doomed")
		})
		s.checkBuildOK(t)
	})
}

// TestServeKeepsLastGoodBuild breaks the sources under handbook serve and
// checks that the last good site is still served, that open pages are told
// where the error is, and that fixing it brings the fixed page.
func TestServeKeepsLastGoodBuild(t *testing.T) {
	const page, file = "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"
	const override = "themes/default/layouts/concern.html"
	for _, c := range []struct {
		name      string
		file      string
		broken    func(t *testing.T, dir string) string // the broken content of file
		line      int
		msg       string
		fixed     func(t *testing.T, dir string) string
		fixedText string
	}{
		{
			name: "BadYAML",
			file: file,
			broken: func(t *testing.T, dir string) string {
				return replaceLine(t, readFile(t, dir, file), "value: ", "value: [High, never closed")
			},
			line: 4,
			msg:  "YAML",
			fixed: func(t *testing.T, dir string) string {
				return withBody(readFile(t, exampleSite(t), file), "The YAML is fixed.\n")
			},
			fixedText: "The YAML is fixed.",
		},
		{
			name: "UnknownTeam",
			file: file,
			broken: func(t *testing.T, dir string) string {
				return replaceLine(t, readFile(t, dir, file), "team: ", "team: no-such-team")
			},
			line: 3,
			msg:  `unknown team "no-such-team"`,
			fixed: func(t *testing.T, dir string) string {
				return withBody(readFile(t, exampleSite(t), file), "The team is fixed.\n")
			},
			fixedText: "The team is fixed.",
		},
		{
			// The override does not exist when serve starts: themes/ appears
			// with it.
			name: "BrokenTemplate",
			file: override,
			broken: func(t *testing.T, dir string) string {
				return "{{define \"main\"}}\n<h1>{{.Concern.Title}</h1>\n{{end}}\n"
			},
			line: 2,
			msg:  "template",
			fixed: func(t *testing.T, dir string) string {
				layout := defaultThemeFile(t, "layouts/concern.html")
				return strings.Replace(layout, `{{define "main"}}`, `{{define "main"}}<p class="fixed-override">The template is fixed.</p>`, 1)
			},
			fixedText: `<p class="fixed-override">The template is fixed.</p>`,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyExample(t)
			s := startServe(t, dir)
			events := s.events(t)
			events.expect(t, "ok")
			good := s.page(t, page)

			writeFile(t, dir, c.file, c.broken(t, dir))
			ev := events.expect(t, "errors")
			var failed struct {
				Errors []struct {
					File string `json:"file"`
					Line int    `json:"line"`
					Msg  string `json:"msg"`
				} `json:"errors"`
			}
			if err := json.Unmarshal([]byte(ev.data), &failed); err != nil {
				t.Fatalf("errors event %q: %v", ev.data, err)
			}
			if len(failed.Errors) != 1 || failed.Errors[0].File != c.file || failed.Errors[0].Line != c.line || !strings.Contains(failed.Errors[0].Msg, c.msg) {
				t.Errorf("errors event %s, want one error in %s at line %d saying %q", ev.data, c.file, c.line, c.msg)
			}
			if status, body := s.get(t, page); status != http.StatusOK || body != good {
				t.Errorf("while the build is broken, %s answers HTTP %d with a page that changed; want the last good one", page, status)
			}
			where := fmt.Sprintf("%s:%d: ", c.file, c.line)
			if stderr := s.stderr.String(); !strings.Contains(stderr, where) || !strings.Contains(stderr, "still serving the last good build") {
				t.Errorf("stderr does not name %s and say the last good build is served:\n%s", where, stderr)
			}

			writeFile(t, dir, c.file, c.fixed(t, dir))
			events.expect(t, "ok")
			// The server takes the new build before announcing it.
			if status, body := s.get(t, page); status != http.StatusOK || !strings.Contains(body, c.fixedText) {
				t.Errorf("after the ok event, %s answers HTTP %d without %q", page, status, c.fixedText)
			}
			var reload struct {
				Pages []string `json:"pages"`
				All   bool     `json:"all"`
			}
			ev = events.expect(t, "reload")
			if err := json.Unmarshal([]byte(ev.data), &reload); err != nil {
				t.Fatalf("reload event %q: %v", ev.data, err)
			}
			if !reload.All && !slices.Contains(reload.Pages, page) {
				t.Errorf("reload event %s does not name %s", ev.data, page)
			}
		})
	}
}

// TestServeStartsBroken starts handbook serve on sources that do not build,
// and checks that it serves a placeholder that shows the errors until a
// save fixes them.
func TestServeStartsBroken(t *testing.T) {
	const page, file = "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"
	dir := copyExample(t)
	md := readFile(t, dir, file)
	writeFile(t, dir, file, replaceLine(t, md, "team: ", "team: no-such-team"))
	s := startServe(t, dir)
	events := s.events(t)
	if ev := events.next(t); ev.name != "errors" || !strings.Contains(ev.data, `"file":"`+file+`","line":3`) {
		t.Errorf("the first event is %s %s, want errors naming %s line 3", ev.name, ev.data, file)
	}
	status, body := s.get(t, page)
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "Building the handbook") || len(liveTag.FindAllString(body, -1)) != 1 {
		t.Errorf("before any good build, %s answers HTTP %d, want 503 with the placeholder and the live-reload tag:\n%s", page, status, body)
	}
	writeFile(t, dir, file, withBody(md, "Fixed after a broken start.\n"))
	events.expect(t, "ok")
	if status, body := s.get(t, page); status != http.StatusOK || !strings.Contains(body, "Fixed after a broken start.") {
		t.Errorf("after the ok event, %s answers HTTP %d without the fixed text", page, status)
	}
	if ev := events.expect(t, "reload"); !strings.Contains(ev.data, `"all":true`) {
		t.Errorf("the first good build sends %s, want a reload of every page", ev.data)
	}
}

// TestServeStartsBrokenBelowBase starts on a site whose content is broken
// and whose baseURL has a path: the preview is served below that path from
// the start, so the fixed site's links work without a restart.
func TestServeStartsBrokenBelowBase(t *testing.T) {
	const file = "content/concerns/etl-monitoring.md"
	dir := copyExample(t)
	writeFile(t, dir, "site.yaml", replaceLine(t, readFile(t, dir, "site.yaml"), "baseURL: ", "baseURL: https://example.org/council/"))
	md := readFile(t, dir, file)
	writeFile(t, dir, file, replaceLine(t, md, "team: ", "team: no-such-team"))
	s := startServe(t, dir)
	if !strings.HasSuffix(s.url, "/council/") {
		t.Fatalf("serving at %s, want below /council/", s.url)
	}
	events := s.events(t)
	events.expect(t, "errors")
	writeFile(t, dir, file, md)
	events.expect(t, "ok")
	if status, _ := s.get(t, "/concerns/etl-monitoring/"); status != http.StatusOK { // s.url holds /council/
		t.Errorf("after the fix, %sconcerns/etl-monitoring/ answers HTTP %d, want 200", s.url, status)
	}
}

// TestServeSwapsStylesheets edits a site's override of the default
// stylesheet and checks that open pages are told to swap the stylesheet the
// page links for the new one, and nothing else.
func TestServeSwapsStylesheets(t *testing.T) {
	const style = "themes/default/assets/style.css"
	dir := copyExample(t)
	original := defaultThemeFile(t, "assets/style.css")
	writeFile(t, dir, style, original)
	s := startServe(t, dir)
	events := s.events(t)
	events.expect(t, "ok")
	linked := regexp.MustCompile(`<link rel="stylesheet" href="([^"]+)">`)
	sheet := func() string {
		t.Helper()
		m := linked.FindAllStringSubmatch(s.page(t, "/concerns/"), -1)
		if len(m) != 1 {
			t.Fatalf("/concerns/ links %d stylesheets, want 1", len(m))
		}
		return m[0][1]
	}
	// A stylesheet is named by a hash of its content, so the new name sorts
	// before or after the old one by chance: edit until both have happened.
	sorted := map[bool]bool{} // whether the new name sorted after the old one
	for i := 0; len(sorted) < 2 && i < 8; i++ {
		before := sheet()
		writeFile(t, dir, style, fmt.Sprintf("%s\nbody { background-color: rgb(%d, 34, 56); }\n", original, 10+i))
		ev := events.next(t)
		after := sheet()
		var styles struct {
			Styles map[string]string `json:"styles"`
		}
		if ev.name != "styles" || json.Unmarshal([]byte(ev.data), &styles) != nil || len(styles.Styles) != 1 || styles.Styles[before] != after {
			t.Fatalf("edit %d of the stylesheet: event %s %s; want styles, from %s to %s", i+1, ev.name, ev.data, before, after)
		}
		sorted[after > before] = true
	}
	if len(sorted) < 2 {
		t.Logf("the new stylesheet's name always sorted the same way (after the old: %v)", sorted)
	}
}

// TestServeRapidSavesEndLikeCleanBuild saves several files 200 times, then
// checks that every file served is the one a clean build of the final
// sources makes, and that pages that went away are gone.
func TestServeRapidSavesEndLikeCleanBuild(t *testing.T) {
	// As fast as the disk takes them, on the example: the watcher may well
	// see one long burst.
	t.Run("Burst", func(t *testing.T) {
		dir := copyExample(t)
		rapidSaves(t, dir, []string{
			"content/concerns/etl-monitoring.md",
			"content/concerns/etl-tests.md",
			"content/concerns/scalability.md",
			"content/concerns/tool-sprawl.md",
			"content/concerns/noisy-alerting.md",
			"content/teams/data.md",
			"content/about.md",
		}, nil)
	})
	// With gaps of up to 30ms, some longer than the watcher waits for
	// quiet, on a handbook whose rebuilds take longer than that: saves land
	// while rebuilds run, and batches fall due while the server is busy.
	t.Run("Paced", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		must(t, gensite.WriteFiles(dir, gensite.Generate(gensite.Options{Concerns: 1000, Meetings: 50, Teams: 10, Seed: 1}).HandbookFiles()))
		concerns, err := os.ReadDir(filepath.Join(dir, "content", "concerns"))
		must(t, err)
		teams, err := os.ReadDir(filepath.Join(dir, "content", "teams"))
		must(t, err)
		var files []string
		for i := range 6 {
			files = append(files, "content/concerns/"+concerns[i*len(concerns)/6].Name())
		}
		files = append(files, "content/teams/"+teams[0].Name(), "content/about.md")
		r := rand.New(rand.NewPCG(1, 2))
		builds := rapidSaves(t, dir, files, func() { time.Sleep(time.Duration(r.IntN(30)) * time.Millisecond) })
		if builds < 2 {
			t.Errorf("%d rebuilds for paced saves; the test means rebuilds to overlap saves", builds)
		}
	})
}

// rapidSaves serves dir and saves files in it 200 times, with pause (if not
// nil) after each save, checks the served site against a clean build, and
// returns how many times serve rebuilt.
func rapidSaves(t *testing.T, dir string, files []string, pause func()) int {
	s := startServeWithin(t, 30*time.Second, dir)
	original := map[string]string{}
	for _, f := range files {
		original[f] = readFile(t, dir, f)
	}
	statuses := []string{"proposed", "accepted", "planned", "in-progress", "done", "dropped"}
	const saves, tags = 200, 8 // more tags than concerns saved: some end up unused
	for i := range saves {
		f := files[i%len(files)]
		md := withBody(original[f], fmt.Sprintf("Save %d of %s.\n\n%s\n", i, f, strings.Repeat("Words to vary the length. ", i%13)))
		if strings.HasPrefix(f, "content/concerns/") {
			md = setField(md, "title", fmt.Sprintf("Rapid save %d", i))
			md = setField(md, "status", statuses[i%len(statuses)])
			md = setField(md, "tags", fmt.Sprintf("[rapid-%d, monitoring]", i%tags))
		}
		if err := os.WriteFile(filepath.Join(dir, f), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
		if pause != nil {
			pause()
		}
	}

	want := cleanBuild(t, dir)
	// Tags of earlier saves have no concern left, so no page either.
	var gone []string
	for i := range tags {
		p := fmt.Sprintf("tags/rapid-%d/index.html", i)
		if _, ok := want[p]; !ok {
			gone = append(gone, p)
		}
	}
	if len(want) < 40 || len(gone) == 0 {
		t.Fatalf("the clean build has %d files and %d rapid-N tags without a page; the test needs more of both", len(want), len(gone))
	}
	s.waitLikeCleanBuild(t, want, gone, fmt.Sprintf("after %d rapid saves", saves))
	builds := len(s.builds()) - 1
	t.Logf("%d saves, %d rebuilds, %d files compared", saves, builds, len(want)+len(gone))
	return builds
}

// TestServeRebuildMatchesCleanBuild makes one kind of edit at a time under
// handbook serve, and checks that the rebuilt site is the one a clean build
// of the edited sources makes: every page that shows what was edited was
// rendered again, and pages that went away are gone.
func TestServeRebuildMatchesCleanBuild(t *testing.T) {
	const concern = "content/concerns/etl-monitoring.md"
	for _, c := range []struct {
		name string
		edit func(t *testing.T, dir string)
	}{
		{"ConcernBody", func(t *testing.T, dir string) {
			editFile(t, dir, concern, func(md string) string { return withBody(md, "A new body.\n") })
		}},
		{"ConcernValue", func(t *testing.T, dir string) { // its priority, so its rank and others'
			editFile(t, dir, concern, func(md string) string { return setField(md, "value", "Low") })
		}},
		{"ConcernTeam", func(t *testing.T, dir string) {
			editFile(t, dir, concern, func(md string) string { return setField(md, "team", "platform") })
		}},
		{"TagAdded", func(t *testing.T, dir string) {
			editFile(t, dir, concern, func(md string) string { return setField(md, "tags", "[monitoring, etl, data, observability]") })
		}},
		{"TagGone", func(t *testing.T, dir string) { // the two concerns with the tag deploys
			for _, f := range []string{"content/concerns/deployment-process.md", "content/concerns/exceptions-not-tied-to-deploys.md"} {
				editFile(t, dir, f, func(md string) string { return setField(md, "tags", "[monitoring]") })
			}
		}},
		{"TagSpelling", func(t *testing.T, dir string) { // the first file with the tag names it everywhere
			editFile(t, dir, concern, func(md string) string { return setField(md, "tags", "[MONITORING, etl, data]") })
		}},
		{"TeamTitle", func(t *testing.T, dir string) {
			editFile(t, dir, "content/teams/data.md", func(md string) string { return setField(md, "title", "Data and Analytics") })
		}},
		{"MeetingTitle", func(t *testing.T, dir string) {
			editFile(t, dir, "content/meetings/2018-02-20-breaking-concerns-down.md", func(md string) string {
				return setField(md, "title", "Concerns, broken down")
			})
		}},
		{"PageTitle", func(t *testing.T, dir string) {
			editFile(t, dir, "content/about.md", func(md string) string { return setField(md, "title", "About this council") })
		}},
		{"NewConcern", func(t *testing.T, dir string) {
			writeFile(t, dir, "content/concerns/brand-new.md", concernMD("A brand new concern", "design", "Raised while serving."))
		}},
		{"ConcernDeleted", func(t *testing.T, dir string) {
			writeFile(t, dir, "content/meetings/2018-02-06-what-keeps-us-up.md", strings.Replace(
				readFile(t, dir, "content/meetings/2018-02-06-what-keeps-us-up.md"), "  - tool-sprawl\n", "", 1))
			must(t, os.Remove(filepath.Join(dir, "content/concerns/tool-sprawl.md")))
		}},
		{"SiteTitle", func(t *testing.T, dir string) {
			editFile(t, dir, "site.yaml", func(y string) string { return replaceLine(t, y, "title: ", "title: The Council's Handbook") })
		}},
		{"LayoutOverride", func(t *testing.T, dir string) {
			layout := defaultThemeFile(t, "layouts/concern.html")
			writeFile(t, dir, "themes/default/layouts/concern.html", strings.Replace(layout, "<h2 id=\"assessment\">Assessment</h2>", "<h2 id=\"assessment\">How we see it</h2>", 1))
		}},
		{"PartialOverride", func(t *testing.T, dir string) {
			partial := defaultThemeFile(t, "layouts/partials/concern-table.html")
			writeFile(t, dir, "themes/default/layouts/partials/concern-table.html", strings.Replace(partial, "<caption>{{.Caption}}</caption>", "<caption>{{.Caption}} (overridden)</caption>", 1))
		}},
		{"ScriptOverride", func(t *testing.T, dir string) {
			writeFile(t, dir, "themes/default/assets/handbook.js", defaultThemeFile(t, "assets/handbook.js")+"\n// overridden\n")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyExample(t)
			before := cleanBuild(t, dir)
			s := startServe(t, dir)
			s.waitBuilds(t, 1)
			c.edit(t, dir)
			s.waitBuilds(t, 2)
			want := cleanBuild(t, dir)
			var gone []string
			for p := range before {
				if _, ok := want[p]; !ok {
					gone = append(gone, p)
				}
			}
			if maps.EqualFunc(before, want, bytes.Equal) {
				t.Fatal("the edit changed nothing in a clean build; it tests nothing")
			}
			s.waitLikeCleanBuild(t, want, gone, "after the edit")
		})
	}
}

// cleanBuild builds the site in dir with handbook build, and returns its
// files by their path in the site.
func cleanBuild(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out, _ := buildSite(t, dir)
	files := map[string][]byte{}
	must(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == write.Marker {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	}))
	return files
}

// waitLikeCleanBuild waits until the server serves every file of want as it
// is there and answers 404 for every path of gone, and fails t if it does
// not within 3 settleTimeouts. The server is done once it has done so and
// then stayed quiet: the files are compared again after that, in case it
// moved on.
func (s *devServer) waitLikeCleanBuild(t testing.TB, want map[string][]byte, gone []string, when string) {
	t.Helper()
	var diffs []string
	for deadline := time.Now().Add(3 * settleTimeout); ; time.Sleep(20 * time.Millisecond) {
		diffs = s.diffSite(t, want, gone)
		if len(diffs) == 0 || time.Now().After(deadline) {
			break
		}
	}
	s.waitQuiet(t, 150*time.Millisecond)
	diffs = s.diffSite(t, want, gone)
	if len(diffs) > 0 {
		more := ""
		if len(diffs) > 20 {
			diffs, more = diffs[:20], fmt.Sprintf("\n\t... and %d more", len(diffs)-20)
		}
		t.Errorf("%s, the served site differs from a clean build of the sources:\n\t%s%s\nserve's output ends:\n%s\nstderr:\n%s",
			when, strings.Join(diffs, "\n\t"), more, s.stdout.tail(20), s.stderr.tail(20))
	}
}

// TestServeListens checks where handbook serve listens, and what it says
// when it cannot.
func TestServeListens(t *testing.T) {
	t.Run("LoopbackByDefault", func(t *testing.T) {
		s := startServe(t, copyExample(t))
		m := regexp.MustCompile(`(?m)^Serving .+ at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)$`).FindStringSubmatch(s.stdout.String())
		if m == nil {
			t.Fatalf("stdout has no line \"Serving ... at http://127.0.0.1:PORT/ (Ctrl-C to stop)\":\n%s", s.stdout)
		}
		port := m[1]
		for _, host := range otherLocalAddrs(t) {
			addr := net.JoinHostPort(host, port)
			conn, err := net.DialTimeout("tcp", addr, time.Second)
			if err == nil {
				_ = conn.Close()
				t.Errorf("handbook serve without --bind answers on %s; it should only answer on 127.0.0.1", addr)
			}
		}
	})

	t.Run("PortTaken", func(t *testing.T) {
		taken, err := net.Listen("tcp", "127.0.0.1:0")
		must(t, err)
		defer func() { _ = taken.Close() }()
		port := strconv.Itoa(taken.Addr().(*net.TCPAddr).Port)
		var stdout, stderr syncBuffer
		code := runWithin(t, 5*time.Second, serveEnv(&stdout, &stderr, context.Background()),
			"serve", "-s", copyExample(t), "--port", port)
		if code == 0 {
			t.Errorf("handbook serve on a taken port exited 0")
		}
		m := regexp.MustCompile(`port ` + port + ` is taken.*; try --port (\d+)`).FindStringSubmatch(stderr.String())
		if m == nil || m[1] == port {
			t.Errorf("stderr does not say the port is taken and suggest another:\n%s", &stderr)
		}
		if strings.Contains(stdout.String(), "Serving") {
			t.Errorf("stdout says it is serving:\n%s", &stdout)
		}
	})
}

// TestServeStopsOnCancel stops handbook serve the way Ctrl-C does, with a
// page's event stream open, and checks that it stops at once and cleanly.
func TestServeStopsOnCancel(t *testing.T) {
	s := startServe(t, copyExample(t))
	s.events(t).expect(t, "ok") // an open stream must not hold the shutdown up
	start := time.Now()
	s.cancel()
	select {
	case code := <-s.exited:
		s.exitCode = &code
		if code != 0 {
			t.Errorf("handbook serve exited %d after Ctrl-C, want 0\nstderr:\n%s", code, s.stderr)
		}
	case <-time.After(2 * time.Second):
		t.Fatalf("handbook serve still running 2s after Ctrl-C\nstdout:\n%s", s.stdout)
	}
	t.Logf("stopped in %s", time.Since(start).Round(time.Millisecond))
	lines := s.stdout.lines()
	if len(lines) == 0 || lines[len(lines)-1].text != "Stopped." {
		t.Errorf("stdout does not end with \"Stopped.\":\n%s", s.stdout)
	}
	if conn, err := net.DialTimeout("tcp", s.addr, time.Second); err == nil {
		_ = conn.Close()
		t.Errorf("%s still accepts connections after handbook serve stopped", s.addr)
	}
}

// devServer is handbook serve running in this process, started with cli.Run
// as a user starts it.
type devServer struct {
	dir    string
	url    string // where the site is served, ending in /
	addr   string // host:port
	stdout *lineLog
	stderr *lineLog
	cancel context.CancelFunc // Ctrl-C
	exited chan int
	// exitCode is set once the exit code has been taken from exited.
	exitCode *int
}

// servingLine is what serve prints once it listens and watches.
var servingLine = regexp.MustCompile(`(?m)^Serving .+ at (http://([^/\s]+)/\S*) \(Ctrl-C to stop\)$`)

// firstBuildDone is what serve prints when its first build has made every
// page, or has failed: until then it makes each page as it is asked for.
var firstBuildDone = regexp.MustCompile(`(?m)^built in |; fix (them|it) and save`)

// startServe runs handbook serve -s dir --port 0 with args, waits until it
// serves its first build whole, and stops it when the test ends. Port 0
// lets the system pick a free port, which serve prints.
func startServe(t testing.TB, dir string, args ...string) *devServer {
	t.Helper()
	return startServeWithin(t, settleTimeout, dir, args...)
}

// startServeWithin is startServe for sites whose first build takes longer.
func startServeWithin(t testing.TB, timeout time.Duration, dir string, args ...string) *devServer {
	t.Helper()
	return launchServe(t, timeout, dir, func(s *devServer) bool {
		return firstBuildDone.MatchString(s.stdout.String() + s.stderr.String())
	}, args...)
}

// launchServe runs handbook serve -s dir --port 0 with args, and returns
// once it prints where it serves and ready says so too.
func launchServe(t testing.TB, timeout time.Duration, dir string, ready func(*devServer) bool, args ...string) *devServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	s := &devServer{dir: dir, stdout: &lineLog{}, stderr: &lineLog{}, cancel: cancel, exited: make(chan int, 1)}
	env := serveEnv(s.stdout, s.stderr, ctx)
	go func() {
		s.exited <- cli.Run(env, append([]string{"serve", "-s", dir, "--port", "0"}, args...))
	}()
	t.Cleanup(func() { s.stop(t) })
	for start := time.Now(); ; time.Sleep(time.Millisecond) {
		if m := servingLine.FindStringSubmatch(s.stdout.String()); m != nil && ready(s) {
			s.url, s.addr = m[1], m[2]
			return s
		}
		select {
		case code := <-s.exited:
			s.exitCode = &code
			t.Fatalf("handbook serve -s %s exited %d before serving\nstdout:\n%s\nstderr:\n%s", dir, code, s.stdout, s.stderr)
		default:
		}
		if time.Since(start) > timeout {
			t.Fatalf("handbook serve -s %s not serving after %s\nstdout:\n%s\nstderr:\n%s", dir, timeout, s.stdout, s.stderr)
		}
	}
}

// stop ends the server, as Ctrl-C does, if it still runs.
func (s *devServer) stop(t testing.TB) {
	s.cancel()
	if s.exitCode != nil {
		return
	}
	select {
	case code := <-s.exited:
		s.exitCode = &code
	case <-time.After(5 * time.Second):
		t.Errorf("handbook serve still running 5s after Ctrl-C")
	}
}

// serveEnv is the environment serve runs in: the example's build date, so
// that its pages match those of buildSite.
func serveEnv(stdout, stderr io.Writer, ctx context.Context) cli.Env {
	return cli.Env{
		Stdout: stdout,
		Stderr: stderr,
		Getenv: func(key string) string {
			if key == "SOURCE_DATE_EPOCH" {
				return exampleEpoch
			}
			return ""
		},
		Now:     func() time.Time { return time.Date(2023, 11, 14, 12, 0, 0, 0, time.UTC) },
		Context: ctx,
	}
}

// runWithin runs handbook with args, and fails t if it has not returned
// within limit.
func runWithin(t *testing.T, limit time.Duration, env cli.Env, args ...string) int {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- cli.Run(env, args) }()
	select {
	case code := <-done:
		return code
	case <-time.After(limit):
		t.Fatalf("handbook %s still running after %s", strings.Join(args, " "), limit)
		return 0
	}
}

var previewClient = &http.Client{Timeout: settleTimeout}

// get fetches p, a path below the site's base, and returns the status and
// the body.
func (s *devServer) get(t testing.TB, p string) (int, string) {
	t.Helper()
	resp, err := previewClient.Get(s.url + strings.TrimPrefix(p, "/"))
	if err != nil {
		t.Fatalf("GET %s: %v", p, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", p, err)
	}
	return resp.StatusCode, string(body)
}

// page fetches p and fails t unless it is there.
func (s *devServer) page(t testing.TB, p string) string {
	t.Helper()
	status, body := s.get(t, p)
	if status != http.StatusOK {
		t.Fatalf("GET %s: HTTP %d, want 200", p, status)
	}
	return body
}

// waitFor fetches p until ok accepts the answer, and fails t if it has not
// within settleTimeout.
func (s *devServer) waitFor(t testing.TB, p, what string, ok func(status int, body string) bool) {
	t.Helper()
	var status int
	for start := time.Now(); ; time.Sleep(5 * time.Millisecond) {
		var body string
		status, body = s.get(t, p)
		if ok(status, body) {
			return
		}
		if time.Since(start) > settleTimeout {
			break
		}
	}
	t.Fatalf("%s: still no sign of %s after %s (last answer HTTP %d)\nserve's stdout:\n%s\nstderr:\n%s", p, what, settleTimeout, status, s.stdout, s.stderr)
}

// waitText waits until p is served with text in it.
func (s *devServer) waitText(t testing.TB, p, text string) {
	t.Helper()
	s.waitFor(t, p, strconv.Quote(text), func(status int, body string) bool {
		return status == http.StatusOK && strings.Contains(body, text)
	})
}

func statusIs(want int) func(int, string) bool {
	return func(status int, _ string) bool { return status == want }
}

// checkBuildOK checks that the latest build succeeded: a new event stream
// starts with the server's state.
func (s *devServer) checkBuildOK(t testing.TB) {
	t.Helper()
	if ev := s.events(t).next(t); ev.name != "ok" {
		t.Errorf("the server's state is %s %s, want ok\nstderr:\n%s", ev.name, ev.data, s.stderr)
	}
}

// buildLine is one "built in ..." line of serve's output.
type buildLine struct {
	text                     string
	at                       time.Time // when serve printed it
	took                     time.Duration
	rendered, pages, changed int
}

var builtLine = regexp.MustCompile(`^built in (\S+): (\d+) of (\d+) pages rendered, (\d+) files? changed$`)

// builds returns the builds serve has reported.
func (s *devServer) builds() []buildLine {
	var out []buildLine
	for _, l := range s.stdout.lines() {
		m := builtLine.FindStringSubmatch(l.text)
		if m == nil {
			continue
		}
		b := buildLine{text: l.text, at: l.at}
		b.took, _ = time.ParseDuration(m[1]) // the pattern leaves only Duration's own format
		b.rendered, _ = strconv.Atoi(m[2])
		b.pages, _ = strconv.Atoi(m[3])
		b.changed, _ = strconv.Atoi(m[4])
		out = append(out, b)
	}
	return out
}

// waitBuilds waits until serve has reported n builds, and returns them.
func (s *devServer) waitBuilds(t testing.TB, n int) []buildLine {
	t.Helper()
	for start := time.Now(); ; time.Sleep(2 * time.Millisecond) {
		if b := s.builds(); len(b) >= n {
			return b
		}
		if time.Since(start) > settleTimeout {
			t.Fatalf("serve reported fewer than %d builds after %s\nstdout:\n%s\nstderr:\n%s", n, settleTimeout, s.stdout, s.stderr)
		}
	}
}

// waitQuiet waits until serve has printed nothing for quiet.
func (s *devServer) waitQuiet(t testing.TB, quiet time.Duration) {
	t.Helper()
	for start := time.Now(); ; time.Sleep(quiet / 10) {
		if time.Since(s.stdout.lastWrite()) >= quiet && time.Since(s.stderr.lastWrite()) >= quiet {
			return
		}
		if time.Since(start) > 3*settleTimeout {
			t.Fatalf("serve still rebuilding after %s\nstdout:\n%s", 3*settleTimeout, s.stdout)
		}
	}
}

// liveTag is the script tag serve adds to every page it serves.
var liveTag = regexp.MustCompile(`<script src="/_handbook/live\.js"[^>]*></script>`)

// diffSite fetches every file of want, by its path in the site, and each
// path of gone, and describes how the server's answers differ: a file of
// want must come back byte for byte once the live-reload tag is taken out
// of pages, and gone must be missing.
func (s *devServer) diffSite(t testing.TB, want map[string][]byte, gone []string) []string {
	t.Helper()
	var diffs []string
	for _, p := range slices.Sorted(maps.Keys(want)) {
		status, body := s.get(t, p)
		if status != http.StatusOK {
			diffs = append(diffs, fmt.Sprintf("%s: HTTP %d", p, status))
			continue
		}
		if strings.HasSuffix(p, ".html") {
			if n := len(liveTag.FindAllString(body, -1)); n != 1 {
				diffs = append(diffs, fmt.Sprintf("%s: %d live-reload tags, want 1", p, n))
			}
			body = liveTag.ReplaceAllString(body, "")
		}
		if body != string(want[p]) {
			diffs = append(diffs, fmt.Sprintf("%s differs: %s", p, firstDifference(body, string(want[p]))))
		}
	}
	for _, p := range gone {
		if status, _ := s.get(t, p); status != http.StatusNotFound {
			diffs = append(diffs, fmt.Sprintf("%s: HTTP %d, want 404: the clean build has no such file", p, status))
		}
	}
	return diffs
}

// firstDifference shows where got first differs from want.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	clip := func(s string) string {
		s = s[i:]
		if len(s) > 80 {
			s = s[:80] + "…"
		}
		return strconv.Quote(s)
	}
	return fmt.Sprintf("at byte %d, served %s, clean build %s", i, clip(got), clip(want))
}

// eventStream is an open /_handbook/events, as a page holds it.
type eventStream struct {
	events chan sseEvent
	seen   []string // names of events taken so far, for messages
}

// sseEvent is one Server-Sent Event.
type sseEvent struct{ name, data string }

// events opens the server's event stream, closed when the test ends, as a
// page that does not say which it is.
func (s *devServer) events(t testing.TB) *eventStream {
	t.Helper()
	return s.openEvents(t, nil)
}

// pageEvents opens the event stream as live.js does in page, served in
// build.
func (s *devServer) pageEvents(t testing.TB, page, build string) *eventStream {
	t.Helper()
	return s.openEvents(t, url.Values{"page": {page}, "build": {build}})
}

func (s *devServer) openEvents(t testing.TB, query url.Values) *eventStream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	// The stream is at the root, whatever the site's base path.
	target := "http://" + s.addr + "/_handbook/events"
	if query != nil {
		target += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("opening the event stream: %v", err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != http.StatusOK || ct != "text/event-stream" {
		cancel()
		t.Fatalf("the event stream answers HTTP %d, %s", resp.StatusCode, ct)
	}
	e := &eventStream{events: make(chan sseEvent, 64)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(e.events)
		sc := bufio.NewScanner(resp.Body)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" {
					e.events <- ev
				}
				ev = sseEvent{}
			case strings.HasPrefix(line, "event: "):
				ev.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ev.data += strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		_ = resp.Body.Close() // ends the reader
		<-done
	})
	return e
}

// next returns the next event, and fails t if none comes.
func (e *eventStream) next(t testing.TB) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-e.events:
		if !ok {
			t.Fatalf("the event stream ended; events so far: %q", e.seen)
		}
		e.seen = append(e.seen, ev.name)
		return ev
	case <-time.After(settleTimeout):
		t.Fatalf("no event after %s; events so far: %q", settleTimeout, e.seen)
		return sseEvent{}
	}
}

// expect returns the next event named name, skipping others, and fails t
// if none comes.
func (e *eventStream) expect(t testing.TB, name string) sseEvent {
	t.Helper()
	for {
		if ev := e.next(t); ev.name == name {
			return ev
		}
	}
}

// lineLog is a command's output, line by line, each with the time it was
// written. It is written and read from different goroutines.
type lineLog struct {
	mu      sync.Mutex
	partial []byte
	all     []loggedLine
	last    time.Time
}

type loggedLine struct {
	at   time.Time
	text string
}

func (l *lineLog) Write(p []byte) (int, error) {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	l.last = now
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		l.all = append(l.all, loggedLine{at: now, text: string(l.partial[:i])})
		l.partial = l.partial[i+1:]
	}
	return len(p), nil
}

func (l *lineLog) lines() []loggedLine {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.all)
}

func (l *lineLog) lastWrite() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.last
}

// tail returns the last n lines.
func (l *lineLog) tail(n int) string {
	lines := l.lines()
	var sb strings.Builder
	for _, line := range lines[max(len(lines)-n, 0):] {
		sb.WriteString(line.text)
		sb.WriteByte('\n')
	}
	return sb.String()
}

func (l *lineLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var sb strings.Builder
	for _, line := range l.all {
		sb.WriteString(line.text)
		sb.WriteByte('\n')
	}
	sb.Write(l.partial)
	return sb.String()
}

// copyExample copies the example handbook's sources into a fresh folder and
// returns it. The theme is the built-in one.
func copyExample(t testing.TB) string {
	t.Helper()
	root := exampleSite(t)
	dir := filepath.Join(t.TempDir(), "site")
	must(t, os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content"))))
	data, err := os.ReadFile(filepath.Join(root, "site.yaml"))
	must(t, err)
	must(t, os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644))
	return dir
}

// concernMD returns a concern file with the fields it needs, and body.
func concernMD(title, team, body string) string {
	return fmt.Sprintf("---\ntitle: %s\nteam: %s\nvalue: Medium\neffort: Low\n---\n%s\n", title, team, body)
}

// withBody returns md, a content file, with its text after the frontmatter
// replaced by body.
func withBody(md, body string) string {
	i := strings.Index(md[3:], "\n---\n")
	if !strings.HasPrefix(md, "---\n") || i < 0 {
		panic("withBody: no frontmatter in " + strconv.Quote(md))
	}
	return md[:3+i+len("\n---\n")] + body
}

// replaceLine replaces the first line of md that starts with prefix.
func replaceLine(t testing.TB, md, prefix, line string) string {
	t.Helper()
	lines := strings.SplitAfter(md, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, prefix) {
			lines[i] = line + "\n"
			return strings.Join(lines, "")
		}
	}
	t.Fatalf("no line starting with %q in:\n%s", prefix, md)
	return ""
}

// setField sets the frontmatter field key of md to value, in place of the
// line that has it, or else as the frontmatter's first line. The value
// must fit on one line: a field with an indented list below it keeps the
// list.
func setField(md, key, value string) string {
	front, body, ok := strings.Cut(strings.TrimPrefix(md, "---\n"), "\n---\n")
	if !ok {
		panic("setField: no frontmatter in " + strconv.Quote(md))
	}
	lines := strings.Split(front, "\n")
	if i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, key+":") }); i >= 0 {
		lines[i] = key + ": " + value
	} else {
		lines = append([]string{key + ": " + value}, lines...)
	}
	return "---\n" + strings.Join(lines, "\n") + "\n---\n" + body
}

// defaultThemeFile returns a file of the built-in theme.
func defaultThemeFile(t testing.TB, name string) string {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), name)
	must(t, err)
	return string(data)
}

func readFile(t testing.TB, dir, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	must(t, err)
	return string(data)
}

// writeFile writes rel below dir in place, making its folders.
func writeFile(t testing.TB, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	must(t, os.MkdirAll(filepath.Dir(p), 0o755))
	must(t, os.WriteFile(p, []byte(data), 0o644))
}

// editFile rewrites rel below dir in place with edit.
func editFile(t testing.TB, dir, rel string, edit func(string) string) {
	t.Helper()
	writeFile(t, dir, rel, edit(readFile(t, dir, rel)))
}

// otherLocalAddrs returns addresses of this machine other than 127.0.0.1:
// another loopback address, and those of its network interfaces.
func otherLocalAddrs(t testing.TB) []string {
	t.Helper()
	hosts := []string{"127.0.0.2"} // loopback too on Linux; unreachable elsewhere, which passes as well
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Logf("listing the interfaces' addresses: %v", err)
		return hosts
	}
	for _, a := range addrs {
		ip, ok := a.(*net.IPNet)
		if !ok || ip.IP.IsLoopback() || ip.IP.IsLinkLocalUnicast() {
			continue
		}
		hosts = append(hosts, ip.IP.String())
	}
	return hosts
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
