package serve

import (
	"net/http"
	"net/url"
	"path"
	"strings"
)

// The server's own URLs sit under a prefix that a handbook's pages never use.
const (
	handbookPrefix = "/_handbook/"
	eventsPath     = handbookPrefix + "events"
	livePath       = handbookPrefix + "live.js"
)

// route checks the method and the path, then hands the request to the event
// stream, the live-reload script or the site.
func (s *Server) route(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !s.allowedHost(r) {
		refuseHost(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, "GET, HEAD")
		return
	}
	p, ok := cleanPath(r.URL)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if p != r.URL.Path {
		redirect(w, r, p)
		return
	}
	switch {
	case p == eventsPath:
		if r.Method != http.MethodGet {
			methodNotAllowed(w, "GET")
			return
		}
		s.serveEvents(w, r)
	case p == livePath:
		serveFile(w, r, "live.js", liveJS, http.StatusOK, false)
	case strings.HasPrefix(p, handbookPrefix):
		http.NotFound(w, r)
	default:
		s.serveBelowBase(w, r, p)
	}
}

// serveBelowBase serves the site where its baseURL puts it, so that its
// links work as they do once published: with baseURL
// https://example.org/council/, the overview is at /council/.
func (s *Server) serveBelowBase(w http.ResponseWriter, r *http.Request, p string) {
	base := s.opts.Base
	switch {
	case base == "" || base == "/":
		s.serveSite(w, r, p, p)
	case strings.HasPrefix(p, base):
		s.serveSite(w, r, p, "/"+strings.TrimPrefix(p, base))
	case p == "/" || p+"/" == base:
		redirect(w, r, base)
	default:
		s.notFound(w, r)
	}
}

// cleanPath returns the URL's path without . segments and repeated slashes,
// keeping a final slash. It refuses what could reach outside the site or
// mean one thing here and another to a filesystem: a .. segment (encoded or
// not), a backslash, a NUL, and an encoded slash, which the decoded path no
// longer shows.
func cleanPath(u *url.URL) (string, bool) {
	if strings.Contains(strings.ToLower(u.EscapedPath()), "%2f") {
		return "", false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return "", false
		}
	}
	clean := path.Clean(p)
	if strings.HasSuffix(p, "/") && clean != "/" {
		clean += "/"
	}
	return clean, true
}

// redirect sends the browser to the site path p, keeping the query. The
// redirect is temporary: the site changes under a dev server, and a browser
// remembers a permanent redirect long after it stops being true.
func redirect(w http.ResponseWriter, r *http.Request, p string) {
	to := url.URL{Path: p, RawQuery: r.URL.RawQuery}
	http.Redirect(w, r, to.String(), http.StatusFound)
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}
