package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gopkg.in/yaml.v3"
)

// scriptTitle is the title of the concern at /concerns/script-title/: if
// any page wrote it as markup, it would end a script and start another.
const scriptTitle = `</script><script>window.__pwned=1</script>`

// TestSecurity builds a handbook whose every field and body tries to run
// script, opens each of its pages, shows the tooltips of its charts, and
// checks that no script from the content ran, that no dialog opened, that
// no link has a javascript: address and that the payloads read as text.
//
// Under netlify.toml's Content-Security-Policy an injected inline script
// could not run even if a page let it in, so the pages are opened twice:
// with the policy, where any violation fails the test, and without it,
// where only the escaping of the pages stands between the content and the
// reader.
func TestSecurity(t *testing.T) {
	chrome := chromiumPath(t)
	out, warnings := buildSite(t, hostileSite(t))
	if warnings != "" {
		t.Logf("the hostile handbook builds with warnings:\n%s", warnings)
	}
	pages := htmlPages(t, out)
	// A page that breaks every rule, to show the checks work.
	if err := os.WriteFile(filepath.Join(out, "pwned.html"), []byte(pwnedPage), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(withHeaders(optionalCSP(netlify(out)), netlifyHeaders(t)))
	t.Cleanup(srv.Close)

	for _, mode := range []struct {
		name, query string
		pwned       []string // problems that pwnedPage must show
	}{
		{"WithCSP", "", []string{
			`Content-Security-Policy violation: {"directive":"script-src-elem"`,
			`Content-Security-Policy violation: {"directive":"script-src-attr"`,
			`a javascript: address: <a href=" JavaScript:window.__pwned=1">`,
			`an inline script: <script>window.__pwned="inline"; alert("inline")</script>`,
			`an event handler attribute: img onerror`,
		}},
		{"WithoutCSP", "?" + noCSP, []string{
			`script from the content ran: window.__pwned is`,
			`alert dialog opened: "inline"`,
			`/x: HTTP 404`,
		}},
	} {
		t.Run(mode.name, func(t *testing.T) {
			// Each with a browser of its own, given the time to draw the
			// charts of every page.
			t.Parallel()
			b := startBrowserWithin(t, chrome, srv.URL, time.Minute)
			t.Run("CatchesScripts", func(t *testing.T) {
				problems := b.hostilePage(t, "/pwned.html", mode.query)
				for _, want := range mode.pwned {
					if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, want) }) {
						t.Errorf("/pwned.html%s: no problem reported containing %q; got:\n%s", mode.query, want, strings.Join(problems, "\n"))
					}
				}
			})
			t.Run("Pages", func(t *testing.T) {
				for _, p := range pages {
					for _, problem := range b.hostilePage(t, p, mode.query) {
						t.Errorf("%s: %s", p, problem)
					}
				}
			})
		})
	}
}

const pwnedPage = `<!DOCTYPE html><html lang="en"><title>Pwned</title>
<h1>Pwned</h1>
<a href=" JavaScript:window.__pwned=1">link</a>
<img src="x" alt="" onerror="window.__pwned='onerror'">
<script>window.__pwned="inline"; alert("inline")</script>
</html>`

// noCSP, as the query of a page's address, has the test server leave out
// the Content-Security-Policy header.
const noCSP = "csp=off"

// optionalCSP removes the Content-Security-Policy header that withHeaders
// set from the responses to requests whose query is noCSP. The policy of a
// page is the one its own response carries, so only the page needs it.
func optionalCSP(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery == noCSP {
			w.Header().Del("Content-Security-Policy")
		}
		h.ServeHTTP(w, r)
	})
}

// htmlPages returns the address of every HTML page in the built site.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		pages = append(pages, strings.TrimSuffix("/"+filepath.ToSlash(rel), "index.html"))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

// hostileState is what a hostile page has become once open in the browser.
type hostileState struct {
	Pwned    *string  `json:"pwned"` // window.__pwned, when set
	Title    string   `json:"title"`
	H1       []string `json:"h1"`
	Text     string   `json:"text"` // document.body.innerText
	JSLinks  []string `json:"jsLinks"`
	Inline   []string `json:"inline"`
	Handlers []string `json:"handlers"`
}

