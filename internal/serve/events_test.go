package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
)

// sse is one event or comment read from a stream.
type sse struct {
	name    string
	data    payload
	raw     string // the data line as sent
	comment string
}

// payload holds the fields of every kind of event.
type payload struct {
	Build   string            `json:"build"`
	Connect bool              `json:"connect"`
	Stale   bool              `json:"stale"`
	Pages   []string          `json:"pages"`
	All     bool              `json:"all"`
	Styles  map[string]string `json:"styles"`
	Errors  []buildError      `json:"errors"`
}

// stream is an event stream read in the background.
type stream struct {
	res    *http.Response
	events chan sse // closed when the stream ends
}

// startServer serves s on a test server that stops with the test.
func startServer(t *testing.T, s *Server) string {
	t.Helper()
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// openStream connects to the event stream at base. The connection is cut
// when the test ends, before the server stops (cleanups run last first).
func openStream(t *testing.T, base string, query ...string) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, err := http.NewRequestWithContext(ctx, "GET", base+eventsPath+strings.Join(query, ""), nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != 200 {
		t.Fatalf("events: status %d", res.StatusCode)
	}
	st := &stream{res: res, events: make(chan sse, 100)}
	go func() {
		defer close(st.events)
		defer res.Body.Close()
		sc := bufio.NewScanner(res.Body)
		var ev sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case line == "":
				if ev.name != "" || ev.comment != "" {
					st.events <- ev
				}
				ev = sse{}
			case strings.HasPrefix(line, ":"):
				ev.comment = strings.TrimSpace(line[1:])
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.raw = line[len("data: "):]
				if err := json.Unmarshal([]byte(ev.raw), &ev.data); err != nil {
					ev.name = "bad JSON: " + err.Error()
				}
			}
		}
	}()
	return st
}

// next returns the next event, skipping comments.
func (st *stream) next(t *testing.T) sse {
	t.Helper()
	for {
		select {
		case ev, ok := <-st.events:
			if !ok {
				t.Fatal("the stream ended")
			}
			if ev.name != "" {
				return ev
			}
		case <-time.After(3 * time.Second):
			t.Fatal("no event within 3 s")
		}
	}
}

// expect reads the next event and checks its name.
func (st *stream) expect(t *testing.T, name string) payload {
	t.Helper()
	ev := st.next(t)
	if ev.name != name {
		t.Fatalf("event %q %s, want %q", ev.name, ev.raw, name)
	}
	return ev.data
}

// changed returns the fixture with the overview edited.
func changed(text string) []render.File {
	files := fixture()
	for i, f := range files {
		if f.Path == "index.html" {
			files[i].Data = []byte(strings.Replace(string(f.Data), "Overview", text, 2))
		}
	}
	return files
}

func build(s *Server) string { return s.state.Load().build }

func TestEventStreamHeaders(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	st := openStream(t, startServer(t, s))
	for name, want := range map[string]string{
		"Content-Type":      "text/event-stream",
		"Cache-Control":     "no-cache",
		"X-Accel-Buffering": "no",
	} {
		if got := st.res.Header.Get(name); got != want {
			t.Errorf("%s %q, want %q", name, got, want)
		}
	}
	if got := st.expect(t, "ok"); got.Build != build(s) || !got.Connect {
		t.Errorf("first event %+v, want ok with connect and build %s", got, build(s))
	}
}

func TestEventReloadNamesPages(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	old := build(s)
	st := openStream(t, startServer(t, s))
	st.expect(t, "ok")

	update(s, changed("Start here"), Change{Pages: []string{"/x/"}})
	got := st.expect(t, "reload")
	if !reflect.DeepEqual(got.Pages, []string{"/x/"}) || got.All || got.Connect {
		t.Errorf("reload %+v, want pages [/x/] only", got)
	}
	if got.Build != build(s) || got.Build == old {
		t.Errorf("reload build %s, want the new build %s (old %s)", got.Build, build(s), old)
	}

	update(s, changed("Again"), Change{All: true})
	if got := st.expect(t, "reload"); !got.All || got.Pages == nil {
		t.Errorf("reload %+v, want all, with pages an empty list", got)
	}
}

