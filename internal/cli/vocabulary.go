package cli

import (
	"errors"
	"fmt"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/resolve"
)

// siteVocabulary reads the words a site's frontmatter is written in: its
// levels, statuses and teams. Errors in the content do not matter here,
// but errors in site.yaml do: schemas or new files made from the defaults
// instead would disagree with the site. They come back as a *configError.
func siteVocabulary(siteDir string) (resolve.Vocabulary, error) {
	site, err := load.LoadFrontmatter(siteDir)
	var list model.ErrorList
	if err != nil && !errors.As(err, &list) {
		return resolve.Vocabulary{}, err
	}
	var configErrs model.ErrorList
	for _, e := range list {
		if e.File == load.ConfigFile {
			configErrs = append(configErrs, e)
		}
	}
	if len(configErrs) > 0 {
		return resolve.Vocabulary{}, &configError{list: configErrs, missing: site.Config == nil}
	}
	v, configErrs := resolve.VocabularyOf(site)
	if len(configErrs) > 0 {
		return resolve.Vocabulary{}, &configError{list: configErrs}
	}
	return v, nil
}

// configError is what is wrong with site.yaml, or that there is none.
type configError struct {
	list    model.ErrorList
	missing bool
}

func (e *configError) Error() string { return e.list.Error() }

// reportSite prints why a command that writes in the site's words could
// not read them, with what to do, and returns the exit code.
func reportSite(env Env, command, siteDir string, err error) int {
	var config *configError
	if !errors.As(err, &config) {
		fmt.Fprintf(env.Stderr, "%s %s: %v\n", programName, command, err)
		return exitFailed
	}
	for _, e := range config.list {
		fmt.Fprintln(env.Stderr, e)
	}
	switch {
	case config.missing && siteAbove(siteDir): // the message says where the site is
		fmt.Fprintf(env.Stderr, "%s %s: nothing was written\n", programName, command)
	case config.missing:
		fmt.Fprintf(env.Stderr, "%s %s: nothing was written (to start a handbook, run handbook init)\n", programName, command)
	default:
		fmt.Fprintf(env.Stderr, "%s %s: nothing was written (fix %s first: %s writes in its levels and statuses)\n", programName, command, load.ConfigFile, command)
	}
	return exitFailed
}

func siteAbove(dir string) bool {
	_, ok := load.SiteAbove(dir)
	return ok
}
