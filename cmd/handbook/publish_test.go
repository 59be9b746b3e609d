package main

import (
	"crypto/sha256"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/gensite"
)

// TestKilledBuildLeavesOneSite kills handbook build at random points while
// it publishes a large update in place, then lets the next build clear up,
// and checks that the output folder is exactly the old site or exactly the
// new one, never a mix, with nothing left beside it.
func TestKilledBuildLeavesOneSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a thousand-concern handbook a dozen times")
	}
	handbook := handbookCommand(t)
	root := t.TempDir()
	sites := [2]string{filepath.Join(root, "a"), filepath.Join(root, "b")}
	for i, dir := range sites {
		s := gensite.Generate(gensite.Options{Concerns: 1000, Meetings: 50, Teams: 10, Seed: uint64(i + 1)})
		if err := gensite.WriteFiles(dir, s.HandbookFiles()); err != nil {
			t.Fatal(err)
		}
	}
	broken := filepath.Join(root, "broken")
	if err := os.MkdirAll(filepath.Join(broken, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(broken, "site.yaml"), []byte("title: [broken\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(site, out string) (*exec.Cmd, *strings.Builder) {
		var stderr strings.Builder
		cmd := exec.Command(handbook, "build", "-s", site, "-o", out)
		cmd.Env = append(os.Environ(), "SOURCE_DATE_EPOCH="+sourceDateEpoch)
		cmd.Stderr = &stderr
		return cmd, &stderr
	}
	var snapshots [2]map[string][32]byte
	for i, site := range sites {
		out := filepath.Join(root, "clean", filepath.Base(site))
		if cmd, stderr := run(site, out); cmd.Run() != nil {
			t.Fatalf("building %s: %s", site, stderr)
		}
		snapshots[i] = snapshot(t, out)
	}

	out := filepath.Join(root, "out")
	if cmd, stderr := run(sites[0], out); cmd.Run() != nil {
		t.Fatalf("first build: %s", stderr)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	current, killedWhilePublishing := 0, 0
	for round := range 10 {
		next := 1 - current
		cmd, _ := run(sites[next], out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		// Kill it once its journal shows it is publishing, a random moment
		// later; or, in some rounds, while it still renders.
		delay := time.Duration(rnd.IntN(30)) * time.Millisecond
		early := round%4 == 3
		killed := false
		for !killed {
			select {
			case <-done:
				killed = true // it finished first
				continue
			case <-time.After(time.Millisecond):
			}
			journals, _ := filepath.Glob(filepath.Join(root, ".out.new-*", "journal.json"))
			if len(journals) > 0 || early {
				time.Sleep(delay)
				_ = cmd.Process.Signal(syscall.SIGKILL)
				<-done
				killed = true
				if len(journals) > 0 {
					killedWhilePublishing++
				}
			}
		}
		// The next build clears up before it reads anything; this one
		// then fails on its sources and changes nothing more.
		if recover, stderr := run(broken, out); recover.Run() == nil {
			t.Fatalf("round %d: a broken site built: %s", round, stderr)
		}
		got := snapshot(t, out)
		switch {
		case equalSnapshots(got, snapshots[current]):
		case equalSnapshots(got, snapshots[next]):
			current = next
		default:
			t.Fatalf("round %d: the output is neither the old site nor the new one (%d files)", round, len(got))
		}
		if left, _ := filepath.Glob(filepath.Join(root, ".out*")); len(left) > 0 {
			t.Fatalf("round %d: left beside the output: %v", round, left)
		}
	}
	if killedWhilePublishing == 0 {
		t.Error("no round killed the build while it published: the test proved nothing")
	}
	t.Logf("%d of 10 rounds killed the build while it published", killedWhilePublishing)
}

// handbookCommand returns a path that runs this test binary as handbook
// (TestMain dispatches on the name it is started under).
func handbookCommand(t *testing.T) string {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "handbook")
	if err := os.Symlink(self, p); err != nil {
		t.Fatal(err)
	}
	return p
}

// snapshot hashes every file below dir.
func snapshot(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	got := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = sha256.Sum256(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func equalSnapshots(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
