package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
)

// layouts are the page templates a theme provides, one per kind of page,
// each defining "main" inside the "base" skeleton of layouts/base.html.
var layouts = []string{
	"overview", "concerns", "concern", "teams", "team", "meetings", "meeting",
	"actions", "charts", "tags", "tag", "page", "404",
}

// parseLayouts parses every layout once per build, each with the base
// skeleton and the partials.
func parseLayouts(theme fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	common := template.New("base.html").Funcs(funcs)
	if _, err := common.ParseFS(theme, "layouts/base.html"); err != nil {
		return nil, themeError(err)
	}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	if len(partials) > 0 {
		if _, err := common.ParseFS(theme, partials...); err != nil {
			return nil, themeError(err)
		}
	}
	out := make(map[string]*template.Template, len(layouts))
	for _, name := range layouts {
		t, err := common.Clone()
		if err != nil {
			return nil, err
		}
		if _, err := t.ParseFS(theme, "layouts/"+name+".html"); err != nil {
			return nil, themeError(err)
		}
		out[name] = t
	}
	return out, nil
}

func themeError(err error) error {
	return fmt.Errorf("theme: %w", err)
}

// asset is a theme file published under a name that changes with its
// content, so that browsers may cache it forever.
type asset struct {
	name string // as the templates ask for it: "style.css"
	path string // as published: "assets/style.1a2b3c4d.css"
	data []byte
}

func readAssets(theme fs.FS) ([]asset, error) {
	var out []asset
	err := fs.WalkDir(theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(theme, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "assets/")
		out = append(out, asset{name: name, path: fingerprint(p, data), data: data})
		return nil
	})
	return out, err
}

// fingerprint puts a short hash of data before the file's extension, for
// scripts and stylesheets; licence files and the like keep their names.
func fingerprint(p string, data []byte) string {
	ext := path.Ext(p)
	if ext != ".css" && ext != ".js" {
		return p
	}
	sum := sha256.Sum256(data)
	return strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}
