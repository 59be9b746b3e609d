// Package history reads the site's git history in one pass: every commit
// that changed a content file, and each file's frontmatter as each of those
// commits left it, following renames, so that the handbook can tell how its
// concerns, teams and meetings came to be as they are.
//
// It runs the git binary: one git log over the content folder for the whole
// history, one git cat-file for every old version it needs, and, in a
// blobless clone, one git fetch for the versions the clone lacks. What it
// read is kept in the repository's git folder, so that the next build reads
// only the commits made since. Without git, outside a repository, or in a
// shallow clone, the History says why there is no history and what to do.
package history
