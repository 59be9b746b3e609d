package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/reliability-council/handbook/internal/gensite"
)

var latencyConcerns = flag.Int("latencyconcerns", 0,
	"BenchmarkSaveToScreen: time a generated handbook with this many concerns (and 500 meetings, 40 teams) instead of the example")

// minSaves is how many saves it takes for a p90 to mean something.
const minSaves = 20

// BenchmarkSaveToScreen times how long an edit takes from the save to the
// screen: handbook serve runs in this process, headless Chromium shows a
// concern, and each iteration writes a unique marker into the concern's
// text, then waits for the page that shows it.
//
// "Shown" is the first contentful paint of the page that the live-reload
// script loads in place of the old one, read from the page's own
// performance timeline (the same wall clock as the save's), and checked to
// hold the marker. The page is asked only once Chromium reports a paint (or
// every 100ms, in case that event is missed), so nothing competes with the
// page while it loads, and asking late does not make the time later.
//
// Metrics, each the median and the 90th percentile over the saves:
//
//	ms/save-*    save to the new page's first contentful paint
//	ms/server-*  save to serve's "built in" line: the watcher's wait for
//	             quiet, the rebuild and the swap of the served site (serve
//	             prints the line just after telling open pages, so a page
//	             may start to reload a moment before it)
//	ms/build-*   the rebuild alone, as serve reports it
//
// The rest of ms/save (the reload: event, request, parse, styles, paint)
// is the browser's part; the benchmark logs it step by step. Run it with -benchtime 20x or more; pass
// -latencyconcerns 10000 for a large handbook.
func BenchmarkSaveToScreen(b *testing.B) {
	chrome := chromiumPath(b)
	dir, page, file := latencySite(b)
	s := startServeWithin(b, 5*time.Minute, dir)
	tab := openLatencyTab(b, chrome, s.url+strings.TrimPrefix(page, "/"))
	md := readFile(b, dir, file)
	front, body, _ := strings.Cut(strings.TrimPrefix(md, "---\n"), "\n---\n")
	// Give the rebuilds time to settle, as a person's pauses between saves do.
	pause := 300 * time.Millisecond
	if *latencyConcerns > 0 {
		pause = time.Second
	}

	var client, server, build []time.Duration
	// The browser's part, step by step: from the built line to the reload's
	// start, then to the HTML in, to the last stylesheet in, to the paint.
	var reload, html, styles, painted []time.Duration
	for b.Loop() {
		i := len(client)
		marker := fmt.Sprintf("save-to-screen-marker-%d-%d", i, time.Now().UnixNano())
		content := "---\n" + front + "\n---\n" + marker + "\n\n" + body
		builds, streams := len(s.builds()), tab.streams.count()
		tab.drain()

		t0 := time.Now()
		if err := os.WriteFile(filepath.Join(dir, file), []byte(content), 0o644); err != nil {
			b.Fatal(err)
		}
		shown := tab.waitShown(b, marker)
		client = append(client, shown.paint().Sub(t0))
		line := s.waitBuilds(b, builds+1)[builds]
		server = append(server, line.at.Sub(t0))
		build = append(build, line.took)
		reload = append(reload, shown.start().Sub(line.at))
		html = append(html, msDuration(shown.HTML))
		styles = append(styles, msDuration(shown.Styles-shown.HTML))
		painted = append(painted, shown.paint().Sub(shown.start())-msDuration(shown.Styles))
		tab.streams.wait(b, streams+1) // the new page listens for the next save

		b.StopTimer()
		time.Sleep(pause)
		b.StartTimer()
	}

	if len(client) < minSaves {
		b.Logf("only %d saves: run with -benchtime %dx or more for percentiles worth reading", len(client), minSaves)
	}
	b.ReportMetric(0, "ns/op") // the time per loop counts the pauses: meaningless here
	for _, m := range []struct {
		name string
		d    []time.Duration
	}{{"save", client}, {"server", server}, {"build", build}} {
		b.ReportMetric(ms(percentile(m.d, 50)), "ms/"+m.name+"-median")
		b.ReportMetric(ms(percentile(m.d, 90)), "ms/"+m.name+"-p90")
	}
	b.Logf("%s: %d saves\n"+
		"save to screen:               %s\n"+
		"save to built line:           %s\n"+
		"  of which the build:         %s\n"+
		"built line to reload start:   %s\n"+
		"reload start to HTML in:      %s\n"+
		"HTML in to stylesheets in:    %s\n"+
		"stylesheets in to paint:      %s",
		dir, len(client), summary(client), summary(server), summary(build),
		summary(reload), summary(html), summary(styles), summary(painted))
}

