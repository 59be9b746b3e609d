// Command minimum is the floor the handbook's build time is measured
// against: the least any generator must do for a handbook. It reads every
// content file, splits off its frontmatter, decodes it, converts the body
// with goldmark, runs one template and writes one page per file, on every
// core. No links, tables, charts or checks.
//
//	go run ./.ci/minimum -s SITE -o OUT
package main

import (
	"bytes"
	"flag"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/adrg/frontmatter"
	"github.com/yuin/goldmark"
)

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body><main><h1>{{.Title}}</h1>
{{.Body}}
</main></body></html>
`))

func main() {
	site := flag.String("s", ".", "the site folder")
	out := flag.String("o", "", "the output folder, which must not exist")
	flag.Parse()
	if err := run(*site, *out); err != nil {
		fmt.Fprintln(os.Stderr, "minimum:", err)
		os.Exit(1)
	}
}

func run(site, out string) error {
	var files []string
	err := filepath.WalkDir(filepath.Join(site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	if err := os.Mkdir(out, 0o755); err != nil {
		return err
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, runtime.GOMAXPROCS(0))
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			md := goldmark.New()
			var html, buf bytes.Buffer
			for i := int(next.Add(1) - 1); i < len(files); i = int(next.Add(1) - 1) {
				if err := one(files[i], out, md, &html, &buf); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	return <-errs
}

func one(file, out string, md goldmark.Markdown, html, buf *bytes.Buffer) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var front struct {
		Title string `yaml:"title"`
	}
	body, err := frontmatter.Parse(bytes.NewReader(data), &front)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	html.Reset()
	if err := md.Convert(body, html); err != nil {
		return err
	}
	buf.Reset()
	//nolint:gosec // a benchmark floor: the body is goldmark's output
	if err := page.Execute(buf, map[string]any{"Title": front.Title, "Body": template.HTML(html.String())}); err != nil {
		return err
	}
	dir := filepath.Join(out, strings.TrimSuffix(filepath.Base(file), ".md"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.html"), buf.Bytes(), 0o644)
}
