// Package cli is the handbook command: it parses arguments, runs the
// pipeline and reports to the terminal. main only calls Run, so end-to-end
// tests start the real program the same way a user does.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailed  = 1 // the sources have errors, or the build could not finish
	exitUsage   = 2 // the command line was wrong
	programName = "handbook"
)

// Env is what the program takes from the world around it.
type Env struct {
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// Context ends long-running commands such as serve, as Ctrl-C does;
	// nil means they run until interrupted.
	Context context.Context
	// Stdin answers the questions new asks; it asks only when Interactive
	// says a person is at a terminal, so that scripts never wait.
	Stdin       io.Reader
	Interactive bool
}

// OS returns the real environment.
func OS() Env {
	return Env{
		Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Now: time.Now,
		Stdin: os.Stdin, Interactive: term.IsTerminal(int(os.Stdin.Fd())),
	}
}

type command struct {
	name    string
	summary string
	run     func(env Env, args []string) int
}

func commands() []command {
	return []command{
		{"build", "build the handbook into a static site", runBuild},
		{"check", "validate the sources without writing anything", runCheck},
		{"serve", "preview the handbook locally, rebuilding on every save", runServe},
		{"init", "start a new handbook that builds at once", runInit},
		{"new", "add a concern, meeting, team or page, every field explained", runNew},
		{"schema", "write JSON Schemas of the frontmatter for editors", runSchema},
		{"version", "print the version", runVersion},
		{"help", "show help for a command", runHelp},
	}
}

// Run runs the program with args (without the program name) and returns its
// exit code.
func Run(env Env, args []string) int {
	if len(args) == 0 {
		usage(env.Stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(env.Stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(env, nil)
	}
	if c, ok := commandNamed(args[0]); ok {
		return c.run(env, args[1:])
	}
	if strings.HasPrefix(args[0], "-") {
		// handbook -s site build: the flags belong to a command.
		example := programName + " build " + strings.Join(args, " ")
		for i, arg := range args {
			if _, ok := commandNamed(arg); ok {
				example = strings.Join(append([]string{programName, arg}, slices.Delete(slices.Clone(args), i, i+1)...), " ")
				break
			}
		}
		fmt.Fprintf(env.Stderr, "%s: %s is a flag, and flags go after the command, as in: %s\n\n", programName, args[0], example)
	} else {
		fmt.Fprintf(env.Stderr, "%s: unknown command %q\n\n", programName, args[0])
	}
	usage(env.Stderr)
	return exitUsage
}

// commandNamed returns the command called name; false when there is none.
func commandNamed(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "%s turns a reliability council's Markdown into a static handbook.\n\nUsage:\n\n  %s <command> [flags]\n\nCommands:\n\n", programName, programName)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nRun '%s help <command>' for a command's flags.\n", programName)
}

func runHelp(env Env, args []string) int {
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		fs := newFlags(env, "help", "[command]", "Help prints what handbook does, or how to use one of its commands.")
		code, _ := parse(env, fs, args)
		return code
	}
	if len(args) == 0 {
		usage(env.Stdout)
		return exitOK
	}
	if c, ok := commandNamed(args[0]); ok {
		return c.run(env, []string{"-h"})
	}
	fmt.Fprintf(env.Stderr, "%s help: unknown command %q\n", programName, args[0])
	return exitUsage
}

// newFlags returns a flag set whose -h prints the command's usage to stdout.
func newFlags(env Env, name, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: %s\n\n%s\n", strings.TrimSpace(programName+" "+name+" "+args), about)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(fs.Output(), "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// siteDirFlag defines -s, the folder of the site a command works on.
func siteDirFlag(fs *flag.FlagSet) *string {
	return fs.String("s", ".", "the site `folder`, holding site.yaml")
}

// checkSiteDir reports a site folder that is not there as the mistake in
// the command it is, before any work: said as a site.yaml not found in it,
// serve would wait for one to be written.
func checkSiteDir(env Env, command, dir string) (code int, done bool) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(env.Stderr, "%s %s: site folder %s does not exist (run handbook in the folder that holds site.yaml, or name it with -s)\n", programName, command, dir)
	case err != nil:
		fmt.Fprintf(env.Stderr, "%s %s: site folder: %v\n", programName, command, err)
	case !info.IsDir():
		fmt.Fprintf(env.Stderr, "%s %s: %s is a file, not a site folder (name the folder that holds site.yaml with -s)\n", programName, command, dir)
	default:
		return exitOK, false
	}
	return exitUsage, true
}

// parse parses flags; done is set when the command should stop with code.
func parse(env Env, fs *flag.FlagSet, args []string) (code int, done bool) {
	fs.SetOutput(io.Discard)
	if code, done := flagError(env, fs, fs.Parse(args)); done {
		return code, done
	}
	if fs.NArg() > 0 {
		return unexpected(env, fs, fs.Arg(0))
	}
	return exitOK, false
}

// parseArgs parses the flags of a command that takes up to most arguments,
// and returns the arguments. Flags may come after them too, as people
// write them (handbook new concern x --team ops); after --, everything is
// an argument.
func parseArgs(env Env, fs *flag.FlagSet, args []string, most int) (positional []string, code int, done bool) {
	fs.SetOutput(io.Discard)
	for {
		if code, done := flagError(env, fs, fs.Parse(args)); done {
			return nil, code, done
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional, args = append(positional, rest[0]), rest[1:]
	}
	if len(positional) > most {
		code, done := unexpected(env, fs, positional[most])
		return nil, code, done
	}
	return positional, exitOK, false
}

// flagError reports a failure to parse flags; -h prints the usage.
func flagError(env Env, fs *flag.FlagSet, err error) (code int, done bool) {
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.SetOutput(env.Stdout)
		fs.Usage()
		return exitOK, true
	case err != nil:
		fs.SetOutput(env.Stderr)
		fmt.Fprintf(env.Stderr, "%s %s: %v\n", programName, fs.Name(), err)
		fs.Usage()
		return exitUsage, true
	}
	return exitOK, false
}

func unexpected(env Env, fs *flag.FlagSet, arg string) (code int, done bool) {
	fmt.Fprintf(env.Stderr, "%s %s: unexpected argument %q\n", programName, fs.Name(), arg)
	fs.SetOutput(env.Stderr)
	fs.Usage()
	return exitUsage, true
}

// lastEpoch is the last second of 9999, the last year a date is written
// YYYY-MM-DD in.
const lastEpoch = 253402300799

// today is the build date: the day of SOURCE_DATE_EPOCH when it is set, so
// that builds of the same sources are identical, or else today in UTC.
func today(env Env) (time.Time, error) {
	now := env.Now()
	if s := env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
		}
		if sec < 0 || sec > lastEpoch {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s is outside 1970 to 9999 (want seconds since 1970, from 0 to %d)", s, lastEpoch)
		}
		now = time.Unix(sec, 0)
	}
	y, m, d := now.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}
