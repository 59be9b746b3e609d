package main

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// browserBudget bounds the whole browser test, from starting Chromium to
// closing it.
const browserBudget = 20 * time.Second

// TestBrowser opens the built example in headless Chromium, served the way
// Netlify serves it, and checks what a reader sees: the right heading, no
// console error, no request to another host, and concern tables that sort.
func TestBrowser(t *testing.T) {
	chrome := chromiumPath(t)
	out := buildExample(t)
	srv := httptest.NewServer(netlify(out))
	t.Cleanup(srv.Close)
	b := startBrowser(t, chrome, srv.URL)

	t.Run("Pages", func(t *testing.T) {
		const site = "Reliability Council Handbook"
		for _, p := range []struct{ path, h1, title string }{
			{"/", site, site},
			{"/concerns/", "Concerns", "Concerns · " + site},
			{"/concerns/etl-monitoring/", "Monitoring of ETL processes", "Monitoring of ETL processes · " + site},
			{"/teams/data/", "Data", "Data · " + site},
		} {
			got := b.open(t, p.path, http.StatusOK)
			if !slices.Equal(got.H1, []string{p.h1}) {
				t.Errorf("%s: h1 elements %q, want one, %q", p.path, got.H1, p.h1)
			}
			if got.Title != p.title {
				t.Errorf("%s: title %q, want %q", p.path, got.Title, p.title)
			}
			b.report(t, p.path, nil)
		}
	})

	t.Run("NotFound", func(t *testing.T) {
		const missing = "/concerns/no-such-concern/"
		got := b.open(t, missing, http.StatusNotFound)
		if !slices.Equal(got.H1, []string{"Page not found"}) {
			t.Errorf("%s: h1 elements %q, want the 404 page's", missing, got.H1)
		}
		// The page itself is the only thing allowed to fail: its stylesheet
		// and script must load from a nested address too.
		b.report(t, missing, func(p string) bool {
			return strings.Contains(p, srv.URL+missing) && (strings.Contains(p, "HTTP 404") || strings.Contains(p, "status of 404"))
		})
	})

	t.Run("SortConcerns", func(t *testing.T) {
		b.open(t, "/concerns/", http.StatusOK)
		before := b.table(t)
		if !before.Sortable {
			t.Fatal("/concerns/: the concern table was not made sortable (no is-sortable class); did handbook.js run?")
		}
		if before.sortedBy("Rank") != "ascending" {
			t.Errorf("before any click: aria-sort %q, want only Rank ascending", before.AriaSort)
		}
		if before.ordered("Value", "descending") {
			t.Fatal("the example's concerns are already in Value order; sorting by Value would prove nothing")
		}

		after := b.sort(t, "Value", "descending", b.click)
		if after.cell(0, "Value") != "High" {
			t.Errorf("sorted by Value: first row's Value is %q, want High", after.cell(0, "Value"))
		}
		if slices.EqualFunc(before.Rows, after.Rows, slices.Equal) {
			t.Error("sorting by Value left the rows as they were")
		}

		after = b.sort(t, "Effort", "ascending", b.click)
		if after.cell(0, "Effort") != "Low" {
			t.Errorf("sorted by Effort: first row's Effort is %q, want Low", after.cell(0, "Effort"))
		}
		after = b.sort(t, "Effort", "descending", b.click)
		if after.cell(0, "Effort") != "High" {
			t.Errorf("sorted by Effort again: first row's Effort is %q, want High", after.cell(0, "Effort"))
		}
		// Keyboard users sort too: the header is a real button.
		after = b.sort(t, "Priority", "descending", b.pressEnter)
		if after.cell(0, "Rank") != "1" {
			t.Errorf("sorted by Priority: first row's Rank is %q, want 1", after.cell(0, "Rank"))
		}
		b.report(t, "/concerns/", nil)
	})

	t.Run("CatchesPageErrors", func(t *testing.T) {
		// A page that breaks every rule, to show the listeners work.
		b.open(t, "/broken.html", http.StatusOK)
		problems := b.take()
		for _, want := range []string{
			`console.error: "boom"`,
			"uncaught exception",
			"request to another host: http://127.0.0.2:1/pixel.png",
			srv.URL + "/missing.js: HTTP 404",
		} {
			if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, want) }) {
				t.Errorf("no problem reported containing %q; got:\n%s", want, strings.Join(problems, "\n"))
			}
		}
	})
}

