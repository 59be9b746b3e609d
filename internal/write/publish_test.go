package write

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/render"
)

// TestFailedCommitPutsOutputBack makes publishing fail half-way, on a
// file whose path is too long for the file system, and checks that the
// output is exactly the old site again and the error says so.
func TestFailedCommitPutsOutputBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := publish(t, out, files("index.html", "home", "a/index.html", "a", "b", "file b", "c/index.html", "c")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	deep := strings.Repeat(strings.Repeat("x", 200)+"/", 25) + "index.html" // over the 4096 bytes of a path
	err := publish(t, out, files("index.html", "home, again", "a", "a is a file now", "b/index.html", "b is a folder now", deep, "too deep", "z/index.html", "new"))
	if err == nil {
		t.Fatal("publishing a path too long for the file system succeeded")
	}
	if !strings.Contains(err.Error(), "the output folder was put back as it was") {
		t.Errorf("error %q does not say the output is as it was", err)
	}
	if got := tree(t, out); !reflect.DeepEqual(got, before) {
		t.Errorf("after a failed commit the output is %v, want the old site %v", got, before)
	}
	if left := besides(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestKilledCommitIsUndone leaves a journal as a build killed half-way
// through its commit would, and checks that the next Open puts the old
// site back and clears what the killed build set aside.
func TestKilledCommitIsUndone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := publish(t, out, files("index.html", "home", "a/index.html", "a", "old/index.html", "old")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	for stop := range 7 {
		o, err := Open(t.TempDir(), out)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files("index.html", "home, again", "a", "a is a file now", "new/index.html", "new") {
			if err := o.Write(f); err != nil {
				t.Fatal(err)
			}
		}
		u := o.pub.(*update)
		if err := u.write(render.File{Path: Marker, Data: []byte(markerText)}); err != nil {
			t.Fatal(err)
		}
		j, err := plan(u.out, u.dir, u.published, u.site, u.changed)
		if err != nil {
			t.Fatal(err)
		}
		if err := writeSynced(filepath.Join(j.dir, journalFile), mustJSON(t, j)); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(filepath.Join(j.dir, "old"), 0o755); err != nil {
			t.Fatal(err)
		}
		// Apply only the first few changes, as a build killed then would.
		applied := *j
		applied.Removes = j.Removes[:min(stop, len(j.Removes))]
		applied.Puts = j.Puts[:min(max(stop-len(j.Removes), 0), len(j.Puts))]
		_ = applied.apply()
		o.lock.release() // the process is gone

		next, err := Open(t.TempDir(), out)
		if err != nil {
			t.Fatalf("stopped after %d changes: %v", stop, err)
		}
		if !next.Recovered {
			t.Errorf("stopped after %d changes: Open did not report putting the output back", stop)
		}
		next.Abort()
		if got := tree(t, out); !reflect.DeepEqual(got, before) {
			t.Errorf("stopped after %d changes: the output is %v, want the old site %v", stop, got, before)
		}
		if left := besides(t, out); len(left) > 0 {
			t.Errorf("stopped after %d changes: left beside the output: %v", stop, left)
		}
	}
}

// TestOneBuildAtATime checks that a second build into the same folder
// waits for nothing and says why it cannot start.
func TestOneBuildAtATime(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	first, err := Open(t.TempDir(), out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.TempDir(), out); err == nil || !strings.Contains(err.Error(), "another handbook build is writing") {
		t.Errorf("a second build at once: %v", err)
	}
	first.Abort()
	second, err := Open(t.TempDir(), out)
	if err != nil {
		t.Fatalf("once the first is done: %v", err)
	}
	second.Abort()
}

// TestSymlinkedOutput checks that -o naming a link writes the folder it
// points to and keeps the link, and that a link to nothing is refused.
func TestSymlinkedOutput(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for range 2 { // a first build, then one that updates in place
		if err := publish(t, link, files("index.html", "home")); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v, %v", info, err)
	}
	if got := tree(t, target); !reflect.DeepEqual(got, want("index.html", "home")) {
		t.Errorf("the folder linked to holds %v", got)
	}

	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.TempDir(), dangling); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("a link to nothing: %v", err)
	}
}

// TestRefusalFollowsThePhysicalPath enters a folder through a link, as a
// shell does with cd, and names the output with "..": the refusal must
// judge the folder the file system would write, not the one the link's
// path suggests.
func TestRefusalFollowsThePhysicalPath(t *testing.T) {
	site := t.TempDir()
	if err := os.MkdirAll(filepath.Join(site, "content", "notes"), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "notes")
	if err := os.Symlink(filepath.Join(site, "content", "notes"), link); err != nil {
		t.Fatal(err)
	}
	t.Chdir(link)
	t.Setenv("PWD", link) // as a shell that entered through the link says
	_, err := Open(site, "../out")
	if err == nil || !strings.Contains(err.Error(), "inside the site's content") {
		t.Errorf("writing ../out from inside content/ through a link: %v", err)
	}
}

// TestWriteErrorNamesThePage checks that a file that cannot be written is
// named by its page, not by where it was set aside.
func TestWriteErrorNamesThePage(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	o, err := Open(t.TempDir(), out)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Abort()
	deep := strings.Repeat(strings.Repeat("y", 250)+"/", 20) + "index.html"
	err = o.Write(render.File{Path: deep, Data: []byte("x")})
	if err == nil || strings.Contains(err.Error(), ".new-") {
		t.Errorf("error %v, want one naming the page only", err)
	}
}

func mustJSON(t *testing.T, j *journal) []byte {
	t.Helper()
	data, err := json.Marshal(j)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
