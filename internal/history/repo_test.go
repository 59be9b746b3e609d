package history

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needGit skips a test that needs git when git is missing, unless CI is
// set: there it must run.
func needGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is not installed, and CI is set")
		}
		t.Skip("git is not installed")
	}
}

// fixture is a git repository built by a test, every commit at a fixed
// time by a fixed author, so that its commit ids are the same on every run.
type fixture struct {
	t   *testing.T
	dir string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	needGit(t)
	f := &fixture{t: t, dir: t.TempDir()}
	f.git("init", "--quiet", "--initial-branch=main")
	return f
}

// git runs git in the repository, with the author, the committer and the
// dates fixed and no user or system configuration.
func (f *fixture) git(args ...string) string {
	f.t.Helper()
	return runGit(f.t, f.dir, "2026-01-01T09:00:00Z", args...)
}

func runGit(t *testing.T, dir, when string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "HOME="+dir,
		"GIT_AUTHOR_NAME=Council Secretary", "GIT_AUTHOR_EMAIL=secretary@example.org",
		"GIT_COMMITTER_NAME=Council Secretary", "GIT_COMMITTER_EMAIL=secretary@example.org",
		"GIT_AUTHOR_DATE="+when, "GIT_COMMITTER_DATE="+when)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.TrimSpace(string(out))
}

// write writes files, by path relative to the repository.
func (f *fixture) write(files map[string]string) {
	f.t.Helper()
	for name, text := range files {
		p := filepath.Join(f.dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			f.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			f.t.Fatal(err)
		}
	}
}

// commit commits everything in the repository at when (RFC 3339).
func (f *fixture) commit(when, subject string) string {
	f.t.Helper()
	runGit(f.t, f.dir, when, "add", "--all")
	runGit(f.t, f.dir, when, "commit", "--quiet", "--allow-empty", "-m", subject)
	return runGit(f.t, f.dir, when, "rev-parse", "HEAD")
}

// concernFile is a concern with a body long enough for git to see a file
// renamed and edited at once as the same file.
func concernFile(title, status, value string) string {
	return "---\ntitle: " + title + "\nteam: data\nvalue: " + value + "\neffort: Low\nstatus: " + status + "\n---\n" +
		strings.Repeat("The nightly load fails without telling anyone, and the reports are wrong the next morning.\n", 8)
}