func TestEventStyles(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	st := openStream(t, startServer(t, s))
	st.expect(t, "ok")

	swap := map[string]string{"/assets/style.1a2b3c4d.css": "/assets/style.5e6f7a8b.css"}
	update(s, changed("Restyled"), Change{Styles: swap})
	got := st.expect(t, "styles")
	if !reflect.DeepEqual(got.Styles, swap) || got.Build != build(s) {
		t.Errorf("styles %+v, want %v at build %s", got, swap, build(s))
	}
	// No reload follows: the next event is the one sent next.
	s.Fail(model.ErrorList{{File: "a.md", Msg: "x"}})
	st.expect(t, "errors")
}

// xss is an error message that a careless overlay would run.
const xss = `<img src=x onerror=alert(1)>`

func TestEventErrorsThenOK(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	good := build(s)
	st := openStream(t, startServer(t, s))
	st.expect(t, "ok")

	s.Fail(model.ErrorList{
		{File: "content/concerns/etl.md", Line: 3, Msg: "impact: want one of Low, Medium, High, found " + xss},
		nil,
		{File: "site.yaml", Line: 0, Msg: "cannot read"},
	})
	got := st.expect(t, "errors")
	want := []buildError{
		{File: "content/concerns/etl.md", Line: 3, Msg: "impact: want one of Low, Medium, High, found " + xss},
		{File: "site.yaml", Line: 0, Msg: "cannot read"},
	}
	if !reflect.DeepEqual(got.Errors, want) {
		t.Errorf("errors %+v, want %+v", got.Errors, want)
	}
	if got.Build != good || got.Connect {
		t.Errorf("errors at build %s (connect %v), want the last good %s", got.Build, got.Connect, good)
	}

	// The last good site is still served.
	if res, _ := get(t, s.Handler(), "GET", "/"); res.StatusCode != 200 {
		t.Errorf("GET / during failure: status %d", res.StatusCode)
	}

	update(s, changed("Fixed"), Change{Pages: []string{"/"}})
	if ok := st.expect(t, "ok"); ok.Build != build(s) || ok.Connect {
		t.Errorf("ok %+v, want build %s without connect", ok, build(s))
	}
	if got := st.expect(t, "reload"); !reflect.DeepEqual(got.Pages, []string{"/"}) {
		t.Errorf("reload pages %v, want [/]", got.Pages)
	}
}

func TestEventConnectDuringFailure(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	s.Fail(model.ErrorList{{File: "content/teams/data.md", Line: 7, Msg: "unknown team"}})
	st := openStream(t, startServer(t, s))
	got := st.expect(t, "errors")
	if !got.Connect || got.Build != build(s) || len(got.Errors) != 1 || got.Errors[0].Line != 7 {
		t.Errorf("first event %+v, want the errors, with connect and the build", got)
	}
	update(s, changed("Fixed"), Change{Pages: []string{"/"}})
	st.expect(t, "ok")
	st.expect(t, "reload")
}

// TestEventPreviewThenBuild: pages shown by the preview are the first
// build's own, so when it is finished none reloads; each learns the build's
// name, which a reconnect compares.
func TestEventPreviewThenBuild(t *testing.T) {
	s := New(Options{})
	var asked int
	s.Preview(previewOf(fixture(), &asked))
	st := openStream(t, startServer(t, s), "?page=/&build="+s.previewBuild)
	if got := st.expect(t, "ok"); got.Build != s.previewBuild || !got.Connect || got.Stale {
		t.Errorf("first event %+v, want ok with the preview's build", got)
	}
	update(s, fixture(), Change{All: true})
	got := st.expect(t, "reload")
	if got.All || got.Pages == nil || len(got.Pages) != 0 || got.Build != build(s) {
		t.Errorf("reload %+v, want no pages and build %s", got, build(s))
	}
}

// TestEventFirstBuildReloadsAll: pages opened before the first good build
// show a placeholder, so the first build reloads them all.
func TestEventFirstBuildReloadsAll(t *testing.T) {
	s := New(Options{})
	st := openStream(t, startServer(t, s))
	if got := st.expect(t, "ok"); got.Build != "" || !got.Connect {
		t.Errorf("first event %+v, want ok with no build", got)
	}
	s.Fail(model.ErrorList{{File: "site.yaml", Line: 1, Msg: "bad"}})
	if got := st.expect(t, "errors"); got.Build != "" {
		t.Errorf("errors build %q, want none", got.Build)
	}
	update(s, fixture(), Change{Pages: []string{"/x/"}})
	st.expect(t, "ok")
	if got := st.expect(t, "reload"); !got.All {
		t.Errorf("reload %+v, want all", got)
	}
}