// hostilePage opens the page at p with the query, draws its charts and
// shows their tooltips, and returns every sign that content ran as script
// or was read as markup. The problems the browser reports are among them.
func (b *browser) hostilePage(t *testing.T, p, query string) []string {
	t.Helper()
	b.open(t, p+query, http.StatusOK)
	showClosed(t, b)
	var problems []string
	if charts := b.drawCharts(t, p); len(charts) > 0 {
		checkCharts(t, p, charts, nil)
		problems = append(problems, b.showTips(t, charts)...)
	}

	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[hostileState](`(() => {
		const all = Array.from(document.querySelectorAll("*"));
		const javascript = v => /^javascript:/i.test(v.trim());
		return {
			pwned: "__pwned" in window ? JSON.stringify(window.__pwned) : null,
			title: document.title,
			h1: Array.from(document.querySelectorAll("h1"), h => h.textContent.trim()),
			text: document.body.innerText,
			jsLinks: Array.from(document.querySelectorAll("a[href], area[href]"))
				.filter(a => javascript(a.getAttribute("href")) || a.protocol === "javascript:")
				.map(a => a.outerHTML),
			inline: Array.from(document.scripts)
				.filter(s => !s.src && s.type !== "application/json")
				.map(s => s.outerHTML),
			handlers: all.flatMap(el => Array.from(el.attributes)
				.filter(a => /^on/i.test(a.name))
				.map(a => el.tagName.toLowerCase() + " " + a.name + "=" + JSON.stringify(a.value))),
		};
	})()`))
	if err != nil {
		t.Fatalf("%s: reading the page: %v", p, err)
	}
	if s.Pwned != nil {
		problems = append(problems, "script from the content ran: window.__pwned is "+*s.Pwned)
	}
	for _, a := range s.JSLinks {
		problems = append(problems, "a javascript: address: "+a)
	}
	for _, script := range s.Inline {
		problems = append(problems, "an inline script: "+script)
	}
	for _, h := range s.Handlers {
		problems = append(problems, "an event handler attribute: "+h)
	}
	for _, want := range hostileText(p) {
		if !strings.Contains(s.Text, want) {
			problems = append(problems, fmt.Sprintf("the text of the page does not show %q", want))
		}
	}
	if want, ok := hostileH1[p]; ok {
		if !slices.Equal(s.H1, []string{want}) {
			problems = append(problems, fmt.Sprintf("h1 elements %q, want one, %q", s.H1, want))
		}
		if !strings.HasPrefix(s.Title, want+" · ") {
			problems = append(problems, fmt.Sprintf("title %q, want it to start with %q", s.Title, want))
		}
	}
	return append(problems, b.take()...)
}

// showClosed ticks every "show the closed concerns" box of the open page, so
// that every concern is on screen.
func showClosed(t *testing.T, b *browser) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[any](`document.querySelectorAll(".table-tools input, .chart-tools input").forEach(box => box.checked || box.click())`)); err != nil {
		t.Fatalf("showing the closed concerns: %v", err)
	}
}

// showTips shows the tooltip of the first item of each chart, the first
// bubble of a bubble chart by moving the mouse over it, and returns a
// problem for each tooltip that does not show its lines as plain text.
func (b *browser) showTips(t *testing.T, charts []chartState) []string {
	t.Helper()
	var problems []string
	for _, c := range charts {
		ctx, cancel := context.WithTimeout(b.ctx, 3*time.Second)
		id, _ := json.Marshal(c.ID)
		if strings.HasSuffix(c.ID, "_value_effort") {
			bubble := b.bubbles(t, c.ID)[0] // series 0, item 0, whose tip the check reads
			if err := chromedp.Do(ctx, chromedp.MouseEvent(chromedp.MouseMoved, bubble.X, bubble.Y)); err != nil {
				t.Fatalf("moving the mouse over the first bubble of %s: %v", c.ID, err)
			}
		} else {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[any](fmt.Sprintf(`(() => {
				const el = document.getElementById(%s);
				el.scrollIntoView({block: "center"});
				// A position of its own keeps ECharts from drawing the tooltip's
				// arrow, markup with a style attribute that the policy blocks;
				// a tooltip that follows the mouse has none.
				echarts.getInstanceByDom(el).dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0, position: [0, 0]});
			})()`, id)))
			if err != nil {
				t.Fatalf("showing the tooltip of %s: %v", c.ID, err)
			}
		}
		// ECharts fills the tooltip in after the event; wait for it.
		tip, err := chromedp.Run(ctx, chromedp.Poll[struct {
			Text     string   `json:"text"`
			Elements []string `json:"elements"` // that hold text or media
			Want     []string `json:"want"`     // the lines of its spec, if any
		}](fmt.Sprintf(`(() => {
			const el = document.getElementById(%s);
			const tip = Array.from(el.children).find(d => !d.querySelector("canvas") && d.innerText.trim() !== "" && getComputedStyle(d).display !== "none");
			if (!tip) return null;
			const spec = JSON.parse(document.getElementById(el.id + "-spec").textContent);
			return {
				text: tip.innerText,
				elements: Array.from(tip.querySelectorAll("*"))
					.filter(e => e.textContent !== "" || /^(a|img|svg|script|iframe|object|embed|video|audio)$/i.test(e.tagName))
					.map(e => e.tagName.toLowerCase()),
				want: spec.tips ? spec.tips[0][0] : null,
			};
		})()`, id), chromedp.WithPollingTimeout(2*time.Second)))
		cancel()
		switch {
		case err != nil:
			problems = append(problems, fmt.Sprintf("chart %s shows no tooltip: %v", c.ID, err))
		case len(tip.Elements) > 0:
			problems = append(problems, fmt.Sprintf("the tooltip of chart %s holds elements %q: %q", c.ID, tip.Elements, tip.Text))
		case tip.Want != nil && tip.Text != strings.Join(tip.Want, "\n"):
			problems = append(problems, fmt.Sprintf("the tooltip of chart %s reads %q, want %q", c.ID, tip.Text, strings.Join(tip.Want, "\n")))
		}
	}
	return problems
}

