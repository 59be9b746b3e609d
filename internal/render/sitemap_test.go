package render

import (
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// TestSitemap wants every page but the 404 page listed at its full
// address, percent-escaped and then escaped for XML.
func TestSitemap(t *testing.T) {
	s := &Site{Config: model.Config{BaseURL: "https://example.org/a&b/"}}
	got := string(sitemap(s, []*Page{
		{Layout: "overview", Path: ""},
		{Layout: "concern", Path: "concerns/überwachung/"},
		{Layout: "404", Path: "404/"},
	}))
	want := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n" +
		"  <url><loc>https://example.org/a&amp;b/</loc></url>\n" +
		"  <url><loc>https://example.org/a&amp;b/concerns/%C3%BCberwachung/</loc></url>\n" +
		"</urlset>\n"
	if got != want {
		t.Errorf("sitemap:\n%s\nwant:\n%s", got, want)
	}
	s.Config.BaseURL = "https://example.org/"
	if got := string(sitemap(s, []*Page{{Layout: "overview"}})); !strings.Contains(got, "<loc>https://example.org/</loc>") {
		t.Errorf("sitemap:\n%s", got)
	}
}
