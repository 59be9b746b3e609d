package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/reliability-council/handbook/internal/gensite"
)

// TestCharts opens the pages of the built example that draw charts, served
// with the headers of netlify.toml, and checks that every chart is drawn
// by ECharts under the Content-Security-Policy, in light and dark mode,
// without a console error or a request to another host, and that a click
// on a bubble opens its concern.
func TestCharts(t *testing.T) {
	chrome := chromiumPath(t)
	out := buildExample(t)
	rules := netlifyHeaders(t)
	srv := httptest.NewServer(withHeaders(netlify(out), rules))
	t.Cleanup(srv.Close)
	checkHeaders(t, srv.URL, out, rules)
	b := startBrowserWithin(t, chrome, srv.URL, 2*time.Minute) // every bubble opens a page

	t.Run("Drawn", func(t *testing.T) {
		for _, p := range []struct {
			path string
			want []string // charts the page must have, among others
		}{
			{"/", []string{valueEffortChart}},
			{"/charts/", []string{valueEffortChart}},
			{"/teams/data/", nil},
		} {
			b.open(t, p.path, http.StatusOK)
			charts := b.drawCharts(t, p.path)
			checkCharts(t, p.path, charts, p.want)
			b.report(t, p.path, nil)
		}
	})

	t.Run("ClickEveryBubble", func(t *testing.T) {
		b.open(t, "/charts/", http.StatusOK)
		b.drawCharts(t, "/charts/")
		bubbles := b.bubbles(t, valueEffortChart)
		checkBubbles(t, "/charts/", bubbles)
		if len(bubbles) < 10 {
			t.Fatalf("the example's chart has %d bubbles, want one per open concern", len(bubbles))
		}
		for i := range bubbles {
			if i > 0 { // the page as a reader comes back to it
				b.open(t, "/charts/", http.StatusOK)
				b.drawCharts(t, "/charts/")
			}
			// Where the chart says it drew the bubble now, after the page
			// was laid out again.
			bubble := b.bubbles(t, valueEffortChart)[i]
			b.clickOpens(t, bubble, chromedp.MouseClickXY(bubble.X, bubble.Y))
		}
	})

	t.Run("KeyboardOpensABubble", func(t *testing.T) {
		b.open(t, "/charts/", http.StatusOK)
		b.drawCharts(t, "/charts/")
		bubbles := b.bubbles(t, valueEffortChart)
		// Tab reaches the first bubble by rank; an arrow key the second.
		ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
		defer cancel()
		focused := func() string {
			label, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute("aria-label") || ""`))
			if err != nil {
				t.Fatal(err)
			}
			return label
		}
		if err := chromedp.Do(ctx, chromedp.Focus(`#`+valueEffortChart+` ~ .bubble-keys a[tabindex="0"]`)); err != nil {
			t.Fatalf("no bubble of %s takes the keyboard's focus: %v", valueEffortChart, err)
		}
		first := bubbleByMark(t, bubbles, "1")
		if got := focused(); !strings.HasPrefix(got, "Rank 1: "+first.Title) {
			t.Errorf("the chart's first focus names %q, want rank 1, %q", got, first.Title)
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight)); err != nil {
			t.Fatal(err)
		}
		second := bubbleByMark(t, bubbles, "2")
		if got := focused(); !strings.HasPrefix(got, "Rank 2: "+second.Title) {
			t.Errorf("after the right arrow, the focus names %q, want rank 2, %q", got, second.Title)
		}
		b.clickOpens(t, second, chromedp.KeyEvent("\r"))
	})

	t.Run("SameLookEverywhere", func(t *testing.T) {
		looks := map[string][]statusLook{}
		for _, p := range []string{"/", "/concerns/", "/charts/", "/teams/data/"} {
			b.open(t, p, http.StatusOK)
			b.drawCharts(t, p)
			for _, l := range b.statusLooks(t) {
				l.Where = p + " " + l.Where
				looks[l.Status] = append(looks[l.Status], l)
			}
			b.report(t, p, nil)
		}
		checkStatusLooks(t, looks)
	})

	t.Run("Dark", func(t *testing.T) {
		b.open(t, "/charts/", http.StatusOK)
		light := b.drawCharts(t, "/charts/")
		b.screenshot(t, "charts-light", light)
		if bg := b.background(t); bg.dark() {
			t.Errorf("light mode: the page's background is %s, want a light colour", bg)
		}

		// Turning dark with the page open redraws its charts.
		b.colorScheme(t, "dark")
		t.Cleanup(func() { b.colorScheme(t, "") })
		b.waitRedrawn(t, light)
		checkCharts(t, "/charts/ after turning dark", b.charts(t), []string{valueEffortChart})
		if bg := b.background(t); !bg.dark() {
			t.Errorf("dark mode: the page's background is %s, want a dark colour", bg)
		}
		b.report(t, "/charts/ after turning dark", nil)

		// A page opened in dark mode draws its charts dark from the start.
		b.open(t, "/charts/", http.StatusOK)
		dark := b.drawCharts(t, "/charts/")
		checkCharts(t, "/charts/ in dark mode", dark, []string{valueEffortChart})
		if bg := b.background(t); !bg.dark() {
			t.Errorf("dark mode: the page's background is %s, want a dark colour", bg)
		}
		b.screenshot(t, "charts-dark", dark)
		b.report(t, "/charts/ in dark mode", nil)
	})
}

