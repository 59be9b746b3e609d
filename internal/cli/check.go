package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"

	"github.com/reliability-council/handbook/internal/build"
	"github.com/reliability-council/handbook/internal/model"
)

func runCheck(env Env, args []string) int {
	fs := newFlags(env, "check", "[-s SITE_DIR] [--format text|json] [--strict]",
		"Check validates the site as build does, without writing anything: for CI and pre-commit hooks.\nIt prints every error and warning and exits 1 on errors (and on warnings with --strict).")
	siteDir := siteDirFlag(fs)
	format := fs.String("format", "text", "the output `format`: text, one problem per line, or json")
	strict := fs.Bool("strict", false, "fail on warnings too")
	if code, done := parse(env, fs, args); done {
		return code
	}
	if code, done := checkSiteDir(env, "check", *siteDir); done {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(env.Stderr, "%s check: unknown format %q (want text or json)\n", programName, *format)
		return exitUsage
	}
	day, err := today(env)
	if err != nil {
		fmt.Fprintf(env.Stderr, "%s check: %v\n", programName, err)
		return exitUsage
	}

	if env.Getenv("GOGC") == "" {
		debug.SetGCPercent(checkGCPercent)
	}
	report := checkReport{Errors: []problem{}, Warnings: []problem{}}
	h, err := build.Check(*siteDir, day)
	var list model.ErrorList
	switch {
	case errors.As(err, &list):
		report.Errors = problems(list)
	case err != nil:
		report.Errors = []problem{{Message: err.Error()}}
	default:
		report.Warnings = problems(h.Warnings)
	}

	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(report)
	} else {
		report.print(env.Stdout)
	}
	if len(report.Errors) > 0 || (*strict && len(report.Warnings) > 0) {
		return exitFailed
	}
	return exitOK
}

// checkGCPercent is the room the garbage collector leaves check's heap to
// grow into before it collects, as a share of what is live: check holds the
// handbook once, while it is read, and the usual room of as much again
// would double its memory for little. A fixed limit instead would make the
// collector run without end on a handbook whose live heap is over it.
// GOGC in the environment overrides it.
const checkGCPercent = 50

// checkReport is what check found; its JSON form is for tools.
type checkReport struct {
	Errors   []problem `json:"errors"`
	Warnings []problem `json:"warnings"`
}

type problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func problems(list model.ErrorList) []problem {
	out := make([]problem, len(list)) // never nil: JSON shows []
	for i, e := range list {
		out[i] = problem{File: e.File, Line: e.Line, Message: e.Msg}
	}
	return out
}

func (r checkReport) print(out io.Writer) {
	// A large handbook has thousands of warnings: one write each would cost
	// a system call apiece.
	w := bufio.NewWriter(out)
	defer w.Flush()
	for _, p := range r.Errors {
		fmt.Fprintln(w, p)
	}
	for _, p := range r.Warnings {
		p.Message = "warning: " + p.Message
		fmt.Fprintln(w, p)
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(w, "%s (warnings are looked for once the errors are fixed)\n", model.Plural(len(r.Errors), "error"))
		return
	}
	fmt.Fprintf(w, "0 errors, %s\n", model.Plural(len(r.Warnings), "warning"))
}

func (p problem) String() string {
	if p.File == "" {
		return p.Message
	}
	return (&model.Error{File: p.File, Line: p.Line, Msg: p.Message}).Error()
}
