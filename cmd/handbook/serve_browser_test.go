package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestServeInBrowser opens a concern served by handbook serve in headless
// Chromium and checks what its reader sees as its sources are saved: the
// edit without a reload by hand, an overlay that names the broken file and
// goes once it is fixed, and a stylesheet that changes without a reload.
func TestServeInBrowser(t *testing.T) {
	chrome := chromiumPath(t)
	const page, file = "/concerns/etl-monitoring/", "content/concerns/etl-monitoring.md"
	const style = "themes/default/assets/style.css"
	dir := copyExample(t)
	// The site overrides the default stylesheet from the start, so that
	// editing it is a change to a stylesheet alone.
	original := defaultThemeFile(t, "assets/style.css")
	writeFile(t, dir, style, original)
	s := startServe(t, dir)
	b := startBrowser(t, chrome, strings.TrimSuffix(s.url, "/"))
	streams := countEventStreams(t, b.ctx)

	if err := chromedp.Do(b.ctx, chromedp.Navigate(s.url+strings.TrimPrefix(page, "/"))); err != nil {
		t.Fatalf("opening %s: %v", page, err)
	}
	streams.wait(t, 1)
	md := readFile(t, dir, file)

	t.Run("EditShows", func(t *testing.T) {
		const text = "Saved while the page was open."
		writeFile(t, dir, file, withBody(md, text+"\n"))
		waitInPage(t, b.ctx, fmt.Sprintf(`document.querySelector("main").textContent.includes(%q)`, text), "the edit")
		streams.wait(t, 2) // the page reloaded by itself and listens again
	})

	t.Run("ErrorOverlay", func(t *testing.T) {
		// Without the line of --- that closes the frontmatter.
		front, _, _ := strings.Cut(strings.TrimPrefix(md, "---\n"), "\n---\n")
		writeFile(t, dir, file, "---\n"+front+"\nNo line closes the frontmatter.\n")
		waitInPage(t, b.ctx, `document.getElementById("handbook-errors") !== null`, "the error overlay")
		overlay, err := chromedp.Run(b.ctx, chromedp.Evaluate[struct {
			Where []string `json:"where"`
			Msg   []string `json:"msg"`
			Main  string   `json:"main"`
		}](`({
			where: Array.from(document.querySelectorAll("#handbook-errors li.handbook-error code.handbook-error-where"), e => e.textContent),
			msg: Array.from(document.querySelectorAll("#handbook-errors li.handbook-error span.handbook-error-msg"), e => e.textContent),
			main: document.querySelector("main").textContent,
		})`))
		if err != nil {
			t.Fatalf("reading the overlay: %v", err)
		}
		if len(overlay.Where) != 1 || len(overlay.Msg) != 1 || overlay.Where[0] != file+":1" || !strings.Contains(overlay.Msg[0], "never closed") {
			t.Errorf("the overlay lists %q: %q; want %s:1, frontmatter never closed", overlay.Where, overlay.Msg, file)
		}
		if !strings.Contains(overlay.Main, "Saved while the page was open.") {
			t.Errorf("under the overlay, the page no longer shows the last good build")
		}

		const fixed = "The frontmatter is closed again."
		writeFile(t, dir, file, withBody(md, fixed+"\n"))
		waitInPage(t, b.ctx, fmt.Sprintf(`document.getElementById("handbook-errors") === null && document.querySelector("main").textContent.includes(%q)`, fixed),
			"the fixed page without the overlay")
		streams.wait(t, 3)
	})

	t.Run("StyleSwap", func(t *testing.T) {
		// Stylesheets are named by a hash of their content, so a new name
		// sorts before or after the old one by chance: edit until both
		// have happened.
		events := s.events(t)
		sorted := map[bool]bool{} // whether the new name sorted after the old one
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`window.__marker = 1`)); err != nil {
			t.Fatal(err)
		}
		for i := 0; len(sorted) < 2 && i < 8; i++ {
			before := readPageStyle(t, b.ctx)
			color := fmt.Sprintf("rgb(%d, 34, 56)", 10+i)
			writeFile(t, dir, style, original+"\nbody { background-color: "+color+"; }\n")
			ev := events.expect(t, "styles")
			if !waitInPageFor(t, b.ctx, fmt.Sprintf(`getComputedStyle(document.body).backgroundColor === %q`, color)) {
				t.Fatalf("edit %d: the body's background is not %s after %s; the page links %q and the server sent %s", i+1, color, settleTimeout, readPageStyle(t, b.ctx).Sheets, ev.data)
			}
			// The old sheet goes once the new one applies, a moment later.
			waitInPage(t, b.ctx, fmt.Sprintf(`document.querySelectorAll('link[rel~="stylesheet"]').length === %d`, len(before.Sheets)), "the old stylesheet removed")
			after := readPageStyle(t, b.ctx)
			if after.Marker != 1 {
				t.Fatalf("edit %d: window.__marker is gone: the page reloaded for a stylesheet change", i+1)
			}
			if len(after.Sheets) != 1 || len(before.Sheets) != 1 || after.Sheets[0] == before.Sheets[0] {
				t.Fatalf("edit %d: stylesheets %q after the edit, %q before; want one, with a new name", i+1, after.Sheets, before.Sheets)
			}
			sorted[after.Sheets[0] > before.Sheets[0]] = true
		}
		if len(sorted) < 2 {
			t.Logf("the new stylesheet's name always sorted the same way (after the old: %v)", sorted)
		}
		if n := streams.count(); n != 3 {
			t.Errorf("%d event streams opened, want 3: the page reloaded", n)
		}
	})

	b.report(t, page, nil)

	// The page outlives the server: it reconnects to the next one on the
	// same port, and reloads only if its sources changed meanwhile.
	port := s.addr[strings.LastIndex(s.addr, ":")+1:]
	t.Run("RestartUnchanged", func(t *testing.T) {
		if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[int](`window.__marker = 2`)); err != nil {
			t.Fatal(err)
		}
		opened := streams.count()
		s.stop(t)
		s = startServe(t, dir, "--port", port)
		streams.wait(t, opened+1)
		// A stale page reloads at once, on the first event it hears.
		time.Sleep(500 * time.Millisecond)
		if got := readPageStyle(t, b.ctx); got.Marker != 2 || streams.count() != opened+1 {
			t.Errorf("after a restart with the same sources, the page reloaded (marker %d, %d event streams, want %d)", got.Marker, streams.count(), opened+1)
		}
	})
	t.Run("RestartChanged", func(t *testing.T) {
		const text = "Saved while the preview was stopped."
		s.stop(t)
		writeFile(t, dir, file, withBody(md, text+"\n"))
		s = startServe(t, dir, "--port", port)
		waitInPage(t, b.ctx, fmt.Sprintf(`document.querySelector("main").textContent.includes(%q)`, text), "the edit made while the preview was stopped")
	})
	// While the server was down, the page's attempts to reconnect failed,
	// and so did any request the browser made of it then: Chromium asks
	// for a page's icon when it gets round to it, which on a busy machine
	// can be while the preview is stopped.
	b.report(t, page, func(p string) bool {
		return strings.Contains(p, "/_handbook/events") || strings.Contains(p, "net::ERR_CONNECTION_REFUSED")
	})
}

