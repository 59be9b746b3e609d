package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
)

// ConfigFile is the name of the site's configuration file.
const ConfigFile = "site.yaml"

// ContentDir is the folder that holds the site's Markdown.
const ContentDir = "content"

var kindFolders = map[string]Kind{
	"teams":    KindTeam,
	"concerns": KindConcern,
	"meetings": KindMeeting,
}

// Path returns where the content file of a kind and slug is, relative to
// the site folder: content/concerns/etl.md, or content/about.md for a page.
func Path(kind Kind, slug string) string {
	for folder, k := range kindFolders {
		if k == kind {
			return path.Join(ContentDir, folder, slug+".md")
		}
	}
	return path.Join(ContentDir, slug+".md")
}

// Load reads site.yaml and every content file of the site in dir, and
// keeps the Markdown bodies in memory: for the dev server, which builds
// again and again. Problems with the sources are returned together as a
// model.ErrorList, beside a Site holding every file that could be read; the
// error is something else only when the disk itself fails.
func Load(dir string) (*Site, error) { return load(dir, true, nil) }

// LoadFrontmatter reads the site as Load does, but keeps of each body only
// where it is: Text reads it from its file again. A single build then needs
// no memory for the bodies of a large handbook.
func LoadFrontmatter(dir string) (*Site, error) { return load(dir, false, nil) }

// LoadInspecting reads the site as LoadFrontmatter does, and hands the text
// of every body to inspect while it is read, on every core: a check of
// every body then reads no file twice. What inspect returns, a
// model.ErrorList, stands among the site's problems.
func LoadInspecting(dir string, inspect func(model.Markdown, []byte) error) (*Site, error) {
	return load(dir, false, inspect)
}

func load(dir string, keepBodies bool, inspect func(model.Markdown, []byte) error) (*Site, error) {
	site := &Site{Dir: dir, keepBodies: keepBodies, inspect: inspect, docs: map[string]*Document{}, errs: map[string]model.ErrorList{}, unreadable: map[string]sourceFile{}}
	if err := site.readConfig(); err != nil {
		return nil, err
	}
	if err := site.readContent(ContentDir); err != nil {
		return nil, err
	}
	site.sortDocs()
	return site, site.Errors().Err()
}

// Reload reads again the sources that changed: site.yaml, content files,
// and content folders, named relative to the site folder with forward
// slashes. A path that no longer exists drops what was read from it. It
// returns the errors of the whole site, as Load does.
func (s *Site) Reload(changed []string) error {
	for _, rel := range changed {
		var err error
		switch {
		case rel == ConfigFile:
			err = s.readConfig()
		case rel == ContentDir || strings.HasPrefix(rel, ContentDir+"/"):
			s.forget(rel)
			err = s.readContent(rel)
		}
		if err != nil {
			return err
		}
	}
	s.sortDocs()
	return s.Errors().Err()
}

// Doc returns the document read from file (relative to the site folder,
// with forward slashes), or nil when there is none.
func (s *Site) Doc(file string) *Document { return s.docs[file] }

// Errors returns every problem found in the sources, sorted.
func (s *Site) Errors() model.ErrorList {
	var all model.ErrorList
	for _, list := range s.errs {
		all = append(all, list...)
	}
	all.Sort()
	return all
}

func (s *Site) readConfig() error {
	delete(s.errs, ConfigFile)
	config, err := loadConfig(s.Dir)
	var e *model.Error
	switch {
	case errors.As(err, &e):
		s.errs[ConfigFile] = model.ErrorList{e}
	case err != nil:
		return err
	}
	s.Config = config
	return nil
}

// forget drops the document and the errors of rel and of everything below it.
func (s *Site) forget(rel string) {
	below := rel + "/"
	for file := range s.docs {
		if file == rel || strings.HasPrefix(file, below) {
			delete(s.docs, file)
		}
	}
	for file := range s.errs {
		if file == rel || strings.HasPrefix(file, below) {
			delete(s.errs, file)
		}
	}
	for file := range s.unreadable {
		if file == rel || strings.HasPrefix(file, below) {
			delete(s.unreadable, file)
		}
	}
}