// checkHeaders checks that the test server sends the headers of each rule
// of netlify.toml, on the first file of the site that the rule covers.
func checkHeaders(t *testing.T, server, dir string, rules []headerRule) {
	t.Helper()
	for _, r := range rules {
		p := strings.TrimSuffix(r.For, "*")
		if strings.HasSuffix(p, "/") && p != "/" {
			entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(p)))
			i := slices.IndexFunc(entries, func(e os.DirEntry) bool { return e.Type().IsRegular() })
			if err != nil || i < 0 {
				t.Fatalf("netlify.toml: [[headers]] for = %q: the site has no file there", r.For)
			}
			p += entries[i].Name()
		}
		resp, err := http.Get(server + p)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		for k, v := range r.Values {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s: %s: %q, want %q from netlify.toml", p, k, got, v)
			}
		}
	}
}

// valueEffortChart is the id of the bubble chart of all concerns, on the
// overview and the charts page.
const valueEffortChart = "chart_all_value_effort"

// chartState is one chart container as a reader's browser has it.
type chartState struct {
	ID       string `json:"id"`
	Ready    bool   `json:"ready"`    // charts.js set data-chart-ready
	Instance string `json:"instance"` // the id of its ECharts instance, "" for none
	Canvases int    `json:"canvases"`
	Width    int    `json:"width"` // of its canvas on screen, in CSS pixels
	Height   int    `json:"height"`
	Painted  int    `json:"painted"` // pixels of its canvas that are not transparent
	// Text is the colour of its legend's text, as ECharts' theme sets it,
	// and Background the colour behind the chart; both are zero for a
	// chart without a legend.
	Text, Background rgb
}

// charts returns the state of every chart container on the open page.
func (b *browser) charts(t *testing.T) []chartState {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	charts, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartState](`(() => {
	const rgb = css => { // any CSS colour as {R, G, B, A}
		const probe = document.createElement("canvas").getContext("2d");
		probe.fillStyle = css;
		const c = probe.fillStyle; // "#rrggbb", or "rgba(r, g, b, a)" when not opaque
		if (c[0] === "#") return {R: parseInt(c.slice(1, 3), 16), G: parseInt(c.slice(3, 5), 16), B: parseInt(c.slice(5, 7), 16), A: 1};
		const [R, G, B, A] = c.match(/[\d.]+/g).map(Number);
		return {R, G, B, A};
	};
	const background = el => {
		for (; el; el = el.parentElement) {
			const c = rgb(getComputedStyle(el).backgroundColor);
			if (c.A > 0) return c;
		}
		return rgb("white");
	};
	return Array.from(document.querySelectorAll("[data-chart]"), el => {
		const chart = window.echarts && window.echarts.getInstanceByDom(el);
		const canvases = el.querySelectorAll("canvas");
		const state = {id: el.id, ready: el.hasAttribute("data-chart-ready"), instance: chart ? chart.id : "",
			canvases: canvases.length, width: 0, height: 0, painted: 0};
		if (canvases.length) {
			const canvas = canvases[0], rect = canvas.getBoundingClientRect();
			state.width = Math.round(rect.width);
			state.height = Math.round(rect.height);
			if (canvas.width && canvas.height) {
				const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
				for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) state.painted++;
			}
		}
		const legend = chart && (chart.getOption().legend || [])[0];
		if (legend && legend.textStyle && legend.textStyle.color) {
			state.Text = rgb(legend.textStyle.color);
			state.Background = background(el);
		}
		return state;
	});
	})()`))
	if err != nil {
		t.Fatalf("reading the charts: %v", err)
	}
	return charts
}

