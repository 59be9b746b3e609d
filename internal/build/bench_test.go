package build

import (
	"flag"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/resolve"
	"github.com/reliability-council/handbook/internal/search"
	"github.com/reliability-council/handbook/internal/write"
)

// benchConcerns sets the size of the generated handbook the benchmarks
// build: go test -bench . -benchconcerns 10000 ./internal/build
var benchConcerns = flag.Int("benchconcerns", 1000, "concerns in the generated handbook the benchmarks build")

// benchShape sets the shape of its content: go test -bench . -benchshape
// long ./internal/build. Unset, it is the default shape, with meetings
// growing with the concerns; set, it has the shape's own meetings.
var benchShape = flag.String("benchshape", "", "the shape of the generated handbook's content (go run ./cmd/gensite -shapes lists them)")

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchSite generates the benchmark handbook once per run: meetings and
// teams grow with it as in a real organisation (500 and 40 at 10,000).
func benchSite(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		n := *benchConcerns
		opts := gensite.Options{Concerns: n, Meetings: max(n/20, 10), Teams: min(max(n/250, 5), 40), Seed: 1}
		if *benchShape != "" {
			if opts.Shape, benchErr = gensite.ShapeNamed(*benchShape); benchErr != nil {
				return
			}
			opts.Meetings = opts.Shape.Meetings(n)
		}
		benchDir, benchErr = filepathTemp()
		if benchErr == nil {
			benchErr = gensite.WriteFiles(benchDir, gensite.Generate(opts).HandbookFiles())
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

func loadBench(b *testing.B, dir string) *load.Site {
	b.Helper()
	src, err := load.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func resolveBench(b *testing.B, src *load.Site) *model.Handbook {
	b.Helper()
	h, err := resolve.Resolve(src, fixtureDay)
	if err != nil {
		b.Fatal(err)
	}
	return h
}

// perPage reports the time per published page and pages per second.
func perPage(b *testing.B, pages int) {
	b.Helper()
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(pages)
	b.ReportMetric(ns, "ns/page")
	b.ReportMetric(1e9/ns, "pages/s")
}

func BenchmarkLoad(b *testing.B) {
	dir := benchSite(b)
	n := len(loadBench(b, dir).Docs)
	b.ReportAllocs()
	for b.Loop() {
		loadBench(b, dir)
	}
	perPage(b, n)
}

func BenchmarkResolve(b *testing.B) {
	src := loadBench(b, benchSite(b))
	b.ReportAllocs()
	for b.Loop() {
		resolveBench(b, src)
	}
	perPage(b, len(src.Docs))
}

func BenchmarkRender(b *testing.B) {
	dir := benchSite(b)
	src := loadBench(b, dir)
	h := resolveBench(b, src)
	theme, err := load.Theme(dir, h.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	var pages int
	b.ReportAllocs()
	for b.Loop() {
		job, err := render.Prepare(h, theme, src.Bodies(), nil)
		if err != nil {
			b.Fatal(err)
		}
		stats, err := job.Run(render.Emit(func(render.File) error { return nil }))
		if err != nil {
			b.Fatal(err)
		}
		pages = stats.Pages
	}
	perPage(b, pages)
}

// BenchmarkConcernPage makes one concern page at a time, as the dev server's
// preview does: the cost of the theme's richest page on its own.
func BenchmarkConcernPage(b *testing.B) {
	dir := benchSite(b)
	src := loadBench(b, dir)
	h := resolveBench(b, src)
	theme, err := load.Theme(dir, h.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	job, err := render.Prepare(h, theme, src.Bodies(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c := h.Concerns[i%len(h.Concerns)]
		if _, ok, err := job.File("concerns/" + c.Slug + "/index.html"); !ok || err != nil {
			b.Fatal(c.Slug, ok, err)
		}
		i++
	}
}

// BenchmarkWrite writes the site over its previous build, with one page in
// a hundred changed: the everyday build. (A first build, into an empty
// folder, is timed by .ci/bench-vs-hugo.)
func BenchmarkWrite(b *testing.B) {
	dir := benchSite(b)
	var files []render.File
	for path, data := range rebuilt(b, NewSession(dir), nil).files {
		files = append(files, render.File{Path: path, Data: data})
	}
	out := filepath.Join(b.TempDir(), "out")
	publish := func() {
		o, err := write.Open(dir, out)
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range files {
			if err := o.Write(f); err != nil {
				b.Fatal(err)
			}
		}
		if err := o.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	publish()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := n % 100; i < len(files); i += 100 {
			files[i].Data = append(files[i].Data, '\n')
		}
		n++
		publish()
	}
	perPage(b, len(files))
}

// BenchmarkBuild is a whole build into memory: load, resolve and render.
func BenchmarkBuild(b *testing.B) {
	dir := benchSite(b)
	var files int
	b.ReportAllocs()
	for b.Loop() {
		p, err := Start(dir, fixtureDay)
		if err != nil {
			b.Fatal(err)
		}
		stats, err := p.Run(render.Emit(func(render.File) error { return nil }))
		if err != nil {
			b.Fatal(err)
		}
		files = stats.Pages
	}
	perPage(b, files)
}

// BenchmarkRebuildOneConcern is the dev server's case: one concern saved,
// the site rebuilt from the session's memory.
func BenchmarkRebuildOneConcern(b *testing.B) {
	dir := benchSite(b)
	s := NewSession(dir)
	last := rebuilt(b, s, nil)
	src := loadBench(b, dir)
	var concern string
	for _, d := range src.Docs {
		if d.Kind == load.KindConcern {
			concern = d.File
			break
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		editFile(b, filepath.Join(dir, concern), fmt.Sprintf("\nEdit %d.\n", i))
		last = rebuilt(b, s, last, concern)
	}
	b.Logf("rendered %d of %d; %d files changed: %v", last.stats.Rendered, last.stats.Pages, len(last.changed), last.changed[:min(len(last.changed), 30)])
}

// BenchmarkGeneratedFiles makes the files a build makes from the whole
// handbook rather than with a layout, by kind: the search index, the data
// exports, the sitemap. Each is made on every build and every save in the
// preview. The search index's sub-benchmark reports its size.
func BenchmarkGeneratedFiles(b *testing.B) {
	dir := benchSite(b)
	src := loadBench(b, dir)
	h := resolveBench(b, src)
	theme, err := load.Theme(dir, h.Config.Theme)
	if err != nil {
		b.Fatal(err)
	}
	prepare := func() *render.Job {
		job, err := render.Prepare(h, theme, src.Bodies(), nil)
		if err != nil {
			b.Fatal(err)
		}
		return job
	}
	kinds := map[string]func(string) bool{
		"search":  func(f string) bool { return strings.HasPrefix(f, search.Dir) },
		"json":    func(f string) bool { return strings.HasSuffix(f, ".json") && !strings.HasPrefix(f, search.Dir) },
		"csv":     func(f string) bool { return strings.HasSuffix(f, ".csv") },
		"ics":     func(f string) bool { return strings.HasSuffix(f, ".ics") },
		"sitemap": func(f string) bool { return f == "sitemap.xml" },
	}
	for _, kind := range []string{"search", "json", "csv", "ics", "sitemap"} {
		b.Run(kind, func(b *testing.B) {
			var files []string
			m := prepare().Map()
			for _, f := range m.Files() {
				if e, _ := m.Entry(f); !e.Page && e.Asset == "" && kinds[kind](f) {
					files = append(files, f)
				}
			}
			if len(files) == 0 {
				b.Fatalf("the site has no %s files", kind)
			}
			var size int
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				job := prepare()
				runtime.GC() // not the garbage of Prepare
				b.StartTimer()
				size = 0
				for _, f := range files {
					data, _, err := job.File(f)
					if err != nil {
						b.Fatal(err)
					}
					size += len(data)
				}
			}
			b.ReportMetric(float64(size), "bytes")
			b.ReportMetric(float64(len(files)), "files")
		})
	}
}
