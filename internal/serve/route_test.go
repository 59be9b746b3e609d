package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestPathSafety sends request lines exactly as written, over TCP, so that
// no client cleans them first.
func TestPathSafety(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()

	for _, tc := range []struct {
		target   string
		status   int
		location string
	}{
		{"/../etc/passwd", 400, ""},
		{"/concerns/../../etc/passwd", 400, ""},
		{"/..", 400, ""},
		{"/%2e%2e/", 400, ""},
		{"/%2E%2E/etc/passwd", 400, ""},
		{"/.%2e/etc/passwd", 400, ""},
		{"/..%2f..%2fetc/passwd", 400, ""},
		{"/concerns%2fetl/", 400, ""},
		{"/concerns%2Fetl/", 400, ""},
		{"/concerns/..%5c..", 400, ""},
		{"/concerns/%5cetl", 400, ""},
		{`/concerns\etl`, 400, ""},
		{"/a/%00", 400, ""},
		{"/index.html%00.png", 400, ""},
		{"//concerns//etl/", 302, "/concerns/etl/"},
		{"//evil.example/", 302, "/evil.example/"}, // never a protocol-relative redirect
		{"/./concerns/./etl/", 302, "/concerns/etl/"},
		{"/concerns/etl/.", 302, "/concerns/etl"},
		{"/concerns/etl/", 200, ""},
	} {
		t.Run(tc.target, func(t *testing.T) {
			res, body := rawGet(t, srv.Listener.Addr().String(), tc.target)
			if res.StatusCode != tc.status {
				t.Fatalf("status %d, want %d; body:\n%s", res.StatusCode, tc.status, body)
			}
			if got := res.Header.Get("Location"); got != tc.location {
				t.Errorf("Location %q, want %q", got, tc.location)
			}
			if tc.status == 400 && strings.TrimSpace(body) != "bad path" {
				t.Errorf("body %q, want bad path", body)
			}
		})
	}
}

// rawGet sends GET target as the request line and reads the response.
func rawGet(t *testing.T, addr, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target); err != nil {
		t.Fatal(err)
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, string(body)
}
