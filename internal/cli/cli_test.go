package cli

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// testEnv returns an environment whose output is kept, on the day of the
// scripts' SOURCE_DATE_EPOCH (14 November 2023), with no one at the
// terminal unless a test says so.
func testEnv() (Env, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	env := Env{
		Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string {
			if k == "SOURCE_DATE_EPOCH" {
				return "1700000000"
			}
			return ""
		},
		Now:   time.Now,
		Stdin: strings.NewReader(""),
	}
	return env, &stdout, &stderr
}

func TestParseArgs(t *testing.T) {
	for _, c := range []struct {
		args       []string
		most       int
		team       string
		positional []string
		code       int
		stderr     string
	}{
		{[]string{"concern", "x", "--team", "ops"}, 2, "ops", []string{"concern", "x"}, exitOK, ""},
		{[]string{"--team=ops", "concern", "x"}, 2, "ops", []string{"concern", "x"}, exitOK, ""},
		{[]string{"concern", "-team", "ops", "x"}, 2, "ops", []string{"concern", "x"}, exitOK, ""},
		{[]string{"page", "--", "-odd"}, 2, "", []string{"page", "-odd"}, exitOK, ""},
		{[]string{}, 2, "", nil, exitOK, ""},
		{[]string{"a", "b", "c"}, 2, "", nil, exitUsage, `unexpected argument "c"`},
		{[]string{"a", "--colour"}, 2, "", nil, exitUsage, "flag provided but not defined: -colour"},
	} {
		env, _, stderr := testEnv()
		fs := newFlags(env, "new", "", "")
		team := fs.String("team", "", "")
		got, code, _ := parseArgs(env, fs, c.args, c.most)
		if code != c.code || !slices.Equal(got, c.positional) || *team != c.team || !strings.Contains(stderr.String(), c.stderr) {
			t.Errorf("%q: %q, team %q, code %d, stderr %q; want %q, %q, %d, %q", c.args, got, *team, code, stderr, c.positional, c.team, c.code, c.stderr)
		}
	}
}
