package main

import (
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/search"
)

var searchConcerns = flag.Int("searchconcerns", 10000,
	"BenchmarkSearch: search a generated handbook with this many concerns (and 500 meetings, 40 teams)")

// BenchmarkSearch searches a generated handbook in headless Chromium, as
// a reader does on the search page, served as Netlify serves it (gzip
// included), and reports for each query, opened in a fresh page:
//
//	KB-raw, KB-gzip  what the first query fetched: search.js and the files
//	                 of the index, as on disk and as sent
//	ms-query         the same query again once its files are loaded, from
//	                 submitting to the count of results shown
//
// and logs the index's size on disk. Run it with -benchtime 1x;
// -searchconcerns sets the handbook's size.
func BenchmarkSearch(b *testing.B) {
	chrome := chromiumPath(b)
	dir := filepath.Join(b.TempDir(), "site")
	site := gensite.Generate(gensite.Options{Concerns: *searchConcerns, Meetings: 500, Teams: 40, Seed: 1})
	must(b, gensite.WriteFiles(dir, site.HandbookFiles()))
	out, _ := buildSite(b, dir)
	indexBytes, indexFiles := folderSize(b, filepath.Join(out, search.Dir), "index.html")
	b.Logf("the index: %d files, %.1f MB", indexFiles, float64(indexBytes)/1e6)

	srv := httptest.NewServer(gzipped(netlify(out)))
	b.Cleanup(srv.Close)
	tab := newMeasuredTab(b, chrome)
	queries := []string{"the", "monitoring", "mon", "alert dashboard", "latency kafka", "escalations"}
	for b.Loop() {
		for _, q := range queries {
			tab.open(b, srv.URL+"/search/")
			tab.take()
			first := tab.query(b, q)
			fetched := tab.take()
			var raw, sent int64
			for _, f := range fetched {
				if f.path == "/search/" {
					continue
				}
				raw += fileSize(b, out, f.path)
				sent += f.sent
			}
			// Once its files are loaded: the median of three.
			var times []float64
			for range 3 {
				times = append(times, tab.query(b, q).Ms)
			}
			slices.Sort(times)
			again := times[1]
			b.Logf("%-17q %5d results; first query %4.0f ms, %3d files, %6.1f KB (%5.1f KB gzip); once loaded %5.1f ms (%.1f to %.1f)",
				q, first.Results, first.Ms, len(fetched), float64(raw)/1e3, float64(sent)/1e3, again, times[0], times[2])
			name := strings.ReplaceAll(q, " ", "+")
			b.ReportMetric(float64(raw)/1e3, "KB-raw-"+name)
			b.ReportMetric(float64(sent)/1e3, "KB-gzip-"+name)
			b.ReportMetric(again, "ms-query-"+name)
		}
	}
}

// measuredTab is a Chromium tab that records the requests its pages make
// and the bytes each took over the wire.
type measuredTab struct {
	ctx context.Context

	mu      sync.Mutex
	urls    map[network.RequestID]string
	fetched []fetch
}

type fetch struct {
	path string
	sent int64
}

func newMeasuredTab(b *testing.B, chrome string) *measuredTab {
	b.Helper()
	ctx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumOptions(chrome, b.TempDir())...)
	ctx, cancelTab := chromedp.NewContext(ctx)
	b.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	tab := &measuredTab{ctx: ctx, urls: map[network.RequestID]string{}}
	if err := chromedp.Do(ctx); err != nil {
		b.Fatalf("starting %s: %v", chrome, err)
	}
	must(b, chromedp.Listen(ctx, func(ev any) {
		tab.mu.Lock()
		defer tab.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			tab.urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFinished:
			if u, err := url.Parse(tab.urls[ev.RequestID]); err == nil {
				tab.fetched = append(tab.fetched, fetch{path: u.Path, sent: int64(ev.EncodedDataLength)})
			}
		}
	}))
	return tab
}

// open loads a page with an empty cache.
func (tab *measuredTab) open(b *testing.B, u string) {
	b.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, time.Minute)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.ClearBrowserCache, cdp.Empty{})
		return err
	}), chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("[data-search-filters]")))
	if err != nil {
		b.Fatalf("opening %s: %v", u, err)
	}
}

// take returns the requests that finished since the last call.
func (tab *measuredTab) take() []fetch {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	f := tab.fetched
	tab.fetched = nil
	return f
}

type queryTime struct {
	Ms      float64 `json:"ms"`
	Results int     `json:"results"`
}

// query submits q on the search page and waits for its results: the
// count, and the first results' records.
func (tab *measuredTab) query(b *testing.B, q string) queryTime {
	b.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, time.Minute)
	defer cancel()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[queryTime](fmt.Sprintf(`(async () => {
		const input = document.querySelector("#search-query");
		const status = document.querySelector("[data-search-status]");
		const results = document.querySelector("[data-search-results]");
		status.textContent = "";
		const counted = new Promise(done => new MutationObserver((_, o) => {
			if (status.textContent) { o.disconnect(); done(performance.now()); }
		}).observe(status, {childList: true, characterData: true, subtree: true}));
		input.value = %q;
		const start = performance.now();
		input.form.requestSubmit();
		const at = await counted;
		const n = parseInt(status.textContent, 10) || 0;
		while (n > 0 && results.children.length === 0) await new Promise(r => setTimeout(r, 5));
		return {ms: at - start, results: n};
	})()`, q), chromedp.EvalAwaitPromise))
	if err != nil {
		b.Fatalf("searching %q: %v", q, err)
	}
	return got
}

// gzipped sends files gzipped to a browser that takes them so, as Netlify
// does.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Del("Content-Length")
		gz := gzip.NewWriter(w)
		defer func() { _ = gz.Close() }()
		h.ServeHTTP(gzipWriter{ResponseWriter: w, w: gz}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	w io.Writer
}

func (g gzipWriter) Write(p []byte) (int, error) { return g.w.Write(p) }

// WriteHeader drops the length the file server sets: the gzipped body is
// shorter.
func (g gzipWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func fileSize(b *testing.B, dir, path string) int64 {
	b.Helper()
	name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(path, "/")))
	if strings.HasSuffix(path, "/") {
		name = filepath.Join(name, "index.html")
	}
	info, err := os.Stat(name)
	if err != nil {
		b.Fatalf("%s was fetched but is not in the site: %v", path, err)
	}
	return info.Size()
}

// folderSize adds up the files in dir, but the one called skip.
func folderSize(b *testing.B, dir, skip string) (size int64, files int) {
	b.Helper()
	must(b, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == filepath.Join(dir, skip) {
			return err
		}
		info, err := d.Info()
		size += info.Size()
		files++
		return err
	}))
	return size, files
}
