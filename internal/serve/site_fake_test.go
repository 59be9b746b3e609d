package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/render"
)

// testSite serves a list of files the way handbook's site map does: a
// folder's index.html answers the folder's URL, and a page's URL without
// its final slash redirects to it. (The real map is checked against the
// built site by cmd/handbook's tests.)
type testSite struct {
	files map[string][]byte
	make  func(path string) ([]byte, bool, error) // for a preview: each file made when asked for
}

func siteOf(files []render.File) *testSite {
	s := &testSite{files: map[string][]byte{}}
	for _, f := range files {
		s.files[f.Path] = f.Data
	}
	return s
}

func (s *testSite) Find(rel string) (string, string, bool) {
	if rel == "" || strings.HasSuffix(rel, "/") {
		if _, ok := s.files[rel+"index.html"]; ok {
			return rel + "index.html", "", true
		}
		return "", "", false
	}
	if _, ok := s.files[rel]; ok {
		return rel, "", true
	}
	if _, ok := s.files[rel+"/index.html"]; ok {
		return "", rel + "/", false
	}
	return "", "", false
}

func (s *testSite) NotFound() (string, bool) {
	_, ok := s.files["404.html"]
	return "404.html", ok
}

func (s *testSite) File(path string) ([]byte, bool, error) {
	if s.make != nil {
		return s.make(path)
	}
	data, ok := s.files[path]
	return data, ok, nil
}

var fingerprint = regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)$`)

func (s *testSite) Fingerprinted(path string) bool { return fingerprint.MatchString(path) }

// update serves files as a new build, named after their content.
func update(s *Server, files []render.File, change Change) {
	site := siteOf(files)
	h := sha256.New()
	paths := make([]string, 0, len(files))
	for p := range site.files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		_, _ = h.Write([]byte(p + "\x00"))
		_, _ = h.Write(site.files[p])
	}
	s.Update(site, hex.EncodeToString(h.Sum(nil)[:6]), change)
}
