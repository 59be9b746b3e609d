package serve

import (
	"net/http"
	"path"
	"strconv"
)

// contentTypes maps the extensions a handbook's site has to their types;
// anything else is served as bytes, never guessed at.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".xml":  "application/xml; charset=utf-8",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".txt":  "text/plain; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".ics":  "text/calendar; charset=utf-8",
}

// contentType returns the type of the file name by its extension.
func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

func isHTML(name string) bool {
	return path.Ext(name) == ".html"
}

// serveFile answers with data as the file name. Browsers must ask again
// before reusing it, since a preview changes with every save, except for
// files named after their content: a reload then needn't fetch the
// stylesheet again.
func serveFile(w http.ResponseWriter, r *http.Request, name string, data []byte, status int, fingerprinted bool) {
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	if fingerprinted {
		h.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		h.Set("Cache-Control", "no-cache")
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data) // the browser went away; nothing to tell it
	}
}