// chromiumPath returns the Chromium to test with. Without one the test is
// skipped, unless CI is set: there a missing browser is a broken setup.
func chromiumPath(t testing.TB) string {
	t.Helper()
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (neither /usr/bin/chromium nor chromium on PATH), and CI is set, so browser tests may not be skipped")
	}
	t.Skip("chromium is not installed (neither /usr/bin/chromium nor chromium on PATH)")
	return ""
}

// chromiumOptions starts headless Chromium with a fresh profile and without
// the background connections this machine's closed network refuses.
func chromiumOptions(chrome, profile string) []chromedp.ExecAllocatorOption {
	return append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
	)
}

// netlify serves the site in dir as Netlify does: a folder's index.html at
// its address with a slash, and 404.html with status 404 for a missing page.
// It adds broken.html, a page that CatchesPageErrors expects to fail.
func netlify(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + r.URL.Path)
		if name == "/broken.html" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = fmt.Fprint(w, brokenPage)
			return
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if info, err := os.Stat(file); err == nil && info.IsDir() {
			file = filepath.Join(file, "index.html")
		}
		if _, err := os.Stat(file); err != nil || strings.HasPrefix(path.Base(name), ".") {
			page, err := os.ReadFile(filepath.Join(dir, "404.html"))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			_, _ = w.Write(page)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// headerRule is one [[headers]] table of netlify.toml: the headers Netlify
// adds to every response whose path matches For.
type headerRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// netlifyHeaders reads the [[headers]] rules of the repository's
// netlify.toml, and fails t if it cannot.
func netlifyHeaders(t testing.TB) []headerRule {
	t.Helper()
	rules, err := readHeaderRules(filepath.Join(exampleSite(t), "netlify.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return rules
}

// readHeaderRules reads the [[headers]] rules of a netlify.toml. The
// handbook's pages are meant to work under a Content-Security-Policy, so a
// file that sets none for every page is an error.
func readHeaderRules(file string) ([]headerRule, error) {
	var config struct {
		Headers []headerRule `toml:"headers"`
	}
	if _, err := toml.DecodeFile(file, &config); err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	csp := false
	for _, r := range config.Headers {
		if !strings.HasPrefix(r.For, "/") || strings.Contains(r.For, ":") || strings.Contains(strings.TrimSuffix(r.For, "*"), "*") {
			return nil, fmt.Errorf("%s: [[headers]] for = %q: the tests understand only a path, or a path ending in *", file, r.For)
		}
		if r.For == "/*" && r.Values["Content-Security-Policy"] != "" {
			csp = true
		}
	}
	if !csp {
		return nil, fmt.Errorf(`%s sets no Content-Security-Policy for "/*"; the browser tests check that every page works under it`, file)
	}
	return config.Headers, nil
}

// withHeaders adds to each response the headers of every rule whose path
// pattern matches the request, in the order of the rules, as Netlify does.
// A pattern is a path, or a path ending in * that matches everything below.
func withHeaders(h http.Handler, rules []headerRule) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, rule := range rules {
			prefix, splat := strings.CutSuffix(rule.For, "*")
			if r.URL.Path == rule.For || (splat && strings.HasPrefix(r.URL.Path, prefix)) {
				for k, v := range rule.Values {
					w.Header().Set(k, v)
				}
			}
		}
		h.ServeHTTP(w, r)
	})
}

const brokenPage = `<!DOCTYPE html><html lang="en"><title>Broken</title>
<h1>Broken</h1>
<img src="http://127.0.0.2:1/pixel.png" alt="">
<script src="/missing.js"></script>
<script>console.error("boom");</script>
<script>throw new Error("uncaught");</script>
</html>`

