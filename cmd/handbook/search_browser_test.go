package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
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
	"github.com/reliability-council/handbook/internal/search"
)

// TestSearch opens the built example in headless Chromium, served as
// Netlify serves it and under its Content-Security-Policy, and searches it
// as a reader does: a word from one concern's body finds that concern, as
// you type in the box at the top and on the search page; ?q= carries a
// query; / goes to the box and the arrow keys and Enter open a result; a
// filter narrows the concerns table and the search page's results; and the
// search page without JavaScript says what to do instead. No page may log
// an error or break the policy.
func TestSearch(t *testing.T) {
	chrome := chromiumPath(t)
	out := buildExample(t)
	srv := httptest.NewServer(withHeaders(netlify(out), netlifyHeaders(t)))
	t.Cleanup(srv.Close)
	b := startBrowser(t, chrome, srv.URL)
	word, concern := bodyWord(t, filepath.Join(exampleSite(t), "content", "concerns"))
	want := "/concerns/" + concern + "/"

	t.Run("BoxFindsABodyWord", func(t *testing.T) {
		b.open(t, "/", http.StatusOK)
		b.run(t, chromedp.SendKeys(chromedp.CSS("#search-box"), word))
		got := b.waitLinks(t, ".search-suggestions .search-result a", func(l []string) bool { return len(l) > 0 })
		if got[0] != want {
			t.Errorf("typing %q in the search box: first result %s, want %s (results %q)", word, got[0], want, got)
		}
		b.report(t, "/ with the search box", nil)
	})

	t.Run("ArrowsAndEnter", func(t *testing.T) {
		b.run(t, chromedp.KeyEvent(kb.ArrowDown))
		if f := b.focused(t); f != want {
			t.Fatalf("arrow down from the search box: focus on %q, want the first result, %s", f, want)
		}
		b.run(t, chromedp.KeyEvent(kb.ArrowUp))
		if f := b.focused(t); f != "#search-box" {
			t.Errorf("arrow up from the first result: focus on %q, want the search box", f)
		}
		b.run(t, chromedp.KeyEvent(kb.ArrowDown))
		b.navigates(t, chromedp.KeyEvent("\r"))
		if p := b.path(t); p != want {
			t.Errorf("Enter on the first result opened %s, want %s", p, want)
		}
		b.report(t, want, nil)
	})

	t.Run("SlashFocuses", func(t *testing.T) {
		b.open(t, "/concerns/", http.StatusOK)
		b.run(t, chromedp.KeyEvent("/"))
		if f := b.focused(t); f != "#search-box" {
			t.Errorf("/ on /concerns/: focus on %q, want the search box", f)
		}
		b.report(t, "/concerns/", nil)
	})

	t.Run("QueryInAddress", func(t *testing.T) {
		page := "/search/?q=" + word
		b.open(t, page, http.StatusOK)
		got := b.waitLinks(t, ".search-results a", func(l []string) bool { return len(l) > 0 })
		if got[0] != want {
			t.Errorf("%s: first result %s, want %s (results %q)", page, got[0], want, got)
		}
		if v := b.text(t, `document.querySelector("#search-query").value`); v != word {
			t.Errorf("%s: the search page's box holds %q, want %q", page, v, word)
		}
		if s := b.text(t, `document.querySelector("[data-search-status]").textContent`); !strings.HasPrefix(s, plural(len(got), "result")) {
			t.Errorf("%s: status %q, want it to count %d results", page, s, len(got))
		}
		b.report(t, page, nil)
	})

	t.Run("PrefixTitleFirst", func(t *testing.T) {
		// "monit" begins "monitoring": the concerns with it in their
		// titles come before those that only mention it.
		b.open(t, "/search/?q=monit", http.StatusOK)
		got := b.waitLinks(t, ".search-results a", func(l []string) bool { return len(l) > 0 })
		titles := b.texts(t, `Array.from(document.querySelectorAll(".search-results .search-title"), a => a.textContent)`)
		first := true
		for i, title := range titles {
			has := strings.Contains(strings.ToLower(title), "monit")
			if has && !first {
				t.Errorf("result %d, %q (%s), has the word in its title but comes after one that does not: %q", i+1, title, got[i], titles)
			}
			first = first && has
		}
		if len(titles) == 0 || !strings.Contains(strings.ToLower(titles[0]), "monit") {
			t.Errorf("/search/?q=monit: results %q, want one with monitoring in its title first", titles)
		}
		b.report(t, "/search/?q=monit", nil)
	})

	t.Run("FilterNarrowsTable", func(t *testing.T) {
		b.open(t, "/concerns/", http.StatusOK)
		b.run(t, chromedp.WaitVisible(chromedp.CSS("details.table-filter summary")))
		// The bar fills a slot that held its place, so the table did not
		// move; the closed concerns stay hidden under it.
		if fits := b.text(t, `String(document.querySelector(".table-filter-slot").getBoundingClientRect().height <= parseFloat(getComputedStyle(document.querySelector(".table-filter-slot")).minHeight) + 0.5)`); fits != "true" {
			t.Error("the filter bar, closed, is taller than the slot that holds its place: the table moves when it appears")
		}
		if shown := b.text(t, `String([...document.querySelectorAll("table.concerns tr.closed")].filter(r => r.offsetParent !== null).length)`); shown != "0" {
			t.Errorf("%s closed rows shown with the filter bar in place, want none until asked for", shown)
		}
		before := b.visibleRows(t)
		b.run(t, chromedp.Click(chromedp.CSS("details.table-filter summary"), chromedp.NodeVisible))
		b.run(t, chromedp.WaitVisible(chromedp.CSS("#table-filter-1-team")))
		b.choose(t, "#table-filter-1-team", "data")
		after := b.visibleRows(t)
		if len(after) == 0 || len(after) >= len(before) {
			t.Fatalf("choosing the team Data left %d of %d rows, want fewer but some", len(after), len(before))
		}
		for _, team := range after {
			if team != "Data" {
				t.Errorf("after choosing the team Data, a row of team %q is still shown", team)
			}
		}
		status := b.text(t, `document.querySelector(".table-filter-status").textContent`)
		if wantStatus := fmt.Sprintf("Showing %d of %d concerns.", len(after), len(before)); status != wantStatus {
			t.Errorf("status %q, want %q", status, wantStatus)
		}
		if p := b.text(t, `location.pathname + location.search`); p != "/concerns/?team=data" {
			t.Errorf("the address is %s, want the filter in it: /concerns/?team=data", p)
		}
		b.report(t, "/concerns/ filtered", nil)

		// The address brings the filter back.
		b.open(t, "/concerns/?team=data", http.StatusOK)
		var again []string
		b.poll(t, "the filter from the address", func() bool { again = b.visibleRows(t); return len(again) == len(after) })
		b.report(t, "/concerns/?team=data", nil)
	})

	t.Run("SearchPageFilters", func(t *testing.T) {
		page := "/search/?kind=concern&team=data"
		b.open(t, page, http.StatusOK)
		got := b.waitLinks(t, ".search-results a", func(l []string) bool { return len(l) > 0 })
		metas := b.texts(t, `Array.from(document.querySelectorAll(".search-results .search-meta"), m => m.textContent)`)
		for i, m := range metas {
			if !strings.HasPrefix(m, "Concern · Data") {
				t.Errorf("%s: result %s is %q, want a concern of the Data team", page, got[i], m)
			}
		}
		if v := b.text(t, `document.querySelector("#search-filter-team").value`); v != "data" {
			t.Errorf("%s: the team filter shows %q, want data", page, v)
		}
		b.report(t, page, nil)
	})

	t.Run("WithoutJavaScript", func(t *testing.T) {
		b.run(t, scripts(false))
		defer b.run(t, scripts(true))
		b.open(t, "/search/?q="+word, http.StatusOK)
		if !b.visible(t, "[data-search-nojs]") {
			t.Error("/search/ without JavaScript does not say that search needs it")
		}
		b.report(t, "/search/ without JavaScript", nil)
	})
}