// latencySite makes the handbook to time: a copy of the example, or a
// generated one when -latencyconcerns is set. It returns the site folder,
// the concern's page and its file.
func latencySite(b *testing.B) (dir, page, file string) {
	b.Helper()
	dir = filepath.Join(b.TempDir(), "site")
	if *latencyConcerns <= 0 {
		// The example as a user serves it at the root of the repository,
		// where themes/default is a copy of the built-in theme.
		root := exampleSite(b)
		for _, sub := range []string{"content", filepath.Join("themes", "default")} {
			must(b, os.CopyFS(filepath.Join(dir, sub), os.DirFS(filepath.Join(root, sub))))
		}
		data, err := os.ReadFile(filepath.Join(root, "site.yaml"))
		must(b, err)
		must(b, os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644))
		return dir, "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"
	}
	site := gensite.Generate(gensite.Options{Concerns: *latencyConcerns, Meetings: 500, Teams: 40, Seed: 1})
	must(b, gensite.WriteFiles(dir, site.HandbookFiles()))
	concerns, err := os.ReadDir(filepath.Join(dir, "content", "concerns"))
	must(b, err)
	if len(concerns) == 0 {
		b.Fatal("the generated handbook has no concerns")
	}
	// One from the middle: neither first nor last in any list.
	name := concerns[len(concerns)/2].Name()
	return dir, "/concerns/" + strings.TrimSuffix(name, ".md") + "/", "content/concerns/" + name
}

// latencyTab is a headless Chromium tab showing a page of handbook serve.
type latencyTab struct {
	ctx     context.Context
	paints  chan struct{} // a first contentful paint in the main frame
	streams *eventStreams
}

// openLatencyTab starts Chromium, opens url in it and waits until the page
// listens to the server's events.
func openLatencyTab(b *testing.B, chrome, url string) *latencyTab {
	b.Helper()
	ctx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), chromiumOptions(chrome, b.TempDir())...)
	ctx, cancelTab := chromedp.NewContext(ctx)
	b.Cleanup(func() {
		cancelTab()
		cancelAlloc()
	})
	tab := &latencyTab{ctx: ctx, paints: make(chan struct{}, 16), streams: &eventStreams{}}
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		b.Fatalf("starting %s: %v", chrome, err)
	}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *cdppage.EventLifecycleEvent:
			if ev.Name == "firstContentfulPaint" {
				select {
				case tab.paints <- struct{}{}:
				default: // waitShown reads the page itself; a dropped nudge only delays it
				}
			}
		case *network.EventResponseReceived:
			if strings.Contains(ev.Response.URL, "/_handbook/events") {
				tab.streams.add()
			}
		}
	})
	must(b, err)
	nav, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(nav, chromedp.Navigate(url)); err != nil {
		b.Fatalf("opening %s: %v", url, err)
	}
	tab.streams.wait(b, 1)
	return tab
}

// drain forgets the paints seen so far.
func (tab *latencyTab) drain() {
	for {
		select {
		case <-tab.paints:
		default:
			return
		}
	}
}

// shownPage is when a page painted, by its own clock, and the steps of its
// loading.
type shownPage struct {
	Paint  float64 `json:"paint"`  // first contentful paint, ms since 1970
	Start  float64 `json:"start"`  // the reload's start, ms since 1970
	HTML   float64 `json:"html"`   // the page's HTML in, ms after Start
	Styles float64 `json:"styles"` // the last stylesheet in, ms after Start
}

func (p shownPage) paint() time.Time { return time.UnixMicro(int64(p.Paint * 1000)) }
func (p shownPage) start() time.Time { return time.UnixMicro(int64(p.Start * 1000)) }

