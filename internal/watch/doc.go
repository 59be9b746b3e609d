// Package watch reports changes to a site's source files, gathered into
// batches, so that the dev server rebuilds once per burst of edits rather
// than once per file system event.
//
// It is built on fsnotify, which watches single folders: this package keeps
// a watch on every folder of the site that matters, follows folders as they
// are created, renamed and removed, and leaves out the noise editors make.
package watch
