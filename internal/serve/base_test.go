package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestServesBelowBase serves a site whose baseURL has a path where its
// links expect it.
func TestServesBelowBase(t *testing.T) {
	s := New(Options{Base: "/council/"})
	update(s, fixture(), Change{All: true})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	for _, tc := range []struct {
		path     string
		status   int
		location string
	}{
		{"/council/", 200, ""},
		{"/council/concerns/etl/", 200, ""},
		{"/council/concerns/etl", 302, "/council/concerns/etl/"},
		{"/", 302, "/council/"},
		{"/council", 302, "/council/"},
		{"/concerns/etl/", 404, ""},
		{"/council/nowhere/", 404, ""},
		{"/_handbook/live.js", 200, ""},
	} {
		res, err := client.Get(srv.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		_ = res.Body.Close()
		if res.StatusCode != tc.status || res.Header.Get("Location") != tc.location {
			t.Errorf("%s: %d %q, want %d %q", tc.path, res.StatusCode, res.Header.Get("Location"), tc.status, tc.location)
		}
	}
}
