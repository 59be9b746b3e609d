package history

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/reliability-council/handbook/internal/load"
)

// commit is a commit of the log and the content files it changed.
type commit struct {
	load.Commit
	parent  string // its first parent; "" for the first commit
	changes []change
}

// change is one content file as a commit changed it.
type change struct {
	status byte // 'A'dded, 'M'odified, 'D'eleted or 'R'enamed
	// blob is the version the commit left; "" when the file was deleted or
	// is not a regular file (a symbolic link has no frontmatter to read).
	blob string
	path string // relative to the top of the repository
	from string // a rename's old path
}

// logFormat is the header of each commit: its id, its parents, its author
// date and its subject, each ended by a NUL.
const logFormat = "--format=%H%x00%P%x00%aI%x00%s"

// logSince lists the commits that changed content after since (from the
// first commit when since is ""), newest first, as the branch's own line of
// commits saw them: a merge counts as one commit changing what it brought
// in. renames is how git should treat a file deleted and another added in
// one commit: -M to look for renames, --no-renames to leave them for later.
// It hands named the version each change left as soon as git names it
// (named may be nil), so that the versions can be read while git goes on
// through the log.
func (r *repo) logSince(since, renames string, named func(blob string)) ([]*commit, error) {
	revisions := r.head
	if since != "" {
		revisions = since + ".." + r.head
	}
	var commits []*commit
	err := r.git.stream(func(out io.Reader) error {
		var err error
		commits, err = parseLog(streamFields{bufio.NewReaderSize(out, 1<<16)}, named)
		return err
	}, "-c", "log.showRoot=true", "log", "--first-parent", renames, "--no-relative",
		"--raw", "-z", "--no-abbrev", "--no-color", "--no-show-signature", logFormat, revisions, "--", contentPathspec)
	return commits, err
}

// contentPathspec is the folder whose history is read, relative to the site
// folder that git runs in.
const contentPathspec = "content"

// parseLog reads git log's -z output: each commit's header, then its raw
// changes, handing named the version each change left, when named is not
// nil.
func parseLog(t fieldSource, named func(blob string)) ([]*commit, error) {
	var commits []*commit
	for {
		tok, ok := t.next()
		if !ok {
			return commits, nil
		}
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		switch {
		case len(tok) == 0:
		case tok[0] == ':':
			if len(commits) == 0 {
				return nil, fmt.Errorf("git log listed a change before any commit")
			}
			c := commits[len(commits)-1]
			n := len(c.changes)
			if err := readChange(t, tok, &c.changes); err != nil {
				return nil, err
			}
			if named != nil && len(c.changes) > n && c.changes[n].blob != "" {
				named(c.changes[n].blob)
			}
		default:
			parents, _ := t.next()
			date, _ := t.next()
			subject, ok := t.next()
			if !ok {
				return nil, fmt.Errorf("git log's output ends inside commit %s", tok)
			}
			when, err := time.Parse(isoDate, string(date))
			if err != nil {
				return nil, fmt.Errorf("git log: commit %s has the date %q", tok, date)
			}
			parent, _, _ := strings.Cut(string(parents), " ")
			commits = append(commits, &commit{Commit: load.Commit{ID: string(tok), Time: when, Subject: string(subject)}, parent: parent})
		}
	}
}

// fieldSource gives NUL-ended fields one at a time.
type fieldSource interface {
	next() ([]byte, bool)
}

// tokens walks NUL-ended fields of a whole output.
type tokens struct{ rest []byte }

func (t *tokens) next() ([]byte, bool) {
	if len(t.rest) == 0 {
		return nil, false
	}
	tok, rest, _ := bytes.Cut(t.rest, []byte{0})
	t.rest = rest
	return tok, true
}

// streamFields reads NUL-ended fields from an output as it comes.
type streamFields struct{ r *bufio.Reader }

func (s streamFields) next() ([]byte, bool) {
	tok, err := s.r.ReadBytes(0)
	if len(tok) == 0 && err != nil {
		return nil, false
	}
	return bytes.TrimSuffix(tok, []byte{0}), true
}

// readChange reads one raw change, ":oldmode newmode oldblob newblob
// status", and its paths from t, and adds it to changes unless it is not
// about a file.
func readChange(t fieldSource, raw []byte, changes *[]change) error {
	f := strings.Fields(string(raw[1:]))
	if len(f) != 5 || f[4] == "" {
		return fmt.Errorf("git: cannot read the change %q", raw)
	}
	path, ok := t.next()
	if !ok {
		return fmt.Errorf("git: the change %q has no path", raw)
	}
	c := change{status: f[4][0], path: string(path)}
	if c.status == 'R' || c.status == 'C' {
		to, ok := t.next()
		if !ok {
			return fmt.Errorf("git: the rename %q has no new path", raw)
		}
		c.from, c.path = c.path, string(to)
	}
	mode, blob := f[1], f[3]
	switch c.status {
	case 'D':
	case 'A', 'M', 'T', 'R', 'C':
		if mode == "160000" { // a submodule
			return nil
		}
		if mode == "100644" || mode == "100755" {
			c.blob = blob
		}
		if c.status == 'T' {
			c.status = 'M'
		}
		if c.status == 'C' { // copies are not looked for; a copy is a new file
			c.status, c.from = 'A', ""
		}
	default:
		return nil
	}
	*changes = append(*changes, c)
	return nil
}

// findRenames looks for renames in the commits that both add and delete
// content files, and puts what it finds in place of their changes, as git
// log -M would have: a file renamed keeps its history. A partial clone
// looks for them here, once every version is fetched: git log -M would
// fetch each version it compares on its own.
func (r *repo) findRenames(commits []*commit) error {
	var pairs strings.Builder
	byID := map[string]*commit{}
	for _, c := range commits {
		if c.parent != "" && addsAndDeletes(c) {
			fmt.Fprintf(&pairs, "%s %s\n", c.ID, c.parent)
			byID[c.ID] = c
		}
	}
	if len(byID) == 0 {
		return nil
	}
	out, err := r.git.run(strings.NewReader(pairs.String()), "diff-tree", "--stdin", "-r", "-M", "--no-relative",
		"--raw", "-z", "--no-abbrev", "--", contentPathspec)
	if err != nil {
		return err
	}
	t := tokens{out}
	var c *commit
	for {
		tok, ok := t.next()
		if !ok {
			return nil
		}
		tok = bytes.TrimPrefix(tok, []byte("\n"))
		switch {
		case len(tok) == 0:
		case tok[0] == ':':
			if c == nil {
				return fmt.Errorf("git diff-tree listed a change before its commit")
			}
			if err := readChange(&t, tok, &c.changes); err != nil {
				return err
			}
		default:
			if c = byID[string(tok)]; c == nil {
				return fmt.Errorf("git diff-tree compared %s, which was not asked for", tok)
			}
			c.changes = c.changes[:0]
		}
	}
}

func addsAndDeletes(c *commit) bool {
	var adds, deletes bool
	for _, ch := range c.changes {
		adds = adds || ch.status == 'A'
		deletes = deletes || ch.status == 'D'
	}
	return adds && deletes
}

// blobsToRead lists the versions the commits left that have not been read
// yet, each once, in a fixed order.
func blobsToRead(commits []*commit, read *fronts) []string {
	seen := map[string]bool{}
	var need []string
	for _, c := range commits {
		for _, ch := range c.changes {
			if ch.blob != "" && !read.has(ch.blob) && !seen[ch.blob] {
				seen[ch.blob] = true
				need = append(need, ch.blob)
			}
		}
	}
	return need
}
