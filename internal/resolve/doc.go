// Package resolve turns loaded sources into the handbook model: it reads each
// frontmatter field by its schema, parses levels on the site's scale, checks
// every reference between teams, concerns and meetings, scores and ranks the
// concerns, and links each piece to the pieces that mention it. It does no
// I/O, and reports every problem it finds, each at its file and line.
package resolve
