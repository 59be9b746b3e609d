package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		code     int
		stdout   string // a part of what it prints
		stderr   string
		meetings int // meeting files written, when it writes a site
	}{
		{"lists the shapes", []string{"-shapes"}, 0, "default\t", "", -1},
		{"a shape's own meeting count", []string{"-shape", "tags", "-concerns", "20", "-teams", "3"}, 0, "20 concerns, 10 meetings, 3 teams of the tags shape", "", 10},
		{"meetings as asked", []string{"-shape", "tags", "-concerns", "20", "-meetings", "4", "-teams", "3"}, 0, "4 meetings", "", 4},
		{"no meetings when asked", []string{"-shape", "short", "-concerns", "5", "-meetings", "0", "-teams", "2"}, 0, "0 meetings", "", 0},
		{"an unknown shape", []string{"-shape", "tall", "-concerns", "5"}, 2, "", `unknown shape "tall" (want default, short, long, tags, languages)`, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "site")
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"-o", out}, tc.args...), &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
					code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.stderr)
			}
			if tc.meetings < 0 {
				return
			}
			entries, err := os.ReadDir(filepath.Join(out, "content", "meetings"))
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			if len(entries) != tc.meetings {
				t.Errorf("%d meeting files, want %d", len(entries), tc.meetings)
			}
		})
	}
}
