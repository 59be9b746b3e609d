package serve

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/render"
)

// fixture returns a small built site with one file of every kind.
func fixture() []render.File {
	page := func(title string) []byte {
		return []byte("<!DOCTYPE html>\n<html><head><title>" + title + "</title></head>\n<body><h1>" + title + "</h1></body>\n</html>\n")
	}
	return []render.File{
		{Path: "404.html", Data: page("Not found")},
		{Path: "assets/app.1a2b3c4d.js", Data: []byte("console.log('</body>');\n")},
		{Path: "assets/logo.png", Data: []byte("\x89PNG\r\n\x1a\n")},
		{Path: "assets/logo.svg", Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)},
		{Path: "assets/style.1a2b3c4d.css", Data: []byte("/* </body> */ body { color: black }\n")},
		{Path: "assets/vendor/LICENSE", Data: []byte("Apache License\n")},
		{Path: "concerns/etl/index.html", Data: page("ETL")},
		{Path: "concerns/index.html", Data: page("Concerns")},
		{Path: "data.json", Data: []byte(`{"concerns":[]}`)},
		{Path: "index.html", Data: page("Overview")},
		{Path: "robots.txt", Data: []byte("User-agent: *\n")},
		{Path: "sitemap.xml", Data: []byte(`<?xml version="1.0"?><urlset/>`)},
	}
}

// fileData returns the fixture's file at path.
func fileData(t *testing.T, path string) []byte {
	t.Helper()
	for _, f := range fixture() {
		if f.Path == path {
			return f.Data
		}
	}
	t.Fatalf("fixture has no %s", path)
	return nil
}

// get runs one request through h and returns the response and its body.
func get(t *testing.T, h http.Handler, method, target string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "localhost:1313" // httptest's example.com is a foreign name
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}

func TestRouting(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	h := s.Handler()
	html := "text/html; charset=utf-8"
	for _, tc := range []struct {
		method, target string
		status         int
		typ            string // Content-Type, when the status is not a redirect
		file           string // the fixture file the body must be, less the live tag
		location       string // for redirects
	}{
		{"GET", "/", 200, html, "index.html", ""},
		{"GET", "/index.html", 200, html, "index.html", ""},
		{"GET", "/concerns/", 200, html, "concerns/index.html", ""},
		{"GET", "/concerns/etl/", 200, html, "concerns/etl/index.html", ""},
		{"GET", "/concerns/etl", 302, "", "", "/concerns/etl/"},
		{"GET", "/concerns/etl?tab=levels", 302, "", "", "/concerns/etl/?tab=levels"},
		{"GET", "/nope/", 404, html, "404.html", ""},
		{"GET", "/concerns/etl/nope", 404, html, "404.html", ""},
		{"GET", "/assets/", 404, html, "404.html", ""}, // a folder without index.html: no listing
		{"GET", "/assets", 404, html, "404.html", ""},
		{"GET", "/assets/vendor/", 404, html, "404.html", ""},
		{"GET", "/assets/style.1a2b3c4d.css", 200, "text/css; charset=utf-8", "assets/style.1a2b3c4d.css", ""},
		{"GET", "/assets/app.1a2b3c4d.js", 200, "text/javascript; charset=utf-8", "assets/app.1a2b3c4d.js", ""},
		{"GET", "/assets/logo.svg", 200, "image/svg+xml", "assets/logo.svg", ""},
		{"GET", "/assets/logo.png", 200, "image/png", "assets/logo.png", ""},
		{"GET", "/assets/vendor/LICENSE", 200, "application/octet-stream", "assets/vendor/LICENSE", ""},
		{"GET", "/data.json", 200, "application/json", "data.json", ""},
		{"GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "sitemap.xml", ""},
		{"GET", "/robots.txt", 200, "text/plain; charset=utf-8", "robots.txt", ""},
		{"GET", "/_handbook/live.js", 200, "text/javascript; charset=utf-8", "", ""},
		{"GET", "/_handbook/index.html", 404, "text/plain; charset=utf-8", "", ""},
		{"HEAD", "/", 200, html, "", ""},
		{"HEAD", "/assets/logo.png", 200, "image/png", "", ""},
		{"HEAD", "/nope", 404, html, "", ""},
		{"POST", "/", 405, "text/plain; charset=utf-8", "", ""},
		{"PUT", "/assets/logo.png", 405, "text/plain; charset=utf-8", "", ""},
		{"DELETE", "/", 405, "text/plain; charset=utf-8", "", ""},
		{"HEAD", "/_handbook/events", 405, "text/plain; charset=utf-8", "", ""},
	} {
		t.Run(tc.method+" "+tc.target, func(t *testing.T) {
			res, body := get(t, h, tc.method, tc.target)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", res.StatusCode, tc.status)
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", got)
			}
			if tc.location != "" {
				if got := res.Header.Get("Location"); got != tc.location {
					t.Errorf("Location %q, want %q", got, tc.location)
				}
				return
			}
			if got := res.Header.Get("Content-Type"); got != tc.typ {
				t.Errorf("Content-Type %q, want %q", got, tc.typ)
			}
			if tc.status == 405 {
				if allow := res.Header.Get("Allow"); allow == "" {
					t.Error("405 without Allow")
				}
			}
			if tc.method == "HEAD" && tc.status != 405 {
				if body != "" {
					t.Errorf("HEAD has a body: %q", body)
				}
				getRes, getBody := get(t, h, "GET", tc.target)
				if want := getRes.Header.Get("Content-Length"); res.Header.Get("Content-Length") != want || want != strconv.Itoa(len(getBody)) {
					t.Errorf("HEAD Content-Length %q, GET's %q for %d bytes", res.Header.Get("Content-Length"), want, len(getBody))
				}
			}
			if tc.file != "" {
				cache := "no-cache" // a preview changes with every save
				if fingerprint.MatchString(tc.file) {
					cache = "public, max-age=31536000, immutable" // named after its content
				}
				if got := res.Header.Get("Cache-Control"); got != cache {
					t.Errorf("Cache-Control %q, want %q", got, cache)
				}
				want := string(fileData(t, tc.file))
				if got := strings.Replace(body, string(liveTag(s.state.Load().build)), "", 1); got != want {
					t.Errorf("body less the live tag:\n%s\nwant the file:\n%s", got, want)
				}
			}
		})
	}
}

