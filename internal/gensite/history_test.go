package gensite

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/history"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/resolve"
)

// writeRepository writes a small handbook of opts as a repository of
// commits commits, or skips the test when git is missing outside CI.
func writeRepository(t *testing.T, opts Options, commits int) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed, and CI is set")
		}
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	s := Generate(opts)
	if err := WriteFiles(dir, s.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteRepository(dir, commits, opts.Seed); err != nil {
		t.Fatal(err)
	}
	return dir
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// TestRepositoryEndsInTheSite wants the generated history to have the
// commits asked for, to end in exactly the generated files, and to be the
// same commit for commit on every run.
func TestRepositoryEndsInTheSite(t *testing.T) {
	opts := Options{Concerns: 120, Meetings: 15, Teams: 6, Seed: 3}
	a, b := writeRepository(t, opts, 90), writeRepository(t, opts, 90)
	if status := git(t, a, "status", "--porcelain"); status != "" {
		t.Errorf("the last commit is not the generated site:\n%s", status)
	}
	if n := git(t, a, "rev-list", "--count", "HEAD"); n != "90" {
		t.Errorf("%s commits, want 90", n)
	}
	if x, y := git(t, a, "rev-parse", "HEAD"), git(t, b, "rev-parse", "HEAD"); x != y {
		t.Errorf("two runs made commits %s and %s", x, y)
	}
}

// TestRepositoryHistory reads the generated history back as a build does
// and wants what the generator made: every concern raised in a commit of
// its raised day or after (a commit holds the changes of a few days), then
// moved on, re-scored, renamed and handed over, and actions marked done on
// later days.
func TestRepositoryHistory(t *testing.T) {
	dir := writeRepository(t, Options{Concerns: 150, Meetings: 20, Teams: 6, Seed: 5}, 120)
	src, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	src.History = history.Read(dir)
	h, err := resolve.Resolve(src, time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if !h.HistoryAvailable {
		t.Fatalf("no history: %s", h.HistoryMissing)
	}
	kinds := map[model.ChangeKind]int{}
	for _, c := range h.Concerns {
		// Committed on the day it was raised, it was raised then; later,
		// it was added to the handbook then.
		first, want := c.History[0], model.ChangeRaised
		if first.Date.After(c.Raised) {
			want = model.ChangeAdded
		}
		if first.Kind != want || first.Date.Before(c.Raised) || first.Uncommitted {
			t.Errorf("%s: first change %s on %s, want %s, raised on %s or after", c.Slug, first.Kind, first.Date.Format(time.DateOnly), want, c.Raised.Format(time.DateOnly))
		}
		if now := c.States[len(c.States)-1]; now.Status != c.Status || now.Title != c.Title || now.Slug != c.Slug {
			t.Errorf("%s: the last state %+v is not the concern as it is", c.Slug, now)
		}
		for _, ch := range c.History {
			kinds[ch.Kind]++
		}
	}
	for _, kind := range []model.ChangeKind{model.ChangeStatus, model.ChangeValue, model.ChangeRenamed, model.ChangeTitle, model.ChangeTeam} {
		if kinds[kind] == 0 {
			t.Errorf("no %s change in the history: %v", kind, kinds)
		}
	}
	dated := 0
	for _, a := range h.Actions {
		if a.Done && !a.DoneOn.IsZero() {
			dated++
			if a.DoneOn.Before(a.Meeting.Date) {
				t.Errorf("%q done on %s, before its meeting on %s", a.Task, a.DoneOn.Format(time.DateOnly), a.Meeting.Date.Format(time.DateOnly))
			}
		}
	}
	if dated == 0 {
		t.Errorf("no action has a done day from the history")
	}
}