// TestEventStaleOnConnect: a page whose stream opens late is told it is
// stale only when a build since its own changed it. A rebuild shows the
// open page first, under a build of its own, and the page, reloaded into
// it, may connect once the finished build has replaced that one without
// changing the page: it must not reload again.
func TestEventStaleOnConnect(t *testing.T) {
	s := New(Options{})
	base := startServer(t, s)
	connect := func(page, build string) payload {
		t.Helper()
		return openStream(t, base, "?page="+page+"&build="+build).expect(t, "ok")
	}
	update(s, fixture(), Change{All: true})
	first := build(s)
	update(s, changed("Shown first"), Change{Pages: []string{"/"}})
	early := build(s)
	update(s, changed("Shown first and finished"), Change{Pages: []string{"/concerns/"}})
	now := build(s)

	for _, c := range []struct {
		page, build string
		stale       bool
	}{
		{"/", now, false},
		{"/", early, false},              // the finished build left it as shown first
		{"/index.html", early, false},    // the same page, by its file
		{"/concerns/", early, true},      // the finished build changed it
		{"/concerns/etl/", first, false}, // no build since changed it
		{"/", first, true},
		{"/index.html", first, true}, // changed since, by its folder's name
		{"/", "0123456789ab", true},  // a build this server never served: it restarted
	} {
		got := connect(c.page, c.build)
		if !got.Connect || got.Stale != c.stale || got.Build != now {
			t.Errorf("%s at build %s: connect %v, stale %v at build %s; want stale %v at %s", c.page, c.build, got.Connect, got.Stale, got.Build, c.stale, now)
		}
	}

	// A stylesheet swapped in place changes every page's link.
	update(s, changed("Restyled"), Change{Styles: map[string]string{"/assets/style.1a2b3c4d.css": "/assets/style.5e6f7a8b.css"}})
	if got := connect("/concerns/etl/", now); !got.Stale {
		t.Errorf("after a stylesheet swap, a page of the build before is not stale")
	}
	// During a failure, the errors say it too.
	s.Fail(model.ErrorList{{File: "a.md", Line: 1, Msg: "x"}})
	if got := openStream(t, base, "?page=/&build="+first).expect(t, "errors"); !got.Stale || !got.Connect {
		t.Errorf("errors on connect %+v, want stale", got)
	}
}

// TestEventStaleAcrossRuns: a page of another run of the server is stale
// unless its build is the one now served. While the first build is being
// made that is not known yet, so the page waits for it, and is reloaded
// then only if the build differs from its own.
func TestEventStaleAcrossRuns(t *testing.T) {
	old := New(Options{})
	old.Preview(previewOf(fixture(), new(int)))
	oldPreview := build(old)
	update(old, fixture(), Change{All: true})
	same := build(old)
	update(old, changed("Changed while the server was stopped"), Change{Pages: []string{"/"}})
	edited := build(old)

	s := New(Options{})
	if s.previewBuild == old.previewBuild {
		t.Fatalf("two runs name their first build alike: %s", s.previewBuild)
	}
	s.Preview(previewOf(fixture(), new(int)))
	base := startServer(t, s)
	waiting := openStream(t, base, "?page=/&build=")                     // the waiting page
	fromPreview := openStream(t, base, "?page=/&build="+oldPreview)      // shown by the other run while it built
	unchanged := openStream(t, base, "?page=/concerns/etl/&build="+same) // the site is as it was
	stale := openStream(t, base, "?page=/&build="+edited)                // the site changed since
	for name, st := range map[string]*stream{"waiting": waiting, "from the other preview": fromPreview, "unchanged": unchanged, "stale": stale} {
		if got := st.expect(t, "ok"); got.Stale {
			t.Errorf("%s: told stale while the first build is being made: it cannot be known yet", name)
		}
	}

	update(s, fixture(), Change{All: true})
	if build(s) != same {
		t.Fatalf("the same files are named %s, then %s", same, build(s))
	}
	for name, st := range map[string]*stream{"waiting": waiting, "from the other preview": fromPreview, "stale": stale} {
		if got := st.expect(t, "reload"); !got.All && !slices.Contains(got.Pages, "/") {
			t.Errorf("%s: reload %+v once the first build is made, want this page", name, got)
		}
	}
	if got := unchanged.expect(t, "reload"); got.All || slices.Contains(got.Pages, "/concerns/etl/") {
		t.Errorf("a page as the first build made it is reloaded: %+v", got)
	}

	// Once it is made, the same answers come at once.
	for _, c := range []struct {
		page, build string
		stale       bool
	}{
		{"/", "", true},
		{"/", oldPreview, true},
		{"/", edited, true},
		{"/concerns/etl/", same, false},
		{"/concerns/etl/", s.previewBuild, false}, // shown by this run while it built
	} {
		if got := openStream(t, base, "?page="+c.page+"&build="+c.build).expect(t, "ok"); got.Stale != c.stale {
			t.Errorf("%s at build %q: stale %v, want %v", c.page, c.build, got.Stale, c.stale)
		}
	}
}

