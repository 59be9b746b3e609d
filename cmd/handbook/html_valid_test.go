package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// vnuBudget bounds one run of the Nu HTML Checker over every page.
const vnuBudget = 90 * time.Second

// canary is a page with one known error. It is checked with the real pages,
// so a checker that reports nothing cannot pass unnoticed.
const canary = `<!DOCTYPE html><html lang="en"><head><title>canary</title></head>
<body><p id="twice">one</p><p id="twice">two</p></body></html>
`

// TestHTMLIsValid checks every page of the built example and of the fixture
// site in internal/build/testdata with the Nu HTML Checker: any error fails
// the test, warnings are logged. The checker is vnu.jar from VNU_JAR, or from
// the cache folder .ci/install-vnu installs it into; without it (or without
// java) the test is skipped, unless CI is set.
func TestHTMLIsValid(t *testing.T) {
	java, jar := vnuCommand(t)
	sites := map[string]string{
		"example": buildExample(t),
		"fixture": buildFixture(t),
		"canary":  t.TempDir(),
	}
	if err := os.WriteFile(filepath.Join(sites["canary"], "canary.html"), []byte(canary), 0o644); err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, name := range slices.Sorted(maps.Keys(sites)) {
		found, err := htmlFiles(sites[name])
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, found...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d HTML files to check; the builds made too little", len(files))
	}

	start := time.Now()
	messages := runVNU(t, java, jar, files)
	t.Logf("checked %d pages in %s", len(files)-1, time.Since(start).Round(time.Millisecond))

	canaryFound := false
	for _, m := range messages {
		where := m.where(sites)
		switch {
		case strings.HasPrefix(where, "canary/"):
			canaryFound = canaryFound || (m.Type == "error" && strings.Contains(m.Message, "Duplicate ID"))
		case m.Type == "error" || m.Type == "non-document-error":
			t.Errorf("%s: %s%s", where, m.Message, m.extract())
		case m.SubType == "warning":
			t.Logf("warning: %s: %s%s", where, m.Message, m.extract())
		}
	}
	if !canaryFound {
		t.Errorf("the checker did not report the duplicate id in canary.html; it reported:\n%+v", messages)
	}
}

// vnuMessage is one entry of the checker's JSON output
// (https://github.com/validator/validator/wiki/Output-%C2%BB-JSON).
type vnuMessage struct {
	Type        string `json:"type"`    // "error", "info" or "non-document-error"
	SubType     string `json:"subType"` // "warning" for an info that is a warning
	URL         string `json:"url"`
	FirstLine   int    `json:"firstLine"`
	LastLine    int    `json:"lastLine"`
	FirstColumn int    `json:"firstColumn"`
	Message     string `json:"message"`
	Extract     string `json:"extract"`
}

// where returns the message's file as site/path:line:column, with site one
// of the names in sites, a map from name to folder.
func (m vnuMessage) where(sites map[string]string) string {
	file := m.URL
	if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
		file = u.Path
		for name, dir := range sites {
			if rel, err := filepath.Rel(dir, filepath.FromSlash(u.Path)); err == nil && !strings.HasPrefix(rel, "..") {
				file = name + "/" + filepath.ToSlash(rel)
				break
			}
		}
	}
	line := m.FirstLine
	if line == 0 {
		line = m.LastLine
	}
	if line == 0 {
		return file
	}
	return fmt.Sprintf("%s:%d:%d", file, line, m.FirstColumn)
}

// extract returns the source around the message on a line of its own, or "".
func (m vnuMessage) extract() string {
	if m.Extract == "" {
		return ""
	}
	return "\n\t" + strings.ReplaceAll(m.Extract, "\n", "⏎")
}

// runVNU checks files in one run of the checker (a JVM takes seconds to
// start) and returns its messages.
func runVNU(t *testing.T, java, jar string, files []string) []vnuMessage {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), vnuBudget)
	defer cancel()
	args := append([]string{"-jar", jar, "--format", "json"}, files...)
	cmd := exec.CommandContext(ctx, java, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run() // exits 1 when it finds an error: the JSON says which
	if ctx.Err() != nil {
		t.Fatalf("the checker did not finish within %s", vnuBudget)
	}
	// The JSON goes to stderr; the JVM may print other lines before it.
	out := stderr.Bytes()
	if i := bytes.Index(out, []byte(`{"`)); i > 0 {
		out = out[i:]
	}
	var report struct {
		Messages []vnuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("java -jar %s: %v; its output is not the expected JSON (%v)\nstdout:\n%s\nstderr:\n%s", jar, runErr, err, &stdout, &stderr)
	}
	return report.Messages
}

// vnuCommand returns java and the checker's jar. Without them the test is
// skipped, unless CI is set: there a missing checker is a broken setup.
func vnuCommand(t *testing.T) (java, jar string) {
	t.Helper()
	missing := func(why string) {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s, and CI is set, so the HTML check may not be skipped; run .ci/install-vnu and set VNU_JAR to the path it prints", why)
		}
		t.Skipf("%s; run .ci/install-vnu to install it", why)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		missing("java is not installed")
	}
	jar = os.Getenv("VNU_JAR")
	where := "VNU_JAR=" + jar
	if jar == "" {
		jar = vnuCachedJar(t)
		where = "VNU_JAR is unset, and the cache holds none at " + jar
	}
	if _, err := os.Stat(jar); err != nil {
		missing(fmt.Sprintf("the Nu HTML Checker is not installed (%s)", where))
	}
	return java, jar
}

// vnuCachedJar returns where .ci/install-vnu puts vnu.jar, for the version
// that the script pins.
func vnuCachedJar(t *testing.T) string {
	t.Helper()
	script := filepath.Join(exampleSite(t), ".ci", "install-vnu")
	data, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^readonly version=(\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s pins no version (no line readonly version=...)", script)
	}
	cache := os.Getenv("VNU_CACHE")
	if cache == "" {
		base := os.Getenv("XDG_CACHE_HOME")
		if base == "" {
			home, err := os.UserHomeDir()
			if err != nil {
				return ""
			}
			base = filepath.Join(home, ".cache")
		}
		cache = filepath.Join(base, "handbook-vnu")
	}
	return filepath.Join(cache, string(m[1]), "node_modules", "vnu-jar", "build", "dist", "vnu.jar")
}

// buildFixture builds the fixture site of internal/build into a fresh
// folder, and returns that folder. The fixture has content warnings on
// purpose, so unlike buildExample it lets the build print them.
func buildFixture(t *testing.T) string {
	t.Helper()
	out, _ := buildSite(t, filepath.Join(exampleSite(t), "internal", "build", "testdata", "site"))
	return out
}

// htmlFiles returns the HTML files under dir, sorted.
func htmlFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	slices.Sort(files)
	return files, err
}
