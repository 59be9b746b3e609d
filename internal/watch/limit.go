package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// procInotify is where Linux shows the inotify limits.
const procInotify = "/proc/sys/fs/inotify"

// tooManyWatches explains err, an ENOSPC from adding a watch: each watched
// folder takes one of the user's max_user_watches, shared by every program
// that watches files (editors, IDEs, other dev servers).
func tooManyWatches(err error) error {
	const name = "max_user_watches"
	return limitError(name, readLimit(procInotify, name), 524288, err)
}

// tooManyInstances explains err, an EMFILE or ENFILE from creating a
// watcher: each running watcher takes one of the user's max_user_instances.
func tooManyInstances(err error) error {
	const name = "max_user_instances"
	return limitError(name, readLimit(procInotify, name), 1024, err)
}

// limitError explains err as the inotify limit name (as under
// /proc/sys/fs/inotify) having been reached, with its current value (0 if
// unknown) and the commands to raise it to atLeast, or to double it if it is
// already that high.
func limitError(name string, current, atLeast int, err error) error {
	sysctl := "fs.inotify." + name
	now := "unknown"
	if current > 0 {
		now = strconv.Itoa(current)
	}
	raised := max(atLeast, 2*current)
	return fmt.Errorf("watch: the inotify limit %s (now %s) is reached: "+
		"raise it with `sudo sysctl %s=%d`, and keep it after a reboot with the line "+
		"`%s=%d` in a file such as /etc/sysctl.d/90-inotify.conf: %w",
		sysctl, now, sysctl, raised, sysctl, raised, err)
}

// readLimit returns the value of the limit name in dir, or 0 if it cannot
// be read (not Linux, or /proc not mounted): the error message is still
// worth giving without it.
func readLimit(dir, name string) int {
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(data)))
	if err != nil {
		return 0
	}
	return n
}