// TestEventFailedFirstBuild: pages shown while a first build that failed
// was being made are reloaded by the next good build.
func TestEventFailedFirstBuild(t *testing.T) {
	s := New(Options{})
	s.Preview(previewOf(fixture(), new(int)))
	st := openStream(t, startServer(t, s), "?page=/&build="+s.previewBuild)
	st.expect(t, "ok")
	s.Fail(model.ErrorList{{File: "a.md", Line: 1, Msg: "x"}})
	st.expect(t, "errors")
	update(s, changed("Fixed"), Change{Pages: []string{"/", "/concerns/"}})
	st.expect(t, "ok")
	if got := st.expect(t, "reload"); !slices.Contains(got.Pages, "/") {
		t.Errorf("after a failed first build, the fix reloads %+v, not the page shown while it was made", got)
	}
}

// TestEventStaleForgets: the server remembers a bounded number of builds;
// a page of an older one reloads, which is always safe.
func TestEventStaleForgets(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	old := build(s)
	for i := range keptBuilds {
		update(s, changed(fmt.Sprint("Edit ", i)), Change{Pages: []string{"/"}})
	}
	if len(s.builds.steps) != keptBuilds {
		t.Errorf("%d builds remembered, want %d", len(s.builds.steps), keptBuilds)
	}
	if got := openStream(t, startServer(t, s), "?page=/concerns/&build="+old).expect(t, "ok"); !got.Stale {
		t.Errorf("a page of a forgotten build is not stale")
	}
}

// TestEventWaitingPageNotStale: before the first build, a page that waits
// for it shows the server's state and must not reload over and over.
func TestEventWaitingPageNotStale(t *testing.T) {
	s := New(Options{})
	if got := openStream(t, startServer(t, s), "?page=/&build=").expect(t, "ok"); got.Stale {
		t.Errorf("the waiting page is stale before any build: it would reload in a loop")
	}
}

func TestEventHeartbeat(t *testing.T) {
	s := New(Options{})
	s.heartbeat = 10 * time.Millisecond
	st := openStream(t, startServer(t, s))
	deadline := time.After(3 * time.Second)
	for {
		select {
		case ev, ok := <-st.events:
			if !ok {
				t.Fatal("the stream ended")
			}
			if ev.comment != "" {
				return
			}
		case <-deadline:
			t.Fatal("no heartbeat within 3 s")
		}
	}
}

// TestSlowClientDropped checks that a client that reads nothing neither
// blocks Fail nor holds up the others, and is dropped so that it resyncs.
func TestSlowClientDropped(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	st := openStream(t, startServer(t, s))
	st.expect(t, "ok")
	slow := s.subscribe("", build(s))

	// The stream that reads keeps up with each event; the slow client
	// reads nothing.
	for range backlog + 4 {
		failed := make(chan struct{})
		go func() {
			defer close(failed)
			s.Fail(model.ErrorList{{File: "a.md", Line: 1, Msg: "x"}})
		}()
		select {
		case <-failed:
		case <-time.After(time.Second):
			t.Fatal("Fail blocked on a client that reads nothing")
		}
		st.expect(t, "errors")
	}
	select {
	case <-slow.dropped:
	default:
		t.Error("the slow client was not dropped")
	}
	s.mu.Lock()
	_, kept := s.clients[slow]
	s.mu.Unlock()
	if kept {
		t.Error("the slow client is still subscribed")
	}
}

