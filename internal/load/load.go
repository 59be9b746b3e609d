package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/reliability-council/handbook/internal/model"
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

// Load reads site.yaml and every content file of the site in dir. Problems
// with the sources are returned together as a model.ErrorList; the error is
// something else only when the disk itself fails.
func Load(dir string) (*Site, error) {
	site := &Site{Dir: dir}
	var errs model.ErrorList

	config, err := loadConfig(dir)
	var e *model.Error
	switch {
	case errors.As(err, &e):
		errs = append(errs, e)
	case err != nil:
		return nil, err
	}
	site.Config = config

	files, walkErrs, err := findContent(dir)
	if err != nil {
		return nil, err
	}
	errs = append(errs, walkErrs...)

	docs, readErrs := readAll(dir, files)
	site.Docs = docs
	errs = append(errs, readErrs...)
	errs.Sort()
	return site, errs.Err()
}

func loadConfig(dir string) (*Document, error) {
	data, err := os.ReadFile(filepath.Join(dir, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, model.Errorf(ConfigFile, 0, "not found in %s (run handbook in the folder that holds site.yaml, or name it with -s)", dir)
	}
	if err != nil {
		return nil, err
	}
	if err := checkText(ConfigFile, data); err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, byteOrderMark)
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(ConfigFile, 0, err)
	}
	front := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1}
	if root.Kind != 0 {
		front = root.Content[0]
	}
	return &Document{File: ConfigFile, Line: 1, Front: front}, nil
}

// sourceFile is a content file found on disk, before it is read.
type sourceFile struct {
	kind Kind
	rel  string // slash-separated, relative to the site folder
}

// findContent lists the Markdown files under content/, by file name.
func findContent(dir string) ([]sourceFile, model.ErrorList, error) {
	var files []sourceFile
	var errs model.ErrorList
	root := filepath.Join(dir, ContentDir)
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir // a site with no content yet is fine
			}
			return err
		}
		relToContent, _ := filepath.Rel(root, p)
		rel := path.Join(ContentDir, filepath.ToSlash(relToContent))
		if strings.HasPrefix(d.Name(), ".") && p != root {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		parts := strings.Split(filepath.ToSlash(relToContent), "/")
		if d.IsDir() {
			if len(parts) == 1 && parts[0] != "." {
				if _, ok := kindFolders[parts[0]]; !ok {
					errs.Add(rel, 0, "unknown content folder (want concerns/, meetings/ or teams/; plain pages go directly in content/)")
					return fs.SkipDir
				}
			}
			return nil
		}
		if !strings.HasSuffix(d.Name(), ".md") {
			return nil
		}
		kind := KindPage
		if len(parts) > 1 {
			kind = kindFolders[parts[0]]
		}
		files = append(files, sourceFile{kind: kind, rel: rel})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].rel < files[j].rel })
	return files, errs, err
}

// readAll reads and parses files on every core; the result keeps their order.
func readAll(dir string, files []sourceFile) ([]*Document, model.ErrorList) {
	docs := make([]*Document, len(files))
	errs := make([]*model.Error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], errs[i] = readDocument(dir, files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	var list model.ErrorList
	out := docs[:0]
	for i, d := range docs {
		if errs[i] != nil {
			list = append(list, errs[i])
			continue
		}
		out = append(out, d)
	}
	return out, list
}

func readDocument(dir string, f sourceFile) (*Document, *model.Error) {
	full := filepath.Join(dir, filepath.FromSlash(f.rel))
	info, err := os.Stat(full)
	if err != nil {
		return nil, model.Errorf(f.rel, 0, "cannot read: %v", errors.Unwrap(err))
	}
	if info.Size() > MaxFileSize {
		return nil, tooBig(f.rel, info.Size())
	}
	data, err := os.ReadFile(full)
	if err != nil {
		return nil, model.Errorf(f.rel, 0, "cannot read: %v", errors.Unwrap(err))
	}
	doc, cerr := parseDocument(f.rel, data)
	if cerr != nil {
		return nil, cerr
	}
	doc.Kind = f.kind
	doc.Slug = strings.TrimSuffix(path.Base(f.rel), ".md")
	return doc, nil
}

func tooBig(file string, size int64) *model.Error {
	return model.Errorf(file, 0, "file is %d bytes, more than the %d a content file may have (split it up)", size, MaxFileSize)
}