// Unreadable reports whether a file of that kind and slug exists but could
// not be read, or may exist in a folder that could not be read. References
// to it are not errors of their own: the file's or folder's error says what
// to fix.
func (s *Site) Unreadable(kind Kind, slug string) bool {
	for _, f := range s.unreadable {
		if f.kind == kind && (f.folder || SlugOf(f.rel) == slug) {
			return true
		}
		if f.folder && f.rel == ContentDir {
			return true
		}
	}
	return false
}

// readContent reads the content file or folder rel, if it exists.
func (s *Site) readContent(rel string) error {
	files, folders, err := findContent(s.Dir, rel, s.errs)
	if err != nil {
		return err
	}
	for _, f := range folders {
		s.unreadable[f.rel] = f
	}
	docs, errs, found := s.readAll(files)
	for i, d := range docs {
		if d == nil {
			continue
		}
		if len(found[i]) > 0 {
			s.errs[d.File] = found[i]
		}
		s.docs[d.File] = d
	}
	for i, e := range errs {
		if e != nil {
			s.errs[e.File] = model.ErrorList{e}
			s.unreadable[e.File] = files[i]
		}
	}
	return nil
}

func (s *Site) sortDocs() {
	s.Docs = s.Docs[:0]
	for _, d := range s.docs {
		s.Docs = append(s.Docs, d)
	}
	sort.Slice(s.Docs, func(i, j int) bool { return s.Docs[i].File < s.Docs[j].File })
}

// SiteAbove returns the nearest folder above dir that holds a site.yaml,
// such as the site of a handbook run in its content/ folder; false when
// there is none.
func SiteAbove(dir string) (string, bool) {
	for parent := filepath.Join(dir, ".."); ; parent = filepath.Join(parent, "..") {
		if _, err := os.Stat(filepath.Join(parent, ConfigFile)); err == nil {
			return parent, true
		}
		abs, err := filepath.Abs(parent)
		if err != nil || abs == filepath.Dir(abs) { // the root
			return "", false
		}
	}
}

func loadConfig(dir string) (*Document, error) {
	data, err := readPlain(filepath.Join(dir, ConfigFile), MaxFileSize, nil)
	if errors.Is(err, fs.ErrNotExist) {
		if above, ok := SiteAbove(dir); ok {
			return nil, model.Errorf(ConfigFile, 0, "not found in %s (the site is in %s: run handbook there, or name it with -s %s)", dir, above, above)
		}
		return nil, model.Errorf(ConfigFile, 0, "not found in %s (run handbook in the folder that holds site.yaml, or name it with -s)", dir)
	}
	if err != nil {
		return nil, sourceError(ConfigFile, err)
	}
	if err := checkText(ConfigFile, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, byteOrderMark)
	front, perr := ParseFront(ConfigFile, data, 0)
	if perr != nil {
		return nil, perr
	}
	return &Document{File: ConfigFile, Line: 1, Front: front, FrontHash: FrontHash(data)}, nil
}

// sourceFile is a content file found on disk, before it is read, or a
// folder of them.
type sourceFile struct {
	kind   Kind
	rel    string // slash-separated, relative to the site folder
	folder bool
}

