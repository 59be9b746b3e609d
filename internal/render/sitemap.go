package render

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// sitemapFile is where search engines find the list of pages.
const sitemapFile = "sitemap.xml"

// sitemap lists every page but the 404 page, for search engines.
func sitemap(s *Site, list []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range list {
		if isNotFound(p) {
			continue
		}
		b.WriteString("  <url><loc>")
		if loc := absolute(s, p.Path); strings.ContainsAny(loc, `&<>'"`) {
			_ = xml.EscapeText(&b, []byte(loc))
		} else {
			b.WriteString(loc) // as most addresses, nothing to escape
		}
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
