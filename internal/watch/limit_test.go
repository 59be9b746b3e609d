package watch

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestLimitErrorSaysWhichLimitAndHowToRaiseIt(t *testing.T) {
	for _, tc := range []struct {
		name    string
		current int
		want    string
	}{
		{"max_user_watches", 8192, "watch: the inotify limit fs.inotify.max_user_watches (now 8192) is reached: " +
			"raise it with `sudo sysctl fs.inotify.max_user_watches=524288`, and keep it after a reboot with the line " +
			"`fs.inotify.max_user_watches=524288` in a file such as /etc/sysctl.d/90-inotify.conf: no space left on device"},
		{"max_user_watches", 0, "watch: the inotify limit fs.inotify.max_user_watches (now unknown) is reached: " +
			"raise it with `sudo sysctl fs.inotify.max_user_watches=524288`, and keep it after a reboot with the line " +
			"`fs.inotify.max_user_watches=524288` in a file such as /etc/sysctl.d/90-inotify.conf: no space left on device"},
		{"max_user_watches", 1000000, "watch: the inotify limit fs.inotify.max_user_watches (now 1000000) is reached: " +
			"raise it with `sudo sysctl fs.inotify.max_user_watches=2000000`, and keep it after a reboot with the line " +
			"`fs.inotify.max_user_watches=2000000` in a file such as /etc/sysctl.d/90-inotify.conf: no space left on device"},
	} {
		err := limitError(tc.name, tc.current, 524288, syscall.ENOSPC)
		if err.Error() != tc.want {
			t.Errorf("limitError(%q, %d):\n got %s\nwant %s", tc.name, tc.current, err, tc.want)
		}
		if !errors.Is(err, syscall.ENOSPC) {
			t.Errorf("limitError(%q, %d) does not wrap its cause", tc.name, tc.current)
		}
	}
}

func TestReadLimit(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"max_user_watches": "8192\n", "max_user_instances": "lots\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range map[string]int{"max_user_watches": 8192, "max_user_instances": 0, "missing": 0} {
		if got := readLimit(dir, name); got != want {
			t.Errorf("readLimit(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestLimitErrorsNameTheirLimit(t *testing.T) {
	for err, want := range map[error]string{
		tooManyWatches(syscall.ENOSPC):   "fs.inotify.max_user_watches",
		tooManyInstances(syscall.EMFILE): "fs.inotify.max_user_instances",
	} {
		if !strings.Contains(err.Error(), "sudo sysctl "+want+"=") {
			t.Errorf("%v does not say how to raise %s", err, want)
		}
	}
}
