package serve

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/render"
)

// site is one good build, ready to serve from memory.
type site struct {
	// build names the build by its content, so that a page served before a
	// restart of the server is not reloaded when nothing changed.
	build string
	files map[string][]byte // by path as rendered; HTML carries the live-reload tag
}

// newSite indexes files by path and injects the live-reload tag into every
// HTML file. The files' Data is kept, not copied.
func newSite(files []render.File) *site {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b render.File) int { return cmp.Compare(a.Path, b.Path) })
	h := sha256.New()
	for _, f := range sorted {
		// Lengths keep the boundaries between paths and contents unambiguous.
		_, _ = h.Write(binary.AppendUvarint(nil, uint64(len(f.Path))))
		_, _ = h.Write([]byte(f.Path))
		_, _ = h.Write(binary.AppendUvarint(nil, uint64(len(f.Data))))
		_, _ = h.Write(f.Data)
	}
	s := &site{
		build: hex.EncodeToString(h.Sum(nil)[:6]),
		files: make(map[string][]byte, len(files)),
	}
	for _, f := range sorted {
		data := f.Data
		if isHTML(f.Path) {
			data = inject(data, s.build)
		}
		s.files[f.Path] = data
	}
	return s
}

// serveSite answers p, a URL path, with the file at rel, its place in the
// site: rel "/concerns/etl/" is the file concerns/etl/index.html. Without a
// trailing slash it redirects to the page's folder; otherwise it answers
// with the site's 404 page.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, p, rel string) {
	site := s.state.Load().site
	if site == nil {
		serveFile(w, r, "waiting.html", inject(waitingHTML, ""), http.StatusServiceUnavailable)
		return
	}
	name := strings.TrimPrefix(rel, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if data, ok := site.files[name]; ok {
		serveFile(w, r, name, data, http.StatusOK)
		return
	}
	if !strings.HasSuffix(rel, "/") {
		if _, ok := site.files[name+"/index.html"]; ok {
			redirect(w, r, p+"/")
			return
		}
	}
	s.notFound(w, r)
}

// notFound answers with the site's own 404 page, when it has one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	if site := s.state.Load().site; site != nil {
		if data, ok := site.files["404.html"]; ok {
			serveFile(w, r, "404.html", data, http.StatusNotFound)
			return
		}
	}
	http.NotFound(w, r)
}
