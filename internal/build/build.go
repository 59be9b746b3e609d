// Package build runs the pipeline from a site folder to the files of its
// site: load, then resolve, then render. Writing the files is left to the
// caller, so that the dev server can serve them from memory. A Session keeps
// everything between builds, so that a rebuild reads only the files that
// changed and renders only the pages whose inputs changed.
package build

import (
	"bytes"
	"errors"
	"io/fs"
	"sort"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/resolve"
)

// Result is a built site.
type Result struct {
	Handbook *model.Handbook
	Files    []render.File
	// Changed lists the files whose content differs from the last good
	// build's, and those it no longer has; every file on a first build.
	Changed []string
	Stats   render.Stats
}

// Site builds the site in dir as of the day today. Problems with the
// sources come back together as a model.ErrorList, with every problem that
// load and resolve found, so that one run reports them all.
func Site(dir string, today time.Time) (*Result, error) {
	return NewSession(dir).Build(nil, today)
}

// Session builds one site again and again, keeping its sources and its last
// good output in memory.
type Session struct {
	dir      string
	src      *load.Site
	resolved *resolve.Cache // nil for a single build, which has no use for it
	config   model.Config   // as last read, even from a build that failed
	out      *render.Output
}

// NewSession starts a session for the site in dir; its first Build reads
// everything.
func NewSession(dir string) *Session {
	return &Session{dir: dir, resolved: new(resolve.Cache)}
}

// Build builds the site after the sources in changed did (paths relative to
// the site folder, with forward slashes); nil re-reads everything. A failed
// build keeps the last good output, so the next one is compared with it.
func (s *Session) Build(changed []string, today time.Time) (*Result, error) {
	p, err := s.Start(changed, today)
	if err != nil {
		return nil, err
	}
	return p.Finish()
}

// Start begins a build as Build does: it reads and resolves the sources and
// readies the theme, and stops before the pages are made. Problems with the
// sources come back from Start; the Pending build can then show any one file
// of the site until Finish has made them all.
func (s *Session) Start(changed []string, today time.Time) (*Pending, error) {
	h, theme, err := s.prepare(changed, today)
	if err != nil {
		return nil, err
	}
	job, err := render.Prepare(h, theme, s.out)
	if err != nil {
		return nil, err
	}
	return &Pending{session: s, handbook: h, job: job}, nil
}

// Pending is a build whose pages are still to be made.
type Pending struct {
	session  *Session
	handbook *model.Handbook
	job      *render.Job
}

// File makes the one file at path (relative to the output folder, with
// forward slashes), as Finish will; false means the site has no such file.
// It may be called while Finish runs.
func (p *Pending) File(path string) ([]byte, bool, error) { return p.job.File(path) }

// Finish makes every file and completes the build.
func (p *Pending) Finish() (*Result, error) {
	s := p.session
	out, stats, err := p.job.Finish()
	if err != nil {
		return nil, err
	}
	result := &Result{Handbook: p.handbook, Files: out.Files, Changed: diff(s.out, out), Stats: stats}
	s.out = out
	return result, nil
}

// Stream builds the site in dir and hands each file to emit as soon as it is
// made, keeping none, so that a large site is written with little memory.
// On problems with the sources nothing is emitted. The Result has no Files.
func Stream(dir string, today time.Time, emit func(render.File) error) (*Result, error) {
	once := &Session{dir: dir}
	h, theme, err := once.prepare(nil, today)
	if err != nil {
		return nil, err
	}
	stats, err := render.Stream(h, theme, emit)
	if err != nil {
		return nil, err
	}
	return &Result{Handbook: h, Stats: stats}, nil
}

// prepare reads what changed and resolves the handbook and its theme,
// gathering every problem with the sources.
func (s *Session) prepare(changed []string, today time.Time) (*model.Handbook, fs.FS, error) {
	var errs model.ErrorList
	if err := s.read(changed); err != nil {
		if !errors.As(err, &errs) {
			return nil, nil, err
		}
	}
	var h *model.Handbook
	var err error
	if s.resolved != nil {
		h, err = s.resolved.Resolve(s.src, today)
	} else {
		h, err = resolve.Resolve(s.src, today)
	}
	s.config = h.Config
	var more model.ErrorList
	if errors.As(err, &more) {
		errs = append(errs, more...)
	}
	theme, err := load.Theme(s.dir, h.Config.Theme)
	if errors.As(err, &more) {
		errs = append(errs, more...)
	} else if err != nil {
		return nil, nil, err
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, nil, errs
	}
	return h, theme, nil
}

// Config returns the site's configuration as last read: that of a build
// which failed on its content, too.
func (s *Session) Config() model.Config { return s.config }

func (s *Session) read(changed []string) error {
	if s.src == nil || changed == nil {
		src, err := load.Load(s.dir)
		if src != nil {
			s.src = src
		}
		return err
	}
	return s.src.Reload(changed)
}

// diff lists the paths whose content differs between two outputs, sorted.
func diff(old, cur *render.Output) []string {
	var changed []string
	before := map[string][]byte{}
	if old != nil {
		for _, f := range old.Files {
			before[f.Path] = f.Data
		}
	}
	for _, f := range cur.Files {
		prev, ok := before[f.Path]
		if !ok || !bytes.Equal(prev, f.Data) {
			changed = append(changed, f.Path)
		}
		delete(before, f.Path)
	}
	for p := range before {
		changed = append(changed, p)
	}
	sort.Strings(changed)
	return changed
}
