package serve

import (
	"net"
	"net/http"
	"strings"
)

// allowedHost reports whether a request's Host names this machine: an IP
// address, localhost or a name below it, or one of the names the server
// was told to accept. A web page elsewhere can point a name of its own at
// 127.0.0.1 (DNS rebinding) and so reach the preview from the reader's
// browser, drafts and all; such a request carries that foreign name, and
// is refused. An address cannot be rebound, so addresses are always fine.
func (s *Server) allowedHost(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	switch {
	case host == "":
		return false
	case net.ParseIP(host) != nil, host == "localhost", strings.HasSuffix(host, ".localhost"):
		return true
	}
	for _, name := range s.opts.Hosts {
		name = strings.TrimSuffix(strings.ToLower(name), ".")
		if host == name || (strings.HasPrefix(name, ".") && strings.HasSuffix(host, name)) {
			return true
		}
	}
	return false
}

// refuseHost answers a request whose Host the server does not accept, and
// says how to accept it.
func refuseHost(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "handbook serve does not answer to the host name "+r.Host+
		": it serves only this machine (localhost, 127.0.0.1). To reach it through another name, such as a tunnel's, start it with --host NAME.",
		http.StatusForbidden)
}
