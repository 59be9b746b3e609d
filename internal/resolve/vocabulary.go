package resolve

import (
	"fmt"
	"slices"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
)

// Vocabulary is what a site decides its frontmatter may say: the levels of
// its scale, its statuses and the slugs of its teams. Editors' schemas and
// new files are written in it.
type Vocabulary struct {
	Scoring model.Scoring // as site.yaml sets it, or the defaults
	Teams   []string      // the slugs of the site's teams, sorted
}

// VocabularyOf reads a site's vocabulary as a build would, even from a site
// with errors: what site.yaml gets wrong falls back to the defaults, as it
// does in a build, and its errors come back beside the vocabulary. A team
// file whose name would make a poor URL is left out, as a build leaves it.
func VocabularyOf(site *load.Site) (Vocabulary, model.ErrorList) {
	var errs model.ErrorList
	v := Vocabulary{Scoring: model.DefaultScoring()}
	if site.Config != nil {
		v.Scoring = config(site.Config, &errs).Scoring
	}
	for _, d := range site.Docs {
		if d.Kind == load.KindTeam && model.Slugify(d.Slug) == d.Slug && !slices.Contains(v.Teams, d.Slug) {
			v.Teams = append(v.Teams, d.Slug)
		}
	}
	slices.Sort(v.Teams)
	errs.Sort()
	return v, errs
}

// CheckTeam reports whether written is the slug of one of the site's
// teams, and if not, says how to write it as a build would: the slug of
// the team whose name was written, a near slug, or the slugs there are.
func (v Vocabulary) CheckTeam(written string) error {
	switch {
	case slices.Contains(v.Teams, written):
		return nil
	case len(v.Teams) == 0:
		return fmt.Errorf("unknown team %q (the site has no teams yet: add one to content/teams/ first)", written)
	}
	if slug := model.Slugify(written); slices.Contains(v.Teams, slug) {
		return fmt.Errorf("unknown team %q (write the team's slug: %s)", written, slug)
	}
	return fmt.Errorf("unknown team %q (%s)", written, suggest(written, v.Teams))
}