// findContent lists the Markdown files at or below rel, a path under
// content/, and the folders that could not be read; it records misplaced
// and unreadable folders in errs. A missing rel has none.
func findContent(dir, rel string, errs map[string]model.ErrorList) (files, unreadable []sourceFile, err error) {
	root := filepath.Join(dir, filepath.FromSlash(rel))
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		r, _ := filepath.Rel(dir, p)
		r = filepath.ToSlash(r)
		parts := strings.Split(r, "/")[1:] // below content/
		kind := KindPage
		if len(parts) > 1 || (err != nil && len(parts) == 1) { // a file in a kind's folder, or that folder
			kind = kindFolders[parts[0]]
		}
		switch {
		case err != nil && p == root && errors.Is(err, fs.ErrNotExist):
			return fs.SkipAll
		case err != nil:
			// The folder is reported and the walk goes on, so that one
			// folder the program may not read hides no other problem.
			var pathErr *fs.PathError
			if errors.As(err, &pathErr) {
				err = pathErr.Err
			}
			errs[r] = model.ErrorList{model.Errorf(r, 0, "cannot read folder: %v (its files are left out)", err)}
			unreadable = append(unreadable, sourceFile{kind: kind, rel: r, folder: true})
			return fs.SkipDir
		case strings.HasPrefix(d.Name(), ".") && r != ContentDir:
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir() && len(parts) == 1:
			if _, ok := kindFolders[parts[0]]; !ok {
				errs[r] = model.ErrorList{model.Errorf(r, 0, "unknown content folder (want concerns/, meetings/ or teams/; plain pages go directly in content/)")}
				return fs.SkipDir
			}
			return nil
		case d.IsDir() || !strings.HasSuffix(d.Name(), ".md") || len(parts) == 0:
			return nil
		}
		files = append(files, sourceFile{kind: kind, rel: r})
		return nil
	})
	return files, unreadable, err
}

// readAll reads and parses files on every core, and hands each body to
// the site's inspect when it has one; the results keep their order: the
// documents, the errors of the files that could not be read, and what
// inspect found. Each file is read into memory lent for the read (texts):
// nothing kept of a document points into it, and a site that keeps its
// bodies keeps a copy of each.
func (s *Site) readAll(files []sourceFile) ([]*Document, []*model.Error, []model.ErrorList) {
	docs := make([]*Document, len(files))
	errs := make([]*model.Error, len(files))
	found := make([]model.ErrorList, len(files))
	parallel.Each(len(files), func() func(int) {
		values := newFrontValues()
		return func(i int) {
			room := texts.Get().(*[]byte)
			defer texts.Put(room)
			var data []byte
			docs[i], data, errs[i] = readDocument(s.Dir, files[i], *room, values)
			keepRoom(room, data)
			d := docs[i]
			if d == nil {
				return
			}
			if s.inspect != nil {
				if err := s.inspect(d.Body, d.text); err != nil && !errors.As(err, &found[i]) {
					found[i] = model.ErrorList{model.Errorf(files[i].rel, d.Body.Line, "%v", err)}
				}
			}
			if s.keepBodies {
				d.text = bytes.Clone(d.text)
			} else {
				d.text = nil
			}
		}
	})
	return docs, errs, found
}

// readDocument reads and parses the source f, reading it into into when
// that has room; it returns the file's bytes too, which the document's
// text is a part of.
func readDocument(dir string, f sourceFile, into []byte, values *frontValues) (*Document, []byte, *model.Error) {
	data, err := readPlain(filepath.Join(dir, filepath.FromSlash(f.rel)), MaxFileSize, into)
	if err != nil {
		return nil, nil, sourceError(f.rel, err)
	}
	doc, cerr := parseDocument(f.rel, data, values)
	if cerr != nil {
		return nil, data, cerr
	}
	doc.Kind = f.kind
	doc.Slug = SlugOf(f.rel)
	return doc, data, nil
}

// sourceError places a failure to open or read a source at its file.
func sourceError(rel string, err error) *model.Error {
	var big *tooLarge
	var odd *notPlain
	switch {
	case errors.As(err, &big):
		return tooBig(rel, big.size)
	case errors.As(err, &odd):
		return model.Errorf(rel, 0, "%v", odd)
	}
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		err = pathErr.Err
	}
	return model.Errorf(rel, 0, "cannot read: %v", err)
}

// SlugOf returns the slug of the content file at rel: its name without
// .md, its accents composed (NFC). macOS writes "zürich.md" as u followed
// by a combining diaeresis, which would otherwise be a slug of its own that
// looks the same, and git keeps the name as it was written.
func SlugOf(rel string) string { return norm.NFC.String(strings.TrimSuffix(path.Base(rel), ".md")) }

func tooBig(file string, size int64) *model.Error {
	return model.Errorf(file, 0, "file is %d bytes, more than the %d a source file may have (split it up)", size, MaxFileSize)
}
