package serve

// builds remembers the last builds the server served and which pages each
// changed, so that a page whose event stream opens late can be told
// whether it is stale. A page's build name alone cannot say: a rebuild
// serves the pages open in browsers first, under a build of their own, and
// a page that reloads into that build may connect only after the finished
// build, which left it as it was, has replaced it.
type builds struct {
	steps []buildStep // oldest first, at most keptBuilds
}

// buildStep is one build served and what it changed since the one before.
type buildStep struct {
	build string
	pages map[string]bool // URL paths of the pages it changed
	all   bool            // it changed every page, or which is unknown
}

// keptBuilds bounds what builds remembers: a page that shows a build older
// than that reloads, which is always safe.
const keptBuilds = 64

// add records build, served after the last one with change.
func (b *builds) add(build string, change Change) {
	step := buildStep{build: build, all: change.All || len(change.Styles) > 0}
	if !step.all && len(change.Pages) > 0 {
		step.pages = make(map[string]bool, len(change.Pages))
		for _, p := range change.Pages {
			step.pages[p] = true
		}
	}
	if len(b.steps) == keptBuilds {
		b.steps = append(b.steps[:0], b.steps[1:]...)
	}
	b.steps = append(b.steps, step)
}

// stale reports whether page, as served in build, differs from the page
// served now: whether a build since then changed it. A build the server
// does not remember, from before a restart, say, counts as stale.
func (b *builds) stale(page, build string) bool {
	for i := len(b.steps) - 1; i >= 0; i-- {
		step := b.steps[i]
		if step.build == build {
			return false
		}
		if step.all || step.pages[page] {
			return true
		}
	}
	return true
}
