package render

import (
	"bytes"
	"encoding/xml"
)

// sitemapFile is where search engines find the list of pages.
const sitemapFile = "sitemap.xml"

// sitemap lists every page but the 404 page, for search engines.
func sitemap(s *Site, list []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range list {
		if pageFile(p) == notFoundFile {
			continue
		}
		b.WriteString("  <url><loc>")
		_ = xml.EscapeText(&b, []byte(absolute(s, p.Path)))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
