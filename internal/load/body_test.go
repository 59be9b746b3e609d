package load

import (
	"fmt"
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

// TestDocumentsOutliveTheirReads loads one site, then others whose files
// are read into the same lent memory, and wants the first site's fields
// and bodies as they were: nothing a document keeps may point into the
// memory its file was read into.
func TestDocumentsOutliveTheirReads(t *testing.T) {
	type file struct {
		scalars []string // the frontmatter's, in order
		body    string
	}
	type loaded struct {
		site  *Site
		files map[string]file
	}
	var sites []loaded
	for _, word := range []string{"first", "second", "third"} {
		texts := map[string]string{"site.yaml": "title: " + word + "\n"}
		files := map[string]file{}
		for i := range 20 {
			name := fmt.Sprintf("content/concerns/c%d.md", i)
			title, body := fmt.Sprintf("%s %d", word, i), strings.Repeat(word, i+1)+" body.\n"
			texts[name] = fmt.Sprintf("---\ntitle: %s\nvalue: High, %s\ntags: [%s, x]\n---\n%s", title, word, word, body)
			files[name] = file{[]string{"title", title, "value", "High, " + word, "tags", word, "x"}, body}
		}
		dir := writeSite(t, texts)
		for _, load := range []func(string) (*Site, error){Load, LoadFrontmatter} {
			s, err := load(dir)
			if err != nil {
				t.Fatal(err)
			}
			sites = append(sites, loaded{s, files})
		}
	}
	for _, l := range sites {
		for name, want := range l.files {
			d := l.site.Doc(name)
			var got []string
			var walk func(n *Node)
			walk = func(n *Node) {
				if n.Kind == ScalarNode {
					got = append(got, n.Value())
				}
				for i := range n.Content() {
					walk(&n.Content()[i])
				}
			}
			walk(d.Front)
			if fmt.Sprint(got) != fmt.Sprint(want.scalars) {
				t.Errorf("%s: fields %q, want %q", name, got, want.scalars)
			}
			if l.site.keepBodies {
				_ = l.site.Bodies().Use(d.Body, func(text []byte) error {
					if string(text) != want.body {
						t.Errorf("%s: body %q, want %q", name, text, want.body)
					}
					return nil
				})
			}
		}
	}
}