// waitShown waits for a page holding marker to paint.
//
// It asks the page after each first contentful paint, or every 100ms in
// case the event was missed, whether it has the marker and when it painted.
// The answer comes from the page's clock, so asking late does not make the
// time later, and asking only once the page has painted does not slow the
// page down.
func (tab *latencyTab) waitShown(b *testing.B, marker string) shownPage {
	b.Helper()
	ctx, cancel := context.WithTimeout(tab.ctx, time.Minute)
	defer cancel()
	expr := fmt.Sprintf(`(() => {
		const fcp = performance.getEntriesByName("first-contentful-paint")[0];
		const nav = performance.getEntriesByType("navigation")[0];
		if (!document.body || !document.body.textContent.includes(%q) || !fcp || !nav) {
			return null;
		}
		const sheets = performance.getEntriesByType("resource").filter(r => r.initiatorType === "link");
		return {
			paint: performance.timeOrigin + fcp.startTime,
			start: performance.timeOrigin,
			html: nav.responseEnd,
			styles: Math.max(nav.responseEnd, ...sheets.map(r => r.responseEnd)),
		};
	})()`, marker)
	for {
		select {
		case <-tab.paints:
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			state, err := chromedp.Run(tab.ctx, chromedp.Evaluate[string](`JSON.stringify({url: location.href, paints: performance.getEntriesByType("paint").map(e => e.name), text: document.body.textContent.slice(0, 200)})`))
			b.Fatalf("no page with the marker %s painted within a minute of the save; the page: %s %v; %d streams", marker, state, err, tab.streams.count())
		}
		// The paint's performance entry may come a moment after the event.
		for try := 0; try < 20; try++ {
			shown, err := chromedp.Run(ctx, chromedp.Evaluate[*shownPage](expr))
			if err == nil && shown != nil {
				return *shown
			}
			time.Sleep(2 * time.Millisecond)
		}
	}
}

func (e *eventStreams) add() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.n++
}

// percentile returns the p-th percentile of d by the nearest rank.
func percentile(d []time.Duration, p int) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Sorted(slices.Values(d))
	i := (p*len(s)+99)/100 - 1
	return s[max(i, 0)]
}

func msDuration(ms float64) time.Duration { return time.Duration(ms * float64(time.Millisecond)) }

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// summary describes d for the log: median, p90 and the extremes.
func summary(d []time.Duration) string {
	if len(d) == 0 {
		return "none"
	}
	return fmt.Sprintf("median %.1fms, p90 %.1fms (min %.1fms, max %.1fms)",
		ms(percentile(d, 50)), ms(percentile(d, 90)), ms(slices.Min(d)), ms(slices.Max(d)))
}

// BenchmarkServeStartup times handbook serve from its start to the first
// answer of the front page, and to the end of its first build, on the
// example or (with -latencyconcerns N) a generated handbook:
//
//	ms/first-page  start to a 200 for the front page
//	ms/built       start to the first "built in" line: every page made
func BenchmarkServeStartup(b *testing.B) {
	dir, _, _ := latencySite(b)
	var firstPage, built []time.Duration
	for b.Loop() {
		t0 := time.Now()
		s := launchServe(b, 5*time.Minute, dir, func(*devServer) bool { return true })
		for {
			res, err := http.Get(s.url)
			if err == nil {
				_ = res.Body.Close()
				if res.StatusCode == http.StatusOK {
					break
				}
			}
			time.Sleep(time.Millisecond)
		}
		firstPage = append(firstPage, time.Since(t0))
		for !firstBuildDone.MatchString(s.stdout.String()) {
			time.Sleep(time.Millisecond)
		}
		built = append(built, s.stdout.lastWrite().Sub(t0))
		s.stop(b)
	}
	b.Logf("start to the front page: %s", summary(firstPage))
	b.Logf("start to every page made: %s", summary(built))
	b.ReportMetric(ms(percentile(firstPage, 50)), "ms/first-page")
	b.ReportMetric(ms(percentile(built, 50)), "ms/built")
}
