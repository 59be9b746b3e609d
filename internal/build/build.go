// Package build runs the pipeline from a site folder to the files of its
// site: load, then resolve, then render. What happens to the files is the
// caller's: written to disk, served from memory, or only checked. A Session
// keeps what a rebuild can reuse, so that it reads only the files that
// changed and renders only the pages whose inputs changed.
package build

import (
	"errors"
	"io/fs"
	"time"

	"github.com/reliability-council/handbook/internal/history"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
	"github.com/reliability-council/handbook/internal/resolve"
)

// Pending is a build whose sources are read and resolved and whose theme is
// ready: its pages are still to be made.
type Pending struct {
	Handbook *model.Handbook
	job      *render.Job
	done     func(*Pending) // told when Run succeeds; nil outside a session
}

// Map returns the site's map: its files, their URLs, the assets' names.
func (p *Pending) Map() *render.Map { return p.job.Map() }

// File makes the one file at path (relative to the output folder, with
// forward slashes), as Run will; false means the site has no such file.
// It may be called while Run runs.
func (p *Pending) File(path string) ([]byte, bool, error) { return p.job.File(path) }

// Run makes every file of the site and puts each in out as it is made,
// from several goroutines at once, the files in first first; see
// render.Job.Run.
func (p *Pending) Run(out render.Output, first ...string) (render.Stats, error) {
	stats, err := p.job.Run(out, first...)
	if err == nil && p.done != nil {
		p.done(p)
	}
	return stats, err
}

// Start reads, resolves and prepares the site in dir as of the day today,
// for one build: nothing is kept for another. Problems with the sources
// come back together as a model.ErrorList, every problem that load,
// resolve and the theme found, so that one run reports them all.
func Start(dir string, today time.Time) (*Pending, error) {
	h, job, err := prepareOnce(dir, load.LoadFrontmatter, today)
	if err != nil {
		return nil, err
	}
	return &Pending{Handbook: h, job: job}, nil
}

// Check finds every problem a build of the site in dir would meet without
// making the site: it reads and resolves the sources, checks the theme's
// templates against the data they are given, and makes one page of every
// layout. The handbook it returns carries the warnings.
func Check(dir string, today time.Time) (*model.Handbook, error) {
	// Every body is checked for what would cost the Markdown renderer far
	// more than its length, as it is read.
	inspecting := func(dir string) (*load.Site, error) { return load.LoadInspecting(dir, render.CheckBody) }
	h, job, err := prepareOnce(dir, inspecting, today)
	if err != nil {
		return nil, err
	}
	return h, job.Sample()
}

// prepareOnce reads the site in dir with loadFn, resolves and prepares it
// for a single run, keeping nothing for another.
func prepareOnce(dir string, loadFn func(string) (*load.Site, error), today time.Time) (*model.Handbook, *render.Job, error) {
	src, err := loadWithHistory(dir, loadFn, new(history.Cache))
	h, theme, err := resolved(dir, src, err, resolve.ResolveOnce, today)
	if err != nil {
		return nil, nil, err
	}
	job, err := render.Prepare(h, theme, src.Bodies(), nil)
	if err != nil {
		return nil, nil, err
	}
	return h, job, nil
}

// Session builds one site again and again, keeping its sources, what was
// decoded from them, and the pages of the last good build.
type Session struct {
	dir      string
	src      *load.Site
	history  history.Cache // read again only when the repository's HEAD moves
	resolved *resolve.Cache
	config   model.Config // as last read, even from a build that failed
	rendered *render.Cache

	read    error     // what the last Read found wrong with the sources
	day     time.Time // the day of the build under way
	good    *built    // the last good build, while the sources read are still its own; else nil
	started *built    // the build under way
}

// NewSession starts a session for the site in dir; its first Start reads
// everything.
func NewSession(dir string) *Session {
	return &Session{dir: dir, resolved: new(resolve.Cache), rendered: render.NewCache()}
}

