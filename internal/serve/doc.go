// Package serve is the HTTP side of `handbook serve`, the local preview: it
// serves the last good build from memory and tells open pages, over
// Server-Sent Events, to reload, to swap a stylesheet, or to show the errors
// of a failed rebuild. Watching files and rebuilding are the caller's job.
package serve