// TestDroppedStreamEnds checks that the server ends the stream of a dropped
// client, so that its browser reconnects and starts from the current state.
func TestDroppedStreamEnds(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	st := openStream(t, startServer(t, s))
	st.expect(t, "ok")
	s.mu.Lock()
	for c := range s.clients {
		delete(s.clients, c)
		close(c.dropped)
	}
	s.mu.Unlock()
	select {
	case _, ok := <-st.events:
		if ok {
			t.Fatal("an event after the drop")
		}
	case <-time.After(3 * time.Second):
		t.Fatal("the stream is still open 3 s after the drop")
	}
}

// TestConcurrentUse runs requests and streams while the site is rebuilt, for
// the race detector.
func TestConcurrentUse(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	base := startServer(t, s)
	h := s.Handler()

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				for _, p := range []string{"/", "/concerns/etl/", "/nope", "/assets/logo.png"} {
					rec := httptest.NewRecorder()
					req := httptest.NewRequest("GET", p, nil)
					req.Host = "localhost"
					h.ServeHTTP(rec, req)
					if rec.Code != 200 && rec.Code != 404 {
						t.Errorf("GET %s: status %d", p, rec.Code)
					}
				}
			}
		}()
	}
	streams := make([]*stream, 3)
	for i := range streams {
		streams[i] = openStream(t, base)
		streams[i].expect(t, "ok")
	}
	// Rebuilds come at the pace of a person saving files: each stream reads
	// one rebuild's events before the next, or it would be dropped.
	for i := range 20 {
		want := []string{"errors"}
		if i%2 == 0 {
			s.Fail(model.ErrorList{{File: "a.md", Line: i, Msg: "x"}})
		} else {
			update(s, changed(strings.Repeat("x", i)), Change{Pages: []string{"/"}})
			want = []string{"ok", "reload"}
		}
		for _, st := range streams {
			for _, name := range want {
				st.expect(t, name)
			}
		}
	}
	close(stop)
	wg.Wait()
}

// TestOpenPages checks that the server knows which pages are open, as the
// streams name them, and forgets a page once its stream ends.
func TestOpenPages(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	base := startServer(t, s)
	for _, q := range []string{"?page=%2Fconcerns%2Fetl%2F", "?page=/", "?page=..%2F..%2Fetc", "?page=/"} {
		openStream(t, base, q).expect(t, "ok")
	}
	if got := s.Open(); !slices.Equal(got, []string{"/", "/concerns/etl/"}) {
		t.Errorf("open pages %v, want / and /concerns/etl/", got)
	}
}

// WaitShown returns once the page reloaded listens again naming the build
// it was reloaded into, and not for a page that names an older build; with
// no such page, at its timeout.
func TestWaitShown(t *testing.T) {
	s := New(Options{})
	update(s, fixture(), Change{All: true})
	old := build(s)
	base := startServer(t, s)
	openStream(t, base, "?page=/x/&build="+old).expect(t, "ok")
	update(s, changed("Start here"), Change{Pages: []string{"/x/"}})
	now := build(s)

	start := time.Now()
	s.WaitShown([]string{"/x/"}, now, 200*time.Millisecond)
	if waited := time.Since(start); waited < 200*time.Millisecond {
		t.Errorf("WaitShown returned after %v with only the old build's page listening", waited)
	}

	done := make(chan struct{})
	go func() {
		s.WaitShown([]string{"/x/"}, now, time.Minute)
		close(done)
	}()
	openStream(t, base, "?page=/y/&build="+now).expect(t, "ok") // another page
	select {
	case <-done:
		t.Fatal("WaitShown returned when another page connected")
	case <-time.After(50 * time.Millisecond):
	}
	openStream(t, base, "?page=/x/&build="+now).expect(t, "ok")
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("WaitShown did not return once the page connected with the new build")
	}
}
