package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/resolve"
	"github.com/reliability-council/handbook/internal/scaffold"
)

func runSchema(env Env, args []string) int {
	fs := newFlags(env, "schema", "[-s SITE_DIR] [-o OUT_DIR] [KIND]",
		"Schema prints the JSON Schema of a kind of frontmatter: concern, meeting, team, page, or site for site.yaml.\n"+
			"It is written in the site's own levels, statuses and teams, so run it again when those change.\n"+
			"Without KIND, it writes every kind's into OUT_DIR as KIND.schema.json, for editors to check files as you type (see docs/editors.md).")
	siteDir := siteDirFlag(fs)
	outDir := fs.String("o", "", "the `folder` to write the schemas into (default SITE_DIR/"+scaffold.SchemaDir+" when no KIND is named)")
	named, code, done := parseArgs(env, fs, args, 1)
	if done {
		return code
	}
	if code, done := checkSiteDir(env, "schema", *siteDir); done {
		return code
	}
	kinds := resolve.SchemaKinds()
	if len(named) == 1 {
		if !slices.Contains(kinds, named[0]) {
			fmt.Fprintf(env.Stderr, "%s schema: unknown kind %q (want %s)\n", programName, named[0], strings.Join(kinds, ", "))
			return exitUsage
		}
		kinds = named
	}
	v, err := siteVocabulary(*siteDir)
	if err != nil {
		return reportSite(env, "schema", *siteDir, err)
	}

	if len(named) == 1 && *outDir == "" {
		text, err := resolve.Schema(named[0], v)
		if err != nil {
			fmt.Fprintf(env.Stderr, "%s schema: %v\n", programName, err)
			return exitFailed
		}
		_, _ = env.Stdout.Write(text)
		return exitOK
	}
	if *outDir == "" {
		*outDir = filepath.Join(*siteDir, filepath.FromSlash(scaffold.SchemaDir))
	}
	if err := writeSchemas(*outDir, kinds, v); err != nil {
		fmt.Fprintf(env.Stderr, "%s schema: %v\n", programName, err)
		return exitFailed
	}
	fmt.Fprintf(env.Stdout, "wrote the schemas of %s to %s\n", strings.Join(kinds, ", "), *outDir)
	return exitOK
}

// writeSchemas writes the schema of each kind into dir, replacing those
// already there, which were made from the site as it was.
func writeSchemas(dir string, kinds []string, v resolve.Vocabulary) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, k := range kinds {
		text, err := resolve.Schema(k, v)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, scaffold.SchemaFile(k)), text, 0o644); err != nil {
			return err
		}
	}
	return nil
}
