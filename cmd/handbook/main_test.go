package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite the expected output in the scripts when a cmp fails")

// sourceDateEpoch is the build date of every script, 14 November 2023, so
// that pages showing the date or overdue actions come out the same each run.
const sourceDateEpoch = "1700000000"

// TestMain lets the scripts run handbook as a command: the test binary runs
// main when it is started under that name.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handbook": main,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: each builds a
// small site written inline and checks exit codes, messages and files.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", sourceDateEpoch)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":   exits,
			"cptree":  cpTree,
			"cmptree": cmpTree,
			"isjson":  isJSON,
		},
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		UpdateScripts:       *updateScripts,
	})
}

// exits runs a program, like exec, and checks its exit code:
//
//	exits CODE PROGRAM [ARGS...]
//
// Its output is then checked with stdout, stderr and cmp, as after exec.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("exits does not support !; name the code expected")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad exit code %q", args[0])
	}
	got := 0
	var exit *exec.ExitError
	switch err := ts.Exec(args[1], args[2:]...); {
	case errors.As(err, &exit):
		got = exit.ExitCode()
	case err != nil:
		ts.Fatalf("exits: %v", err)
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// isJSON checks that a file holds one JSON value, as a program reading it
// would need:
//
//	isjson FILE
func isJSON(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: isjson FILE")
	}
	if !json.Valid([]byte(ts.ReadFile(args[0]))) {
		ts.Fatalf("%s is not JSON", args[0])
	}
}

// cpTree copies a folder and everything in it, adding to or overwriting
// what is already in the target:
//
//	cptree SRC DST
func cpTree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cptree SRC DST")
	}
	src, dst := ts.MkAbs(args[0]), ts.MkAbs(args[1])
	ts.Check(filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	}))
}

// cmpTree checks that two folders hold the same files and folders, each
// file with the same bytes; with !, that they differ:
//
//	[!] cmptree DIR1 DIR2
func cmpTree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: cmptree DIR1 DIR2")
	}
	a, b := readTree(ts, args[0]), readTree(ts, args[1])
	var diffs []string
	for name, data := range a {
		other, ok := b[name]
		switch {
		case !ok:
			diffs = append(diffs, "only in "+args[0]+": "+name)
		case !bytes.Equal(data, other):
			diffs = append(diffs, "differs: "+name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			diffs = append(diffs, "only in "+args[1]+": "+name)
		}
	}
	sort.Strings(diffs)
	switch {
	case len(diffs) > 0 && !neg:
		ts.Fatalf("%s and %s differ:\n\t%s", args[0], args[1], strings.Join(diffs, "\n\t"))
	case len(diffs) == 0 && neg:
		ts.Fatalf("%s and %s are the same", args[0], args[1])
	}
}

// readTree returns the content of every file under dir by slash-separated
// path, and every folder as its path and a slash.
func readTree(ts *testscript.TestScript, dir string) map[string][]byte {
	root := ts.MkAbs(dir)
	tree := map[string][]byte{}
	ts.Check(filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			tree[rel+"/"] = nil
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		tree[rel] = data
		return nil
	}))
	return tree
}
