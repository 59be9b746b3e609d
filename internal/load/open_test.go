package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
)

// writeSite writes files (slash paths to text) into a new folder.
func writeSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
}

// loadWithin loads dir, failing the test if that takes more than a few
// seconds: a read that waits on a named pipe never returns.
func loadWithin(t *testing.T, dir string) (*Site, model.ErrorList) {
	t.Helper()
	type result struct {
		site *Site
		err  error
	}
	done := make(chan result, 1)
	go func() {
		site, err := Load(dir)
		done <- result{site, err}
	}()
	select {
	case r := <-done:
		var list model.ErrorList
		if r.err != nil && !errors.As(r.err, &list) {
			t.Fatal(r.err)
		}
		return r.site, list
	case <-time.After(10 * time.Second):
		t.Fatal("Load is still reading after 10s")
	}
	return nil, nil
}

const goodConfig = "title: T\nbaseURL: https://example.org/\n"

func TestLoadRefusesSpecialFiles(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		want  string
	}{
		{
			name:  "named pipe as a content file",
			setup: func(t *testing.T, dir string) { mkfifo(t, filepath.Join(dir, "content/concerns/pipe.md")) },
			want:  "content/concerns/pipe.md: is a named pipe (FIFO), not a plain file (handbook reads only plain files: replace it with one, or remove it)",
		},
		{
			name: "site.yaml a named pipe",
			setup: func(t *testing.T, dir string) {
				_ = os.Remove(filepath.Join(dir, "site.yaml"))
				mkfifo(t, filepath.Join(dir, "site.yaml"))
			},
			want: "site.yaml: is a named pipe (FIFO), not a plain file (handbook reads only plain files: replace it with one, or remove it)",
		},
		{
			name: "site.yaml linked to an endless device",
			setup: func(t *testing.T, dir string) {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero")
				}
				_ = os.Remove(filepath.Join(dir, "site.yaml"))
				if err := os.Symlink("/dev/zero", filepath.Join(dir, "site.yaml")); err != nil {
					t.Skip(err)
				}
			},
			want: "site.yaml: is a device, not a plain file (handbook reads only plain files: replace it with one, or remove it)",
		},
		{
			name: "site.yaml too big",
			setup: func(t *testing.T, dir string) {
				big := goodConfig + "description: " + strings.Repeat("a", MaxFileSize) + "\n"
				if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(big), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			want: "site.yaml: file is 4194357 bytes, more than the 4194304 a source file may have (split it up)",
		},
		{
			name: "a folder named like a content file",
			setup: func(t *testing.T, dir string) {
				if err := os.MkdirAll(filepath.Join(dir, "content/concerns/odd.md/inner"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			want: "", // a folder is walked, not read: nothing to report
		},
		{
			name: "a link to a folder named like a content file",
			setup: func(t *testing.T, dir string) {
				if err := os.Symlink(dir, filepath.Join(dir, "content/concerns/loop.md")); err != nil {
					t.Skip(err)
				}
			},
			want: "content/concerns/loop.md: is a folder, not a plain file (handbook reads only plain files: replace it with one, or remove it)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, map[string]string{
				"site.yaml":                goodConfig,
				"content/concerns/good.md": "---\ntitle: Good\n---\n",
			})
			tt.setup(t, dir)
			site, errs := loadWithin(t, dir)
			if got := errs.Error(); got != tt.want {
				t.Errorf("errors:\n%s\nwant:\n%s", got, tt.want)
			}
			if _, ok := site.docs["content/concerns/good.md"]; !ok {
				t.Error("the good file next to the bad one was not read")
			}
		})
	}
}

