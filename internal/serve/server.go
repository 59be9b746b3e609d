package serve

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Server.
type Options struct {
	Addr string // host:port to listen on, e.g. "127.0.0.1:1313"; used when Serve is given no listener
	// Base is the path the site is served below, ending in /: the path of
	// its baseURL. "" or "/" serves it at the root.
	Base string
	// Hosts are the host names the server answers to besides this
	// machine's own (IP addresses and localhost): a tunnel's, say. A name
	// starting with a dot allows every name below it.
	Hosts []string
}

// Server serves one site as it is rebuilt. Its methods are safe to call from
// several goroutines.
type Server struct {
	opts      Options
	heartbeat time.Duration // between comments on an idle event stream

	state atomic.Pointer[state] // read by every request without a lock

	mu      sync.Mutex // orders state changes with the events that announce them
	clients map[*client]struct{}
	arrived chan struct{} // closed, and made anew, as each page connects
	builds  builds        // what the last builds changed, for pages that connect late
	// previewBuild names the first build while it is being made: a name
	// no other run of the server gives, so that a page from another run
	// never passes for one of this run's.
	previewBuild string
}

// state is what the server shows: the last good build, or the first one
// while it is being made, and whether the latest rebuild failed.
type state struct {
	site Site // nil until the first build starts
	// build names the build shown by its content, so that a page served
	// before a restart of the server is not reloaded when nothing changed.
	// While the first build is being made, it is a name of this run of
	// the server's own; before that, "".
	build string
	// preview is set while the first build is being made and serves
	// each page as it is asked for.
	preview bool
	failed  bool         // the latest rebuild failed
	errs    []buildError // why it failed
}

// New returns a server that has nothing to serve until Update or Fail.
func New(opts Options) *Server {
	s := &Server{
		opts:      opts,
		heartbeat: 15 * time.Second,
		clients:   make(map[*client]struct{}),
		arrived:   make(chan struct{}),
		// The clock, in nanoseconds: two runs on one port are never at once.
		previewBuild: "preview-" + strconv.FormatInt(time.Now().UnixNano(), 36),
	}
	s.state.Store(&state{})
	return s
}

// Handler returns the server's HTTP handler: the site, the live-reload script
// and the event stream.
func (s *Server) Handler() http.Handler {
	return http.HandlerFunc(s.route)
}

// Serve serves on ln until ctx is done, then shuts down: open event streams
// end at once, so that they don't hold the shutdown up. With a nil ln it
// listens on Options.Addr.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	if ln == nil {
		var err error
		if ln, err = Listen(s.opts.Addr); err != nil {
			return err
		}
	}
	// Requests inherit streams, which is cancelled before Shutdown: Shutdown
	// waits for connections to go idle, and an event stream never does.
	streams, endStreams := context.WithCancel(context.Background())
	defer endStreams()
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return streams },
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	endStreams()
	stop, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil {
		_ = srv.Close() // a request that outlived the grace period
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
