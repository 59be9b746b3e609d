package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/themes"
)

// ThemesDir is the folder of a site's own themes.
const ThemesDir = "themes"

// Sources returns the parts of a site folder that its sources live in,
// relative to it: a build reads nothing else.
func Sources() []string { return []string{ConfigFile, ContentDir, ThemesDir} }

// IsSource reports whether rel, a path relative to the site folder with
// forward slashes, is or lies in one of its sources.
func IsSource(rel string) bool {
	for _, src := range Sources() {
		if rel == src || strings.HasPrefix(rel, src+"/") {
			return true
		}
	}
	return false
}

// Theme returns the files of the site's theme: those in themes/NAME/ of the
// site folder, and for every file it lacks, the embedded default theme's.
func Theme(dir, name string) (fs.FS, error) {
	own := filepath.Join(dir, ThemesDir, name)
	info, err := os.Stat(own)
	switch {
	case errors.Is(err, fs.ErrNotExist) && name == "default":
		return builtIn{themes.Default()}, nil
	case errors.Is(err, fs.ErrNotExist):
		return nil, model.ErrorList{model.Errorf(ConfigFile, 0, "theme %q not found (create %s/%s/, or leave theme out to use the default)", name, ThemesDir, name)}
	case err != nil:
		return nil, err
	case !info.IsDir():
		return nil, model.ErrorList{model.Errorf(ConfigFile, 0, "theme %q: %s/%s is not a folder", name, ThemesDir, name)}
	}
	rel := ThemesDir + "/" + name
	return overlay{top: plainDir{dir: own, rel: rel, limit: MaxThemeFileSize}, bottom: themes.Default(), dir: rel}, nil
}

// builtIn is the default theme as embedded in the binary.
type builtIn struct{ fs.FS }

// Origin names a theme file for messages.
func (b builtIn) Origin(name string) string {
	return ThemesDir + "/default/" + name + " (built into handbook)"
}

// overlay reads each file from top, or from bottom when top lacks it.
type overlay struct {
	top, bottom fs.FS
	dir         string // top's folder, relative to the site
}

// Origin names a theme file for messages: the site's own copy, or the
// built-in one it falls back to.
func (o overlay) Origin(name string) string {
	if _, err := fs.Stat(o.top, name); err == nil {
		return o.dir + "/" + name
	}
	return builtIn{o.bottom}.Origin(name)
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.bottom.Open(name)
	}
	return f, err
}

// ReadDir lists a folder of both layers, each name once.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	top, errTop := fs.ReadDir(o.top, name)
	bottom, errBottom := fs.ReadDir(o.bottom, name)
	if errTop != nil && errBottom != nil {
		return nil, errTop
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, e := range append(top, bottom...) {
		if !seen[e.Name()] {
			seen[e.Name()] = true
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}
