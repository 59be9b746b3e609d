package gensite

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
)

// small is a handbook of shape that every test can afford to build.
func small(shape *Shape) Options {
	return Options{Concerns: 200, Meetings: min(shape.Meetings(200), 100), Teams: 12, Pages: 3, Seed: 7, Shape: shape}
}

// expectedWarnings are the warnings a generated handbook may have: like a
// real council's, it has concerns nobody has discussed yet and open action
// items without a due date. Any other warning means the generator wrote
// something it did not mean to.
var expectedWarnings = []string{
	"no meeting has discussed this concern yet",
	"has no due date",
	"history is not available", // the tests' folders are not git repositories
}

// TestGeneratedSiteBuilds runs the real pipeline on a handbook of each
// shape: it must build without a single error or an unexpected warning,
// and its ranks must be the ones the Hugo twin sorts by.
func TestGeneratedSiteBuilds(t *testing.T) {
	for _, shape := range Shapes() {
		t.Run(shape.Name, func(t *testing.T) {
			opts := small(shape)
			s := Generate(opts)
			result := buildHandbook(t, s)
			h := result.Handbook
			if len(h.Concerns) != opts.Concerns || len(h.Meetings) != opts.Meetings || len(h.Teams) != opts.Teams || len(h.Pages) != 2+opts.Pages {
				t.Errorf("built %d concerns, %d meetings, %d teams, %d pages; want %d, %d, %d, %d",
					len(h.Concerns), len(h.Meetings), len(h.Teams), len(h.Pages), opts.Concerns, opts.Meetings, opts.Teams, 2+opts.Pages)
			}
			for _, w := range h.Warnings {
				if !slices.ContainsFunc(expectedWarnings, func(m string) bool { return strings.Contains(w.Msg, m) }) {
					t.Errorf("unexpected warning: %v", w)
				}
			}
			want := map[string]*concern{}
			for _, c := range s.concerns {
				want[c.slug] = c
			}
			for _, c := range h.Concerns {
				g := want[c.Slug]
				if g == nil {
					t.Errorf("%s: built, but the generator has no such concern", c.Slug)
					continue
				}
				if g.rank != c.Rank || g.priority != c.Priority.Score {
					t.Errorf("%s: generator has rank %d, priority %.1f; handbook has rank %d, priority %.1f",
						c.Slug, g.rank, g.priority, c.Rank, c.Priority.Score)
				}
				if len(g.tags.items) != len(c.Tags) {
					t.Errorf("%s: generator has %d tags, handbook %d", c.Slug, len(g.tags.items), len(c.Tags))
				}
			}
		})
	}
}

// TestSameSeedSameFiles generates each shape twice with the same options,
// both sites, and wants the same bytes; another seed must give another
// site.
func TestSameSeedSameFiles(t *testing.T) {
	for _, shape := range Shapes() {
		t.Run(shape.Name, func(t *testing.T) {
			a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
			opts := small(shape)
			opts.Concerns, opts.Meetings = 100, 30
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

			opts.Seed++
			writeBoth(t, opts, c)
			if bytes.Equal(concat(first, "hb/"), concat(readTree(t, c), "hb/")) {
				t.Errorf("seeds %d and %d gave the same handbook", opts.Seed-1, opts.Seed)
			}
		})
	}
}

// TestPagesComeLast wants the plain pages asked for to leave the rest of
// the handbook as it is without them: the sizes measured with them are
// those of the same handbook.
func TestPagesComeLast(t *testing.T) {
	opts := small(defaultShape)
	with := Generate(opts).HandbookFiles()
	opts.Pages = 0
	without := map[string][]byte{}
	for _, f := range Generate(opts).HandbookFiles() {
		without[f.path] = f.data
	}
	added := 0
	for _, f := range with {
		if old, ok := without[f.path]; !ok {
			added++
		} else if !bytes.Equal(old, f.data) {
			t.Errorf("%s differs with 3 pages", f.path)
		}
	}
	if added != 3 || len(with) != len(without)+3 {
		t.Errorf("%d files added by 3 pages, %d in all against %d", added, len(with), len(without))
	}
}

// TestShapesDiffer wants each shape's handbook to differ from every
// other's made from the same seed.
func TestShapesDiffer(t *testing.T) {
	seen := map[string]string{}
	for _, shape := range Shapes() {
		opts := small(shape)
		opts.Concerns, opts.Meetings = 50, 10
		var all []byte
		for _, f := range Generate(opts).HandbookFiles() {
			all = append(append(all, f.path...), f.data...)
		}
		if other, ok := seen[string(all)]; ok {
			t.Errorf("shapes %s and %s gave the same handbook", other, shape.Name)
		}
		seen[string(all)] = shape.Name
	}
}

// TestHugoFilesParse decodes the Hugo twin's configuration and the
// frontmatter of each of its content files, for every shape, and wants the
// lists its layouts range over to be lists.
func TestHugoFilesParse(t *testing.T) {
	for _, shape := range Shapes() {
		t.Run(shape.Name, func(t *testing.T) {
			files, err := Generate(small(shape)).HugoFiles()
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				switch {
				case f.path == "hugo.toml":
					var config map[string]any
					if _, err := toml.Decode(string(f.data), &config); err != nil {
						t.Errorf("%s: %v", f.path, err)
					}
				case strings.HasPrefix(f.path, "content/"):
					front, _, ok := strings.Cut(strings.TrimPrefix(string(f.data), "---\n"), "\n---\n")
					if !ok {
						t.Errorf("%s: no frontmatter", f.path)
						continue
					}
					var fields map[string]any
					if err := yaml.Unmarshal([]byte(front), &fields); err != nil {
						t.Errorf("%s: %v", f.path, err)
					}
					for _, key := range []string{"tags", "blockers", "evidence", "signals", "concerns", "actions", "attendees"} {
						if v, ok := fields[key]; ok {
							if _, isList := v.([]any); !isList {
								t.Errorf("%s: %s is %T, want a list", f.path, key, v)
							}
						}
					}
				}
			}
		})
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

func TestShapeNamed(t *testing.T) {
	for _, shape := range Shapes() {
		if got, err := ShapeNamed(shape.Name); got != shape || err != nil {
			t.Errorf("ShapeNamed(%q) = %v, %v; want the shape", shape.Name, got, err)
		}
	}
	_, err := ShapeNamed("tall")
	if err == nil || !strings.Contains(err.Error(), `unknown shape "tall" (want default, short, long, tags, languages)`) {
		t.Errorf("ShapeNamed(tall): error %v, want one that lists the shapes", err)
	}
}

// built is a generated handbook as handbook build makes it.
type built struct {
	Handbook *model.Handbook
	Files    map[string][]byte // by path
}

// buildHandbook writes s in the handbook's format and builds it as handbook
// build does, into memory, failing the test on any error.
func buildHandbook(t *testing.T, s *Site) *built {
	t.Helper()
	dir := t.TempDir()
	if err := WriteFiles(dir, s.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	p, err := build.Start(dir, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatalf("the generated site does not build:\n%v", err)
	}
	var mu sync.Mutex
	result := &built{Handbook: p.Handbook, Files: map[string][]byte{}}
	if _, err := p.Run(render.Emit(func(f render.File) error {
		mu.Lock()
		defer mu.Unlock()
		result.Files[f.Path] = bytes.Clone(f.Data)
		return nil
	})); err != nil {
		t.Fatalf("the generated site does not build:\n%v", err)
	}
	return result
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
