package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBodiesUse reads bodies of different lengths one after another, as a
// build does with the memory of the last: each must be its own text, from
// memory or from disk, and a file changed since it was loaded an error.
func TestBodiesUse(t *testing.T) {
	long := strings.Repeat("A long body, read first. ", 400)
	files := map[string]string{
		"content/long.md":  "---\ntitle: Long\n---\n" + long,
		"content/short.md": "---\ntitle: Short\n---\nA short one.\n",
		"content/none.md":  "---\ntitle: None\n---\n",
		"site.yaml":        "title: Test\n",
	}
	dir := writeSite(t, files)
	kept, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	disk, err := LoadFrontmatter(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, site := range map[string]*Site{"in memory": kept, "on disk": disk} {
		bodies := site.Bodies()
		for _, file := range []string{"content/long.md", "content/short.md", "content/none.md", "content/long.md", "content/short.md"} {
			want := files[file][strings.Index(files[file][3:], "---\n")+7:]
			var got string
			if err := bodies.Use(site.Doc(file).Body, func(text []byte) error {
				got = string(text)
				return nil
			}); err != nil || got != want {
				t.Errorf("%s: %s: got %q, %v; want %q", name, file, got, err, want)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "content/short.md"), []byte("---\ntitle: Short\n---\nA changed one.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = disk.Bodies().Use(disk.Doc("content/short.md").Body, func([]byte) error {
		t.Error("a changed body was used")
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "changed while the site was being built") {
		t.Errorf("a body changed on disk: got %v, want an error that says so", err)
	}
}
