package resolve

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// Concerns are decoded on every core; each file's errors, those found as
// it is decoded and those found as it is linked to the rest, must all be
// reported, the same from a fresh resolve and from a cached one.
func TestDecodeEachKeepsEveryError(t *testing.T) {
	dir := t.TempDir()
	const n = 60 // more than any machine's cores, so that workers share them
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\nbaseURL: https://example.org/\n")
	write("content/teams/data.md", "---\ntitle: Data\n---\n")
	for i := range n {
		write(fmt.Sprintf("content/concerns/c%02d.md", i), fmt.Sprintf(
			"---\ntitle: Concern %d\nteam: nosuchteam%d\nvalue: Hihg\neffort: Low\n---\nBody.\n", i, i))
	}
	site, err := load.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	errorsFrom := func(err error) model.ErrorList {
		var list model.ErrorList
		if !errors.As(err, &list) {
			t.Fatalf("resolve: %v, want a list of errors", err)
		}
		return list
	}
	_, err = Resolve(site, today)
	fresh := errorsFrom(err)
	perFile := map[string]int{}
	for _, e := range fresh {
		perFile[e.File]++
	}
	for i := range n {
		if file := fmt.Sprintf("content/concerns/c%02d.md", i); perFile[file] != 2 {
			t.Errorf("%s: %d errors, want 2 (the level, when decoded; the team, when linked):\n%v", file, perFile[file], fresh)
		}
	}
	cache := new(Cache)
	for round := range 2 {
		_, err := cache.Resolve(site, today)
		if got := errorsFrom(err); got.Error() != fresh.Error() {
			t.Errorf("cached resolve %d:\n%v\nwant\n%v", round, got, fresh)
		}
	}
}
