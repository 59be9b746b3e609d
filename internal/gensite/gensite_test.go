package gensite

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/build"
)

var small = Options{Concerns: 300, Meetings: 40, Teams: 12, Seed: 7}

// TestGeneratedSiteBuilds runs the real pipeline on a generated handbook: it
// must build without a single error, and its ranks must be the ones the Hugo
// twin sorts by.
func TestGeneratedSiteBuilds(t *testing.T) {
	dir := t.TempDir()
	s := Generate(small)
	if err := WriteFiles(dir, s.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	h, err := build.Check(dir, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("the generated site does not build:\n%v", err)
	}
	if len(h.Concerns) != small.Concerns || len(h.Meetings) != small.Meetings || len(h.Teams) != small.Teams {
		t.Errorf("built %d concerns, %d meetings, %d teams; want %d, %d, %d",
			len(h.Concerns), len(h.Meetings), len(h.Teams), small.Concerns, small.Meetings, small.Teams)
	}
	want := map[string]*concern{}
	for _, c := range s.concerns {
		want[c.slug] = c
	}
	for _, c := range h.Concerns {
		g := want[c.Slug]
		if g.rank != c.Rank || g.priority != c.Priority.Score {
			t.Errorf("%s: generator has rank %d, priority %.1f; handbook has rank %d, priority %.1f",
				c.Slug, g.rank, g.priority, c.Rank, c.Priority.Score)
		}
	}
}

// TestSameSeedSameFiles generates twice with the same options, both sites,
// and wants the same bytes; another seed must give another site.
func TestSameSeedSameFiles(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	opts := Options{Concerns: 300, Meetings: 40, Teams: 12, Seed: 7}
	for _, dir := range []string{a, b} {
		writeBoth(t, opts, dir)
	}
	first, second := readTree(t, a), readTree(t, b)
	if len(first) == 0 {
		t.Fatal("gensite wrote nothing")
	}
	for p, data := range first {
		if !bytes.Equal(data, second[p]) {
			t.Errorf("%s differs between two runs with the same seed", p)
		}
		delete(second, p)
	}
	for p := range second {
		t.Errorf("%s written by the second run only", p)
	}

	opts.Seed = 8
	writeBoth(t, opts, c)
	if bytes.Equal(concat(first, "hb/"), concat(readTree(t, c), "hb/")) {
		t.Error("seeds 7 and 8 gave the same handbook")
	}
}

// TestGeneratedContent checks the shape the brief promises, on the model
// the files are written from.
func TestGeneratedContent(t *testing.T) {
	s := Generate(small)
	for _, c := range s.concerns {
		if n := len(strings.Fields(c.body)); n < 150 || n > 420 {
			t.Errorf("%s: body of %d words, want about 150 to 400", c.slug, n)
		}
		if n := len(c.tags); n < 1 || n > 3 {
			t.Errorf("%s: %d tags, want 1 to 3", c.slug, n)
		}
		if len(c.blockers) > 3 {
			t.Errorf("%s: %d blockers, want at most 3", c.slug, len(c.blockers))
		}
	}
	for _, m := range s.meetings {
		if n := len(m.concerns); n < 3 || n > 30 {
			t.Errorf("%s: %d concerns discussed, want 3 to 30", m.slug, n)
		}
		if n := len(m.actions); n < 1 || n > 8 {
			t.Errorf("%s: %d actions, want 1 to 8", m.slug, n)
		}
	}
}

func TestRefusesNonEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFiles(dir, Generate(Options{Concerns: 5, Meetings: 1, Teams: 2, Seed: 1}).HandbookFiles())
	if err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("error %v, want it to say the folder is not empty", err)
	}
}

// writeBoth writes the handbook and its Hugo twin below dir.
func writeBoth(t *testing.T, opts Options, dir string) {
	t.Helper()
	s := Generate(opts)
	if err := WriteFiles(filepath.Join(dir, "hb"), s.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	files, err := s.HugoFiles()
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteFiles(filepath.Join(dir, "hugo"), files); err != nil {
		t.Fatal(err)
	}
}

// readTree returns every file below dir by its slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// concat joins the files under prefix in path order.
func concat(files map[string][]byte, prefix string) []byte {
	var paths []string
	for p := range files {
		if strings.HasPrefix(p, prefix) {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	var out []byte
	for _, p := range paths {
		out = append(append(out, p...), files[p]...)
	}
	return out
}
