package history

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
)

// repositoryVariables are those of the variables git rev-parse
// --local-env-vars lists that a hook sets for the repository it runs in. A
// check run from a hook must find the site's own repository from the site
// folder, as it would from a terminal.
var repositoryVariables = []string{
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR",
	"GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
}

// mallocTunables keep glibc's allocator from handing each large block back
// to the kernel when git frees it. git reads every version of a folder's
// listing into a block of its own, 600 KB for a folder of 10,000 concerns,
// and without them every read faulted all its pages in afresh: a third of
// git log's time there. Other C libraries ignore the variable.
const mallocTunables = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=268435456"

// deltaCache caps the memory git keeps of the objects it undid deltas
// against. At git's default, 96 MiB, git log over the 5,000 commits of a
// generated handbook took 155 to 177 MB, more than the build beside it;
// at 48 MiB it takes 100 to 130 MB, as fast (at 32 MiB, a tenth slower
// on the largest).
const deltaCache = "core.deltaBaseCacheLimit=48m"

// packWindows caps how much of the pack files git maps into memory at
// once, a piece at a time. By default it maps each pack whole, and every
// page it reads stays resident: git cat-file over the versions of the long
// shape's 130 MB pack held 210 MiB, more than the build beside it; mapped
// in pieces of 4 MiB, 32 MiB at most, 105 MiB, as fast.
var packWindows = []string{"-c", "core.packedGitWindowSize=4m", "-c", "core.packedGitLimit=32m"}

// git runs git in the site folder.
type git struct {
	dir string
	env []string
}

func newGit(dir string) *git {
	env := make([]string, 0, len(os.Environ())+1)
	tunables := mallocTunables
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		switch {
		case name == "GLIBC_TUNABLES":
			tunables = value + ":" + mallocTunables
		case !slices.Contains(repositoryVariables, name):
			env = append(env, kv)
		}
	}
	return &git{dir: dir, env: append(env, "GLIBC_TUNABLES="+tunables)}
}

// command prepares git with args, its output and messages not yet taken.
func (g *git) command(args ...string) *exec.Cmd {
	cmd := exec.Command("git", slices.Concat([]string{"-c", deltaCache}, packWindows, args)...)
	cmd.Dir = g.dir
	cmd.Env = g.env
	return cmd
}

// run runs git with args, stdin as its input when not nil, and returns what
// it printed; a failure carries git's own message.
func (g *git) run(stdin io.Reader, args ...string) ([]byte, error) {
	cmd := g.command(args...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return out, &gitError{args: args, err: err, msg: firstLine(stderr.Bytes())}
	}
	return out, nil
}

// stream runs git with args, handing what it prints to read as it comes;
// a failure of git carries its own message, and comes before read's.
func (g *git) stream(read func(io.Reader) error, args ...string) error {
	cmd := g.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	readErr := read(out)
	_, _ = io.Copy(io.Discard, out) // what read left, so that git can finish
	if err := cmd.Wait(); err != nil {
		return &gitError{args: args, err: err, msg: firstLine(stderr.Bytes())}
	}
	return readErr
}

// gitError is git failing, with the first line of what it said.
type gitError struct {
	args []string
	err  error
	msg  string
}

func (e *gitError) Error() string {
	if e.msg == "" {
		return fmt.Sprintf("git %s: %v", e.command(), e.err)
	}
	return fmt.Sprintf("git %s: %s", e.command(), e.msg)
}

// command is the git command that failed, past the options before it
// (-c name=value).
func (e *gitError) command() string {
	for i := 0; i < len(e.args); i++ {
		switch {
		case e.args[i] == "-c":
			i++
		case !strings.HasPrefix(e.args[i], "-"):
			return e.args[i]
		}
	}
	return strings.Join(e.args, " ")
}

func firstLine(b []byte) string {
	line, _, _ := bytes.Cut(bytes.TrimSpace(b), []byte("\n"))
	return string(line)
}
