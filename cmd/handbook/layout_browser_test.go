package main

import (
	"cmp"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/reliability-council/handbook/internal/gensite"
)

// screen is a width a reader opens the handbook at.
type screen struct {
	name   string
	width  int64
	height int64
	mobile bool
}

var screens = []screen{
	{"phone", 390, 844, true},
	{"laptop", 1280, 800, false},
	{"projector", 1920, 1080, false},
}

// TestLayout opens every page of the example, and every kind of page of a
// generated 200-concern handbook, on a phone, a laptop and a projector, and
// checks that no page scrolls sideways and that the bubbles of each value
// × effort chart drawn there overlap nowhere. With HANDBOOK_SCREENSHOTS set
// to a folder, it also saves pictures of the main pages at each width,
// light and dark, for a person to look at; with HANDBOOK_SCREENSHOTS_SITE
// set to a built site as well (a large generated handbook, say), pictures
// of its charts page too.
func TestLayout(t *testing.T) {
	chrome := chromiumPath(t)
	example := buildExample(t)
	generated := generatedSite(t)
	rules := netlifyHeaders(t)
	exampleSrv := httptest.NewServer(withHeaders(netlify(example), rules))
	t.Cleanup(exampleSrv.Close)
	generatedSrv := httptest.NewServer(withHeaders(netlify(generated), rules))
	t.Cleanup(generatedSrv.Close)
	// Every page of two sites at three widths, and their charts: several
	// minutes on a machine busy with other tests.
	b := startBrowserWithin(t, chrome, exampleSrv.URL, 5*time.Minute)

	sites := []struct {
		name, base string
		pages      []string
	}{
		{"example", exampleSrv.URL, htmlPages(t, example)},
		{"generated", generatedSrv.URL, pageKinds(htmlPages(t, generated))},
	}
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			b.screen(t, s)
			for _, site := range sites {
				for _, p := range site.pages {
					b.visit(t, site.base+p)
					if wide := b.overflow(t); len(wide) > 0 {
						t.Errorf("%s %s at %d px: the page scrolls sideways; too wide: %s", site.name, p, s.width, strings.Join(wide, "; "))
					}
					if cut := b.cutCaptions(t); len(cut) > 0 {
						t.Errorf("%s %s at %d px: a table's caption runs past the box the table scrolls in, so it cannot be read whole: %s", site.name, p, s.width, strings.Join(cut, "; "))
					}
				}
				b.visit(t, site.base+"/charts/")
				b.drawCharts(t, "/charts/")
				if bubbles := b.bubbles(t, valueEffortChart); site.name == "example" {
					checkBubbles(t, fmt.Sprintf("/charts/ at %d px", s.width), bubbles)
				}
				b.take() // judged by TestCharts; here only the layout counts
			}
		})
	}
	b.screen(t, screens[1])

	t.Run("SortActions", func(t *testing.T) {
		// Action tables sort like concern tables, by the keyboard too.
		b.visit(t, exampleSrv.URL+"/actions/")
		b.settle(t, "/actions/")
		before := b.table(t)
		if !before.Sortable || before.sortedBy("Due") != "ascending" {
			t.Fatalf("/actions/: the first action table is not sortable, or not marked as sorted by due date: %+v", before.AriaSort)
		}
		b.sort(t, "Owner", "ascending", b.click)
		b.sort(t, "Owner", "descending", b.pressEnter)
		b.take()
	})

	t.Run("MenuOnPhone", func(t *testing.T) {
		// On a phone the navigation waits behind Menu, which names the
		// current page, so that the page's heading is on the first screen;
		// on a laptop it stands open beside the page.
		shown := func(selector string) bool {
			ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
			defer cancel()
			visible, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && el.getClientRects().length > 0; })()`, selector)))
			if err != nil {
				t.Fatalf("looking for %s: %v", selector, err)
			}
			return visible
		}
		b.screen(t, screens[0])
		defer b.screen(t, screens[1])
		b.visit(t, exampleSrv.URL+"/concerns/")
		if shown(".sidebar > ul") || !shown(".nav-menu summary") {
			t.Fatal("/concerns/ at 390 px: the navigation's list is shown, or Menu is not")
		}
		ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
		defer cancel()
		heading, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("main h1").getBoundingClientRect().bottom`))
		if err != nil {
			t.Fatal(err)
		}
		if heading > float64(screens[0].height)/2 {
			t.Errorf("/concerns/ at 390 px: the heading ends %.0f px down a %d px screen", heading, screens[0].height)
		}
		if err := chromedp.Do(ctx, chromedp.Click(".nav-menu summary", chromedp.NodeVisible)); err != nil {
			t.Fatalf("opening Menu: %v", err)
		}
		if !shown(`.sidebar a[aria-current="page"][href$="/concerns/"]`) {
			t.Error("/concerns/ at 390 px: Menu opened does not show the navigation with Concerns marked as the current page")
		}
		b.screen(t, screens[1])
		b.visit(t, exampleSrv.URL+"/concerns/")
		if !shown(`.sidebar > ul a[aria-current="page"]`) || shown(".nav-menu summary") {
			t.Error("/concerns/ at 1280 px: the navigation is not shown beside the page, or Menu is")
		}
	})

	t.Run("ClosedOnRequest", func(t *testing.T) {
		// A team of the generated handbook with closed concerns: its chart
		// draws the open ones, and all once the reader asks.
		var page, id string
		var spec specOnPage
		for _, p := range sites[1].pages {
			if !strings.HasPrefix(p, "/teams/") || p == "/teams/" {
				continue
			}
			b.visit(t, generatedSrv.URL+p)
			b.drawCharts(t, p)
			for _, c := range b.charts(t) {
				if strings.HasSuffix(c.ID, "_value_effort") {
					if s := b.chartSpec(t, c.ID); len(s.Bubbles.Hidden) > 0 {
						page, id, spec = p, c.ID, s
					}
				}
			}
			if page != "" {
				break
			}
		}
		if page == "" {
			t.Fatal("no team of the generated handbook has closed concerns in its chart")
		}
		open := openConcerns(spec)
		if n := len(b.bubbles(t, id)); n != open {
			t.Errorf("%s: %d bubbles before asking for closed concerns, want the %d open ones", page, n, open)
		}
		ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
		defer cancel()
		if err := chromedp.Do(ctx, chromedp.Click(`#`+id+`-title ~ .chart-tools input`, chromedp.NodeVisible)); err != nil {
			t.Fatalf("%s: ticking Show closed concerns: %v", page, err)
		}
		all := 0
		for _, links := range spec.Links {
			all += len(links)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`echarts.getInstanceByDom(document.getElementById(%q)).getOption().series.reduce((n, s) => n + s.data.length, 0) === %d`, id, all), chromedp.WithPollingTimeout(2*time.Second))); err != nil {
			t.Errorf("%s: after ticking Show closed concerns, the chart does not draw all %d concerns: %v", page, all, err)
		}
		checkBubbles(t, page+" with closed concerns", b.bubbles(t, id))
		b.take()
	})

	if dir := os.Getenv("HANDBOOK_SCREENSHOTS"); dir != "" {
		for _, s := range screens {
			b.screen(t, s)
			for _, scheme := range []string{"light", "dark"} {
				b.colorScheme(t, scheme)
				for _, p := range []string{"/", "/concerns/", "/charts/", "/risk/", "/teams/data/", "/actions/", "/agenda/", "/changes/", "/search/?q=etl", "/meetings/2018-02-20-breaking-concerns-down/"} {
					b.visit(t, exampleSrv.URL+p)
					b.drawCharts(t, p)
					name := cmp.Or(strings.Trim(strings.ReplaceAll(p, "/", "-"), "-"), "overview")
					b.fullScreenshot(t, filepath.Join(dir, fmt.Sprintf("%s-%d-%s.png", name, s.width, scheme)))
				}
			}
		}
		// A built site of one's own, such as a generated handbook of
		// thousands of meetings: its charts page.
		if site := os.Getenv("HANDBOOK_SCREENSHOTS_SITE"); site != "" {
			own := httptest.NewServer(netlify(site))
			t.Cleanup(own.Close)
			for _, s := range screens {
				b.screen(t, s)
				for _, scheme := range []string{"light", "dark"} {
					b.colorScheme(t, scheme)
					b.visit(t, own.URL+"/charts/")
					b.drawCharts(t, "/charts/")
					b.fullScreenshot(t, filepath.Join(dir, fmt.Sprintf("site-charts-%d-%s.png", s.width, scheme)))
				}
			}
			b.colorScheme(t, "")
		}
		// Tiny data must look deliberate too.
		tiny := httptest.NewServer(netlify(tinySite(t)))
		t.Cleanup(tiny.Close)
		for _, p := range []string{"/", "/charts/", "/risk/", "/teams/empty/"} {
			b.visit(t, tiny.URL+p)
			b.drawCharts(t, p)
			name := cmp.Or(strings.Trim(strings.ReplaceAll(p, "/", "-"), "-"), "overview")
			b.fullScreenshot(t, filepath.Join(dir, "tiny-"+name+".png"))
		}
		b.colorScheme(t, "")
		b.screen(t, screens[1])
		b.take()
	}
}

