package build

import (
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/render"
)

// built is a build a session made, as much of it as a later save to
// bodies alone needs.
type built struct {
	job     *render.Job
	day     time.Time
	history *load.History
}

// Edit is a save that changed the bodies of content files and nothing
// else since the last good build: every file's frontmatter reads as it
// did, on the same day, with the same history. Resolving reads only
// frontmatter and copies each body's place in its file, so the build after
// the edit makes the pages that show those bodies exactly as the last
// build makes them with the bodies as they are now. An Edit makes them at
// once, without resolving ten thousand files again first.
type Edit struct {
	job    *render.Job
	bodies map[string]model.Markdown // by content file
}

// editOf returns the edit from the documents before, as they were read
// for the last good build, to the site as now read, or nil when anything
// but a body changed.
func editOf(job *render.Job, site *load.Site, before map[string]*load.Document) *Edit {
	e := &Edit{job: job, bodies: make(map[string]model.Markdown, len(before))}
	for file, old := range before {
		now := site.Doc(file)
		if old == nil || now == nil || now.Kind != old.Kind || now.Line != old.Line || now.FrontHash != old.FrontHash {
			return nil
		}
		e.bodies[file] = now.Body
	}
	return e
}

// Remake makes, of the files given (relative to the output folder), the
// pages of the edited files, as the build after the edit will make them.
// A page that fails, such as one that also shows the body of another
// edited file, is left out: the build makes it.
func (e *Edit) Remake(files []string) map[string][]byte {
	made := map[string][]byte{}
	for _, file := range files {
		if data, ok := e.job.FileWithBodies(file, e.bodies); ok {
			made[file] = data
		}
	}
	return made
}