func TestLoadNormalizesFileNames(t *testing.T) {
	decomposed := "zu\u0308rich" // as macOS writes zürich
	dir := writeSite(t, map[string]string{
		"site.yaml":                              goodConfig,
		"content/concerns/" + decomposed + ".md": "---\ntitle: Zürich\n---\n",
	})
	site, errs := loadWithin(t, dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(site.Docs) != 1 || site.Docs[0].Slug != "z\u00fcrich" {
		t.Fatalf("docs %+v, want one with the composed slug zürich", site.Docs)
	}
	if site.Docs[0].File != "content/concerns/"+decomposed+".md" {
		t.Errorf("file %q: messages should name the file as it is on disk", site.Docs[0].File)
	}
}

func TestLoadGoesOnPastAnUnreadableFolder(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.yaml":                  goodConfig,
		"content/concerns/hidden.md": "---\ntitle: Hidden\n---\n",
		"content/teams/ops.md":       "---\ntitle: Ops\n---\n",
		"content/teams/web.md":       "title: no frontmatter\n",
	})
	locked := filepath.Join(dir, "content/concerns")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
	if _, err := os.ReadDir(locked); err == nil {
		t.Skip("this user may read any folder")
	}
	site, errs := loadWithin(t, dir)
	want := "content/concerns: cannot read folder: permission denied (its files are left out)\n" +
		"content/teams/web.md:1: missing frontmatter (start the file with a line of ---, then fields such as title:, then another ---)"
	if errs.Error() != want {
		t.Errorf("errors:\n%s\nwant:\n%s", errs, want)
	}
	if _, ok := site.docs["content/teams/ops.md"]; !ok {
		t.Error("the readable folder was not read")
	}
	if !site.Unreadable(KindConcern, "anything") || site.Unreadable(KindTeam, "nothing") {
		t.Error("a concern may be in the folder that could not be read; a team may not")
	}
}

func TestThemeRefusesSpecialFiles(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"themes/mine/assets/big.css":     strings.Repeat("a", MaxThemeFileSize+1),
		"themes/mine/layouts/page.html":  "{{define \"main\"}}{{end}}",
		"themes/mine/assets/logo.svg":    "<svg/>",
		"themes/mine/layouts/partials/x": "x",
	})
	mkfifo(t, filepath.Join(dir, "themes/mine/assets/pipe.css"))
	mkfifo(t, filepath.Join(dir, "themes/mine/layouts/partials/pipe.html"))
	theme, err := Theme(dir, "mine")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"assets/pipe.css":             "themes/mine/assets/pipe.css: is a named pipe (FIFO), not a plain file (handbook reads only plain files: replace it with one, or remove it)",
		"layouts/partials/pipe.html":  "themes/mine/layouts/partials/pipe.html: is a named pipe (FIFO), not a plain file (handbook reads only plain files: replace it with one, or remove it)",
		"assets/big.css":              "themes/mine/assets/big.css: file is 16777217 bytes, more than the 16777216 a theme file may have (make it smaller)",
		"layouts/partials/pipe.html/": "", // not a valid name: an error, but no hang
	} {
		done := make(chan error, 1)
		go func() { _, err := fs.ReadFile(theme, name); done <- err }()
		var err error
		select {
		case err = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("reading %s is still waiting after 10s", name)
		}
		var list model.ErrorList
		switch {
		case err == nil:
			t.Errorf("%s: read, want an error", name)
		case want == "":
		case !errors.As(err, &list) || list.Error() != want:
			t.Errorf("%s: error %v, want %s", name, err, want)
		}
	}
	// Everything else reads as before, the built-in files below the site's.
	for name, want := range map[string]string{"assets/logo.svg": "<svg/>", "layouts/page.html": `{{define "main"}}{{end}}`} {
		if data, err := fs.ReadFile(theme, name); err != nil || string(data) != want {
			t.Errorf("%s: %q, %v", name, data, err)
		}
	}
	if _, err := fs.ReadFile(theme, "layouts/base.html"); err != nil {
		t.Errorf("the built-in base.html: %v", err)
	}
	entries, err := fs.ReadDir(theme, "assets")
	if err != nil || len(entries) < 4 {
		t.Errorf("assets: %v, %v", entries, err)
	}
}

func TestReadBoundedRefusesAFileThatGrew(t *testing.T) {
	// Six bytes to read from a file that was two when it was opened.
	_, err := readBounded(strings.NewReader("abcdef"), 2, 4)
	var big *tooLarge
	if !errors.As(err, &big) || big.limit != 4 {
		t.Fatalf("error %v, want one saying it is over 4 bytes", err)
	}
	data, err := readBounded(strings.NewReader("abcd"), 2, 4)
	if err != nil || string(data) != "abcd" {
		t.Fatalf("read %q, %v", data, err)
	}
}
