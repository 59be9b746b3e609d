package cli

import (
	"fmt"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

func runVersion(env Env, args []string) int {
	fs := newFlags(env, "version", "",
		"Version prints the handbook version and the Go version it was built with, then the commit\n"+
			"it was built from and that commit's time, when the build recorded them.")
	if code, done := parse(env, fs, args); done {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	s := stampOf(info)
	fmt.Fprintf(env.Stdout, "%s %s (%s)\n", programName, s.version, runtime.Version())
	if line := s.source(); line != "" {
		fmt.Fprintln(env.Stdout, line)
	}
	return exitOK
}

// stamp is what a binary knows of the source it was built from, so that a
// report of a problem can say which handbook it was.
type stamp struct {
	version  string    // a release, a pseudo-version, or "devel"
	revision string    // the commit, shortened; "" when not recorded
	time     time.Time // the commit's time
	modified bool      // the checkout had changes not committed
}

// revisionLength is as much of a commit hash as is shown, as go version -m
// and module pseudo-versions show it.
const revisionLength = 12

// pseudoVersion is the end of a module pseudo-version, which go install
// ...@latest gives a module without tags: the commit's time and hash.
var pseudoVersion = regexp.MustCompile(`[-.](\d{14})-([0-9a-f]{12})(\+dirty)?$`)

// stampOf reads the build's stamp: go build and go install from a checkout
// record the commit (vcs.revision, vcs.time, vcs.modified); go install of
// a module version records only the version, which for a commit without a
// tag names the commit too.
func stampOf(info *debug.BuildInfo) stamp {
	s := stamp{version: "devel"}
	if info == nil {
		return s
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		s.version = v
	}
	for _, kv := range info.Settings {
		switch kv.Key {
		case "vcs.revision":
			s.revision = kv.Value
		case "vcs.time":
			s.time, _ = time.Parse(time.RFC3339, kv.Value) // left zero when unreadable: only shown
		case "vcs.modified":
			s.modified = kv.Value == "true"
		}
	}
	if m := pseudoVersion.FindStringSubmatch(s.version); m != nil && s.revision == "" {
		s.revision = m[2]
		s.time, _ = time.Parse("20060102150405", m[1]) // as above
		s.modified = m[3] != ""
	}
	if len(s.revision) > revisionLength {
		s.revision = s.revision[:revisionLength]
	}
	return s
}

// source says which commit the build is of: "commit 1b8c6bb0c2d4 of
// 2026-12-05 18:09 UTC, with changes not committed"; "" when unknown.
func (s stamp) source() string {
	if s.revision == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("commit " + s.revision)
	if !s.time.IsZero() {
		b.WriteString(" of " + s.time.UTC().Format("2006-01-02 15:04 UTC"))
	}
	if s.modified {
		b.WriteString(", with changes not committed")
	}
	return b.String()
}