// tinySite builds a handbook of one concern and two teams, one of them
// without concerns, and returns the folder it was built into.
func tinySite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"site.yaml":              "title: Tiny Council\nbaseURL: https://example.org/\n",
		"content/teams/ops.md":   "---\ntitle: Ops\n---\n",
		"content/teams/empty.md": "---\ntitle: Empty\n---\n",
		"content/concerns/a.md":  "---\ntitle: Disk alerts fire too late\nteam: ops\nvalue: High\neffort: Low\nrisk: Medium\nstatus: proposed\nobservable: partly\nraised: 2023-10-02\n---\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := buildSite(t, dir)
	return out
}

// generatedSite builds a generated handbook of 200 concerns and returns the
// folder it was built into.
func generatedSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	site := gensite.Generate(gensite.Options{Concerns: 200, Meetings: 12, Teams: 14, Seed: 7})
	if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	out, _ := buildSite(t, dir)
	return out
}

// pageKinds keeps every list page and the first two pages of each kind of
// page below one (two concerns, two teams, ...): the same templates draw
// the rest.
func pageKinds(pages []string) []string {
	seen := map[string]int{}
	var out []string
	for _, p := range pages {
		parts := strings.Split(strings.Trim(p, "/"), "/")
		if len(parts) < 2 {
			out = append(out, p)
			continue
		}
		if seen[parts[0]] < 2 {
			out = append(out, p)
		}
		seen[parts[0]]++
	}
	return out
}

