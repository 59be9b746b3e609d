package preview

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/themes"
)

var day = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// fixtureSite copies the build package's fixture site into a folder the
// test may edit.
func fixtureSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../build/testdata/site")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// built builds the session's site as the preview does.
func built(t *testing.T, s *build.Session, prev *memorySite, changed ...string) *memorySite {
	t.Helper()
	var list []string
	if len(changed) > 0 {
		list = changed
	}
	p, err := s.Start(list, day)
	if err != nil {
		t.Fatal(err)
	}
	site := newMemorySite(p.Map(), prev)
	if _, err := p.Run(render.Emit(site.add)); err != nil {
		t.Fatal(err)
	}
	site.name()
	return site
}

func appendTo(t *testing.T, dir, rel, text string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(dir, rel), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestBuildName checks that a build's name follows its files' bytes and
// nothing else.
func TestBuildName(t *testing.T) {
	dir := fixtureSite(t)
	s := build.NewSession(dir)
	first := built(t, s, nil)
	again := built(t, build.NewSession(dir), nil)
	if first.build != again.build {
		t.Errorf("the same site, builds %s and %s", first.build, again.build)
	}

	appendTo(t, dir, "content/concerns/coverage.md", "\nOne more line.\n")
	next := built(t, s, first, "content/concerns/coverage.md")
	if next.build == first.build {
		t.Error("a changed page, the same build name")
	}
	want := []string{"concerns/coverage/index.html", "search/manifest.json", "search/records/0.json", "search/terms/0.json"}
	if diff := next.diff(first); !slices.Equal(diff, want) {
		t.Errorf("changed files %v, want the concern's page and the search index", diff)
	}
}

// TestReloadsPages checks that open pages are told by URL, below the base,
// which of them changed.
func TestReloadsPages(t *testing.T) {
	dir := fixtureSite(t)
	s := build.NewSession(dir)
	first := built(t, s, nil)
	appendTo(t, dir, "content/concerns/coverage.md", "\nOne more line.\n")
	next := built(t, s, first, "content/concerns/coverage.md")
	change := reloads(first, next, next.diff(first), []string{"content/concerns/coverage.md"}, "/council/", nil)
	if !slices.Equal(change.Pages, []string{"/council/concerns/coverage/"}) || change.Styles != nil {
		t.Errorf("reload %+v, want the concern's page", change)
	}
}

// TestSwapsStylesheets checks that saving only a stylesheet swaps it in
// open pages rather than reloading them, though every page's link to it
// changed.
func TestSwapsStylesheets(t *testing.T) {
	dir := fixtureSite(t)
	css, err := fs.ReadFile(themes.Default(), "assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	own := filepath.Join(dir, "themes/default/assets/style.css")
	if err := os.MkdirAll(filepath.Dir(own), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(own, css, 0o644); err != nil {
		t.Fatal(err)
	}
	s := build.NewSession(dir)
	first := built(t, s, nil)
	appendTo(t, dir, "themes/default/assets/style.css", "\nbody { color: red }\n")
	next := built(t, s, first, "themes/default/assets/style.css")
	change := reloads(first, next, next.diff(first), []string{"themes/default/assets/style.css"}, "/council/", nil)
	if len(change.Pages) != 0 || len(change.Styles) != 1 {
		t.Fatalf("change %+v, want one stylesheet swapped and no page reloaded", change)
	}
	for from, to := range change.Styles {
		if !strings.HasPrefix(from, "/council/assets/style.") || !strings.HasPrefix(to, "/council/assets/style.") || from == to {
			t.Errorf("swap %s for %s, want one fingerprinted style.css for another", from, to)
		}
		if _, ok := next.files[strings.TrimPrefix(to, "/council/")]; !ok {
			t.Errorf("%s is not in the new build: %v", to, slices.Sorted(maps.Keys(next.files)))
		}
	}
}
