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

	"github.com/reliability-council/handbook/internal/render"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtureDay is the build date of the golden output: after the first
// meeting's actions were due, before the second's.
var fixtureDay = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// TestGolden builds testdata/site and compares every file with
// testdata/golden. Run with -update after an intended change.
// Assets are left out: they are the theme's files, copied as they are.
func TestGolden(t *testing.T) {
	result, err := Site("testdata/site", fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	result.Files = slices.DeleteFunc(result.Files, func(f render.File) bool { return strings.HasPrefix(f.Path, "assets/") })
	golden := filepath.Join("testdata", "golden")
	if *update {
		if err := os.RemoveAll(golden); err != nil {
			t.Fatal(err)
		}
		for _, f := range result.Files {
			p := filepath.Join(golden, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := map[string]bool{}
	err = filepath.WalkDir(golden, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(golden, p)
			want[filepath.ToSlash(rel)] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range result.Files {
		if !want[f.Path] {
			t.Errorf("%s: built but not in testdata/golden (run go test -update)", f.Path)
			continue
		}
		delete(want, f.Path)
		g, err := os.ReadFile(filepath.Join(golden, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g, f.Data) {
			t.Errorf("%s differs from golden:\n%s", f.Path, firstDifference(g, f.Data))
		}
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
	first, err := Site("testdata/site", fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		again, err := Site("testdata/site", fixtureDay)
		if err != nil {
			t.Fatal(err)
		}
		if diff := differences(again.Files, first.Files); diff != "" {
			t.Fatalf("two builds differ: %s", diff)
		}
	}
}

// TestContentCannotInjectMarkup builds a concern whose every field carries
// script, event-handler and javascript: payloads, and checks that none
// reaches the pages as markup.
func TestContentCannotInjectMarkup(t *testing.T) {
	result, err := Site("testdata/site", fixtureDay)
	if err != nil {
		t.Fatal(err)
	}
	legit := regexp.MustCompile(`<script src="/council/assets/(handbook|charts)\.[0-9a-f]{8}\.js" defer></script>`)
	chartData := regexp.MustCompile(`(?s)<script type="application/json" id="chart_\w+-spec">(.*?)</script>`)
	for _, f := range result.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		page := legit.ReplaceAllString(string(f.Data), "")
		for _, m := range chartData.FindAllStringSubmatch(page, -1) {
			if strings.ContainsAny(m[1], "<>") {
				t.Errorf("%s: chart data holds an unescaped < or >", f.Path)
			}
			if !json.Valid([]byte(m[1])) {
				t.Errorf("%s: chart data is not valid JSON", f.Path)
			}
		}
		page = chartData.ReplaceAllString(page, "")
		for _, bad := range []string{"<script", "<img", "<svg", "<b>", `href="javascript:`} {
			if strings.Contains(page, bad) {
				t.Errorf("%s contains %q", f.Path, bad)
			}
		}
	}
}

// differences names the first file in which got and want differ, or returns
// "" when they hold the same files with the same bytes.
func differences(got, want []render.File) string {
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			return want[i].Path + " is missing"
		case i >= len(want):
			return got[i].Path + " is extra"
		case got[i].Path != want[i].Path:
			return got[i].Path + " stands where " + want[i].Path + " should"
		case !bytes.Equal(got[i].Data, want[i].Data):
			return want[i].Path + " has other bytes"
		}
	}
	return ""
}