// TestNoNotFoundPage checks the plain 404 of a site without 404.html.
func TestNoNotFoundPage(t *testing.T) {
	s := New(Options{})
	update(s, []render.File{{Path: "index.html", Data: []byte("<p>hi</p>")}}, Change{All: true})
	res, _ := get(t, s.Handler(), "GET", "/nope")
	if res.StatusCode != 404 {
		t.Errorf("status %d, want 404", res.StatusCode)
	}
}

// TestBeforeFirstBuild checks that, until a build succeeds, every path gets
// a page that carries the live script, so that it can show errors and wait.
func TestBeforeFirstBuild(t *testing.T) {
	s := New(Options{})
	for _, p := range []string{"/", "/concerns/etl/"} {
		res, body := get(t, s.Handler(), "GET", p)
		if res.StatusCode != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", p, res.StatusCode)
		}
		if !strings.Contains(body, string(liveTag(""))) {
			t.Errorf("%s: no live tag in\n%s", p, body)
		}
	}
	update(s, fixture(), Change{})
	if res, _ := get(t, s.Handler(), "GET", "/"); res.StatusCode != 200 {
		t.Errorf("after Update: status %d, want 200", res.StatusCode)
	}
}

// previewOf makes the fixture's files one request at a time, as a build
// under way does, and counts the requests.
func previewOf(files []render.File, asked *int) *testSite {
	site := siteOf(files)
	site.make = func(path string) ([]byte, bool, error) {
		*asked++
		for _, f := range files {
			if f.Path == path {
				return f.Data, true, nil
			}
		}
		return nil, false, nil
	}
	return site
}

// TestPreview checks that, while the first build is being made, pages are
// made as they are asked for and served as the finished build serves them.
func TestPreview(t *testing.T) {
	built := New(Options{})
	update(built, fixture(), Change{})
	s := New(Options{})
	var asked int
	s.Preview(previewOf(fixture(), &asked))
	for _, target := range []string{"/", "/concerns/etl/", "/concerns/etl", "/assets/style.1a2b3c4d.css", "/nowhere/"} {
		res, body := get(t, s.Handler(), "GET", target)
		want, wantBody := get(t, built.Handler(), "GET", target)
		wantBody = strings.ReplaceAll(wantBody, string(liveTag(build(built))), string(liveTag(s.previewBuild)))
		if res.StatusCode != want.StatusCode || body != wantBody || res.Header.Get("Location") != want.Header.Get("Location") {
			t.Errorf("%s in preview: %d %q %q; built: %d %q %q", target, res.StatusCode, res.Header.Get("Location"), body, want.StatusCode, want.Header.Get("Location"), wantBody)
		}
	}
	if asked == 0 {
		t.Error("the preview made no file")
	}
}

// TestPreviewError checks that a page the preview fails to make answers
// with the error rather than a blank page.
func TestPreviewError(t *testing.T) {
	s := New(Options{})
	site := siteOf(fixture())
	site.make = func(string) ([]byte, bool, error) {
		return nil, true, errors.New("themes/x/layouts/concern.html:3: template: boom")
	}
	s.Preview(site)
	res, body := get(t, s.Handler(), "GET", "/concerns/etl/")
	if res.StatusCode != http.StatusInternalServerError || !strings.Contains(body, "concern.html:3") {
		t.Errorf("status %d, body %q; want 500 naming the template", res.StatusCode, body)
	}
}
