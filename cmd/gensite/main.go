// Command gensite writes a synthetic handbook of any size, for load tests
// and benchmarks, and optionally the equivalent Hugo site:
//
//	gensite -o DIR [-shape default] [-concerns 10000] [-meetings N] [-teams 40] [-seed 1] [-commits N] [-hugo DIR2]
//	gensite -shapes
//
// -commits makes DIR a git repository whose history of N commits ends in
// the handbook (it needs git).
// -shape picks the kind of content (-shapes lists them); -meetings defaults
// to the shape's number. The same flags always give the same files, byte
// for byte.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/reliability-council/handbook/internal/gensite"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gensite", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the handbook's site into this `folder` (required; must be empty or absent)")
	hugo := fs.String("hugo", "", "also write the equivalent Hugo site into this `folder`")
	shape := fs.String("shape", "default", "the `name` of the kind of content (see -shapes)")
	listShapes := fs.Bool("shapes", false, "list the shapes, one a line, and exit")
	var opts gensite.Options
	fs.IntVar(&opts.Concerns, "concerns", 10000, "number of concerns")
	fs.IntVar(&opts.Meetings, "meetings", 0, "number of meetings (default: the shape's, 500 for most)")
	fs.IntVar(&opts.Teams, "teams", 40, "number of teams")
	fs.IntVar(&opts.Pages, "pages", 0, "number of plain pages besides the two every handbook has")
	fs.Uint64Var(&opts.Seed, "seed", 1, "random seed; the same seed gives the same site")
	commits := fs.Int("commits", 0, "also make the site a git repository with a history of this many commits")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *listShapes {
		for _, s := range gensite.Shapes() {
			fmt.Fprintf(stdout, "%s\t%s\n", s.Name, s.About)
		}
		return 0
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gensite -o DIR [-shape NAME] [-concerns N] [-meetings N] [-teams N] [-pages N] [-seed N] [-commits N] [-hugo DIR2]")
		return 2
	}
	var err error
	if opts.Shape, err = gensite.ShapeNamed(*shape); err != nil {
		fmt.Fprintln(stderr, "gensite:", err)
		return 2
	}
	if !isSet(fs, "meetings") {
		opts.Meetings = opts.Shape.Meetings(opts.Concerns)
	}
	if err := opts.Validate(); err != nil {
		fmt.Fprintln(stderr, "gensite:", err)
		return 2
	}
	s := gensite.Generate(opts)
	if err := gensite.WriteFiles(*out, s.HandbookFiles()); err != nil {
		fmt.Fprintln(stderr, "gensite:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d concerns, %d meetings, %d teams of the %s shape to %s\n", opts.Concerns, opts.Meetings, opts.Teams, opts.Shape.Name, *out)
	if *commits > 0 {
		if err := s.WriteRepository(*out, *commits, opts.Seed); err != nil {
			fmt.Fprintln(stderr, "gensite:", err)
			return 1
		}
		fmt.Fprintf(stdout, "made it a git repository of %d commits\n", *commits)
	}
	if *hugo != "" {
		files, err := s.HugoFiles()
		if err == nil {
			err = gensite.WriteFiles(*hugo, files)
		}
		if err != nil {
			fmt.Fprintln(stderr, "gensite:", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote the Hugo twin to %s\n", *hugo)
	}
	return 0
}

// isSet reports whether the command line gave the flag called name.
func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
