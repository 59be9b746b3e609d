package serve

import (
	"net/http"
	"strings"
)

// Site is a build as the server shows it: which file answers a URL, and the
// files themselves. The build decides how URLs become files; the server
// only asks.
type Site interface {
	// Find returns the file that answers rel, a URL path below the base
	// without its leading slash, or the URL to redirect to instead.
	Find(rel string) (file, redirect string, ok bool)
	// NotFound returns the page that answers a path the site lacks.
	NotFound() (file string, ok bool)
	// File returns a file's bytes; an error when making it failed.
	File(file string) ([]byte, bool, error)
	// Fingerprinted reports a file whose name changes with its content.
	Fingerprinted(file string) bool
}

// serveSite answers p, a URL path, with the file at rel, its place in the
// site. A page's URL without its trailing slash redirects to it; a path
// the site lacks gets the site's 404 page.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, p, rel string) {
	st := s.state.Load()
	if st.site == nil {
		serveFile(w, r, "waiting.html", inject(waitingHTML, ""), http.StatusServiceUnavailable, false)
		return
	}
	file, redirectTo, ok := st.site.Find(strings.TrimPrefix(rel, "/"))
	switch {
	case ok:
		data, _, err := st.site.File(file)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		serveFile(w, r, file, st.page(file, data), http.StatusOK, st.site.Fingerprinted(file))
	case redirectTo != "":
		redirect(w, r, strings.TrimSuffix(p, strings.TrimPrefix(rel, "/"))+redirectTo)
	default:
		s.notFound(w, r)
	}
}

// page returns a file as served: pages with the live-reload tag. The tag is
// added per request, not per build, since a rebuild keeps thousands of pages
// and a reader opens a few.
func (st *state) page(name string, data []byte) []byte {
	if isHTML(name) {
		return inject(data, st.build)
	}
	return data
}

// notFound answers with the site's own 404 page, when it has one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	if st.site != nil {
		if file, ok := st.site.NotFound(); ok {
			if data, ok, err := st.site.File(file); ok && err == nil {
				serveFile(w, r, file, st.page(file, data), http.StatusNotFound, false)
				return
			}
		}
	}
	http.NotFound(w, r)
}
