package history

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/load"
)

// revisionsOf writes a file's revisions as "date subject path status".
func revisionsOf(h *load.History, revs []load.Revision) []string {
	var out []string
	for _, r := range revs {
		status := "-"
		front, _ := r.Front.Read(h.Fronts, nil)
		for line := range strings.Lines(string(front)) {
			if s, ok := strings.CutPrefix(line, "status: "); ok {
				status = strings.TrimSpace(s)
			}
		}
		out = append(out, strings.Join([]string{r.Commit.Time.Format("2006-01-02T15:04:05Z07:00"), r.Commit.Subject, r.Path, status}, " | "))
	}
	return out
}

// readableRevision is a revision with its commit and frontmatter read,
// to compare.
type readableRevision struct {
	Commit load.Commit
	Path   string
	Front  string
	Has    bool // whether it had frontmatter
}

// readable returns each file's revisions of h with their frontmatter.
func readable(h *load.History) map[string][]readableRevision {
	out := map[string][]readableRevision{}
	for file, revs := range h.Files {
		for _, r := range revs {
			front, ok := r.Front.Read(h.Fronts, nil)
			out[file] = append(out[file], readableRevision{Commit: *r.Commit, Path: r.Path, Front: string(front), Has: ok})
		}
	}
	return out
}

// TestReadFollowsFilesThroughRenames builds a site below the top of its
// repository and wants each file's revisions with their dates, subjects
// and paths then: a rename keeps the file's history, a file deleted is
// gone, and changes outside content/ are no revisions.
func TestReadFollowsFilesThroughRenames(t *testing.T) {
	f := newFixture(t)
	f.write(map[string]string{
		"site/site.yaml":                 "title: T\nbaseURL: https://example.org/\n",
		"site/content/teams/data.md":     "---\ntitle: Data\n---\n",
		"site/content/concerns/etl.md":   concernFile("ETL", "proposed", "Low-Medium"),
		"site/content/concerns/later.md": concernFile("Later", "proposed", "Low"),
	})
	f.commit("2026-01-05T10:00:00+01:00", "Raise the ETL concern")
	f.write(map[string]string{"site/content/concerns/etl.md": concernFile("ETL", "accepted", "High")})
	f.commit("2026-02-02T23:30:00-05:00", "Accept ETL at the February meeting")
	f.write(map[string]string{"README.md": "outside the site\n", "site/site.yaml": "title: T2\nbaseURL: https://example.org/\n"})
	f.commit("2026-02-10T09:00:00Z", "Rename the handbook")
	f.git("mv", "site/content/concerns/etl.md", "site/content/concerns/etl-monitoring.md")
	f.write(map[string]string{"site/content/concerns/etl-monitoring.md": concernFile("ETL monitoring", "accepted", "High")})
	f.git("rm", "--quiet", "site/content/concerns/later.md")
	f.commit("2026-03-01T12:00:00Z", "Name the ETL concern for what it is about")

	h := Read(filepath.Join(f.dir, "site"))
	if !h.Available() {
		t.Fatalf("no history: %s", h.Missing)
	}
	want := []string{
		"2026-01-05T10:00:00+01:00 | Raise the ETL concern | content/concerns/etl.md | proposed",
		"2026-02-02T23:30:00-05:00 | Accept ETL at the February meeting | content/concerns/etl.md | accepted",
		"2026-03-01T12:00:00Z | Name the ETL concern for what it is about | content/concerns/etl-monitoring.md | accepted",
	}
	if got := revisionsOf(h, h.Files["content/concerns/etl-monitoring.md"]); !reflect.DeepEqual(got, want) {
		t.Errorf("revisions of the renamed concern:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(h.Files["content/teams/data.md"]) != 1 {
		t.Errorf("team revisions %v, want the one commit", revisionsOf(h, h.Files["content/teams/data.md"]))
	}
	for _, gone := range []string{"content/concerns/etl.md", "content/concerns/later.md", "site.yaml", "README.md"} {
		if revs, ok := h.Files[gone]; ok {
			t.Errorf("%s has revisions %v; it is not a content file there now", gone, revisionsOf(h, revs))
		}
	}
	first, _ := h.Files["content/concerns/etl-monitoring.md"][0].Front.Read(h.Fronts, nil)
	if !bytes.HasPrefix(first, []byte("title: ETL\n")) || bytes.Contains(first, []byte("---")) {
		t.Errorf("frontmatter of the first revision is %q, want the block between the --- lines", first)
	}
	if h.Head != f.git("rev-parse", "HEAD") {
		t.Errorf("head %s, want the last commit", h.Head)
	}
}

// TestReadFollowsTheBranchLine wants a merge to count as one change of the
// branch it was merged into, dated by the merge: the branch's own commits
// are not the handbook's history until they are merged.
func TestReadFollowsTheBranchLine(t *testing.T) {
	f := newFixture(t)
	f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", "proposed", "Low")})
	f.commit("2026-01-05T10:00:00Z", "Raise ETL")
	f.git("checkout", "--quiet", "-b", "rescore")
	f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", "proposed", "High")})
	f.commit("2026-01-06T10:00:00Z", "Re-score ETL")
	f.git("checkout", "--quiet", "main")
	f.write(map[string]string{"content/teams/data.md": "---\ntitle: Data\n---\n"})
	f.commit("2026-01-07T10:00:00Z", "Add the data team")
	runGit(t, f.dir, "2026-01-08T10:00:00Z", "merge", "--quiet", "--no-ff", "-m", "Merge the re-scoring", "rescore")

	h := Read(f.dir)
	want := []string{
		"2026-01-05T10:00:00Z | Raise ETL | content/concerns/etl.md | proposed",
		"2026-01-08T10:00:00Z | Merge the re-scoring | content/concerns/etl.md | proposed",
	}
	if got := revisionsOf(h, h.Files["content/concerns/etl.md"]); !reflect.DeepEqual(got, want) {
		t.Errorf("revisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadWithoutHistory wants every way of having no history said in
// words that tell the user what to do.
func TestReadWithoutHistory(t *testing.T) {
	needGit(t)
	t.Run("not a repository", func(t *testing.T) {
		h := Read(t.TempDir())
		if h.Available() || !strings.Contains(h.Missing, "not in a git repository") {
			t.Errorf("missing %q", h.Missing)
		}
	})
	t.Run("no commits", func(t *testing.T) {
		f := newFixture(t)
		if h := Read(f.dir); !strings.Contains(h.Missing, "no commits yet") {
			t.Errorf("missing %q", h.Missing)
		}
	})
	t.Run("shallow clone", func(t *testing.T) {
		f := newFixture(t)
		for i, day := range []string{"2026-01-05", "2026-01-06"} {
			f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", []string{"proposed", "accepted"}[i], "Low")})
			f.commit(day+"T10:00:00Z", "Change "+day)
		}
		clone := filepath.Join(t.TempDir(), "clone")
		runGit(t, f.dir, "2026-01-07T10:00:00Z", "clone", "--quiet", "--depth", "1", "file://"+f.dir, clone)
		h := Read(clone)
		if h.Available() || !strings.Contains(h.Missing, "shallow clone") || !strings.Contains(h.Missing, "fetch-depth: 0") {
			t.Errorf("missing %q", h.Missing)
		}
	})
	t.Run("an old version lost", func(t *testing.T) {
		f := newFixture(t)
		for i, day := range []string{"2026-01-05", "2026-01-06"} {
			f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", []string{"proposed", "accepted"}[i], "Low")})
			f.commit(day+"T10:00:00Z", "Change "+day)
		}
		lost := f.git("rev-parse", "HEAD~1:content/concerns/etl.md")
		if err := os.Remove(filepath.Join(f.dir, ".git", "objects", lost[:2], lost[2:])); err != nil {
			t.Fatal(err)
		}
		h := Read(f.dir)
		if h.Available() || !strings.Contains(h.Missing, "lacks "+lost) || !strings.Contains(h.Missing, "git fsck") {
			t.Errorf("missing %q", h.Missing)
		}
	})
	t.Run("git not installed", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		if h := Read(t.TempDir()); !strings.Contains(h.Missing, "git is not installed") {
			t.Errorf("missing %q", h.Missing)
		}
	})
}

// TestReadFromAHook wants the site's own repository found even when a git
// hook's variables name another one, as they do when check runs from a
// pre-commit hook.
func TestReadFromAHook(t *testing.T) {
	f := newFixture(t)
	f.write(map[string]string{"site/content/concerns/etl.md": concernFile("ETL", "proposed", "Low")})
	f.commit("2026-01-05T10:00:00Z", "Raise ETL")
	t.Setenv("GIT_DIR", ".git") // relative to the top, where hooks run
	t.Setenv("GIT_INDEX_FILE", filepath.Join(t.TempDir(), "index"))
	if h := Read(filepath.Join(f.dir, "site")); len(h.Files["content/concerns/etl.md"]) != 1 {
		t.Errorf("history %+v (missing %q), want the one commit", h.Files, h.Missing)
	}
}

// TestReadBloblessClone reads a clone made without its old versions, as
// Netlify makes it, and wants the same history as from a full clone, with
// the old versions fetched in one batch rather than one at a time.
func TestReadBloblessClone(t *testing.T) {
	f := newFixture(t)
	f.git("config", "uploadpack.allowFilter", "true")
	statuses := []string{"proposed", "accepted", "planned", "in-progress", "done"}
	for i, status := range statuses {
		f.write(map[string]string{
			"content/concerns/etl.md":    concernFile("ETL", status, "Low"),
			"content/concerns/backup.md": concernFile("Backups", statuses[len(statuses)-1-i], "High"),
		})
		f.commit("2026-01-0"+string(rune('1'+i))+"T10:00:00Z", "Move on to "+status)
	}
	clone := filepath.Join(t.TempDir(), "clone")
	runGit(t, f.dir, "2026-02-01T10:00:00Z", "clone", "--quiet", "--filter=blob:none", "file://"+f.dir, clone)
	if missing := runGit(t, clone, "2026-02-01T10:00:00Z", "rev-list", "--objects", "--missing=print", "--all"); strings.Count(missing, "\n?") != 8 {
		t.Fatalf("the clone should lack the 8 old versions, but rev-list says\n%s", missing)
	}

	trace := filepath.Join(t.TempDir(), "trace")
	t.Setenv("GIT_TRACE2_EVENT", trace)
	got := Read(clone)
	t.Setenv("GIT_TRACE2_EVENT", "")
	if !got.Available() {
		t.Fatalf("no history: %s", got.Missing)
	}
	want := Read(f.dir)
	if !reflect.DeepEqual(got.Files, want.Files) {
		t.Errorf("blobless clone's history differs from the full one's")
	}
	events, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	fetches := 0
	for line := range strings.Lines(string(events)) {
		if strings.Contains(line, `"event":"start"`) && strings.Contains(line, `"fetch"`) {
			fetches++
		}
	}
	if fetches != 1 {
		t.Errorf("git fetch ran %d times, want once for every old version together", fetches)
	}
}

// TestStoreChangesNothing reads a history cold, then again from what the
// first read kept, then after more commits from the kept part and the
// commits since, then after the last commit was rewritten: every read must
// give what a cold read gives.
func TestStoreChangesNothing(t *testing.T) {
	f := newFixture(t)
	f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", "proposed", "Low")})
	f.commit("2026-01-05T10:00:00Z", "Raise ETL")
	cold := func() *load.History {
		t.Helper()
		if err := os.RemoveAll(filepath.Join(f.dir, ".git", "handbook")); err != nil {
			t.Fatal(err)
		}
		return Read(f.dir)
	}
	same := func(what string, got, want *load.History) {
		t.Helper()
		if g, w := readable(got), readable(want); got.Head != want.Head || !reflect.DeepEqual(g, w) {
			t.Errorf("%s: %+v\nwant the cold read's %+v", what, g, w)
		}
	}

	first := cold()
	if _, err := os.Stat(filepath.Join(f.dir, ".git", "handbook")); err != nil {
		t.Fatalf("nothing kept for the next read: %v", err)
	}
	same("read again", Read(f.dir), first)

	f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", "accepted", "Low")})
	f.commit("2026-01-06T10:00:00Z", "Accept ETL")
	f.git("mv", "content/concerns/etl.md", "content/concerns/etl-monitoring.md")
	f.commit("2026-01-07T10:00:00Z", "Rename ETL")
	incremental := Read(f.dir)
	same("read after two commits", incremental, cold())
	if n := len(incremental.Files["content/concerns/etl-monitoring.md"]); n != 3 {
		t.Errorf("%d revisions after the rename, want 3", n)
	}

	runGit(t, f.dir, "2026-01-08T10:00:00Z", "commit", "--quiet", "--amend", "-m", "Rename the ETL concern")
	same("read after the last commit was rewritten", Read(f.dir), cold())

	// Where nothing can be kept, the frontmatter read from git stays in
	// memory.
	want := cold()
	kept := filepath.Join(f.dir, ".git", "handbook")
	if err := os.RemoveAll(kept); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(kept, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	same("read where nothing can be kept", Read(f.dir), want)
}

// TestStoreKeepsAFilesVersionsTogether wants each file's versions side by
// side in the store, however the commits interleave them: a build reads
// them a stretch at a time.
func TestStoreKeepsAFilesVersionsTogether(t *testing.T) {
	f := newFixture(t)
	for i, status := range []string{"proposed", "accepted", "planned", "done"} {
		f.write(map[string]string{
			"content/concerns/api.md": concernFile("API", status, "Low"),
			"content/concerns/etl.md": concernFile("ETL", status, "High"),
			"content/concerns/web.md": concernFile("Web", status, "Medium"),
		})
		f.commit(fmt.Sprintf("2026-01-0%dT10:00:00Z", i+1), "Move everything to "+status)
	}
	h := Read(f.dir)
	for file, revs := range h.Files {
		spans := []load.Span{}
		for _, r := range revs {
			spans = append(spans, r.Front)
		}
		slices.SortFunc(spans, func(a, b load.Span) int { return cmp.Compare(a.At, b.At) })
		for i := 1; i < len(spans); i++ {
			// Between two versions: the next one's id and length.
			if gap := spans[i].At - (spans[i-1].At + int64(spans[i-1].Size)); gap < 0 || gap > 64 {
				t.Errorf("%s: versions at %v in the store, not side by side", file, spans)
				break
			}
		}
	}
}

// TestCacheReadsAgainOnlyWhenHeadMoves wants the same history while the
// repository's head stays, and a new one once a commit is made.
func TestCacheReadsAgainOnlyWhenHeadMoves(t *testing.T) {
	f := newFixture(t)
	f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", "proposed", "Low")})
	f.commit("2026-01-05T10:00:00Z", "Raise ETL")
	var c Cache
	first := c.Read(f.dir)
	f.write(map[string]string{"content/concerns/etl.md": concernFile("ETL", "accepted", "Low")}) // not committed
	if again := c.Read(f.dir); again != first {
		t.Errorf("read again without a commit, and got another history")
	}
	f.commit("2026-01-06T10:00:00Z", "Accept ETL")
	if after := c.Read(f.dir); after == first || len(after.Files["content/concerns/etl.md"]) != 2 {
		t.Errorf("after a commit: the same history %v, or not two revisions: %v", after == first, revisionsOf(after, after.Files["content/concerns/etl.md"]))
	}
}
