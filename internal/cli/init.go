package cli

import (
	"fmt"
	"path/filepath"

	"github.com/reliability-council/handbook/internal/resolve"
	"github.com/reliability-council/handbook/internal/scaffold"
)

func runInit(env Env, args []string) int {
	fs := newFlags(env, "init", "[DIR]",
		"Init starts a new handbook in DIR (default: the current folder): site.yaml, one team, one concern,\n"+
			"one meeting and a page on how concerns are scored, which build and check at once, and the schemas\n"+
			"editors check them with. DIR must be new or empty (but for hidden entries such as .git).")
	named, code, done := parseArgs(env, fs, args, 1)
	if done {
		return code
	}
	dir := "."
	if len(named) == 1 {
		dir = named[0]
	}
	day, err := today(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s init: %v\n", programName, err)
		return exitUsage
	}
	files, err := scaffold.Init(dir, day)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s init: %v\n", programName, err)
		return exitFailed
	}
	// The starter's own words: the defaults and its one team.
	v, err := siteVocabulary(dir)
	if err == nil {
		err = writeSchemas(filepath.Join(dir, filepath.FromSlash(scaffold.SchemaDir)), resolve.SchemaKinds(), v)
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s init: the handbook is written, but not the schemas for editors: %v\n", programName, err)
		return exitFailed
	}

	fmt.Fprintf(env.Stdout, "started a handbook in %s:\n", dir)
	for _, f := range files {
		fmt.Fprintf(env.Stdout, "  %s\n", f.Path)
	}
	fmt.Fprintf(env.Stdout, "  %s/ (schemas for editors: see handbook help schema)\n", scaffold.SchemaDir)
	fmt.Fprintf(env.Stdout, "\nNext, in %s:\n", dir)
	fmt.Fprintf(env.Stdout, "  handbook serve                          preview it as you write\n")
	fmt.Fprintf(env.Stdout, "  handbook new concern SLUG --team TEAM   add a concern, every field explained\n")
	fmt.Fprintf(env.Stdout, "  git init && git add . && git commit     keep it in git, so that its history shows\n")
	return exitOK
}
