package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/cli"
)

// exampleEpoch is the SOURCE_DATE_EPOCH the example is built with, so that
// "overdue" and other dated output does not change from day to day.
const exampleEpoch = "1700000000" // 14 November 2023

// exampleSite returns the example handbook at the root of the repository.
func exampleSite(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "site.yaml")); err != nil {
		t.Fatalf("the example handbook is missing: %v", err)
	}
	return root
}

// buildExample builds the example handbook the way a user does, with
// handbook build, into a fresh folder, and returns that folder.
func buildExample(t testing.TB) string {
	t.Helper()
	root := exampleSite(t)
	out, warnings := buildSite(t, root)
	if warnings != "" {
		t.Fatalf("handbook build -s %s warned:\n%s", root, warnings)
	}
	return out
}

// buildSite builds the handbook in root with handbook build, on the day the
// example is dated, into a fresh folder. It returns that folder and what the
// build printed on stderr, its warnings, and fails t when the build fails.
func buildSite(t testing.TB, root string) (out, warnings string) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "out")
	var stdout, stderr bytes.Buffer
	env := cli.Env{
		Stdout: &stdout,
		Stderr: &stderr,
		Getenv: func(key string) string {
			if key == "SOURCE_DATE_EPOCH" {
				return exampleEpoch
			}
			return ""
		},
		Now: func() time.Time { return time.Date(2023, 11, 14, 12, 0, 0, 0, time.UTC) },
	}
	if code := cli.Run(env, []string{"build", "-s", root, "-o", out}); code != 0 {
		t.Fatalf("handbook build -s %s exited %d\nstdout:\n%s\nstderr:\n%s", root, code, &stdout, &stderr)
	}
	return out, stderr.String()
}

// exampleBaseURL returns the baseURL of the example's site.yaml.
func exampleBaseURL(t testing.TB) *url.URL {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(exampleSite(t), "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^baseURL:\s*["']?([^"'\s]+)`).FindSubmatch(data)
	if m == nil {
		t.Fatal("site.yaml has no baseURL")
	}
	base, err := url.Parse(string(m[1]))
	if err != nil || base.Host == "" || !strings.HasSuffix(base.Path, "/") {
		t.Fatalf("site.yaml: baseURL %q should be an absolute URL ending in /", m[1])
	}
	return base
}

// TestLinksResolve checks that every link, script, stylesheet and image in
// the built example points at a file that exists, and every #fragment at an
// id on the target page.
func TestLinksResolve(t *testing.T) {
	out := buildExample(t)
	s, err := readSite(out, exampleBaseURL(t))
	if err != nil {
		t.Fatal(err)
	}
	problems, stats := s.checkLinks()
	for _, p := range problems {
		t.Error(p)
	}
	// Guard against a checker that finds nothing to check.
	if len(s.pages) < 10 || stats.internal < 100 || stats.fragments == 0 {
		t.Errorf("checked too little: %d pages, %d internal references, %d with a fragment", len(s.pages), stats.internal, stats.fragments)
	}
	t.Logf("%d pages, %d internal references (%d with a fragment), %d external", len(s.pages), stats.internal, stats.fragments, stats.external)
}

// TestLinksSitemap checks that sitemap.xml lists every page once, and
// nothing else.
func TestLinksSitemap(t *testing.T) {
	out := buildExample(t)
	s, err := readSite(out, exampleBaseURL(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.checkSitemap() {
		t.Error(p)
	}
}

// TestLinkCheckerFindsProblems runs the checks on a small broken site, so a
// checker that passes everything cannot go unnoticed.
func TestLinkCheckerFindsProblems(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.html": `<!DOCTYPE html><a href="#main">skip</a><main id="main">
<a href="/a/">ok</a> <a href='/a/#sec'>ok</a> <A HREF=/a/>ok</A> <a href="a/#sec">ok</a>
<a href="https://example.test/a/">ok</a> <link rel="canonical" href="https://example.test/">
<a href="https://elsewhere.test/missing/">external</a> <a href="mailto:x@example.test">external</a>
<a href="/missing/">missing page</a> <a href="/a/#nope">missing fragment</a> <a href="#gone">missing fragment</a>
<a href="/a">folder without slash</a> <img src="/logo.png" alt=""> <script src="/app.js"></script> <script src="/gone.js"></script>
<script>var x = '<a href="/in-a-script/">';</script> <!-- <a href="/in-a-comment/">ignored</a> --></main>`,
		"a/index.html": `<h2 id="sec">Section</h2><p>Text that says id="fake" is not an id.</p>`,
		"b/index.html": `<a href="/#fake">missing fragment</a>`,
		"app.js":       `var x = 1;`,
		"sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.test/</loc></url><url><loc>https://example.test/</loc></url>
<url><loc>https://example.test/gone/</loc></url><url><loc>https://other.test/a/</loc></url>
</urlset>`,
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base, _ := url.Parse("https://example.test/")
	s, err := readSite(dir, base)
	if err != nil {
		t.Fatal(err)
	}
	problems, stats := s.checkLinks()
	problems = append(problems, s.checkSitemap()...)
	want := []string{
		`/: link to /missing/: no such page (missing/index.html)`,
		`/: link to /a/#nope: /a/ has no id="nope"`,
		`/: link to /#gone: / has no id="gone"`,
		`/: link to /a: a is a folder; link to /a/`,
		`/: link to /logo.png: no such file (logo.png)`,
		`/: link to /gone.js: no such file (gone.js)`,
		`/b/: link to /#fake: / has no id="fake"`,
		`sitemap.xml: https://example.test/ is listed twice`,
		`sitemap.xml: https://example.test/gone/ is not a page of the site`,
		`sitemap.xml: https://other.test/a/ is not under the baseURL https://example.test/`,
		`sitemap.xml: /a/ is missing`,
		`sitemap.xml: /b/ is missing`,
	}
	slices.Sort(problems)
	slices.Sort(want)
	if !slices.Equal(problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
	if stats.external != 2 {
		t.Errorf("%d external references, want 2", stats.external)
	}
}