// browser is one headless Chromium tab, and what its page has done wrong
// since the last report.
type browser struct {
	ctx  context.Context // the tab
	base *url.URL        // the test server

	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
	inflight map[network.RequestID]bool
	quietAt  time.Time // when the last request in flight ended
}

// startBrowser starts Chromium with a fresh profile and opens a tab that
// records console errors, uncaught exceptions, failed requests, requests to
// any host but the test server's, Content-Security-Policy violations and
// dialogs (alert, confirm, prompt), which it dismisses.
func startBrowser(t *testing.T, chrome, serverURL string) *browser {
	t.Helper()
	return startBrowserWithin(t, chrome, serverURL, browserBudget)
}

// startBrowserWithin is startBrowser for a test that needs more time than
// browserBudget: budget bounds it from start to close.
func startBrowserWithin(t *testing.T, chrome, serverURL string, budget time.Duration) *browser {
	t.Helper()
	base, err := url.Parse(serverURL)
	if err != nil {
		t.Fatal(err)
	}
	b := &browser{base: base, urls: map[network.RequestID]string{}, inflight: map[network.RequestID]bool{}}
	profile := t.TempDir() // removed after the browser has closed: cleanups run last-in first-out
	var output syncBuffer

	opts := append(chromiumOptions(chrome, profile), chromedp.CombinedOutput(&output))
	ctx, cancelTimeout := context.WithTimeout(context.Background(), budget)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	ctx, cancelTab := chromedp.NewContext(ctx, chromedp.WithListener(b.listen))
	t.Cleanup(func() {
		cancelTab()
		cancelAlloc()
		cancelTimeout()
		if t.Failed() && output.Len() > 0 {
			t.Logf("chromium's output:\n%s", output.String())
		}
	})
	b.ctx = ctx // before the tab starts: listen reads it
	if err := chromedp.Do(ctx, reportViolations); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	return b
}

// violationBinding is the function through which pages report
// Content-Security-Policy violations to listen.
const violationBinding = "__handbookTestViolation"

// reportViolations makes every page, from its first script on, pass each
// securitypolicyviolation event to violationBinding. The binding and the
// script come from DevTools, so the policy does not apply to them, and they
// outlive navigations.
var reportViolations = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	if _, err := cdp.Call(ctx, t, runtime.AddBinding, runtime.AddBindingParams{Name: violationBinding}); err != nil {
		return err
	}
	_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: `
		document.addEventListener("securitypolicyviolation", e => ` + violationBinding + `(JSON.stringify({
			directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample,
			at: e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber,
		})), true);`})
	return err
})

// listen runs on chromedp's reading goroutine: it must be quick.
func (b *browser) listen(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, remoteText(a))
			}
			b.problems = append(b.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil {
			text += " " + d.Exception.Description
		}
		b.problems = append(b.problems, fmt.Sprintf("uncaught exception at %s:%d:%d: %s", d.URL, d.LineNumber+1, d.ColumnNumber+1, text))
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError && !b.implicitFavicon(ev.Entry.URL) {
			b.problems = append(b.problems, fmt.Sprintf("browser log (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
		}
	case *runtime.EventBindingCalled:
		if ev.Name == violationBinding {
			b.problems = append(b.problems, "Content-Security-Policy violation: "+ev.Payload)
		}
	case *cdppage.EventJavascriptDialogOpening:
		b.problems = append(b.problems, fmt.Sprintf("%s dialog opened: %q", ev.Type, ev.Message))
		// The page waits until the dialog is answered; answer it elsewhere,
		// as listen may not run commands.
		go func() {
			_ = chromedp.Do(b.ctx, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, cdppage.HandleJavaScriptDialog, cdppage.HandleJavaScriptDialogParams{Accept: false})
				return err
			}))
		}()
	case *network.EventRequestWillBeSent:
		b.urls[ev.RequestID] = ev.Request.URL
		b.inflight[ev.RequestID] = true
		if u, err := url.Parse(ev.Request.URL); err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != b.base.Host) {
			b.problems = append(b.problems, "request to another host: "+ev.Request.URL)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && !b.implicitFavicon(ev.Response.URL) {
			b.problems = append(b.problems, fmt.Sprintf("%s: HTTP %d", ev.Response.URL, ev.Response.Status))
		}
	case *network.EventLoadingFinished:
		b.done(ev.RequestID)
	case *network.EventLoadingFailed:
		b.done(ev.RequestID)
		if !ev.Canceled {
			b.problems = append(b.problems, fmt.Sprintf("%s: loading failed: %s %s", b.urls[ev.RequestID], ev.ErrorText, ev.BlockedReason))
		}
	}
}

