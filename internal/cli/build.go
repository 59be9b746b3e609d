package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/write"
)

func runBuild(env Env, args []string) int {
	fs := newFlags(env, "build", "[-s SITE_DIR] [-o OUT_DIR]",
		"Build reads site.yaml and content/ from SITE_DIR and writes the static site to OUT_DIR.\nOn errors it prints each as PATH:LINE: message, exits 1, and leaves OUT_DIR untouched.")
	siteDir := siteDirFlag(fs)
	outDir := fs.String("o", "", "the output `folder` (default SITE_DIR/build)")
	if code, done := parse(env, fs, args); done {
		return code
	}
	if code, done := checkSiteDir(env, "build", *siteDir); done {
		return code
	}
	if *outDir == "" {
		*outDir = write.DefaultDir(*siteDir)
	}
	out, err := write.Open(*siteDir, *outDir) // before any work, and as a usage error
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s build: %v\n", programName, err)
		return exitUsage
	}
	if out.Recovered {
		fmt.Fprintf(env.Stderr, "%s build: an earlier build was stopped while it published; %s is back as it was before that build\n", programName, *outDir)
	}
	day, err := today(env)
	if err != nil {
		out.Abort()
		fmt.Fprintf(env.Stderr, "%s build: %v\n", programName, err)
		return exitUsage
	}

	paceBuild(env)
	start := time.Now()
	pending, err := build.Start(*siteDir, day)
	if err == nil {
		_, err = pending.Run(out)
	}
	if err != nil {
		out.Abort()
		return reportFailure(env, err)
	}
	if err := out.Commit(); err != nil { // it says what became of the folder
		fmt.Fprintf(env.Stderr, "%s build: %v\n", programName, err)
		return exitFailed
	}
	h := pending.Handbook
	fmt.Fprintf(env.Stdout, "built %s, %s, %s: %s in %s (%s)\n",
		model.Plural(len(h.Concerns), "concern"), model.Plural(len(h.Teams), "team"), model.Plural(len(h.Meetings), "meeting"),
		model.Plural(out.Files(), "file"), *outDir, time.Since(start).Round(time.Millisecond))
	if n := len(h.Warnings); n > 0 {
		fmt.Fprintf(env.Stderr, "%s: %s (see them with: handbook check)\n", programName, model.Plural(n, "warning"))
	}
	return exitOK
}

// reportFailure prints every content error, one per line, then a summary.
func reportFailure(env Env, err error) int {
	var list model.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(env.Stderr, e)
		}
		fmt.Fprintf(env.Stderr, "%s: %s; nothing was written\n", programName, model.Plural(len(list), "error"))
		return exitFailed
	}
	fmt.Fprintf(env.Stderr, "%s: %v\nnothing was written\n", programName, err)
	return exitFailed
}
