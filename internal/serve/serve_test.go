package serve

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
)

// TestServeShutsDownWithStreamOpen checks that an open event stream doesn't
// hold up shutdown.
func TestServeShutsDownWithStreamOpen(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	ln, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	st := openStream(t, "http://"+ln.Addr().String())
	st.expect(t, "ok")
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(time.Second):
		t.Fatal("Serve still running 1 s after ctx was done")
	}
	select {
	case <-st.events:
	case <-time.After(time.Second):
		t.Fatal("the stream is still open after shutdown")
	}
	if conn, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		conn.Close()
		t.Error("still listening after shutdown")
	}
}

// TestServeListensOnAddr checks that Serve without a listener listens on
// Options.Addr, with Listen's errors.
func TestServeListensOnAddr(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	s := New(Options{Addr: taken.Addr().String()})
	err = s.Serve(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "is taken") {
		t.Errorf("Serve on a taken Addr: %v, want the port-taken error", err)
	}
}
