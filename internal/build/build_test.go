package build

import (
	"bytes"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtureDay is the build date of the golden output: after the first
// meeting's actions were due, before the second's.
var fixtureDay = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// TestGolden builds testdata/site and compares every file with
// testdata/golden. Run with -update after an intended change.
// Assets are left out: they are the theme's files, copied as they are.
func TestGolden(t *testing.T) {
	files := published(t, copySite(t))
	for path := range files {
		if strings.HasPrefix(path, "assets/") {
			delete(files, path)
		}
	}
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for path, data := range files {
			p := filepath.Join(golden, filepath.FromSlash(path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string][]byte{}
	err := filepath.WalkDir(golden, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(golden, p)
		want[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for path, data := range files {
		g, ok := want[path]
		switch {
		case !ok:
			t.Errorf("%s: built but not in testdata/golden (run go test -update)", path)
		case !bytes.Equal(g, data):
			t.Errorf("%s differs from golden:\n%s", path, firstDifference(g, data))
		}
		delete(want, path)
	}
	for p := range want {
		t.Errorf("%s: in testdata/golden but no longer built", p)
	}
}

// firstDifference shows the first line that differs, with its neighbours.
func firstDifference(want, got []byte) string {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return "(same lines, different bytes)"
}

func TestBuildIsDeterministic(t *testing.T) {
	first := published(t, copySite(t))
	for range 3 {
		if diff := differences(published(t, copySite(t)), first); diff != "" {
			t.Fatalf("two builds differ: %s", diff)
		}
	}
}

// TestSidebarMarksWhereThePageIs checks every page's navigation: a page
// that is one of its entries marks that entry as the page, any other marks
// the entry of the section that holds it (a concern, Concerns), and a page
// that no entry holds marks none.
func TestSidebarMarksWhereThePageIs(t *testing.T) {
	files := published(t, copySite(t))
	marked := regexp.MustCompile(`<a href="/council/([^"]*)" aria-current="(page|true)">`)
	for path, data := range files {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		var got []string
		for _, m := range marked.FindAllStringSubmatch(string(data), -1) {
			got = append(got, m[2]+" "+m[1])
		}
		dir := strings.TrimSuffix(path, "index.html")
		var want []string
		switch {
		case path == "404.html", path == "search/index.html": // the search box leads to search, not the navigation
		case strings.Count(dir, "/") <= 1: // the overview and the entries below it
			want = []string{"page " + dir}
		default: // concerns/x/, teams/x/, meetings/x/, tags/x/
			want = []string{"true " + dir[:strings.Index(dir, "/")+1]}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the navigation marks %q, want %q", path, got, want)
		}
	}
}

// TestContentCannotInjectMarkup builds a concern whose every field carries
// script, event-handler and javascript: payloads, and checks that none
// reaches the pages as markup.
func TestContentCannotInjectMarkup(t *testing.T) {
	files := published(t, copySite(t))
	legit := regexp.MustCompile(`<script src="/council/assets/(handbook|charts|search)\.[0-9a-f]{8}\.js" defer></script>`)
	chartData := regexp.MustCompile(`(?s)<script type="application/json" id="chart_\w+-spec">(.*?)</script>`)
	for path, data := range files {
		if !strings.HasSuffix(path, ".html") {
			continue
		}
		page := legit.ReplaceAllString(string(data), "")
		for _, m := range chartData.FindAllStringSubmatch(page, -1) {
			if strings.ContainsAny(m[1], "<>") {
				t.Errorf("%s: chart data holds an unescaped < or >", path)
			}
			if !json.Valid([]byte(m[1])) {
				t.Errorf("%s: chart data is not valid JSON", path)
			}
		}
		page = chartData.ReplaceAllString(page, "")
		for _, bad := range []string{"<script", "<img", "<svg", "<b>", `href="javascript:`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q", path, bad)
			}
		}
	}
}

// goldenRiskPages are the pages of testdata/risk-site kept in
// testdata/risk-golden: the error budget, the concerns ranked by bad
// minutes, and a risk above its team's cap.
var goldenRiskPages = []string{"risk/index.html", "concerns/index.html", "concerns/card-retries/index.html"}

// TestGoldenRisk builds testdata/risk-site, a handbook that ranks by
// expected bad minutes (scoring.method: cre) against the site's SLO and a
// team's own, with risks that fit, one that does not, one above its cap and
// concerns not yet estimated, and compares its budget pages with
// testdata/risk-golden. Run with -update after an intended change.
func TestGoldenRisk(t *testing.T) {
	built := published(t, "testdata/risk-site")
	golden := filepath.Join("testdata", "risk-golden")
	got, want := map[string][]byte{}, map[string][]byte{}
	for _, path := range goldenRiskPages {
		got[path] = built[path]
		file := filepath.Join(golden, filepath.FromSlash(path))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, built[path], 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		want[path] = data
	}
	if diff := differences(got, want); !*update && diff != "" {
		t.Errorf("differs from testdata/risk-golden: %s", diff)
	}
}
