// Command gensite writes a synthetic handbook of any size, for load tests
// and benchmarks, and optionally the equivalent Hugo site:
//
//	gensite -o DIR [-concerns 10000] [-meetings 500] [-teams 40] [-seed 1] [-hugo DIR2]
//
// The same flags always give the same files, byte for byte.
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
	var opts gensite.Options
	fs.IntVar(&opts.Concerns, "concerns", 10000, "number of concerns")
	fs.IntVar(&opts.Meetings, "meetings", 500, "number of meetings")
	fs.IntVar(&opts.Teams, "teams", 40, "number of teams")
	fs.Uint64Var(&opts.Seed, "seed", 1, "random seed; the same seed gives the same site")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gensite -o DIR [-concerns N] [-meetings N] [-teams N] [-seed N] [-hugo DIR2]")
		return 2
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
	fmt.Fprintf(stdout, "wrote %d concerns, %d meetings, %d teams to %s\n", opts.Concerns, opts.Meetings, opts.Teams, *out)
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
