package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func runVersion(env Env, args []string) int {
	fs := newFlags(env, "version", "", "Version prints the handbook version and the Go version it was built with.")
	if code, done := parse(env, fs, args); done {
		return code
	}
	fmt.Fprintf(env.Stdout, "%s %s (%s)\n", programName, version(), runtime.Version())
	return exitOK
}

// version is the module version for go install builds, or the commit for
// builds from a checkout.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel " + rev
}
