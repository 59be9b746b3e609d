package history

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"

	"github.com/reliability-council/handbook/internal/load"
)

// Read reads the history of the site in dir. Whatever stops it (no git, no
// repository, a shallow clone, a failed fetch) comes back as the History's
// Missing, never as an error: a handbook builds without its history.
func Read(dir string) *load.History { return new(Cache).Read(dir) }

// repo is the git repository a site folder is in.
type repo struct {
	git    *git
	gitDir string // absolute
	// prefix is the site folder's path in the repository: "" at its top,
	// otherwise ending in /.
	prefix string
	head   string
}

// openRepo finds the repository of the site in dir and its last commit, or
// says why there is no history to read.
func openRepo(dir string) (*repo, string) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, "git is not installed, or not on the PATH (install git to show how concerns changed)"
	}
	g := newGit(dir)
	out, err := g.run(nil, "rev-parse", "--is-shallow-repository", "--show-prefix", "--absolute-git-dir", "HEAD")
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	var gitErr *gitError
	switch {
	case err != nil && len(lines) >= 3:
		return nil, "the site's repository has no commits yet (commit the content to start its history)"
	case errors.As(err, &gitErr) && strings.Contains(gitErr.msg, "not a git repository"):
		return nil, "the site is not in a git repository (keep it in git to show how concerns changed)"
	case err != nil:
		return nil, fmt.Sprintf("git cannot read the site's repository: %v", err)
	case len(lines) != 4:
		return nil, fmt.Sprintf("git rev-parse said %q, not the repository's folder and last commit", out)
	case lines[0] == "true":
		return nil, "the repository is a shallow clone, which holds only its latest commits and would date every concern at the oldest of them " +
			"(fetch the whole history: fetch-depth: 0 for actions/checkout on GitHub Actions, GIT_DEPTH: 0 on GitLab CI, or git fetch --unshallow before building)"
	}
	return &repo{git: g, prefix: lines[1], gitDir: lines[2], head: lines[3]}, ""
}

// read reads the history up to the repository's head: from what the last
// build kept, and from git for the commits since.
func (r *repo) read() (*load.History, error) {
	kept := r.loadStore()
	fronts := newFronts()
	var since string
	var older []*commit
	if kept != nil {
		if kept.head == r.head {
			return kept.log(r.prefix), nil
		}
		fronts = kept.fronts // versions are named by their content: what was read stays true
		if r.extends(kept.head) {
			since, older = kept.head, kept.commits
		}
	}
	remote, err := r.promisor()
	if err != nil {
		return nil, err
	}
	var newer []*commit
	if remote != "" {
		// A partial clone fetches the versions it lacks first, in one
		// batch, and looks for renames once it holds them.
		newer, err = r.logSince(since, "--no-renames", nil)
		if err != nil {
			return nil, err
		}
		need := blobsToRead(newer, fronts)
		if err := r.fetchMissing(remote, need); err != nil {
			return nil, err
		}
		if err := r.findRenames(newer); err != nil {
			return nil, err
		}
		if err := r.readFronts(need, fronts); err != nil {
			return nil, err
		}
	} else {
		v, err := r.startVersions()
		if err != nil {
			return nil, err
		}
		newer, err = r.logSince(since, "-M", func(blob string) {
			if !fronts.has(blob) {
				v.ask(blob)
			}
		})
		if readErr := v.wait(fronts); err == nil {
			err = readErr
		}
		if err != nil {
			return nil, err
		}
	}
	s := &store{head: r.head, commits: append(newer, older...), fronts: fronts}
	if r.saveStore(s) {
		// Read back from the file, what git gave lets go of its memory,
		// and of the file its versions waited in.
		if saved := r.loadStore(); saved != nil && saved.head == r.head {
			s = saved
			fronts.closeSpill()
		}
	}
	return s.log(r.prefix), nil
}

// extends reports whether the branch's own line of commits, first parent
// after first parent back from the head, passes through commit: then the
// history up to commit is the start of the history up to the head.
func (r *repo) extends(commit string) bool {
	out, err := r.git.run(nil, "rev-list", "--first-parent", "--parents", commit+".."+r.head)
	if err != nil {
		return false
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	last := strings.Fields(lines[len(lines)-1])
	return len(last) >= 2 && last[1] == commit
}
