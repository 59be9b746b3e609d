package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/render"
)

// tree returns every file below dir with its content, by slash path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// folders returns every folder below dir, by slash path.
func folders(t *testing.T, dir string) []string {
	t.Helper()
	var got []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != dir {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(got)
	return got
}

func files(pairs ...string) []render.File {
	var out []render.File
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, render.File{Path: pairs[i], Data: []byte(pairs[i+1])})
	}
	return out
}

func want(pairs ...string) map[string]string {
	m := map[string]string{Marker: markerText}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// inode identifies the file at p, to tell a file left alone from one
// written again with the same bytes.
func inode(t *testing.T, p string) os.FileInfo {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// besides lists what is next to out other than out itself: staging folders
// left behind would show up here.
func besides(t *testing.T, out string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.Name() != filepath.Base(out) {
			names = append(names, e.Name())
		}
	}
	return names
}

// publish writes files as the site of a build to out.
func publish(t *testing.T, out string, files []render.File) error {
	t.Helper()
	return publishBy(t, out, files, (*Output).Write)
}

// publishBy writes files as the site of a build to out, each with put.
func publishBy(t *testing.T, out string, files []render.File, put func(*Output, render.File) error) error {
	t.Helper()
	o, err := Open(t.TempDir(), out)
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := put(o, f); err != nil {
			o.Abort()
			return err
		}
	}
	return o.Commit()
}

func TestFirstBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := publish(t, out, files("index.html", "home", "concerns/etl/index.html", "etl", "assets/style.css", "css")); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, out), want("index.html", "home", "concerns/etl/index.html", "etl", "assets/style.css", "css"); !reflect.DeepEqual(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
	if left := besides(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestLaterBuildUpdatesInPlace: a later build leaves unchanged files as they
// are, replaces changed ones, adds new ones and removes the rest, with the
// folders that leaves empty and any that were empty already.
func TestLaterBuildUpdatesInPlace(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := publish(t, out, files("index.html", "home", "concerns/etl/index.html", "etl", "concerns/old/index.html", "old", "tags/x/index.html", "x")); err != nil {
		t.Fatal(err)
	}
	kept := inode(t, filepath.Join(out, "concerns/etl/index.html"))
	if err := os.WriteFile(filepath.Join(out, "stray.html"), []byte("not ours"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Folders that held nothing go too, with the folders they leave empty.
	if err := os.MkdirAll(filepath.Join(out, "empty/deeper"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(out, "concerns/emptied"), 0o755); err != nil {
		t.Fatal(err)
	}

	next := files("index.html", "home, again", "concerns/etl/index.html", "etl", "concerns/new/deep/index.html", "new")
	if err := publish(t, out, next); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, out), want("index.html", "home, again", "concerns/etl/index.html", "etl", "concerns/new/deep/index.html", "new"); !reflect.DeepEqual(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
	if got, want := folders(t, out), []string{"concerns", "concerns/etl", "concerns/new", "concerns/new/deep"}; !reflect.DeepEqual(got, want) {
		t.Errorf("folders %v, want %v", got, want)
	}
	if !os.SameFile(kept, inode(t, filepath.Join(out, "concerns/etl/index.html"))) {
		t.Error("an unchanged file was written again")
	}
	if left := besides(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestRemovedByHandMeanwhile: the published folder is listed while the new
// site is made; a file the new site drops that someone removes by hand
// meanwhile is simply gone, and the rest is published.
func TestRemovedByHandMeanwhile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := publish(t, out, files("index.html", "home", "old/index.html", "old", "older/index.html", "older")); err != nil {
		t.Fatal(err)
	}
	o, err := Open(t.TempDir(), out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.published.wait(); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(out, "old/index.html")); err != nil {
		t.Fatal(err)
	}
	for _, f := range files("index.html", "home, again") {
		if err := o.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Commit(); err != nil {
		t.Fatalf("publishing after a file was removed by hand: %v", err)
	}
	if got, want := tree(t, out), want("index.html", "home, again"); !reflect.DeepEqual(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
	if got := folders(t, out); len(got) > 0 {
		t.Errorf("folders left: %v", got)
	}
}

// TestFileAndFolderTradePlaces: a path that was a file becomes a folder and
// the other way round.
func TestFileAndFolderTradePlaces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if err := publish(t, out, files("a", "file a", "b/index.html", "in b")); err != nil {
		t.Fatal(err)
	}
	if err := publish(t, out, files("a/index.html", "in a", "b", "file b")); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, out), want("a/index.html", "in a", "b", "file b"); !reflect.DeepEqual(got, want) {
		t.Errorf("output %v, want %v", got, want)
	}
}

// TestAbortLeavesOutputAlone: a build that fails before Commit changes
// nothing, first build or later.
func TestAbortLeavesOutputAlone(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	st, err := Open(t.TempDir(), out)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write(render.File{Path: "index.html", Data: []byte("home")}); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("an aborted first build made the output folder: %v", err)
	}

	if err := publish(t, out, files("index.html", "home", "concerns/etl/index.html", "etl")); err != nil {
		t.Fatal(err)
	}
	before := tree(t, out)
	st, err = Open(t.TempDir(), out)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files("index.html", "changed", "concerns/new/index.html", "new") {
		if err := st.Write(f); err != nil {
			t.Fatal(err)
		}
	}
	st.Abort()
	if got := tree(t, out); !reflect.DeepEqual(got, before) {
		t.Errorf("an aborted build changed the output: %v, was %v", got, before)
	}
	if left := besides(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	var refusal *Refusal
	if _, err := Open(t.TempDir(), out); !errors.As(err, &refusal) {
		t.Fatalf("Open accepted a folder of someone else's files: %v", err)
	}
	if got := tree(t, out); !reflect.DeepEqual(got, map[string]string{"notes.txt": "mine"}) {
		t.Errorf("the folder changed: %v", got)
	}
}

// publishInPieces writes files as the site of a build to out, each a few
// bytes at a time, as the largest generated files are.
func publishInPieces(t *testing.T, out string, files []render.File) error {
	t.Helper()
	return publishBy(t, out, files, func(o *Output, f render.File) error {
		w, err := o.Create(f.Path)
		if err != nil {
			return err
		}
		piece := 3
		if len(f.Data) > spillAt {
			piece = 4099
		}
		for data := f.Data; len(data) > 0; data = data[min(piece, len(data)):] {
			if _, err := w.Write(data[:min(piece, len(data))]); err != nil {
				return err
			}
		}
		return w.Close()
	})
}

// TestFilesWrittenInPieces: a file written a piece at a time is published
// as one written whole, whether it stays small enough to be gathered or
// goes to its own file as it is written: a first build writes it, a later
// one leaves it as it is when its bytes are the same, and replaces it when
// they differ, even by one byte of the same length.
func TestFilesWrittenInPieces(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	large := strings.Repeat("{\"concern\":1},", spillAt/14+100)
	changed := large[:len(large)/2] + "X" + large[len(large)/2+1:]
	first := files("handbook.json", large, "actions.ics", large, "actions.csv", "a,b\r\n", "index.html", "home")
	if err := publishInPieces(t, out, first); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, out), want("handbook.json", large, "actions.ics", large, "actions.csv", "a,b\r\n", "index.html", "home"); !reflect.DeepEqual(got, want) {
		t.Errorf("first build: output of %d files, want %d", len(got), len(want))
	}
	keptLarge := inode(t, filepath.Join(out, "handbook.json"))
	keptSmall := inode(t, filepath.Join(out, "index.html"))

	next := files("handbook.json", large, "actions.ics", changed, "actions.csv", "a,c\r\n", "index.html", "home", "concerns.csv", "x\r\n")
	if err := publishInPieces(t, out, next); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, out), want("handbook.json", large, "actions.ics", changed, "actions.csv", "a,c\r\n", "index.html", "home", "concerns.csv", "x\r\n"); !reflect.DeepEqual(got, want) {
		for path := range want {
			if got[path] != want[path] {
				t.Errorf("later build: %s is not the new site's", path)
			}
		}
	}
	if !os.SameFile(keptLarge, inode(t, filepath.Join(out, "handbook.json"))) || !os.SameFile(keptSmall, inode(t, filepath.Join(out, "index.html"))) {
		t.Error("an unchanged file written in pieces was put in place again")
	}
	if left := besides(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}