func (b *browser) done(id network.RequestID) {
	delete(b.inflight, id)
	if len(b.inflight) == 0 {
		b.quietAt = time.Now()
	}
}

// settle waits until no request has been in flight for a while, so that
// what a page loads after its load event (a chart library that loads once
// the chart is near the screen, say) has run before the page is judged.
func (b *browser) settle(t *testing.T, page string) {
	t.Helper()
	const quiet, limit = 300 * time.Millisecond, 5 * time.Second
	for start := time.Now(); ; time.Sleep(20 * time.Millisecond) {
		b.mu.Lock()
		busy := len(b.inflight) > 0
		var urls []string
		for id := range b.inflight {
			urls = append(urls, b.urls[id])
		}
		idle := !busy && time.Since(b.quietAt) >= quiet
		b.mu.Unlock()
		if idle {
			return
		}
		if time.Since(start) > limit {
			t.Errorf("%s: still loading after %s: %q", page, limit, urls)
			return
		}
	}
}

// implicitFavicon reports whether u is the /favicon.ico that Chromium asks
// for by itself, at a moment of its choosing, when a page names no icon.
// Its failure would land on whichever page happens to be open, so it is
// left out here; an icon that a page names is checked like any request.
func (b *browser) implicitFavicon(u string) bool {
	return u == b.base.String()+"/favicon.ico"
}

func remoteText(o *runtime.RemoteObject) string {
	if len(o.Value) > 0 {
		return string(o.Value)
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Type)
}

// take returns the problems recorded since the last call, and forgets them.
func (b *browser) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

// report fails t for each problem recorded since the last report, except
// those allowed.
func (b *browser) report(t *testing.T, page string, allowed func(string) bool) {
	t.Helper()
	for _, p := range b.take() {
		if allowed == nil || !allowed(p) {
			t.Errorf("%s: %s", page, p)
		}
	}
}

// pageState is what a reader sees first.
type pageState struct {
	Title string   `json:"title"`
	H1    []string `json:"h1"`
}

// open loads the page at p, checks its HTTP status, and returns its title
// and headings.
func (b *browser) open(t *testing.T, p string, status int64) pageState {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(b.base.String()+p))
	if err != nil {
		t.Fatalf("opening %s: %v", p, err)
	}
	if resp.Status != status {
		t.Errorf("%s: HTTP %d, want %d", p, resp.Status, status)
	}
	b.settle(t, p)
	state, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](`({
		title: document.title,
		h1: Array.from(document.querySelectorAll("h1"), h => h.textContent.trim()),
	})`))
	if err != nil {
		t.Fatalf("%s: reading the page: %v", p, err)
	}
	return state
}

// tableState is the first sortable table on the page, as the reader sees it.
type tableState struct {
	Sortable bool       `json:"sortable"`
	Headers  []string   `json:"headers"`
	AriaSort []string   `json:"ariaSort"`
	Rows     [][]string `json:"rows"`
	Keys     [][]string `json:"keys"` // data-sort, or the text when a cell has none
}

