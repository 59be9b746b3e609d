package preview

import (
	"bytes"
	"path"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/serve"
)

// reloads says which open pages must reload after a build of cur that
// changed the files in diff, from sources saved (nil: everything). When
// only stylesheets were saved, pages swap them in place instead of
// reloading, even though every page's link to a stylesheet changed with
// its fingerprint. Pages shown early, as they now are, reload no more.
func reloads(prev, cur *memorySite, diff, sources []string, base string, shownEarly map[string][]byte) serve.Change {
	if prev != nil && sources != nil && onlyStylesheets(sources) {
		if styles := swappedStyles(prev, cur, base); len(styles) > 0 {
			return serve.Change{Styles: styles}
		}
	}
	pages := []string{}
	for _, f := range diff {
		e, ok := cur.Map.Entry(f)
		if !ok && prev != nil {
			e, ok = prev.Map.Entry(f)
		}
		if early, ok2 := shownEarly[f]; ok2 && bytes.Equal(early, cur.files[f]) {
			continue
		}
		if ok && e.Page {
			pages = append(pages, base+e.URL)
		}
	}
	return serve.Change{Pages: pages}
}

func onlyStylesheets(sources []string) bool {
	for _, s := range sources {
		if !strings.HasPrefix(s, load.ThemesDir+"/") || path.Ext(s) != ".css" {
			return false
		}
	}
	return true
}

// swappedStyles pairs each stylesheet of prev with the file that now has
// its name in the theme, where that file changed: old URL -> new URL.
func swappedStyles(prev, cur *memorySite, base string) map[string]string {
	now := map[string]string{} // theme name -> file
	for _, f := range cur.Map.Files() {
		if e, _ := cur.Map.Entry(f); e.Asset != "" && path.Ext(e.Asset) == ".css" {
			now[e.Asset] = f
		}
	}
	styles := map[string]string{}
	for _, f := range prev.Map.Files() {
		e, _ := prev.Map.Entry(f)
		if next, ok := now[e.Asset]; ok && e.Asset != "" && next != f {
			styles[base+f] = base + next
		}
	}
	return styles
}