// TestSearchFoldsAndBase searches the fixture site, published below
// /council/, for a tag written with an umlaut, typed without it.
func TestSearchFoldsAndBase(t *testing.T) {
	chrome := chromiumPath(t)
	out := buildFixture(t)
	srv := httptest.NewServer(http.StripPrefix("/council", withHeaders(netlify(out), netlifyHeaders(t))))
	t.Cleanup(srv.Close)
	b := startBrowser(t, chrome, srv.URL)
	for _, q := range []string{"Uberwachung", "überwachung", "uberw"} {
		page := "/council/search/?q=" + q
		b.open(t, page, http.StatusOK)
		got := b.waitLinks(t, ".search-results a", func(l []string) bool { return len(l) > 0 })
		if got[0] != "/council/concerns/coverage/" {
			t.Errorf("%s: results %q, want the concern tagged Überwachung first", page, got)
		}
		b.report(t, page, nil)
	}
}

// bodyWord returns a word of at least six letters found in the body of
// exactly one concern of dir and nowhere else in it, and that concern's
// slug.
func bodyWord(t *testing.T, dir string) (word, slug string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no concerns in %s: %v", dir, err)
	}
	inBody := map[string][]string{}
	everywhere := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimSuffix(filepath.Base(f), ".md")
		_, body, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
		for _, w := range search.Fold(string(data)) {
			everywhere[w]++
		}
		for _, w := range search.Fold(body) {
			if !slices.Contains(inBody[w], s) {
				inBody[w] = append(inBody[w], s)
			}
		}
	}
	var words []string
	for w, in := range inBody {
		if len(in) == 1 && everywhere[w] == 1 && len(w) >= 6 {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		t.Fatal("no word is in the body of one concern alone")
	}
	slices.Sort(words)
	return words[0], inBody[words[0]][0]
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// scripts turns the running of scripts on pages on or off.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

func (b *browser) run(t *testing.T, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("in the browser: %v", err)
	}
}

