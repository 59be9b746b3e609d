// Package load reads a site's sources from disk: site.yaml and every
// Markdown file under content/, each split into its frontmatter, parsed as a
// YAML tree with lines counted from the top of the file, and its body. It
// knows files and syntax; what the fields mean is for package resolve.
package load
