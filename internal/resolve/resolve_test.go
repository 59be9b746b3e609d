package resolve

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

var update = flag.Bool("update", false, "rewrite the want section of testdata/errors/*.txtar and testdata/methods/*.txtar")

// TestErrors loads each site of testdata/errors/*.txtar and compares the
// errors found with the archive's "want" file, line for line.
func TestErrors(t *testing.T) {
	eachArchive(t, "testdata/errors/*.txtar", errorsOf)
}

// eachArchive writes out each site of the txtar archives matching pattern,
// gives its folder to report and compares what it returns with the
// archive's "want" file, or rewrites that file with -update.
func eachArchive(t *testing.T, pattern string, report func(t *testing.T, dir string) string) {
	cases, err := filepath.Glob(pattern)
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, file := range cases {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir, want := writeArchive(t, ar)
			got := report(t, dir)
			if *update {
				for i := range ar.Files {
					if ar.Files[i].Name == "want" {
						ar.Files[i].Data = []byte(got)
					}
				}
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// writeArchive writes the site of a txtar archive into a new folder, and
// returns the folder and the archive's "want" file, which it leaves out.
func writeArchive(t *testing.T, ar *txtar.Archive) (dir, want string) {
	t.Helper()
	dir = t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "want" {
			want = string(f.Data)
			continue
		}
		p := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, want
}

func errorsOf(t *testing.T, dir string) string {
	t.Helper()
	list := checkErrors(t, dir)
	if len(list) == 0 {
		return ""
	}
	return list.Error() + "\n"
}

// checkErrors returns every error that loading and resolving the site in
// dir finds, sorted.
func checkErrors(t *testing.T, dir string) model.ErrorList {
	t.Helper()
	var list model.ErrorList
	site, err := load.Load(dir)
	if err != nil && !errors.As(err, &list) {
		t.Fatal(err)
	}
	_, err = Resolve(site, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	var more model.ErrorList
	if err != nil && !errors.As(err, &more) {
		t.Fatal(err)
	}
	list = append(list, more...)
	list.Sort()
	return list
}

func TestSuggest(t *testing.T) {
	keys := []string{"title", "team", "value", "effort"}
	for in, want := range map[string]string{
		"efort":  `did you mean "effort"?`,
		"Titel":  `did you mean "title"?`,
		"zzzzzz": "want one of title, team, value, effort",
	} {
		if got := suggest(in, keys); got != want {
			t.Errorf("suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzLoadAndResolve feeds arbitrary text as a concern and a meeting of an
// otherwise good site, and checks that loading and resolving never panic and
// report every problem at a line of a file.
func FuzzLoadAndResolve(f *testing.F) {
	f.Add("---\ntitle: A\nteam: ops\nvalue: High\neffort: Low-Medium, soon\nrisk: words\n---\nBody", "---\ndate: 2020-01-01\nconcerns: [a]\nactions:\n  - task: x\n    concern: a\n---\n")
	f.Add("---\nvalue: [a, {b: c}]\ntags: {x: y}\nraised: 99\n---\n", "---\nactions: [1, [2]]\nattendees: {a: b}\n---\n")
	f.Add("---\ntitle: &a x\nteam: *a\n---\n", "---\ndate: *b\n---\n")
	f.Add("---\ntitle: A\nteam: ops\nvalue: High\neffort: Low\nettd: 1h 30m\nettr: 2x\nimpact: 25%, some\nfrequency: every 2 years\nurgency: Hihg\nconfidence: 60%\n---\n", "---\ndate: 2020-01-01\nconcerns: a\n---\n")
	f.Add("", "---\n---\n")
	f.Fuzz(func(t *testing.T, concern, meeting string) {
		dir := t.TempDir()
		files := map[string]string{
			"site.yaml":                "title: T\nbaseURL: https://example.org/\n",
			"content/teams/ops.md":     "---\ntitle: Ops\n---\n",
			"content/concerns/a.md":    concern,
			"content/meetings/m.md":    meeting,
			"content/concerns/good.md": "---\ntitle: Good\nteam: ops\nvalue: Low\neffort: Low\n---\n",
		}
		for name, text := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		site, err := load.Load(dir)
		var list model.ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatal(err)
		}
		_, err = Resolve(site, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
		if err != nil && !errors.As(err, &list) {
			t.Fatal(err)
		}
		for _, e := range list {
			if e.File == "" || e.Line < 0 {
				t.Fatalf("misplaced error %+v", e)
			}
		}
	})
}

// resolveFiles resolves a site written as files, name to text.
func resolveFiles(t *testing.T, files map[string]string) *model.Handbook {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Resolve(site, time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// Ranks count open concerns only: a closed concern, however high its
// priority, is listed after every open one and has no rank.
func TestRanksCountOpenConcernsOnly(t *testing.T) {
	concern := func(title, status, value string) string {
		return "---\ntitle: " + title + "\nteam: ops\nvalue: " + value + "\neffort: Low\nstatus: " + status + "\n---\n"
	}
	h := resolveFiles(t, map[string]string{
		"site.yaml":             "title: T\nbaseURL: https://example.org/\n",
		"content/teams/ops.md":  "---\ntitle: Ops\n---\n",
		"content/concerns/a.md": concern("Done first", "done", "High"),
		"content/concerns/b.md": concern("Open high", "accepted", "High"),
		"content/concerns/c.md": concern("Open low", "proposed", "Low"),
		"content/concerns/d.md": concern("Dropped", "dropped", "Medium"),
		"content/concerns/e.md": concern("Open medium", "planned", "Medium"),
	})
	var got []string
	for _, c := range h.Concerns {
		got = append(got, c.Title+":"+strconv.Itoa(c.Rank))
	}
	want := "[Open high:1 Open medium:2 Open low:3 Done first:0 Dropped:0]"
	if fmt.Sprint(got) != want {
		t.Errorf("concerns in order with ranks %v, want %s", got, want)
	}
	if team := h.Teams[0].Concerns; team[0].Title != "Open high" || team[len(team)-1].Open {
		t.Errorf("the team lists its concerns in another order: first %q, last open %v", team[0].Title, team[len(team)-1].Open)
	}
}

func TestStatusColoursFromSiteYAML(t *testing.T) {
	h := resolveFiles(t, map[string]string{
		"site.yaml": "title: T\nbaseURL: https://example.org/\nscoring:\n  statuses:\n    open: [proposed, Blocked]\n    closed: [done]\n    colours:\n      blocked: Wine\n",
	})
	looks := h.Config.Scoring.Looks
	if looks["blocked"].Colour.Name != "wine" || looks["proposed"] != model.DefaultScoring().Looks["proposed"] || looks["done"].Colour.Name != "green" {
		t.Errorf("looks %+v", looks)
	}
}

// TestOrdersEndOnTheSlug gives concerns and meetings that tie on all but
// their file names: the orders are sorted without keeping the order the
// files came in, which is right only because the slug settles every tie.
func TestOrdersEndOnTheSlug(t *testing.T) {
	concern := func(title string, tags string) string {
		return "---\ntitle: " + title + "\nteam: ops\nvalue: High\neffort: Low\nstatus: accepted\ntags: [" + tags + "]\n---\n"
	}
	meeting := "---\ntitle: Review\ndate: 2026-03-02\nconcerns: [b-backups, a-backups]\n---\n"
	h := resolveFiles(t, map[string]string{
		"site.yaml":                        "title: T\nbaseURL: https://example.org/\n",
		"content/teams/ops.md":             "---\ntitle: Ops\n---\n",
		"content/concerns/c-backups.md":    concern("Backups", "storage, data"),
		"content/concerns/a-backups.md":    concern("BACKUPS", "data"),
		"content/concerns/b-backups.md":    concern("backups", "data, storage"),
		"content/concerns/alerts.md":       concern("Alerts", "data"),
		"content/meetings/2026-03-02-b.md": meeting,
		"content/meetings/2026-03-02-a.md": meeting,
		"content/meetings/2026-03-02-c.md": meeting,
	})
	slugs := func(list []*model.Concern) string {
		var s []string
		for _, c := range list {
			s = append(s, c.Slug)
		}
		return strings.Join(s, " ")
	}
	if got, want := slugs(h.Concerns), "alerts a-backups b-backups c-backups"; got != want {
		t.Errorf("concerns in order %s, want %s", got, want)
	}
	want := map[string]string{"data": "alerts a-backups b-backups c-backups", "storage": "b-backups c-backups"}
	for _, tag := range h.Tags {
		if got := slugs(tag.Concerns); got != want[tag.Slug] {
			t.Errorf("tag %s lists %s, want %s", tag.Slug, got, want[tag.Slug])
		}
	}
	var meetings []string
	for _, m := range h.Meetings {
		meetings = append(meetings, m.Slug)
	}
	if got, want := strings.Join(meetings, " "), "2026-03-02-c 2026-03-02-b 2026-03-02-a"; got != want {
		t.Errorf("meetings in order %s, want %s", got, want)
	}
}

// TestPagesInTheOrderOfTheirTitles wants the plain pages as the navigation
// lists them: by title, numbers counted as numbers, then by slug.
func TestPagesInTheOrderOfTheirTitles(t *testing.T) {
	page := func(title string) string { return "---\ntitle: \"" + title + "\"\n---\nText.\n" }
	h := resolveFiles(t, map[string]string{
		"site.yaml":              "title: T\nbaseURL: https://example.org/\n",
		"content/a-guide-10.md":  page("Guide 10"),
		"content/b-guide-2.md":   page("Guide 2"),
		"content/about.md":       page("About the council"),
		"content/z-guide-2.md":   page("guide 2"),
		"content/glossary.md":    page("Glossary"),
		"content/c-guide-1.md":   page("Guide 1: where to start"),
		"content/guide-9-etl.md": page("Guide 9: ETL"),
	})
	var got []string
	for _, p := range h.Pages {
		got = append(got, p.Slug)
	}
	if got, want := strings.Join(got, " "), "about glossary c-guide-1 b-guide-2 z-guide-2 guide-9-etl a-guide-10"; got != want {
		t.Errorf("pages in order %s, want %s", got, want)
	}
}