func (b *browser) text(t *testing.T, expr string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return s
}

func (b *browser) texts(t *testing.T, expr string) []string {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return s
}

// poll calls ok until it holds, for a few seconds.
func (b *browser) poll(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for start := time.Now(); !ok(); time.Sleep(20 * time.Millisecond) {
		if time.Since(start) > 3*time.Second {
			t.Fatalf("waited 3s for %s", what)
		}
	}
}

// waitLinks waits until the links that selector finds satisfy ok, and
// returns their paths.
func (b *browser) waitLinks(t *testing.T, selector string, ok func([]string) bool) []string {
	t.Helper()
	var links []string
	b.poll(t, "links "+selector, func() bool {
		links = b.texts(t, fmt.Sprintf(`Array.from(document.querySelectorAll(%q), a => new URL(a.href).pathname)`, selector))
		return ok(links)
	})
	return links
}

// focused describes the element with the focus: the path of a link, else
// # and its id.
func (b *browser) focused(t *testing.T) string {
	t.Helper()
	return b.text(t, `(() => { const e = document.activeElement; return e.href ? new URL(e.href).pathname : "#" + e.id; })()`)
}

func (b *browser) path(t *testing.T) string {
	t.Helper()
	return b.text(t, `location.pathname`)
}

// navigates runs action and waits for the page it loads.
func (b *browser) navigates(t *testing.T, action chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(cdppage.LoadEventFired, nil, action)); err != nil {
		t.Fatalf("no page loaded: %v", err)
	}
	b.settle(t, "the page opened")
}

// visibleRows returns the team of every row of the concerns table that
// is shown.
func (b *browser) visibleRows(t *testing.T) []string {
	t.Helper()
	return b.texts(t, `Array.from(document.querySelectorAll("table.concerns tbody tr"))
		.filter(r => r.getClientRects().length > 0)
		.map(r => r.cells[2].textContent.trim())`)
}

// choose picks a value of a select as a reader does: the value changes,
// then the select says so.
func (b *browser) choose(t *testing.T, selector, value string) {
	t.Helper()
	b.run(t, chromedp.Focus(chromedp.CSS(selector)), chromedp.SetValue(chromedp.CSS(selector), value),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event("change", {bubbles: true}))`, selector)))
}

func (b *browser) visible(t *testing.T, selector string) bool {
	t.Helper()
	return b.text(t, fmt.Sprintf(`String(document.querySelector(%q).getClientRects().length > 0)`, selector)) == "true"
}

// TestSearchManyBuckets searches a generated handbook large enough that
// its terms are spread over many files, so that the browser must pick the
// same file for a word as the build put it in: each of a few concerns,
// searched by its title, comes first or nearly.
func TestSearchManyBuckets(t *testing.T) {
	chrome := chromiumPath(t)
	dir := filepath.Join(t.TempDir(), "site")
	site := gensite.Generate(gensite.Options{Concerns: 400, Meetings: 40, Teams: 12, Seed: 3})
	if err := gensite.WriteFiles(dir, site.HandbookFiles()); err != nil {
		t.Fatal(err)
	}
	out, _ := buildSite(t, dir)
	terms, err := filepath.Glob(filepath.Join(out, "search", "terms", "*.json"))
	if err != nil || len(terms) < 16 {
		t.Fatalf("the index has %d term files, want at least 16 for this test to mean something", len(terms))
	}
	srv := httptest.NewServer(withHeaders(netlify(out), netlifyHeaders(t)))
	t.Cleanup(srv.Close)
	b := startBrowser(t, chrome, srv.URL)
	concerns, err := os.ReadDir(filepath.Join(dir, "content", "concerns"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(concerns); i += len(concerns) / 6 {
		data, err := os.ReadFile(filepath.Join(dir, "content", "concerns", concerns[i].Name()))
		if err != nil {
			t.Fatal(err)
		}
		_, title, _ := strings.Cut(string(data), "\ntitle: ")
		title, _, _ = strings.Cut(title, "\n")
		title = strings.Trim(title, `"'`)
		want := "/concerns/" + strings.TrimSuffix(concerns[i].Name(), ".md") + "/"
		page := "/search/?q=" + url.QueryEscape(title)
		b.open(t, page, http.StatusOK)
		got := b.waitLinks(t, ".search-results a", func(l []string) bool { return len(l) > 0 })
		if !slices.Contains(got[:min(3, len(got))], want) {
			t.Errorf("%s: results %q, want %s among the first three", page, got[:min(5, len(got))], want)
		}
		b.report(t, page, nil)
	}
}
