package serve

import (
	"github.com/reliability-council/handbook/internal/model"
)

// Change says what a rebuild changed, so that only affected pages reload.
type Change struct {
	Pages  []string          // URL paths of pages whose output changed, e.g. "/concerns/etl/"; "/" for the overview
	All    bool              // every page changed (or unknown): reload all
	Styles map[string]string // when only stylesheets changed: old URL -> new URL (names are fingerprinted, e.g. /assets/style.1a2b3c4d.css); pages swap the <link> without reloading
}

// Preview shows the first build while it is being made: until the first
// Update, each request makes the file it asks for from site. Start-up then
// takes as long as reading the sources, not as long as making every page.
func (s *Server) Preview(site Site) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Store(&state{site: site, build: s.previewBuild, preview: true})
	s.builds.add(s.previewBuild, Change{All: true})
}

// Update serves site, a new good build named build, in place of the last
// one, clears the error overlay and tells open pages what changed. The
// first Update reloads every page, whatever change says, since pages
// opened before it show a placeholder; after a Preview of the same build,
// it reloads none.
func (s *Server) Update(site Site, build string, change Change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.state.Swap(&state{site: site, build: build})
	switch {
	case prev.preview:
		change = Change{Pages: []string{}} // the pages shown are the build's own: they learn its name
	case prev.site == nil:
		change = Change{All: true}
	}
	s.builds.add(build, change)
	s.settle(build)
	if prev.failed {
		s.broadcast(event("ok", okEvent{Build: build}))
	}
	if len(change.Styles) > 0 && !change.All {
		s.broadcast(event("styles", stylesEvent{Build: build, Styles: change.Styles}))
	}
	if change.All || change.Pages != nil {
		pages := change.Pages
		if pages == nil {
			pages = []string{}
		}
		s.broadcast(event("reload", reloadEvent{Build: build, Pages: pages, All: change.All}))
	}
}

// Fail reports a failed rebuild: the last good build stays, and every open
// page, and every page opened until the next Update, shows errs over it.
func (s *Server) Fail(errs model.ErrorList) {
	list := make([]buildError, 0, len(errs))
	for _, e := range errs {
		if e != nil {
			list = append(list, buildError{File: e.File, Line: e.Line, Msg: e.Msg})
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.state.Load()
	// Once the first build has failed, the pages shown while it was made
	// are no longer its own: the next good build tells them what changed.
	next := &state{site: cur.site, build: cur.build, failed: true, errs: list}
	s.state.Store(next)
	s.broadcast(event("errors", errorsEvent{Build: next.build, Errors: list}))
}

// settle reloads the pages that connected while the first build was being
// made, showing a build of another run of the server, if build, now made,
// differs from theirs where they are. The caller holds s.mu.
func (s *Server) settle(build string) {
	for c := range s.clients {
		if !c.unsure {
			continue
		}
		if s.builds.stale(c.page, c.shows) {
			s.send(c, event("reload", reloadEvent{Build: build, Pages: []string{}, All: true}))
		}
		c.unsure = false
	}
}