// site is a built site read back from its folder.
type site struct {
	dir   string
	base  *url.URL
	pages map[string]*page // by URL path: "/", "/concerns/", "/404.html"
}

// page is one HTML file: the ids it defines and the URLs it refers to.
type page struct {
	ids  map[string]bool
	refs []string
}

// readSite reads every HTML file under dir. base is the site's baseURL.
func readSite(dir string, base *url.URL) (*site, error) {
	s := &site{dir: dir, base: base, pages: map[string]*page{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		s.pages[s.pagePath(filepath.ToSlash(rel))] = parsePage(string(data))
		return nil
	})
	return s, err
}

// pagePath turns a file name in the output into the URL path that serves
// it: about/index.html is served at /about/.
func (s *site) pagePath(file string) string {
	p := path.Join(s.base.Path, file)
	if path.Base(p) == "index.html" {
		p = strings.TrimSuffix(p, "index.html")
	}
	return p
}

var (
	skipped = regexp.MustCompile(`(?is)<!--.*?-->|<script\b[^>]*>.*?</script>|<style\b[^>]*>.*?</style>`)
	tag     = regexp.MustCompile(`<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?)*)\s*/?>`)
	attr    = regexp.MustCompile(`([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)
)

// parsePage collects the ids and references of an HTML page. It reads start
// tags only; comments and the text of scripts and styles are left out, but
// the start tags of scripts and styles (a script's src) are kept.
func parsePage(doc string) *page {
	doc = skipped.ReplaceAllStringFunc(doc, func(s string) string {
		if strings.HasPrefix(s, "<!--") {
			return ""
		}
		return s[:strings.Index(s, ">")+1]
	})
	p := &page{ids: map[string]bool{}}
	for _, t := range tag.FindAllStringSubmatch(doc, -1) {
		for _, a := range attr.FindAllStringSubmatch(t[1], -1) {
			value := html(a[2] + a[3] + a[4])
			switch strings.ToLower(a[1]) {
			case "id":
				p.ids[value] = true
			case "href", "src", "poster", "action":
				p.refs = append(p.refs, value)
			case "srcset":
				for _, c := range strings.Split(value, ",") {
					if f := strings.Fields(c); len(f) > 0 {
						p.refs = append(p.refs, f[0])
					}
				}
			}
		}
	}
	return p
}

// html decodes the character references html/template writes in attributes.
func html(s string) string {
	return strings.NewReplacer("&amp;", "&", "&#39;", "'", "&quot;", `"`, "&#34;", `"`, "&lt;", "<", "&gt;", ">", "&#43;", "+").Replace(s)
}

type linkStats struct{ internal, fragments, external int }

// checkLinks returns a problem for each reference on a page that does not
// resolve: a missing file, a folder linked without its slash, or a fragment
// that names no id on the target page.
func (s *site) checkLinks() (problems []string, stats linkStats) {
	for _, from := range slices.Sorted(maps.Keys(s.pages)) {
		pageURL := s.base.ResolveReference(&url.URL{Path: from})
		for _, ref := range s.pages[from].refs {
			u, err := pageURL.Parse(strings.TrimSpace(ref))
			if err != nil {
				problems = append(problems, fmt.Sprintf("%s: bad URL %q: %v", from, ref, err))
				continue
			}
			if (u.Scheme != "http" && u.Scheme != "https") || u.Host != s.base.Host {
				stats.external++
				continue
			}
			stats.internal++
			target := u.Path
			shown := target
			if u.Fragment != "" {
				shown += "#" + u.Fragment
			}
			if problem := s.resolve(target); problem != "" {
				problems = append(problems, fmt.Sprintf("%s: link to %s: %s", from, shown, problem))
				continue
			}
			if u.Fragment == "" {
				continue
			}
			stats.fragments++
			to, ok := s.pages[target]
			if !ok {
				problems = append(problems, fmt.Sprintf("%s: link to %s: a fragment on a file that is not a page", from, shown))
			} else if !to.ids[u.Fragment] {
				problems = append(problems, fmt.Sprintf("%s: link to %s: %s has no id=%q", from, shown, target, u.Fragment))
			}
		}
	}
	return problems, stats
}

// resolve returns why the URL path p serves nothing, or "".
func (s *site) resolve(p string) string {
	if !strings.HasPrefix(p, s.base.Path) {
		return "outside the site's base path " + s.base.Path
	}
	file := strings.TrimPrefix(p, s.base.Path)
	if file == "" || strings.HasSuffix(file, "/") {
		file += "index.html"
	}
	info, err := os.Stat(filepath.Join(s.dir, filepath.FromSlash(file)))
	switch {
	case err != nil && strings.HasSuffix(file, "index.html"):
		return fmt.Sprintf("no such page (%s)", file)
	case err != nil:
		return fmt.Sprintf("no such file (%s)", file)
	case info.IsDir():
		return fmt.Sprintf("%s is a folder; link to %s/", file, p)
	}
	return ""
}

// checkSitemap returns a problem for each page missing from sitemap.xml and
// each entry of the sitemap that is not a page. The 404 page is not listed.
func (s *site) checkSitemap() []string {
	data, err := os.ReadFile(filepath.Join(s.dir, "sitemap.xml"))
	if err != nil {
		return []string{err.Error()}
	}
	var sitemap struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(data, &sitemap); err != nil {
		return []string{"sitemap.xml: " + err.Error()}
	}
	var problems []string
	listed := map[string]bool{}
	for _, u := range sitemap.URLs {
		loc := strings.TrimSpace(u.Loc)
		switch p, ok := strings.CutPrefix(loc, s.base.String()); {
		case !ok:
			problems = append(problems, fmt.Sprintf("sitemap.xml: %s is not under the baseURL %s", loc, s.base))
		case listed[s.base.Path+p]:
			problems = append(problems, fmt.Sprintf("sitemap.xml: %s is listed twice", loc))
		case s.pages[s.base.Path+p] == nil:
			problems = append(problems, fmt.Sprintf("sitemap.xml: %s is not a page of the site", loc))
		default:
			listed[s.base.Path+p] = true
		}
	}
	for _, p := range slices.Sorted(maps.Keys(s.pages)) {
		if !listed[p] && p != path.Join(s.base.Path, "404.html") {
			problems = append(problems, fmt.Sprintf("sitemap.xml: %s is missing", p))
		}
	}
	return problems
}
