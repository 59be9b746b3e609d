package scaffold

// SchemaDir is where a site keeps the JSON Schemas editors validate its
// files with, relative to the site folder: hidden, beside content/, where
// no build looks.
const SchemaDir = ".handbook/schema"

// SchemaFile is the name of the schema of a kind of frontmatter in
// SchemaDir: concern.schema.json, or site.schema.json for site.yaml.
func SchemaFile(kind string) string { return kind + ".schema.json" }
