package build

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// A save to bodies alone remakes the pages of the edited files before
// anything is resolved, and they must be the very pages the build after
// the save makes. Any other save, or one after a build that failed, or on
// another day, is not such an edit.
func TestEditRemakesAsBuild(t *testing.T) {
	dir := copySite(t)
	s := NewSession(dir)
	last := rebuilt(t, s, nil)
	all := slices.Sorted(maps.Keys(last.files))
	build := func() *served {
		t.Helper()
		p, err := s.Resolve()
		if err != nil {
			t.Fatal(err)
		}
		return run(t, p)
	}

	for _, c := range []struct{ file, page string }{
		{"content/concerns/coverage.md", "concerns/coverage/index.html"},
		{"content/teams/ops.md", "teams/ops/index.html"},
		{"content/meetings/first.md", "meetings/first/index.html"},
		{"content/how-we-score.md", "how-we-score/index.html"},
	} {
		edit(t, dir, c.file, func(s string) string { return s + "\nA line *added* to the body of " + c.file + ".\n" })
		e := s.Read([]string{c.file}, fixtureDay)
		if e == nil {
			t.Fatalf("%s: a save to the body alone is no Edit", c.file)
		}
		made := e.Remake(all)
		if got := slices.Collect(maps.Keys(made)); !slices.Equal(got, []string{c.page}) {
			t.Errorf("%s: remade %v, want %s alone", c.file, got, c.page)
		}
		next := build()
		if !bytes.Equal(made[c.page], next.files[c.page]) {
			t.Errorf("%s: the page remade differs from the build's", c.file)
		}
		if !bytes.Contains(made[c.page], []byte("<em>added</em> to the body")) {
			t.Errorf("%s: the page remade lacks the new text", c.file)
		}
	}

	notEdits := []struct {
		what   string
		change func(string) string
		day    time.Time
	}{
		{"a frontmatter field", func(s string) string { return strings.Replace(s, "effort: Low-Medium", "effort: Low", 1) }, fixtureDay},
		{"a body on another day", func(s string) string { return s + "\nMore.\n" }, fixtureDay.AddDate(0, 0, 1)},
	}
	for _, c := range notEdits {
		edit(t, dir, "content/concerns/coverage.md", c.change)
		if e := s.Read([]string{"content/concerns/coverage.md"}, c.day); e != nil {
			t.Errorf("a save to %s is taken for an Edit", c.what)
		}
		build()
	}

	// A build that fails leaves nothing to compare with, until one succeeds.
	edit(t, dir, "content/concerns/coverage.md", func(s string) string { return strings.Replace(s, "effort: Low", "effort: Lwo", 1) })
	s.Read([]string{"content/concerns/coverage.md"}, fixtureDay)
	if _, err := s.Resolve(); err == nil {
		t.Fatal("a misspelt level built")
	}
	edit(t, dir, "content/concerns/xss.md", func(s string) string { return s + "\nMore.\n" })
	if e := s.Read([]string{"content/concerns/xss.md"}, fixtureDay); e != nil {
		t.Error("a save to a body after a failed build is taken for an Edit")
	}
	edit(t, dir, "content/concerns/coverage.md", func(s string) string { return strings.Replace(s, "effort: Lwo", "effort: Low", 1) })
	s.Read([]string{"content/concerns/coverage.md"}, fixtureDay)
	build()
	edit(t, dir, "content/concerns/xss.md", func(s string) string { return s + "\nMore still.\n" })
	if e := s.Read([]string{"content/concerns/xss.md"}, fixtureDay); e == nil {
		t.Error("a save to a body after the build was fixed is no Edit")
	}

	// A build that succeeds after another save was read is not the good
	// build of what was read since.
	build()
	edit(t, dir, "content/concerns/xss.md", func(s string) string { return s + "\nOnce more.\n" })
	s.Read([]string{"content/concerns/xss.md"}, fixtureDay)
	p, err := s.Resolve()
	if err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "content/concerns/coverage.md", func(s string) string { return strings.Replace(s, "effort: Low", "effort: High", 1) })
	s.Read([]string{"content/concerns/coverage.md"}, fixtureDay)
	run(t, p)
	edit(t, dir, "content/concerns/xss.md", func(s string) string { return s + "\nAnd again.\n" })
	if e := s.Read([]string{"content/concerns/xss.md"}, fixtureDay); e != nil {
		t.Error("a save to a body is taken for an Edit of a build that never read the save before it")
	}
}
