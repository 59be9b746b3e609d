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
	var opts Options
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
	s := generate(opts)
	if err := writeFiles(*out, s.handbookFiles()); err != nil {
		fmt.Fprintln(stderr, "gensite:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d concerns, %d meetings, %d teams to %s\n", len(s.concerns), len(s.meetings), len(s.teams), *out)
	if *hugo != "" {
		files, err := s.hugoFiles()
		if err == nil {
			err = writeFiles(*hugo, files)
		}
		if err != nil {
			fmt.Fprintln(stderr, "gensite:", err)
			return 1
		}
		fmt.Fprintf(stdout, "wrote the Hugo twin to %s\n", *hugo)
	}
	return 0
}
