package serve

import (
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
)

// Change says what a rebuild changed, so that only affected pages reload.
type Change struct {
	Pages  []string          // URL paths of pages whose output changed, e.g. "/concerns/etl/"; "/" for the overview
	All    bool              // every page changed (or unknown): reload all
	Styles map[string]string // when only stylesheets changed: old URL -> new URL (names are fingerprinted, e.g. /assets/style.1a2b3c4d.css); pages swap the <link> without reloading
}

// Update serves files, a new good build, in place of the last one, clears
// the error overlay and tells open pages what changed. It keeps the files'
// Data without copying it: don't change it afterwards. The first Update
// reloads every page, whatever change says, since pages opened before it
// show a placeholder.
func (s *Server) Update(files []render.File, change Change) {
	s.mu.Lock()
	defer s.mu.Unlock()
	next := &state{site: newSite(files, s.state.Load().site)}
	build := next.site.build
	prev := s.state.Swap(next)
	if prev.site == nil {
		change = Change{All: true}
	}
	if prev.failed {
		s.broadcast(event("ok", okEvent{Build: build}))
	}
	if len(change.Styles) > 0 && !change.All {
		s.broadcast(event("styles", stylesEvent{Build: build, Styles: change.Styles}))
	}
	if change.All || len(change.Pages) > 0 {
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
	next := &state{site: s.state.Load().site, failed: true, errs: list}
	s.state.Store(next)
	s.broadcast(event("errors", errorsEvent{Build: next.build(), Errors: list}))
}
