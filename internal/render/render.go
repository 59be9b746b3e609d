package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sort"
	"sync"

	"github.com/reliability-council/handbook/internal/model"
)

// File is one file of the built site.
type File struct {
	Path string // relative to the output folder, with forward slashes
	Data []byte
}

// Render makes every file of the site from the handbook and a theme. The
// result is sorted by path and depends on nothing but its inputs.
func Render(h *model.Handbook, theme fs.FS) ([]File, error) {
	s := newSite(h)
	assets, err := readAssets(theme)
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	s.assets = make(map[string]string, len(assets))
	files := make([]File, 0, len(assets)+len(h.Concerns)+len(h.Teams)+len(h.Meetings)+16)
	for _, a := range assets {
		s.assets[a.name] = a.path
		files = append(files, File{Path: a.path, Data: a.data})
	}

	md := newMarkdown(s.Base)
	tmpls, err := parseLayouts(theme, funcs(s, md))
	if err != nil {
		return nil, err
	}
	list := pages(s)
	for _, p := range list {
		p.Site = s
	}
	out, err := execute(tmpls, list)
	if err != nil {
		return nil, err
	}
	files = append(files, out...)
	files = append(files, File{Path: "sitemap.xml", Data: sitemap(s, list)})
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// execute runs the pages' templates on every core. A broken template fails
// every page that uses it, so only the first failure of each layout is kept.
func execute(tmpls map[string]*template.Template, list []*Page) ([]File, error) {
	files := make([]File, len(list))
	errs := make([]error, len(list))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				p := list[i]
				buf.Reset()
				if err := tmpls[p.Layout].ExecuteTemplate(&buf, "base.html", p); err != nil {
					errs[i] = fmt.Errorf("theme: layout %s.html, page /%s: %w", p.Layout, p.Path, err)
					continue
				}
				files[i] = File{Path: p.File(), Data: bytes.Clone(buf.Bytes())}
			}
		}()
	}
	for i := range list {
		next <- i
	}
	close(next)
	wg.Wait()
	failed := map[string]bool{}
	var first []error
	for i, err := range errs {
		if err != nil && !failed[list[i].Layout] {
			failed[list[i].Layout] = true
			first = append(first, err)
		}
	}
	return files, errors.Join(first...)
}
