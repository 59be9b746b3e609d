package serve

import (
	"net/http"
	"strings"
	"testing"
)

// TestForeignHostRefused checks that pages and the event stream answer only
// to this machine's names and addresses, and to the names given: a page on
// another site that points its own name at 127.0.0.1 gets nothing.
func TestForeignHostRefused(t *testing.T) {
	s := New(Options{Hosts: []string{"council.tunnel.example", ".ngrok.example"}})
	update(s, fixture(), Change{All: true})
	for _, tc := range []struct {
		host string
		ok   bool
	}{
		{"127.0.0.1:1313", true},
		{"localhost:1313", true},
		{"LOCALHOST", true},
		{"preview.localhost:1313", true},
		{"[::1]:1313", true},
		{"192.168.1.20:1313", true},
		{"council.tunnel.example", true},
		{"abc.ngrok.example:443", true},
		{"evil.example:1313", false},
		{"localhost.evil.example", false},
		{"ngrok.example.evil.example", false},
		{"", false},
	} {
		for _, target := range []string{"/", "/concerns/etl/", eventsPath, livePath} {
			req, err := http.NewRequest("HEAD", target, nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = tc.host
			rec := &recorder{header: http.Header{}}
			s.Handler().ServeHTTP(rec, req)
			if got := rec.status != http.StatusForbidden; got != tc.ok {
				t.Errorf("Host %q, %s: status %d, want allowed %v", tc.host, target, rec.status, tc.ok)
			}
		}
	}
	req, _ := http.NewRequest("GET", "/", nil)
	req.Host = "evil.example"
	rec := &recorder{header: http.Header{}}
	s.Handler().ServeHTTP(rec, req)
	if !strings.Contains(rec.body.String(), "--host") {
		t.Errorf("the refusal does not say how to allow a name: %q", rec.body.String())
	}
}

// recorder is a ResponseWriter for requests that must not stream.
type recorder struct {
	header http.Header
	status int
	body   strings.Builder
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
func (r *recorder) WriteHeader(code int) { r.status = code }
