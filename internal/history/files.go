package history

import (
	"slices"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
)

// files follows every content file back from its path now through the
// commits, newest first, and returns its revisions, oldest first, by its
// path now relative to the site folder at prefix.
//
// Walking back, a path first met in a deletion is a file that is gone; any
// other path first met is a file's path now. A rename carries the file's
// identity from its new path to its old one, and leaves the new path to
// whatever was there before. A file deleted and added again under the same
// name keeps its earlier history, as git log does for the path.
func files(commits []*commit, fronts *fronts, prefix string) map[string][]load.Revision {
	const gone = ""
	now := map[string]string{} // path in the repository, at the commit being read -> the file's path now
	byPath := map[string][]load.Revision{}
	var keys []string
	for _, c := range commits {
		// Every change of a commit is placed as the commit left the
		// files, before its renames move them back to their old paths.
		keys = keys[:0]
		for _, ch := range c.changes {
			key, seen := now[ch.path]
			if !seen {
				key = ch.path
				if ch.status == 'D' {
					key = gone
				}
				now[ch.path] = key
			}
			keys = append(keys, key)
		}
		for _, ch := range c.changes {
			if ch.status == 'R' {
				now[ch.path] = gone
			}
		}
		for i, ch := range c.changes {
			if ch.status == 'R' {
				now[ch.from] = keys[i]
			}
			if keys[i] != gone && ch.status != 'D' {
				byPath[keys[i]] = append(byPath[keys[i]], load.Revision{Commit: &c.Commit, Path: ch.path, Front: fronts.span(ch.blob)})
			}
		}
	}
	out := make(map[string][]load.Revision, len(byPath))
	for key, revs := range byPath {
		rel, ok := strings.CutPrefix(key, prefix)
		if !ok || !strings.HasPrefix(rel, contentPathspec+"/") || !strings.HasSuffix(rel, ".md") {
			continue
		}
		slices.Reverse(revs)
		for i := range revs {
			revs[i].Path = strings.TrimPrefix(revs[i].Path, prefix)
		}
		out[rel] = revs
	}
	return out
}
