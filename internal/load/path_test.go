package load

import (
	"os"
	"path/filepath"
	"testing"
)

// TestPathIsWhereLoadFindsIt writes a file of each kind where Path says it
// goes, and loads it back as that kind and slug.
func TestPathIsWhereLoadFindsIt(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte("title: T\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	kinds := []Kind{KindPage, KindTeam, KindConcern, KindMeeting}
	for _, k := range kinds {
		p := filepath.Join(dir, filepath.FromSlash(Path(k, "some-slug")))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("---\ntitle: T\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := map[Kind]string{}
	for _, d := range site.Docs {
		found[d.Kind] = d.File
		if d.Slug != "some-slug" || d.File != Path(d.Kind, d.Slug) {
			t.Errorf("%s: kind %d, slug %q; Path gives %s", d.File, d.Kind, d.Slug, Path(d.Kind, d.Slug))
		}
	}
	if len(found) != len(kinds) {
		t.Errorf("loaded %v, want one file of each of %d kinds", found, len(kinds))
	}
}