// screen makes the tab a screen of this size: a phone's with its viewport
// meta tag honoured, or a desktop window's.
func (b *browser) screen(t *testing.T, s screen) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		_, err := cdp.Call(ctx, target, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: s.width, Height: s.height, DeviceScaleFactor: 1, Mobile: s.mobile,
		})
		return err
	}))
	if err != nil {
		t.Fatalf("emulating a %d px screen: %v", s.width, err)
	}
}

// visit opens a page and waits for its load event; it does not judge the
// page, as open does, nor wait for what loads later (charts).
func (b *browser) visit(t *testing.T, u string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	// What the last page still had in flight is abandoned with it, and
	// Chromium does not always say so.
	b.mu.Lock()
	clear(b.inflight)
	b.mu.Unlock()
	if _, err := chromedp.Run(ctx, chromedp.NavigateResponse(u)); err != nil {
		t.Fatalf("opening %s: %v", u, err)
	}
}

// overflow returns the elements that stick out of the right edge of the
// window, and so make the page scroll sideways, unless they sit in a box
// that scrolls by itself. It returns nothing when the page fits.
func (b *browser) overflow(t *testing.T) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	wide, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return [];
		const scrolls = el => {
			for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
				const o = getComputedStyle(p).overflowX;
				if (o === "auto" || o === "scroll" || o === "hidden") return true;
			}
			return false;
		};
		const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "");
		const out = Array.from(document.body.querySelectorAll("*"))
			.filter(el => el.getBoundingClientRect().right > root.clientWidth + 1 && !scrolls(el))
			.slice(0, 5)
			.map(el => name(el) + " to " + Math.round(el.getBoundingClientRect().right) + " px");
		return out.length ? out : ["the page is " + root.scrollWidth + " px wide in a " + root.clientWidth + " px window"];
	})()`))
	if err != nil {
		t.Fatalf("measuring the page: %v", err)
	}
	return wide
}

// cutCaptions returns the start of each table caption whose words run past
// the box its table scrolls in: a table wider than the screen scrolls, but
// its caption, laid out across the whole table, would be cut off mid-word.
func (b *browser) cutCaptions(t *testing.T) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	cut, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(".table-wrap caption")).filter(c => {
		if (c.closest("details:not([open])")) return false; // not shown until asked for
		const box = c.closest(".table-wrap").getBoundingClientRect();
		const words = document.createRange();
		words.selectNodeContents(c);
		return Array.from(words.getClientRects()).some(r => r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1));
	}).map(c => JSON.stringify(c.textContent.trim().slice(0, 50)))`))
	if err != nil {
		t.Fatalf("measuring the captions: %v", err)
	}
	return cut
}

// fullScreenshot saves the whole open page, from its top, as a PNG.
func (b *browser) fullScreenshot(t *testing.T, file string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: a PNG
	if err != nil {
		t.Fatalf("taking %s: %v", file, err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}