// attack returns text that runs script setting window.__pwned to name
// wherever a page lets it in: as a URL, as markup in an element, or as
// markup breaking out of an attribute's value.
func attack(name string) string {
	js := `window.__pwned="` + name + `"`
	return `javascript:` + js + `//"'><img src=x onerror='` + js + `'><svg onload='` + js + `'></svg><script>` + js + `</script>`
}

// shortAttack is a shorter attack, for names the handbook shows in narrow
// places, such as the labels of a chart's axis and status tags.
func shortAttack(name string) string {
	return `<img/src/onerror=window.__pwned="` + name + `">`
}

// hostileMarkdown is a body that tries every way Markdown offers to let
// script in: raw HTML, dangerous link and image addresses, autolinks and
// character references.
var hostileMarkdown = `<script>window.__pwned=1</script>

<img src=x onerror="window.__pwned=1"> <svg onload="window.__pwned=1"></svg> <scr<script>ipt>window.__pwned=1</scr</script>ipt>

<a href="javascript:window.__pwned=1">raw link</a> <iframe src="javascript:window.__pwned=1"></iframe> <object data="javascript:window.__pwned=1"></object>

<div onmouseover="window.__pwned=1">hover me</div>

[link](javascript:window.__pwned=1) [upper](JAVASCRIPT:window.__pwned=1) [entity](&#106;avascript:window.__pwned=1) [tab](java&#9;script:window.__pwned=1) [angle](<javascript:window.__pwned=1>) [spaced](%20javascript:window.__pwned=1) [data](data:text/html,<script>window.__pwned=1</script>) [reference][evil] ![image](javascript:window.__pwned=1)

[evil]: javascript:window.__pwned=1

Autolinks: <javascript:window.__pwned=1> <https://example.test/"onmouseover="window.__pwned=1> https://example.test/?<script>window.__pwned=1</script> www.example.test/"onmouseover="window.__pwned=1

Entities: &lt;script&gt;window.__pwned=1&lt;/script&gt; &#60;img src=x onerror=window.__pwned=1&#62; &amp;lt;script&amp;gt;

Code: ` + "`<script>window.__pwned=1</script>`" + `

    <script>window.__pwned=1</script>

## <img src=x onerror=window.__pwned=1> heading

| <script>window.__pwned=1</script> | [cell](javascript:window.__pwned=1) |
|---|---|
| <img src=x onerror=window.__pwned=1> | "><img src=x onerror=window.__pwned=1> |

- [ ] <img src=x onerror=window.__pwned=1> task
`

// The hostile handbook's team, concerns and meeting, by the address of
// their pages.
const (
	hostileTeam    = "/teams/red/"
	hostileConcern = "/concerns/script-title/"
	entityConcern  = "/concerns/entity-title/"
	hostileMeeting = "/meetings/2023-11-01-hostile/"
)

// entityTitle is written with character references, which a title shows
// as they are: decoding them would make markup of them.
const entityTitle = `&lt;script&gt;window.__pwned=1&lt;/script&gt; &#60;b&#62;`