// Start begins a build after the sources in changed did (paths relative to
// the site folder, with forward slashes; nil re-reads everything). Its Run
// takes from the last good build every page whose inputs are the same, and
// once it succeeds, the next build compares with it.
func (s *Session) Start(changed []string, today time.Time) (*Pending, error) {
	s.Read(changed, today)
	return s.Resolve()
}

// Read reads the sources in changed again (nil: everything), for a build
// as of the day today that Resolve then starts. When the saves changed
// the bodies of content files and nothing else since the last good build,
// it returns them as an Edit, which remakes the pages that show them
// before anything is resolved; else nil.
func (s *Session) Read(changed []string, today time.Time) *Edit {
	good := s.good
	// Until a build of what is read now succeeds, nothing is good: not
	// even a build started before, which did not read it.
	s.good, s.started = nil, nil
	fronts := make(map[string]*load.Document, len(changed))
	if s.src != nil {
		for _, file := range changed {
			fronts[file] = s.src.Doc(file)
		}
	}
	s.read, s.day = s.readSources(changed), today
	if good == nil || changed == nil || s.read != nil || !today.Equal(good.day) || s.src.History != good.history {
		return nil
	}
	return editOf(good.job, s.src, fronts)
}

// Resolve resolves what Read read and prepares the theme: the build's
// pages are then ready to be made.
func (s *Session) Resolve() (*Pending, error) {
	h, theme, err := resolved(s.dir, s.src, s.read, s.resolved.Resolve, s.day)
	if h != nil {
		s.config = h.Config
	}
	if err != nil {
		return nil, err
	}
	job, err := render.Prepare(h, theme, s.src.Bodies(), s.rendered)
	if err != nil {
		return nil, err
	}
	s.started = &built{job: job, day: s.day, history: s.src.History}
	return &Pending{Handbook: h, job: job, done: s.succeeded}, nil
}

// succeeded takes note that the build p made every file: the next save
// compares with it, unless another build was started since.
func (s *Session) succeeded(p *Pending) {
	if s.started != nil && s.started.job == p.job {
		s.good = s.started
	}
}

// Config returns the site's configuration as last read: that of a build
// which failed on its content, too.
func (s *Session) Config() model.Config { return s.config }

func (s *Session) readSources(changed []string) error {
	if s.src == nil || changed == nil {
		src, err := loadWithHistory(s.dir, load.Load, &s.history)
		if src != nil {
			s.src = src
		}
		return err
	}
	err := s.src.Reload(changed)
	s.src.History = s.history.Read(s.dir)
	return err
}

// loadWithHistory reads the site in dir with loadFn and, beside it, its
// history from git.
func loadWithHistory(dir string, loadFn func(string) (*load.Site, error), cache *history.Cache) (*load.Site, error) {
	past := make(chan *load.History, 1)
	go func() { past <- cache.Read(dir) }()
	src, err := loadFn(dir)
	if src != nil {
		src.History = <-past
	} else {
		<-past
	}
	return src, err
}

// resolved resolves the sources read from dir, with readErr what reading
// them found, and reads the theme, gathering every problem with the
// sources. The handbook comes back even when there are problems, for its
// configuration; it is nil only when the sources could not be read at all.
func resolved(dir string, src *load.Site, readErr error,
	resolveFn func(*load.Site, time.Time) (*model.Handbook, error), today time.Time) (*model.Handbook, fs.FS, error) {
	var errs model.ErrorList
	if readErr != nil && !errors.As(readErr, &errs) {
		return nil, nil, readErr
	}
	if src == nil {
		return nil, nil, errs
	}
	h, err := resolveFn(src, today)
	var more model.ErrorList
	if errors.As(err, &more) {
		errs = append(errs, more...)
	}
	theme, err := load.Theme(dir, h.Config.Theme)
	if errors.As(err, &more) {
		errs = append(errs, more...)
	} else if err != nil {
		return h, nil, err
	}
	if len(errs) > 0 {
		errs.Sort()
		return h, nil, errs
	}
	return h, theme, nil
}
