package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/resolve"
	"github.com/reliability-council/handbook/internal/scaffold"
)

func runNew(env Env, args []string) int {
	fs := newFlags(env, "new", "[-s SITE_DIR] [--team TEAM] [--title TITLE] concern|meeting|team|page SLUG",
		"New writes a new content file named SLUG.md, with every field it may have and a comment on each\n"+
			"saying what it means and what to write, in the site's own levels, statuses and teams.\n"+
			"At a terminal it asks for the title, and for a concern's team, when the flags do not give them.\n"+
			"It never replaces a file that is already there.")
	siteDir := siteDirFlag(fs)
	team := fs.String("team", "", "a new concern's `team`, by slug")
	title := fs.String("title", "", "the new file's `title` (default: made from SLUG)")
	named, code, done := parseArgs(env, fs, args, 2)
	if done {
		return code
	}
	if code, done := checkSiteDir(env, "new", *siteDir); done {
		return code
	}
	if len(named) < 2 {
		fmt.Fprintf(env.Stderr, "%s new: say what to add and its name, e.g. handbook new concern card-retries --team payments\n", programName)
		fs.SetOutput(env.Stderr)
		fs.Usage()
		return exitUsage
	}
	d := scaffold.Draft{Kind: named[0], Slug: named[1], Title: *title, Team: *team}
	path, err := scaffold.Path(d.Kind, d.Slug)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s new: %v\n", programName, err)
		return exitUsage
	}
	if err := scaffold.CheckFree(*siteDir, path); err != nil {
		fmt.Fprintf(env.Stderr, "%s new: %v\n", programName, err)
		return exitFailed
	}
	if d.Today, err = today(env); err != nil {
		fmt.Fprintf(env.Stderr, "%s new: %v\n", programName, err)
		return exitUsage
	}
	v, err := siteVocabulary(*siteDir)
	if err != nil {
		return reportSite(env, "new", *siteDir, err)
	}

	if env.Interactive {
		if err := ask(env, &d, v); err != nil {
			fmt.Fprintf(env.Stderr, "%s new: %v\n", programName, err)
			return exitFailed
		}
	}
	if d.Kind == "concern" && d.Team == "" {
		if len(v.Teams) != 1 {
			fmt.Fprintf(env.Stderr, "%s new: a concern belongs to a team: add --team TEAM (%s)\n", programName, teamChoices(v))
			return exitUsage
		}
		d.Team = v.Teams[0] // the only one there is
	}
	f, err := scaffold.New(d, v)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s new: %v\n", programName, err)
		return exitUsage
	}
	if err := f.Write(*siteDir); err != nil {
		fmt.Fprintf(env.Stderr, "%s new: %v\n", programName, err)
		return exitFailed
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", filepath.Join(*siteDir, filepath.FromSlash(f.Path)))
	if d.Kind == "team" {
		if _, err := os.Stat(filepath.Join(*siteDir, filepath.FromSlash(scaffold.SchemaDir))); err == nil {
			fmt.Fprintf(env.Stdout, "run handbook schema to tell editors of the new team\n")
		}
	}
	return exitOK
}

// ask asks a person at a terminal for what the flags did not give: the
// title, and a concern's team, until it is one the site has. Enter takes
// the default shown, as does the end of input.
func ask(env Env, d *scaffold.Draft, v resolve.Vocabulary) error {
	in := bufio.NewReader(env.Stdin)
	if d.Title == "" {
		// Left empty, a meeting's title follows its date, and the others'
		// is made from the slug: what Enter gives is what New writes.
		label, def := `Title (Enter: "Meeting of" and its date)`, ""
		if d.Kind != "meeting" {
			def = model.Sentence(strings.TrimSuffix(d.Slug, ".md"))
			label = "Title [" + def + "]"
		}
		title, err := prompt(env, in, label)
		if err != nil {
			return err
		}
		if title != "" && title != def {
			d.Title = title
		}
	}
	if d.Kind != "concern" || d.Team != "" || len(v.Teams) == 0 {
		return nil
	}
	label := "Team (" + strings.Join(v.Teams, ", ") + ")"
	if len(v.Teams) == 1 {
		label = "Team [" + v.Teams[0] + "]"
	}
	for {
		team, err := prompt(env, in, label)
		switch {
		case err != nil:
			return err
		case team == "" && len(v.Teams) == 1:
			team = v.Teams[0]
		case team == "":
			return errors.New("no team given (add --team TEAM)")
		}
		if err := v.CheckTeam(team); err != nil {
			fmt.Fprintln(env.Stdout, err)
			continue
		}
		d.Team = team
		return nil
	}
}

// prompt asks one question and returns the answer, trimmed: "" when the
// answer is empty or input has ended.
func prompt(env Env, in *bufio.Reader, label string) (string, error) {
	fmt.Fprintf(env.Stdout, "%s: ", label)
	line, err := in.ReadString('\n')
	if errors.Is(err, io.EOF) {
		fmt.Fprintln(env.Stdout)
		err = nil
	}
	return strings.TrimSpace(line), err
}

// teamChoices names the teams a concern may belong to, or says there are
// none yet.
func teamChoices(v resolve.Vocabulary) string {
	if len(v.Teams) == 0 {
		return "the site has no teams yet: add one first with handbook new team SLUG"
	}
	return "one of " + strings.Join(v.Teams, ", ")
}
