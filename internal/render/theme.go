package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
)

// layouts are the page templates a theme provides, one per kind of page,
// each defining "main" inside the "base" skeleton of layouts/base.html.
var layouts = []string{
	"overview", "concerns", "concern", "teams", "team", "meetings", "meeting",
	"actions", "charts", "tags", "tag", "page", "404",
}

// parseLayouts parses every layout once per build, each with the base
// skeleton and the partials.
func parseLayouts(theme fs.FS, funcs template.FuncMap) (map[string]*template.Template, *themeFiles, error) {
	files := &themeFiles{theme: theme, byName: map[string]string{}}
	common := template.New("base.html").Funcs(funcs)
	if err := files.parse(common, "layouts/base.html"); err != nil {
		return nil, nil, err
	}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, nil, err
	}
	if err := files.parse(common, partials...); err != nil {
		return nil, nil, err
	}
	out := make(map[string]*template.Template, len(layouts))
	for _, name := range layouts {
		t, err := common.Clone()
		if err != nil {
			return nil, nil, err
		}
		if err := files.parse(t, "layouts/"+name+".html"); err != nil {
			return nil, nil, err
		}
		out[name] = t
	}
	return out, files, nil
}

// themeFiles knows which file each template came from, so that a template
// error names the file and line to fix.
type themeFiles struct {
	theme  fs.FS
	byName map[string]string // template name ("concern.html") -> theme path
}

func (f *themeFiles) parse(t *template.Template, paths ...string) error {
	for _, p := range paths {
		f.byName[path.Base(p)] = p
	}
	if len(paths) == 0 {
		return nil
	}
	if _, err := t.ParseFS(f.theme, paths...); err != nil {
		return f.error(err, "")
	}
	return nil
}

// templatePos finds the template and line in html/template's messages:
// "template: concern.html:12: ..." or "html/template:concern.html:3:5: ...".
var templatePos = regexp.MustCompile(`^(?:html/)?template: ?([^:\s]+):(\d+)(?::\d+)?: (.*)$`)

// error turns a template error into one placed at its theme file and line;
// page, when set, says which page was being rendered.
func (f *themeFiles) error(err error, page string) error {
	m := templatePos.FindStringSubmatch(err.Error())
	if m == nil {
		return fmt.Errorf("theme: %w", err)
	}
	file := f.origin(f.byName[m[1]])
	if file == "" {
		file = m[1]
	}
	line, _ := strconv.Atoi(m[2])
	msg := "template: " + m[3]
	if page != "" {
		msg += " (rendering /" + page + ")"
	}
	return model.ErrorList{model.Errorf(file, line, "%s", msg)}
}

// origin names a theme file as the user finds it on disk.
func (f *themeFiles) origin(name string) string {
	if o, ok := f.theme.(interface{ Origin(string) string }); ok && name != "" {
		return o.Origin(name)
	}
	return name
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
