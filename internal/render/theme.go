package render

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
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
	"github.com/reliability-council/handbook/internal/reads"
)

// baseLayout is the skeleton of every page: each layout fills its "main".
const baseLayout = "layouts/base.html"

// layouts are the page templates a theme provides, one per kind of page,
// each defining "main" inside the "base" skeleton of layouts/base.html.
var layouts = []string{
	"overview", "concerns", "concern", "teams", "team", "meetings", "meeting",
	"actions", "charts", "changes", "agenda", "risk", "tags", "tag", "page", "search", "404",
}

// parsedTheme is a theme's layouts, parsed and analysed. A build parses
// its own and compiles them where they stand; the preview keeps them, as a
// keptTheme, for every save until their text changes.
type parsedTheme struct {
	sum   uint64                        // of the files parsed: where each is on disk, and its text
	tmpls map[string]*template.Template // by layout, each with the base skeleton and the partials
	files *themeFiles
	// What the templates read (see deps): each layout's, run with a page,
	// and the concern row's, nil when the theme shows no rows.
	layouts map[string]*reads.Analysis
	row     *reads.Analysis
}

// layoutSource is the text of every file the layouts of a theme are
// parsed from, in the order they are parsed: the base skeleton, the
// partials, then each layout, one file each.
type layoutSource struct {
	paths, texts []string
	sum          uint64 // of every file: where it is on disk, and its text
}

// readLayouts reads the files the layouts are parsed from.
func readLayouts(files *themeFiles) (*layoutSource, error) {
	partials, err := fs.Glob(files.theme, "layouts/partials/*.html")
	if err != nil {
		return nil, err
	}
	src := &layoutSource{paths: append([]string{baseLayout}, partials...)}
	for _, name := range layouts {
		src.paths = append(src.paths, "layouts/"+name+".html")
	}
	var h maphash.Hash
	h.SetSeed(seed)
	for _, p := range src.paths {
		text, err := fs.ReadFile(files.theme, p)
		if err != nil {
			return nil, err
		}
		src.texts = append(src.texts, string(text))
		_, _ = h.WriteString(strconv.Quote(files.origin(p)))
		_, _ = h.WriteString(strconv.Itoa(len(text)))
		_, _ = h.Write(text)
	}
	src.sum = h.Sum64()
	return src, nil
}

// parseTheme parses every layout of theme and works out what each reads;
// it returns kept instead when the files are those kept was parsed from.
func parseTheme(theme fs.FS, funcs template.FuncMap, described map[string]reads.Func, kept *keptTheme) (*parsedTheme, error) {
	files := &themeFiles{theme: theme}
	src, err := readLayouts(files)
	if err != nil {
		return nil, err
	}
	if kept != nil && kept.sum == src.sum {
		return &kept.parsedTheme, nil
	}
	p := &parsedTheme{sum: src.sum, files: files}
	if p.tmpls, err = parseLayouts(files, src, funcs); err != nil {
		return nil, err
	}
	if err := p.analyse(described); err != nil {
		return nil, files.errors(err)
	}
	return p, nil
}

// parseLayouts parses every layout, each with the base skeleton and the
// partials.
func parseLayouts(files *themeFiles, src *layoutSource, funcs template.FuncMap) (map[string]*template.Template, error) {
	common := template.New(baseLayout).Funcs(funcs)
	shared := len(src.paths) - len(layouts) // the base and the partials
	for i := range shared {
		if err := files.parse(common, src.paths[i], src.texts[i]); err != nil {
			return nil, err
		}
	}
	sharedDefs := map[string]*template.Template{}
	for _, t := range common.Templates() {
		sharedDefs[t.Name()] = t
	}
	out := make(map[string]*template.Template, len(layouts))
	var errs model.ErrorList
	for i, name := range layouts {
		t, err := common.Clone()
		if err != nil {
			return nil, err
		}
		file := src.paths[shared+i]
		if err := files.parse(t, file, src.texts[shared+i]); err != nil {
			return nil, err
		}
		for _, def := range t.Templates() {
			if old, ok := sharedDefs[def.Name()]; ok && def.Tree != nil && old.Tree != nil && def.Tree.ParseName != old.Tree.ParseName {
				// Partials are made once per build for every page, with the
				// first layout's templates: one layout cannot have its own.
				errs = append(errs, model.Errorf(files.origin(file), 0, "defines %q, which %s defines already (give it another name, or change the partial)",
					def.Name(), files.origin(old.Tree.ParseName)))
			}
		}
		out[name] = t
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return out, nil
}

// themeFiles knows which file each template came from, so that a template
// error names the file and line to fix.
type themeFiles struct {
	theme fs.FS
}

// parse parses the theme file at path into t, as a template named by its
// path in the theme ("layouts/partials/team.html"), so that every message
// names the one file it is about: a partial and a layout may share a file
// name.
func (f *themeFiles) parse(t *template.Template, path, text string) error {
	into := t
	if path != t.Name() {
		into = t.New(path)
	}
	if _, err := into.Parse(text); err != nil {
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
	compile func() *execute.Set
	set     *execute.Set
}

// compileLayouts prepares each of a build's own layouts to be compiled
// where it stands when first run. The templates must be analysed first:
// compiling escapes them. byName are the templates the functions run by
// name (the concern rows, the partials drawn once), which are run with the
// first layout's templates.
func compileLayouts(tmpls map[string]*template.Template, funcs template.FuncMap, writers execute.Writers, byName []string) map[string]*compiledLayout {
	out := make(map[string]*compiledLayout, len(tmpls))
	for name, t := range tmpls {
		entries := layoutEntries(name, byName)
		out[name] = &compiledLayout{compile: func() *execute.Set { return execute.Compile(t, funcs, writers, entries...) }}
	}
	return out
}

// layoutEntries are the templates of a layout that are run: the base
// skeleton, and with the first layout, those run by name.
func layoutEntries(layout string, byName []string) []string {
	if layout == layouts[0] {
		return append([]string{baseLayout}, byName...)
	}
	return []string{baseLayout}
}

// get returns the layout's templates compiled.
func (c *compiledLayout) get() *execute.Set {
	c.once.Do(func() { c.set = c.compile() })
	return c.set
}