// hostileH1 is the heading, and the start of the title, of pages named
// after a payload.
var hostileH1 = map[string]string{
	hostileConcern: scriptTitle,
	entityConcern:  entityTitle,
	hostileTeam:    attack("team title"),
	hostileMeeting: attack("meeting title"),
	"/notes/":      attack("page title"),
}

// hostileText returns text that the page at p must show as a reader sees it.
func hostileText(p string) []string {
	switch {
	case p == "/":
		return []string{scriptTitle}
	case p == "/concerns/":
		return []string{scriptTitle, entityTitle}
	case p == hostileConcern:
		return []string{attack("value note"), attack("effort note"), attack("risk"), attack("complexity"),
			attack("blocker"), attack("evidence"), attack("signal"), attack("member")}
	case p == hostileTeam:
		return []string{scriptTitle, attack("representative"), attack("member")}
	case p == hostileMeeting:
		return []string{scriptTitle, attack("attendee"), attack("action task")}
	case p == "/actions/":
		return []string{attack("action task"), attack("action owner")}
	case p == "/notes/":
		return []string{"<script>window.__pwned=1</script>"} // written with character references
	case strings.HasPrefix(p, "/tags/") && p != "/tags/":
		return []string{scriptTitle} // it has every tag
	}
	return nil
}

// hostileSite writes a handbook whose every field and body tries to run
// script, and returns its folder.
func hostileSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, front any, body string) {
		t.Helper()
		data, err := yaml.Marshal(front)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		if name != "site.yaml" {
			text = "---\n" + text + "---\n" + body
		}
		file := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	slug := func(p string) string { return path.Base(p) }

	write("site.yaml", map[string]any{
		"title":       attack("site title"),
		"baseURL":     "https://hostile.example/",
		"description": attack("site description"),
		"language":    `en" onload="window.__pwned='language'`,
		"editURL":     `https://example.org/edit/"><script>window.__pwned="editURL"</script>/`,
		"scoring": map[string]any{
			"scale": []map[string]any{
				{"level": "Low", "score": 1},
				{"level": shortAttack("level"), "score": 2, "aliases": []string{"Medium"}},
				{"level": "High", "score": 3},
			},
			"statuses": map[string]any{
				"open":   []string{"proposed", shortAttack("status")},
				"closed": []string{"done"},
			},
		},
	}, "")
	write("content/teams/red.md", map[string]any{
		"title":          attack("team title"),
		"representative": attack("representative"),
		"members":        []string{attack("member"), "<img src=x onerror=window.__pwned=1>"},
	}, hostileMarkdown)
	write("content/concerns/script-title.md", map[string]any{
		"title":      scriptTitle,
		"team":       slug(hostileTeam),
		"value":      "High, " + attack("value note"),
		"effort":     "Low, " + attack("effort note"),
		"risk":       "High, " + attack("risk"),
		"complexity": "Low, " + attack("complexity"),
		"blockers":   []string{attack("blocker")},
		"evidence":   []string{attack("evidence"), "javascript:window.__pwned=1"},
		"signals":    []string{attack("signal")},
		"status":     shortAttack("status"),
		"observable": "partly",
		"owner":      attack("member"),
		"tags":       []string{shortAttack("tag"), "javascript:window.__pwned=1", "<script>"},
		"raised":     "2023-10-01",
	}, hostileMarkdown)
	write("content/concerns/entity-title.md", map[string]any{
		"title":  entityTitle,
		"team":   slug(hostileTeam),
		"value":  shortAttack("level") + ", " + attack("level note"),
		"effort": "High",
		"risk":   attack("unscored risk"),
		"owner":  attack("owner"),
		"status": "done",
		"tags":   []string{"<script>"},
		"raised": "2023-09-01",
	}, hostileMarkdown)
	write("content/meetings/2023-11-01-hostile.md", map[string]any{
		"title":     attack("meeting title"),
		"date":      "2023-11-01",
		"attendees": []string{slug(hostileTeam), attack("attendee"), attack("member")},
		"concerns":  []string{slug(hostileConcern), slug(entityConcern)},
		"actions": []map[string]any{
			{"task": attack("action task"), "owner": attack("member"), "due": "2023-12-01", "concern": slug(hostileConcern)},
			{"task": attack("overdue task"), "owner": attack("action owner"), "due": "2023-01-01"},
		},
	}, hostileMarkdown)
	write("content/notes.md", map[string]any{
		"title":       attack("page title"),
		"description": attack("page description"),
	}, hostileMarkdown)
	return dir
}
