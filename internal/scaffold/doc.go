// Package scaffold writes the files a handbook starts from: a small
// handbook that builds at once, for handbook init, and a new concern,
// meeting, team or page, for handbook new, with every field the file may
// have and a comment on each saying what it means in the site's own words.
// It never replaces a file that is already there.
package scaffold
