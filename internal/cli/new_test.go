package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/scaffold"
)

// TestNewAsksAtATerminal answers new's questions as a person would: the
// title, then a team misspelt, then the right one.
func TestNewAsksAtATerminal(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if code := Run(quiet(), []string{"new", "-s", dir, "team", "payments"}); code != exitOK {
		t.Fatalf("new team: exit %d", code)
	}

	env, stdout, stderr := testEnv()
	env.Interactive = true
	env.Stdin = strings.NewReader("Card retries double-charge\npaymnets\npayments\n")
	if code := Run(env, []string{"new", "-s", dir, "concern", "card-retries"}); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "Title [Card retries]: " +
		"Team (payments, platform): " + `unknown team "paymnets" (did you mean "payments"?)` + "\n" +
		"Team (payments, platform): " +
		"wrote " + filepath.Join(dir, "content", "concerns", "card-retries.md") + "\n"
	if stdout.String() != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}
	text, err := os.ReadFile(filepath.Join(dir, "content", "concerns", "card-retries.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{"\ntitle: Card retries double-charge\n", "\nteam: payments\n", "\nraised: 2023-11-14\n"} {
		if !strings.Contains(string(text), line) {
			t.Errorf("no %q in:\n%s", line, text)
		}
	}
}

// TestNewTakesDefaults presses Enter at every question, then ends the
// input: the defaults are taken, and a meeting keeps the title made from
// its date.
func TestNewTakesDefaults(t *testing.T) {
	dir := t.TempDir()
	if _, err := scaffold.Init(dir, time.Date(2023, 11, 14, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args  []string
		input string
		file  string
		has   []string
	}{
		{[]string{"concern", "slow-pages"}, "\n\n", "content/concerns/slow-pages.md", []string{"\ntitle: Slow pages\n", "\nteam: platform\n"}},
		{[]string{"meeting", "2023-11-20-second"}, "", "content/meetings/2023-11-20-second.md", []string{"\ntitle:\n", "\ndate: 2023-11-20\n"}},
	} {
		env, _, stderr := testEnv()
		env.Interactive = true
		env.Stdin = strings.NewReader(c.input)
		if code := Run(env, append([]string{"new", "-s", dir}, c.args...)); code != exitOK {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		text, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(c.file)))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range c.has {
			if !strings.Contains(string(text), line) {
				t.Errorf("%v: no %q in:\n%s", c.args, line, text)
			}
		}
	}
}

func quiet() Env {
	env, _, _ := testEnv()
	return env
}
