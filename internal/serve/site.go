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
	files map[string][]byte // by path, as rendered: pages get the live tag when served
	sums  map[string]fileSum
}

// fileSum is the hash of one file's bytes, remembered with where those bytes
// are: a rebuild hands back the very same bytes for every page it did not
// render again, and those need no hashing.
type fileSum struct {
	at  *byte
	len int
	sum [sha256.Size]byte
}

// newSite indexes files by path and names the build. The files' Data is
// kept, not copied. prev, the site before, may be nil.
func newSite(files []render.File, prev *site) *site {
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b render.File) int { return cmp.Compare(a.Path, b.Path) })
	s := &site{files: make(map[string][]byte, len(files)), sums: make(map[string]fileSum, len(files))}
	h := sha256.New()
	for _, f := range sorted {
		sum := prev.sumOf(f)
		s.sums[f.Path] = sum
		s.files[f.Path] = f.Data
		// Lengths keep the boundaries between paths unambiguous.
		_, _ = h.Write(binary.AppendUvarint(nil, uint64(len(f.Path))))
		_, _ = h.Write([]byte(f.Path))
		_, _ = h.Write(sum.sum[:])
	}
	s.build = hex.EncodeToString(h.Sum(nil)[:6])
	return s
}

// sumOf returns the hash of f's bytes, hashing them only when s does not
// already hold the same bytes under the same path.
func (s *site) sumOf(f render.File) fileSum {
	at := firstByte(f.Data)
	if s != nil {
		if old, ok := s.sums[f.Path]; ok && old.at == at && old.len == len(f.Data) && at != nil {
			return old
		}
	}
	return fileSum{at: at, len: len(f.Data), sum: sha256.Sum256(f.Data)}
}

func firstByte(data []byte) *byte {
	if len(data) == 0 {
		return nil
	}
	return &data[0]
}

// serveSite answers p, a URL path, with the file at rel, its place in the
// site: rel "/concerns/etl/" is the file concerns/etl/index.html. Without a
// trailing slash it redirects to the page's folder; otherwise it answers
// with the site's 404 page.
func (s *Server) serveSite(w http.ResponseWriter, r *http.Request, p, rel string) {
	st := s.state.Load()
	if st.site == nil && st.preview == nil {
		serveFile(w, r, "waiting.html", inject(waitingHTML, ""), http.StatusServiceUnavailable)
		return
	}
	name := strings.TrimPrefix(rel, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	data, ok, err := st.file(name)
	switch {
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	case ok:
		serveFile(w, r, name, st.page(name, data), http.StatusOK)
		return
	}
	if !strings.HasSuffix(rel, "/") {
		if _, ok, _ := st.file(name + "/index.html"); ok {
			redirect(w, r, p+"/")
			return
		}
	}
	s.notFound(w, r)
}

// page returns a file as served: pages with the live-reload tag. The tag is
// added per request, not per build, since a rebuild keeps thousands of pages
// and a reader opens a few.
func (st *state) page(name string, data []byte) []byte {
	if isHTML(name) {
		return inject(data, st.build())
	}
	return data
}

// notFound answers with the site's own 404 page, when it has one.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	st := s.state.Load()
	if data, ok, err := st.file("404.html"); ok && err == nil {
		serveFile(w, r, "404.html", st.page("404.html", data), http.StatusNotFound)
		return
	}
	http.NotFound(w, r)
}
