package serve

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// The events' payloads. Each carries the build the server now serves. The
// first event on a stream says the server's state and is marked Connect,
// and tells a page that connects late, after a restart or after falling
// behind, whether it missed a change to itself: Stale.
type (
	// reloadEvent: the pages whose output changed, or All.
	reloadEvent struct {
		Build string   `json:"build"`
		Pages []string `json:"pages"`
		All   bool     `json:"all"`
	}
	// stylesEvent: only stylesheets changed; old URL to new URL.
	stylesEvent struct {
		Build  string            `json:"build"`
		Styles map[string]string `json:"styles"`
	}
	// errorsEvent: the latest rebuild failed; the last good build is served.
	errorsEvent struct {
		Build   string       `json:"build"`
		Connect bool         `json:"connect,omitempty"`
		Stale   bool         `json:"stale,omitempty"`
		Errors  []buildError `json:"errors"`
	}
	// okEvent: the latest build is good.
	okEvent struct {
		Build   string `json:"build"`
		Connect bool   `json:"connect,omitempty"`
		Stale   bool   `json:"stale,omitempty"`
	}
	buildError struct {
		File string `json:"file"`
		Line int    `json:"line"` // 0 for the file as a whole
		Msg  string `json:"msg"`
	}
)

// event formats one Server-Sent Event. The JSON holds no raw newline, so it
// fits the single data line.
func event(name string, payload any) []byte {
	data, _ := json.Marshal(payload) // plain strings, numbers and maps: it cannot fail
	return []byte("event: " + name + "\ndata: " + string(data) + "\n\n")
}

// stateEvent returns the event that opens a stream: where the server is
// now, and whether the page that listens is stale. build is the build the
// page may take as its own from now on.
func stateEvent(st *state, build string, stale bool) []byte {
	if st.failed {
		return event("errors", errorsEvent{Build: build, Connect: true, Stale: stale, Errors: st.errs})
	}
	return event("ok", okEvent{Build: build, Connect: true, Stale: stale})
}

// client is one open event stream.
type client struct {
	events  chan []byte   // formatted events not yet written
	dropped chan struct{} // closed when the client fell behind
	page    string        // the URL path of the page that listens
	shows   string        // the build the page named as it connected
	// unsure is set for a page that connected while the first build was
	// being made, showing a build of another run of the server: whether
	// it is stale is known only once that build is.
	unsure bool
}

// openPage returns the page an event stream listens for, as live.js names
// it (?page=/concerns/etl/): a path of this site, or "". A page's
// index.html is named by its folder, as a rebuild names the pages it
// changed.
func openPage(r *http.Request) string {
	u, err := url.Parse(r.URL.Query().Get("page"))
	if err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	p, ok := cleanPath(u)
	if !ok {
		return ""
	}
	if dir, ok := strings.CutSuffix(p, "/index.html"); ok {
		return dir + "/"
	}
	return p
}

// Open returns the URL paths of the pages open in browsers now, each once,
// sorted: a rebuild makes them first.
func (s *Server) Open() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var pages []string
	for c := range s.clients {
		if c.page != "" && !slices.Contains(pages, c.page) {
			pages = append(pages, c.page)
		}
	}
	slices.Sort(pages)
	return pages
}

// backlog is how many events a client may have unwritten before it is
// dropped. A rebuild sends at most two.
const backlog = 16

// subscribe adds a client for page, which shows build, whose first event
// is the current state. Taking the state under the lock that Update and
// Fail hold means no event is missed or seen twice.
func (s *Server) subscribe(page, build string) *client {
	c := &client{events: make(chan []byte, backlog), dropped: make(chan struct{}), page: page, shows: build}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.state.Load()
	switch {
	case build == st.build:
		c.events <- stateEvent(st, build, false)
	case st.preview:
		// The page is of another run of the server, and the first build,
		// which would say whether the page is as it was, is not made yet:
		// the page keeps its build, and Update reloads it if need be.
		c.unsure = true
		c.events <- stateEvent(st, build, false)
	default:
		c.events <- stateEvent(st, st.build, s.builds.stale(page, build))
	}
	s.clients[c] = struct{}{}
	close(s.arrived)
	s.arrived = make(chan struct{})
	return c
}

// WaitShown waits until each of pages listens again showing build, as a
// page does once its reload has loaded it, or until timeout. A rebuild
// that shows the page open first waits for the browser to load it before
// the rest of the rebuild takes the cores.
func (s *Server) WaitShown(pages []string, build string, timeout time.Duration) {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		shown := s.showing(pages, build)
		arrived := s.arrived
		s.mu.Unlock()
		if shown {
			return
		}
		select {
		case <-arrived:
		case <-deadline.C:
			return
		}
	}
}

// showing reports whether each of pages listens showing build. The caller
// holds s.mu.
func (s *Server) showing(pages []string, build string) bool {
	for _, page := range pages {
		found := false
		for c := range s.clients {
			if c.page == page && c.shows == build {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (s *Server) unsubscribe(c *client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c)
}

// broadcast queues ev for every client without waiting for any. The
// caller holds s.mu.
func (s *Server) broadcast(ev []byte) {
	for c := range s.clients {
		s.send(c, ev)
	}
}

// send queues ev for c without waiting. A client whose backlog is full is
// dropped instead: its browser reconnects, gets the current state first,
// and reloads if its page is stale. The caller holds s.mu.
func (s *Server) send(c *client, ev []byte) {
	select {
	case c.events <- ev:
	default:
		delete(s.clients, c)
		close(c.dropped)
	}
}

// serveEvents streams events to one page until the page goes away, the
// client is dropped, or the server shuts down (which ends r's context).
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx: pass each event on at once
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // a stream outlives any write timeout; not every server has one

	c := s.subscribe(openPage(r), r.URL.Query().Get("build"))
	defer s.unsubscribe(c)
	heartbeat := time.NewTicker(s.heartbeat)
	defer heartbeat.Stop()
	for {
		var msg []byte
		select {
		case <-r.Context().Done():
			return
		case <-c.dropped:
			return
		case msg = <-c.events:
		case <-heartbeat.C:
			// A comment: proxies close streams that stay silent.
			msg = []byte(": keep-alive\n\n")
		}
		if _, err := w.Write(msg); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