// pageStyle is what StyleSwap reads from the page.
type pageStyle struct {
	Background string   `json:"background"`
	Sheets     []string `json:"sheets"`
	Marker     int      `json:"marker"`
}

// waitInPage waits until expr is true in the page, and fails t if it is not
// within settleTimeout.
func waitInPage(t *testing.T, ctx context.Context, expr, what string) {
	t.Helper()
	if !waitInPageFor(t, ctx, expr) {
		t.Fatalf("no sign of %s in the page after %s", what, settleTimeout)
	}
}

// waitInPageFor reports whether expr became true in the page within
// settleTimeout. It asks again and again from here rather than waiting
// inside the page, since the page may reload meanwhile.
func waitInPageFor(t *testing.T, ctx context.Context, expr string) bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, settleTimeout)
	defer cancel()
	for {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); ok && err == nil {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// readPageStyle reads the page's background, stylesheets and marker.
func readPageStyle(t *testing.T, ctx context.Context) pageStyle {
	t.Helper()
	style, err := chromedp.Run(ctx, chromedp.Evaluate[pageStyle](`({
		background: getComputedStyle(document.body).backgroundColor,
		sheets: Array.from(document.querySelectorAll('link[rel~="stylesheet"]'), l => l.href),
		marker: window.__marker || 0,
	})`))
	if err != nil {
		t.Fatalf("reading the page's style: %v", err)
	}
	return style
}

// eventStreams counts the answers a tab got from /_handbook/events: one per
// page that opened its event stream, so one per load or reload.
type eventStreams struct {
	mu sync.Mutex
	n  int
}

// countEventStreams starts counting in the tab of ctx.
func countEventStreams(t *testing.T, ctx context.Context) *eventStreams {
	t.Helper()
	e := &eventStreams{}
	err := chromedp.Listen(ctx, func(ev any) {
		if r, ok := ev.(*network.EventResponseReceived); ok && strings.Contains(r.Response.URL, "/_handbook/events") {
			e.mu.Lock()
			e.n++
			e.mu.Unlock()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *eventStreams) count() int {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.n
}

// wait waits until n event streams have been opened: the server then has
// the page among those it tells about changes.
func (e *eventStreams) wait(t testing.TB, n int) {
	t.Helper()
	for start := time.Now(); e.count() < n; time.Sleep(5 * time.Millisecond) {
		if time.Since(start) > settleTimeout {
			t.Fatalf("%d event streams opened after %s, want %d", e.count(), settleTimeout, n)
		}
	}
}