func (b *browser) table(t *testing.T) tableState {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	state, err := chromedp.Run(ctx, chromedp.Evaluate[tableState](`(() => {
		const table = document.querySelector("table[data-sortable]");
		const heads = Array.from(table.tHead.rows[0].cells);
		const rows = Array.from(table.tBodies[0].rows);
		return {
			sortable: table.classList.contains("is-sortable"),
			headers: heads.map(th => th.textContent.trim()),
			ariaSort: heads.map(th => th.getAttribute("aria-sort") || ""),
			rows: rows.map(r => Array.from(r.cells, c => c.textContent.trim())),
			keys: rows.map(r => Array.from(r.cells, c => c.hasAttribute("data-sort") ? c.getAttribute("data-sort") : c.textContent.trim())),
		};
	})()`))
	if err != nil {
		t.Fatalf("reading the concern table: %v", err)
	}
	return state
}

func (s tableState) column(name string) int { return slices.Index(s.Headers, name) }

func (s tableState) cell(row int, column string) string {
	i := s.column(column)
	if row >= len(s.Rows) || i < 0 || i >= len(s.Rows[row]) {
		return ""
	}
	return s.Rows[row][i]
}

// sortedBy returns the aria-sort of the column name when it is the only
// column with one, or a description of what is wrong.
func (s tableState) sortedBy(name string) string {
	dir := ""
	for i, v := range s.AriaSort {
		switch {
		case v == "":
		case s.Headers[i] == name:
			dir = v
		default:
			return fmt.Sprintf("%s also has aria-sort=%q", s.Headers[i], v)
		}
	}
	return dir
}

// ordered reports whether the rows are in order of the column: numbers by
// value when the keys are numbers, else text; empty keys last.
func (s tableState) ordered(column, dir string) bool {
	i := s.column(column)
	if i < 0 {
		return false
	}
	var keys []string
	for _, row := range s.Keys {
		keys = append(keys, row[i])
	}
	return slices.IsSortedFunc(keys, func(x, y string) int {
		if x == "" || y == "" {
			return boolInt(x == "") - boolInt(y == "")
		}
		c := strings.Compare(strings.ToLower(x), strings.ToLower(y))
		fx, errX := strconv.ParseFloat(x, 64)
		fy, errY := strconv.ParseFloat(y, 64)
		if errX == nil && errY == nil {
			c = cmp.Compare(fx, fy)
		}
		if dir == "descending" {
			c = -c
		}
		return c
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sort activates the sort button of column with press, and checks that the
// table is then sorted by that column in direction dir and says so.
func (b *browser) sort(t *testing.T, column, dir string, press func(*testing.T, string)) tableState {
	t.Helper()
	press(t, column)
	// The table sorts in the click handler; wait for it all the same, in
	// case the theme ever sorts in a later task.
	ctx, cancel := context.WithTimeout(b.ctx, 2*time.Second)
	defer cancel()
	_, _ = chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(
		`Array.from(document.querySelectorAll("table[data-sortable] thead th")).some(th => th.textContent.trim() === %q && th.getAttribute("aria-sort") === %q)`,
		column, dir), chromedp.WithPollingTimeout(time.Second)))
	s := b.table(t)
	if got := s.sortedBy(column); got != dir {
		t.Errorf("after sorting by %s: aria-sort %q (headers %q), want only %s %s", column, s.AriaSort, s.Headers, column, dir)
	}
	if !s.ordered(column, dir) {
		t.Errorf("after sorting by %s: rows are not in %s order of %s:\n%s", column, dir, column, s.format())
	}
	return s
}

func (s tableState) format() string {
	var sb strings.Builder
	for _, row := range append([][]string{s.Headers}, s.Rows...) {
		sb.WriteString(strings.Join(row, " | "))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// sortButton is the sort button in the header of column.
func sortButton(column string) string {
	return fmt.Sprintf(`//table[@data-sortable]/thead/tr/th[normalize-space(.)=%q]/button`, column)
}

func (b *browser) click(t *testing.T, column string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(sortButton(column), chromedp.NodeVisible)); err != nil {
		t.Fatalf("clicking the %s column's sort button: %v", column, err)
	}
}

func (b *browser) pressEnter(t *testing.T, column string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Focus(sortButton(column)), chromedp.KeyEvent("\r")); err != nil {
		t.Fatalf("pressing Enter on the %s column's sort button: %v", column, err)
	}
}

// syncBuffer collects Chromium's output, which arrives on other goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Len()
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}