// drawCharts scrolls each chart of the open page into view, as a reader
// would, waits until charts.js has drawn it, and returns the state of every
// chart.
func (b *browser) drawCharts(t *testing.T, page string) []chartState {
	t.Helper()
	for _, c := range b.charts(t) {
		b.drawChart(t, page, c.ID)
	}
	b.settle(t, page)
	return b.charts(t)
}

// drawChart scrolls the chart with this id into view and waits until it is
// drawn. The wait is generous, and each chart's own: a machine busy with
// other tests draws a large handbook's charts slowly, and this is no speed
// test.
func (b *browser) drawChart(t *testing.T, page, id string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.ID(id))); err != nil {
		t.Fatalf("%s: scrolling to chart %s: %v", page, id, err)
	}
	js, _ := json.Marshal(id)
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.getElementById(%s).hasAttribute("data-chart-ready")`, js),
		chromedp.WithPollingTimeout(25*time.Second)))
	if err != nil {
		t.Errorf("%s: chart %s was not drawn once on screen: %v", page, id, err)
	}
}

// checkCharts checks that the page has charts, the ones in want among them,
// and that each is drawn: an ECharts instance with a canvas of some size
// that holds a picture.
func checkCharts(t *testing.T, page string, charts []chartState, want []string) {
	t.Helper()
	if len(charts) == 0 {
		t.Errorf("%s: no [data-chart] element", page)
	}
	have := map[string]bool{}
	for _, c := range charts {
		have[c.ID] = true
		switch {
		case !c.Ready:
			t.Errorf("%s: chart %q has no data-chart-ready", page, c.ID)
		case c.Instance == "":
			t.Errorf("%s: chart %q: echarts.getInstanceByDom gives no instance", page, c.ID)
		case c.Canvases != 1 || c.Width == 0 || c.Height == 0:
			t.Errorf("%s: chart %q has %d canvases, the first %d×%d, want one with a size", page, c.ID, c.Canvases, c.Width, c.Height)
		case c.Painted == 0:
			t.Errorf("%s: chart %q: its canvas is blank", page, c.ID)
		case c.Text != rgb{} && contrast(c.Text, c.Background) < 4.5:
			t.Errorf("%s: chart %q: its legend, in %s on %s, has a contrast of %.1f:1, want 4.5:1 or more", page, c.ID, c.Text, c.Background, contrast(c.Text, c.Background))
		}
	}
	for _, id := range want {
		if !have[id] {
			t.Errorf("%s: no chart %q", page, id)
		}
	}
}

// bubble is where a bubble of a chart is on screen, as the chart's ECharts
// instance says it drew it, and what it stands for.
type bubble struct {
	X, Y  float64 // its centre, in CSS pixels from the top left of the viewport
	R     float64 // its radius
	Link  string  // the page a click opens, from the chart's spec
	Title string  // the first line of its tooltip: the concern's title
	Mark  string  // what is written inside it: its rank
	Top   string  // what a click at its centre hits: "canvas", or the element's tag
}

// bubbles scrolls the chart with this id into view and returns its
// bubbles, from the series' data layout of its ECharts instance: where each
// was drawn and at what size.
func (b *browser) bubbles(t *testing.T, id string) []bubble {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	js, _ := json.Marshal(id)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]bubble](fmt.Sprintf(`(() => {
		const el = document.getElementById(%s);
		el.scrollIntoView({block: "center"});
		const chart = echarts.getInstanceByDom(el);
		const spec = JSON.parse(document.getElementById(el.id + "-spec").textContent);
		const rect = el.getBoundingClientRect();
		const out = [];
		chart.getModel().eachSeries(series => {
			const si = series.seriesIndex, data = series.getData();
			for (let i = 0; i < data.count(); i++) {
				const di = data.getRawIndex(i);
				const [x, y] = data.getItemLayout(i);
				const size = [].concat(data.getItemVisual(i, "symbolSize"))[0];
				const at = {X: rect.left + x, Y: rect.top + y};
				const top = document.elementFromPoint(at.X, at.Y);
				out.push({...at, R: size / 2, Link: spec.links[si][di], Title: spec.tips[si][di][0],
					Mark: spec.bubbles.marks[si][di], Top: top ? top.tagName.toLowerCase() : ""});
			}
		});
		return out;
	})()`, js)))
	if err != nil {
		t.Fatalf("reading the bubbles of %s: %v", id, err)
	}
	return got
}

// checkBubbles checks that each bubble can be clicked: it links to a
// concern, lies in the chart's canvas with nothing over its centre, and
// overlaps no other bubble.
func checkBubbles(t *testing.T, page string, bubbles []bubble) {
	t.Helper()
	for i, a := range bubbles {
		if !strings.HasPrefix(a.Link, "/concerns/") {
			t.Errorf("%s: the bubble of %q links to %q, want a concern page", page, a.Title, a.Link)
		}
		if a.Top != "canvas" {
			t.Errorf("%s: the centre of the bubble of %q at (%.0f, %.0f) is under a %q element, not the chart's canvas", page, a.Title, a.X, a.Y, a.Top)
		}
		if a.R < 4 {
			t.Errorf("%s: the bubble of %q is %.1f px across, too small to see", page, a.Title, 2*a.R)
		}
		for _, o := range bubbles[i+1:] {
			if d := math.Hypot(a.X-o.X, a.Y-o.Y); d < a.R+o.R-0.5 {
				t.Errorf("%s: the bubbles of %q and %q overlap: %.1f px apart, radii %.1f and %.1f", page, a.Title, o.Title, d, a.R, o.R)
			}
		}
	}
}

func bubbleByMark(t *testing.T, bubbles []bubble, mark string) bubble {
	t.Helper()
	i := slices.IndexFunc(bubbles, func(b bubble) bool { return b.Mark == mark })
	if i < 0 {
		t.Fatalf("no bubble is marked %q", mark)
	}
	return bubbles[i]
}

// clickOpens does what opens a bubble and checks that the page it opened
// is the bubble's concern.
func (b *browser) clickOpens(t *testing.T, bubble bubble, open chromedp.Action[struct{}]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(cdppage.LoadEventFired, nil, open)); err != nil {
		t.Fatalf("opening the bubble of %q at (%.0f, %.0f): no page loaded: %v", bubble.Title, bubble.X, bubble.Y, err)
	}
	b.settle(t, bubble.Link)
	got, err := chromedp.Run(ctx, chromedp.Evaluate[struct {
		Path string   `json:"path"`
		H1   []string `json:"h1"`
	}](`({path: location.pathname, h1: Array.from(document.querySelectorAll("h1"), h => h.textContent.trim())})`))
	if err != nil {
		t.Fatalf("reading the page the bubble opened: %v", err)
	}
	if got.Path != bubble.Link {
		t.Errorf("the bubble of %q at (%.0f, %.0f) opened %s, want %s", bubble.Title, bubble.X, bubble.Y, got.Path, bubble.Link)
	}
	if len(got.H1) != 1 || got.H1[0] != bubble.Title {
		t.Errorf("%s: h1 elements %q, want one, %q", got.Path, got.H1, bubble.Title)
	}
	b.report(t, got.Path, nil)
}

// specOnPage is the part of a chart's spec the tests read.
type specOnPage struct {
	Links   [][]string `json:"links"`
	Bubbles struct {
		Hidden []int `json:"hidden"`
	} `json:"bubbles"`
}

// chartSpec reads the spec the page holds for the chart with this id.
func (b *browser) chartSpec(t *testing.T, id string) specOnPage {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	js, _ := json.Marshal(id + "-spec")
	spec, err := chromedp.Run(ctx, chromedp.Evaluate[specOnPage](fmt.Sprintf(`JSON.parse(document.getElementById(%s).textContent)`, js)))
	if err != nil {
		t.Fatalf("reading the spec of %s: %v", id, err)
	}
	return spec
}

// openConcerns counts the data items of a bubble chart's series that are
// not hidden until asked for.
func openConcerns(spec specOnPage) int {
	n := 0
	for i, links := range spec.Links {
		if !slices.Contains(spec.Bubbles.Hidden, i) {
			n += len(links)
		}
	}
	return n
}

// colorScheme makes the browser prefer a light or dark colour scheme, or
// follow the system when scheme is "".
func (b *browser) colorScheme(t *testing.T, scheme string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	features := []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	}))
	if err != nil {
		t.Fatalf("emulating prefers-color-scheme: %s: %v", scheme, err)
	}
}

// waitRedrawn waits until every chart in before has a new ECharts instance.
func (b *browser) waitRedrawn(t *testing.T, before []chartState) {
	t.Helper()
	for start := time.Now(); time.Since(start) < 3*time.Second; time.Sleep(50 * time.Millisecond) {
		now := map[string]string{}
		for _, c := range b.charts(t) {
			now[c.ID] = c.Instance
		}
		redrawn := true
		for _, c := range before {
			if now[c.ID] == "" || now[c.ID] == c.Instance {
				redrawn = false
			}
		}
		if redrawn {
			return
		}
	}
	t.Errorf("the charts were not drawn again after the colour scheme changed")
}

// rgb is a colour as CSS computes it.
type rgb struct{ R, G, B, A float64 }

func (c rgb) String() string { return fmt.Sprintf("rgba(%.0f, %.0f, %.0f, %.2f)", c.R, c.G, c.B, c.A) }

// luminance returns the colour's relative luminance, as WCAG 2 defines it.
func (c rgb) luminance() float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// dark reports whether the colour is opaque and dark.
func (c rgb) dark() bool { return c.A > 0.99 && c.luminance() < 0.2 }

// contrast returns the contrast ratio of two colours, from 1 to 21.
func contrast(a, b rgb) float64 {
	la, lb := a.luminance(), b.luminance()
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// background returns the computed background colour of the page's body,
// or of the root element when the body's is transparent.
func (b *browser) background(t *testing.T) rgb {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	c, err := chromedp.Run(ctx, chromedp.Evaluate[rgb](`(() => {
		const parse = el => {
			const m = getComputedStyle(el).backgroundColor.match(/[\d.]+/g).map(Number);
			return {R: m[0], G: m[1], B: m[2], A: m.length > 3 ? m[3] : 1};
		};
		const body = parse(document.body);
		return body.A > 0 ? body : parse(document.documentElement);
	})()`))
	if err != nil {
		t.Fatalf("reading the background colour: %v", err)
	}
	return c
}

// screenshot saves the whole page, seen from its top, and each of its
// charts as PNGs named after prefix in the folder that HANDBOOK_SCREENSHOTS
// names, for a person to look at; without it, it does nothing.
func (b *browser) screenshot(t *testing.T, prefix string, charts []chartState) {
	t.Helper()
	dir := os.Getenv("HANDBOOK_SCREENSHOTS")
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	save := func(name string, shot chromedp.Action[[]byte]) {
		png, err := chromedp.Run(ctx, shot)
		if err != nil {
			t.Fatalf("taking the screenshot %s: %v", name, err)
		}
		file := filepath.Join(dir, prefix+"-"+name+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", file)
	}
	for _, c := range charts {
		save(strings.TrimPrefix(c.ID, "chart_"), chromedp.Screenshot(chromedp.ID(c.ID)))
	}
	// The sidebar sticks to the top of the window: scroll there, or the
	// whole-page picture shows it halfway down.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	save("page", chromedp.FullScreenshot(100))
}

// statusLook is how one status is drawn in one place: a series or bar of a
// chart, read from its ECharts instance, or the swatch of a tag or legend,
// read from the computed style.
type statusLook struct {
	Status string
	Where  string // the chart's id, or "table" or "legend"
	Chart  bool
	// Colour is a chart's colour or a swatch's background colour, as
	// {R, G, B}; Pattern is the chart's decal as JSON, or the swatch's
	// background image.
	Colour  rgb
	Pattern string
}

// statusLooks reads every way the open page draws a status: each series
// or bar of its status charts, each status tag in its tables and each entry
// of those charts' legends.
func (b *browser) statusLooks(t *testing.T) []statusLook {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	looks, err := chromedp.Run(ctx, chromedp.Evaluate[[]statusLook](`(() => {
	const rgb = css => {
		const probe = document.createElement("canvas").getContext("2d");
		probe.fillStyle = css;
		const c = probe.fillStyle;
		if (c[0] === "#") return {R: parseInt(c.slice(1, 3), 16), G: parseInt(c.slice(3, 5), 16), B: parseInt(c.slice(5, 7), 16), A: 1};
		const [R, G, B, A] = c.match(/[\d.]+/g).map(Number);
		return {R, G, B, A};
	};
	const out = [];
	const statusCharts = Array.from(document.querySelectorAll("[data-chart]")).filter(el => /_status(_by_team)?$/.test(el.id));
	for (const el of statusCharts) {
		const option = echarts.getInstanceByDom(el).getOption();
		const categories = option.yAxis[0].data || [];
		option.series.forEach(s => {
			if (s.itemStyle && s.itemStyle.color) { // a series per status
				out.push({Status: s.name, Where: el.id, Chart: true, Colour: rgb(s.itemStyle.color), Pattern: JSON.stringify(s.itemStyle.decal || null)});
				return;
			}
			s.data.forEach((d, i) => { // a bar per status
				const name = typeof categories[i] === "object" ? categories[i].value : categories[i];
				out.push({Status: name, Where: el.id, Chart: true, Colour: rgb(d.itemStyle.color), Pattern: JSON.stringify(d.itemStyle.decal || null)});
			});
		});
		for (const li of el.closest("figure").querySelectorAll(".legend li")) {
			const swatch = getComputedStyle(li.querySelector(".swatch"));
			out.push({Status: li.textContent.trim(), Where: el.id + " legend", Colour: rgb(swatch.backgroundColor), Pattern: swatch.backgroundImage});
		}
	}
	for (const tag of document.querySelectorAll(".tag.status")) {
		const swatch = getComputedStyle(tag, "::before");
		out.push({Status: tag.textContent.trim(), Where: "table", Colour: rgb(swatch.backgroundColor), Pattern: swatch.backgroundImage});
	}
	return out;
	})()`))
	if err != nil {
		t.Fatalf("reading how the statuses are drawn: %v", err)
	}
	return looks
}

// checkStatusLooks checks that each status has one colour everywhere, one
// pattern in every chart and one in every swatch, and that two statuses
// share a chart's pattern exactly when they share a swatch's: the pattern
// a chart draws is the one its tables show.
func checkStatusLooks(t *testing.T, looks map[string][]statusLook) {
	t.Helper()
	if len(looks) < 6 {
		t.Fatalf("found %d statuses drawn (%v), want every status of the example", len(looks), slices.Sorted(maps.Keys(looks)))
	}
	chartPattern := map[string]string{}
	swatchPattern := map[string]string{}
	for status, list := range looks {
		first := list[0]
		for _, l := range list {
			if l.Colour != first.Colour {
				t.Errorf("%s is %s in %s but %s in %s", status, first.Colour, first.Where, l.Colour, l.Where)
			}
			into := swatchPattern
			if l.Chart {
				into = chartPattern
			}
			if p, ok := into[status]; ok && p != l.Pattern {
				t.Errorf("%s has two patterns: %s, and %s in %s", status, p, l.Pattern, l.Where)
			}
			into[status] = l.Pattern
		}
		if _, ok := chartPattern[status]; !ok {
			t.Errorf("%s is in no status chart", status)
		}
		if _, ok := swatchPattern[status]; !ok {
			t.Errorf("%s has no tag or legend", status)
		}
	}
	for a := range looks {
		for c := range looks {
			if a >= c {
				continue
			}
			sameChart, sameSwatch := chartPattern[a] == chartPattern[c], swatchPattern[a] == swatchPattern[c]
			if sameChart != sameSwatch {
				t.Errorf("%s and %s: the same pattern in charts %v, in tables %v", a, c, sameChart, sameSwatch)
			}
			if sameChart && looks[a][0].Colour == looks[c][0].Colour {
				t.Errorf("%s and %s look the same: %s", a, c, looks[a][0].Colour)
			}
		}
	}
}

// TestTrendMarksFit draws the trend of a generated handbook with years of
// history and a meeting in most months, on a phone and on a laptop, and
// checks where ECharts drew the meetings' triangles: each no bigger than the
// room to the next, so that they stay apart however narrow the chart, and
// full size where there is room. The names of both axes must be drawn
// whole, within the chart.
func TestTrendMarksFit(t *testing.T) {
	chrome := chromiumPath(t)
	dir := t.TempDir()
	site := gensite.Generate(gensite.Options{Concerns: 120, Meetings: 150, Teams: 6, Seed: 5})
	if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	if err := site.WriteRepository(dir, 200, 5); err != nil {
		t.Fatal(err)
	}
	out, _ := buildSite(t, dir)
	srv := httptest.NewServer(netlify(out))
	t.Cleanup(srv.Close)
	b := startBrowserWithin(t, chrome, srv.URL, 2*time.Minute)
	for _, s := range screens[:2] {
		b.screen(t, s)
		b.visit(t, srv.URL+"/charts/")
		b.drawCharts(t, "/charts/")
		marks := b.trendMarks(t, "chart_all_trend")
		if len(marks) < 24 {
			t.Fatalf("at %d px: the trend marks %d periods with meetings, want a few years' worth", s.width, len(marks))
		}
		smallest := marks[0].Size
		for i, m := range marks {
			smallest = min(smallest, m.Size)
			if i > 0 && m.X-marks[i-1].X < m.Size {
				t.Errorf("at %d px: the triangle at %.1f px, %.0f px wide, runs into the one at %.1f px", s.width, m.X, m.Size, marks[i-1].X)
			}
		}
		if s.width >= 1280 && smallest < 8 {
			t.Errorf("at %d px the triangles are %.0f px wide where there is room for 8", s.width, smallest)
		}
		for _, name := range b.textsOutside(t, "chart_all_trend", "Open concerns", "Summed priority") {
			t.Errorf("at %d px: the axis name %s", s.width, name)
		}
	}
}

// textsOutside reads where the chart with this id drew
// each of texts, and returns those that reach past its edges or that it did
// not draw, each with where it is.
func (b *browser) textsOutside(t *testing.T, id string, texts ...string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	js, _ := json.Marshal(texts)
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(`(() => {
		const chart = echarts.getInstanceByDom(document.getElementById(%q));
		const drawn = chart.getZr().storage.getDisplayList(true).filter(e => e.style && typeof e.style.text === "string");
		return %s.flatMap(text => {
			const el = drawn.find(e => e.style.text === text);
			if (!el) return [text + " is not drawn"];
			const r = el.getBoundingRect().clone();
			r.applyTransform(el.getComputedTransform());
			const inside = r.x >= 0 && r.x + r.width <= chart.getWidth() && r.y >= 0 && r.y + r.height <= chart.getHeight();
			return inside ? [] : [text + " runs from " + r.x.toFixed(1) + " to " + (r.x + r.width).toFixed(1) + " px of a chart " + chart.getWidth() + " px wide"];
		});
	})()`, id, js)))
	if err != nil {
		t.Fatalf("reading the texts of %s: %v", id, err)
	}
	return out
}

// trendMark is one meeting's triangle on a trend, where ECharts drew it.
type trendMark struct{ X, Size float64 }

// trendMarks reads the triangles of the trend chart with this id, left to
// right, from its ECharts instance.
func (b *browser) trendMarks(t *testing.T, id string) []trendMark {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[[]trendMark](fmt.Sprintf(`(() => {
		const chart = echarts.getInstanceByDom(document.getElementById(%q));
		const out = [];
		chart.getModel().eachSeries(series => {
			if (series.name !== "Meetings") return;
			const data = series.getData();
			for (let i = 0; i < data.count(); i++) {
				out.push({X: data.getItemLayout(i)[0], Size: [].concat(data.getItemVisual(i, "symbolSize"))[0]});
			}
		});
		return out.sort((a, b) => a.X - b.X);
	})()`, id)))
	if err != nil {
		t.Fatalf("reading the triangles of %s: %v", id, err)
	}
	return marks
}
