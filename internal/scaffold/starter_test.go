package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/resolve"
)

var day = time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC)

// resolved loads and resolves the site in dir, failing on any error.
func resolved(t *testing.T, dir string) *model.Handbook {
	t.Helper()
	site, err := load.Load(dir)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	h, err := resolve.Resolve(site, day)
	if err != nil {
		t.Fatalf("resolve: %v", err)
	}
	return h
}

// TestStarterResolvesWithoutWarnings holds the starter to what init
// promises: a handbook with one of each kind of file that has no error and
// no warning (its history, read from git, is not resolve's to read here).
func TestStarterResolvesWithoutWarnings(t *testing.T) {
	dir := t.TempDir()
	files, err := Init(dir, day)
	if err != nil {
		t.Fatal(err)
	}
	h := resolved(t, dir)
	if len(h.Warnings) > 0 {
		t.Errorf("warnings:\n%v", h.Warnings)
	}
	if len(h.Teams) != 1 || len(h.Concerns) != 1 || len(h.Meetings) != 1 || len(h.Pages) != 1 {
		t.Errorf("%d teams, %d concerns, %d meetings, %d pages; want one of each", len(h.Teams), len(h.Concerns), len(h.Meetings), len(h.Pages))
	}
	if got := h.Meetings[0].Date; !got.Equal(day) {
		t.Errorf("the first meeting is held on %v, want the day init ran", got)
	}
	if a := h.Actions[0]; a.OwnerTeam == nil || !a.Due.After(day) {
		t.Errorf("the first action is owned by %v, due %v: want a team's member, due after the meeting", a.OwnerTeam, a.Due)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, f.Path)
	}
	if !strings.Contains(strings.Join(paths, " "), load.ConfigFile) {
		t.Errorf("init wrote %v, no %s", paths, load.ConfigFile)
	}
	site, err := os.ReadFile(filepath.Join(dir, load.ConfigFile))
	if err != nil {
		t.Fatal(err)
	}
	if want := "$schema=" + SchemaDir + "/" + SchemaFile("site"); !strings.Contains(string(site), want) {
		t.Errorf("site.yaml does not point editors at its schema (%s):\n%s", want, site)
	}
}

func TestInitRefusesAFolderInUse(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the folder to init
		want  string                                // in the error; "" for none
	}{
		{"new folder", func(t *testing.T, dir string) string { return filepath.Join(dir, "a", "b") }, ""},
		{"empty folder", func(t *testing.T, dir string) string { return dir }, ""},
		{"only hidden entries", func(t *testing.T, dir string) string {
			mkdir(t, filepath.Join(dir, ".git"))
			write(t, filepath.Join(dir, ".editorconfig"), "root = true\n")
			return dir
		}, ""},
		{"a file in it", func(t *testing.T, dir string) string {
			write(t, filepath.Join(dir, "notes.txt"), "mine\n")
			return dir
		}, "is not empty: it holds notes.txt (start the handbook in a new or empty folder, such as "},
		{"an old handbook", func(t *testing.T, dir string) string {
			write(t, filepath.Join(dir, "site.yaml"), "title: Mine\n")
			mkdir(t, filepath.Join(dir, "content"))
			return dir
		}, "it holds content/, site.yaml ("},
		{"many entries", func(t *testing.T, dir string) string {
			for _, n := range []string{"a", "b", "c", "d", "e"} {
				write(t, filepath.Join(dir, n), "")
			}
			return dir
		}, "it holds a, b, c, more ("},
		{"a file, not a folder", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "handbook")
			write(t, p, "")
			return p
		}, "is a file, not a folder"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			target := c.setup(t, dir)
			before := listing(t, dir)
			_, err := Init(target, day)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case c.want == "":
				resolved(t, target)
			case err == nil || !strings.Contains(err.Error(), c.want):
				t.Fatalf("err = %v, want it to say %q", err, c.want)
			case listing(t, dir) != before:
				t.Errorf("refused, but wrote files:\n%s", listing(t, dir))
			}
		})
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// listing names every file and folder below dir.
func listing(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, _ os.DirEntry, err error) error {
		b.WriteString(p + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
