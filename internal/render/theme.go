package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/reliability-council/handbook/internal/execute"
	"github.com/reliability-council/handbook/internal/model"
)

// baseLayout is the skeleton of every page: each layout fills its "main".
const baseLayout = "layouts/base.html"

// layouts are the page templates a theme provides, one per kind of page,
// each defining "main" inside the "base" skeleton of layouts/base.html.
var layouts = []string{
	"overview", "concerns", "concern", "teams", "team", "meetings", "meeting",
	"actions", "charts", "changes", "agenda", "risk", "tags", "tag", "page", "search", "404",
}

// parseLayouts parses every layout once per build, each with the base
// skeleton and the partials.
func parseLayouts(theme fs.FS, funcs template.FuncMap) (map[string]*template.Template, *themeFiles, error) {
	files := &themeFiles{theme: theme}
	common := template.New(baseLayout).Funcs(funcs)
	if err := files.parse(common, baseLayout); err != nil {
		return nil, nil, err
	}
	partials, err := fs.Glob(theme, "layouts/partials/*.html")
	if err != nil {
		return nil, nil, err
	}
	if err := files.parse(common, partials...); err != nil {
		return nil, nil, err
	}
	shared := map[string]*template.Template{}
	for _, t := range common.Templates() {
		shared[t.Name()] = t
	}
	out := make(map[string]*template.Template, len(layouts))
	var errs model.ErrorList
	for _, name := range layouts {
		t, err := common.Clone()
		if err != nil {
			return nil, nil, err
		}
		file := "layouts/" + name + ".html"
		if err := files.parse(t, file); err != nil {
			return nil, nil, err
		}
		for _, def := range t.Templates() {
			if old, ok := shared[def.Name()]; ok && def.Tree != nil && old.Tree != nil && def.Tree.ParseName != old.Tree.ParseName {
				// Partials are made once per build for every page, with the
				// first layout's templates: one layout cannot have its own.
				errs = append(errs, model.Errorf(files.origin(file), 0, "defines %q, which %s defines already (give it another name, or change the partial)",
					def.Name(), files.origin(old.Tree.ParseName)))
			}
		}
		out[name] = t
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}
	return out, files, nil
}

// themeFiles knows which file each template came from, so that a template
// error names the file and line to fix.
type themeFiles struct {
	theme fs.FS
}

// parse parses theme files into t, each as a template named by its path in
// the theme ("layouts/partials/team.html"), so that every message names
// the one file it is about: a partial and a layout may share a file name.
func (f *themeFiles) parse(t *template.Template, paths ...string) error {
	for _, p := range paths {
		text, err := fs.ReadFile(f.theme, p)
		if err != nil {
			return err
		}
		var into *template.Template
		if p == t.Name() {
			into = t
		} else {
			into = t.New(p)
		}
		if _, err := into.Parse(string(text)); err != nil {
			return f.error(err, "")
		}
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
	file := f.origin(m[1])
	line, _ := strconv.Atoi(m[2])
	msg := "template: " + m[3]
	if page != "" {
		msg += " (rendering /" + page + ")"
	}
	return model.ErrorList{model.Errorf(file, line, "%s", msg)}
}

// errors turns errors of several lines, one template error each, into
// errors placed at their theme files.
func (f *themeFiles) errors(err error) error {
	var list model.ErrorList
	for _, line := range strings.Split(err.Error(), "\n") {
		var placed model.ErrorList
		if e := f.error(errors.New(line), ""); errors.As(e, &placed) {
			list = append(list, placed...)
		} else {
			list = append(list, &model.Error{Msg: e.Error()})
		}
	}
	list.Sort()
	return slices.CompactFunc(list, func(a, b *model.Error) bool { return *a == *b })
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
	name          string // as the templates ask for it: "style.css"
	path          string // as published: "assets/style.1a2b3c4d.css"
	data          []byte
	fingerprinted bool // the published name carries a hash of the content
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
		published := fingerprint(p, data)
		out = append(out, asset{name: name, path: published, data: data, fingerprinted: published != p})
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

// compiledLayout is a layout's templates, compiled the first time a page
// of the layout is made, as html/template escapes them on their first run:
// a preview that shows one page first compiles its layout first, and the
// layouts of a build are compiled on every core.
type compiledLayout struct {
	once    sync.Once
	tmpl    *template.Template
	funcs   template.FuncMap
	writers execute.Writers
	entries []string // the templates run by name
	set     *execute.Set
}

// compileLayouts prepares each layout to be compiled when first run. The
// templates must be analysed first: compiling escapes them. byName are the
// templates the functions run by name (the concern rows, the partials drawn
// once), which are run with the first layout's templates.
func compileLayouts(tmpls map[string]*template.Template, funcs template.FuncMap, writers execute.Writers, byName []string) map[string]*compiledLayout {
	out := make(map[string]*compiledLayout, len(tmpls))
	for name, t := range tmpls {
		out[name] = &compiledLayout{tmpl: t, funcs: funcs, writers: writers, entries: []string{baseLayout}}
	}
	out[layouts[0]].entries = append(out[layouts[0]].entries, byName...)
	return out
}

// get returns the layout's templates compiled.
func (c *compiledLayout) get() *execute.Set {
	c.once.Do(func() { c.set = execute.Compile(c.tmpl, c.funcs, c.writers, c.entries...) })
	return c.set
}
