package history

import (
	"errors"
	"testing"
)

// TestGitErrorNamesTheCommand wants a failure named by git's command, not
// by the options before it.
func TestGitErrorNamesTheCommand(t *testing.T) {
	for _, c := range []struct {
		err  gitError
		want string
	}{
		{gitError{args: []string{"-c", "log.showRoot=true", "log", "--first-parent"}, msg: "bad revision"}, "git log: bad revision"},
		{gitError{args: []string{"cat-file", "--batch"}, err: errors.New("exit status 128")}, "git cat-file: exit status 128"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%q, want %q", got, c.want)
		}
	}
}
