package cli

import (
	"runtime/debug"
	"testing"
)

func TestStampOf(t *testing.T) {
	vcs := func(rev, at, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.time", Value: at}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		name          string
		info          *debug.BuildInfo
		version, from string
	}{
		{"no build information", nil, "devel", ""},
		{"a test binary", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel", ""},
		{"a release installed with go install", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.0"}}, "v1.2.0", ""},
		{"an untagged commit installed with go install",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205180925-1b8c6bb0c2d4"}},
			"v0.0.0-20261205180925-1b8c6bb0c2d4", "commit 1b8c6bb0c2d4 of 2026-12-05 18:09 UTC"},
		{"a commit after a tag",
			&debug.BuildInfo{Main: debug.Module{Version: "v1.2.1-0.20261205180925-1b8c6bb0c2d4"}},
			"v1.2.1-0.20261205180925-1b8c6bb0c2d4", "commit 1b8c6bb0c2d4 of 2026-12-05 18:09 UTC"},
		{"a checkout, built with go build",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205180925-1b8c6bb0c2d4"}, Settings: vcs("1b8c6bb0c2d4e5f60718293a4b5c6d7e8f901234", "2026-12-05T18:09:25Z", "false")},
			"v0.0.0-20261205180925-1b8c6bb0c2d4", "commit 1b8c6bb0c2d4 of 2026-12-05 18:09 UTC"},
		{"a checkout with changes",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205180925-1b8c6bb0c2d4+dirty"}, Settings: vcs("1b8c6bb0c2d4e5f60718293a4b5c6d7e8f901234", "2026-12-05T18:09:25Z", "true")},
			"v0.0.0-20261205180925-1b8c6bb0c2d4+dirty", "commit 1b8c6bb0c2d4 of 2026-12-05 18:09 UTC, with changes not committed"},
		{"a pseudo-version with changes, no settings",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261205180925-1b8c6bb0c2d4+dirty"}},
			"v0.0.0-20261205180925-1b8c6bb0c2d4+dirty", "commit 1b8c6bb0c2d4 of 2026-12-05 18:09 UTC, with changes not committed"},
		{"an older Go: no version, only the settings",
			&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("abc123", "", "false")},
			"devel", "commit abc123"},
	} {
		s := stampOf(c.info)
		if s.version != c.version || s.source() != c.from {
			t.Errorf("%s: %q, %q; want %q, %q", c.name, s.version, s.source(), c.version, c.from)
		}
	}
}
