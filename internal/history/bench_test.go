package history_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/gensite"
	"github.com/reliability-council/handbook/internal/history"
	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/resolve"
)

// The size of the generated repository the benchmarks read:
//
//	go test ./internal/history -run '^$' -bench . -benchconcerns 10000 -benchcommits 5000
var (
	benchConcerns = flag.Int("benchconcerns", 1000, "concerns in the generated handbook the benchmarks read")
	benchCommits  = flag.Int("benchcommits", 500, "commits in its history")
)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchRepository generates the benchmarks' repository once per run, its
// meetings and teams growing with it as in build's benchmarks.
func benchRepository(b *testing.B) string {
	b.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		b.Skip("git is not installed")
	}
	benchOnce.Do(func() {
		n := *benchConcerns
		opts := gensite.Options{Concerns: n, Meetings: max(n/20, 10), Teams: min(max(n/250, 5), 40), Seed: 1}
		benchDir, benchErr = os.MkdirTemp("", "history-bench-")
		if benchErr != nil {
			return
		}
		s := gensite.Generate(opts)
		if benchErr = gensite.WriteFiles(benchDir, s.HandbookFiles()); benchErr == nil {
			benchErr = s.WriteRepository(benchDir, *benchCommits, opts.Seed)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// TestMain removes the benchmarks' repository.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		_ = os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

// meter adds up the CPU time of this process and of the git processes it
// ran, over the parts of a benchmark it is started and stopped around:
// wall time on a shared machine says little.
type meter struct {
	started   cpu
	self, git time.Duration
}

type cpu struct{ self, git time.Duration }

func cpuNow() cpu {
	var self, children syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	_ = syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	used := func(r syscall.Rusage) time.Duration { return time.Duration(r.Utime.Nano() + r.Stime.Nano()) }
	return cpu{used(self), used(children)}
}

func (m *meter) start() { m.started = cpuNow() }

func (m *meter) stop() {
	now := cpuNow()
	m.self += now.self - m.started.self
	m.git += now.git - m.started.git
}

// report gives the CPU time per operation.
func (m *meter) report(b *testing.B) {
	b.ReportMetric(float64(m.self.Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(m.git.Milliseconds())/float64(b.N), "git-cpu-ms/op")
}

// BenchmarkReadCold reads the whole history from git, as the first build
// of a clone does.
func BenchmarkReadCold(b *testing.B) {
	dir := benchRepository(b)
	var m meter
	for b.Loop() {
		b.StopTimer()
		if err := os.RemoveAll(filepath.Join(dir, ".git", "handbook")); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		m.start()
		if h := history.Read(dir); !h.Available() {
			b.Fatal(h.Missing)
		}
		m.stop()
	}
	m.report(b)
}

// BenchmarkReadWarm reads the history as every later build does, from what
// the first one kept.
func BenchmarkReadWarm(b *testing.B) {
	dir := benchRepository(b)
	history.Read(dir)
	var m meter
	m.start()
	for b.Loop() {
		if h := history.Read(dir); !h.Available() {
			b.Fatal(h.Missing)
		}
	}
	m.stop()
	m.report(b)
}

// BenchmarkReadBlobless reads the history of a fresh blobless clone, as
// Netlify's first build does: the old versions are fetched in one batch.
func BenchmarkReadBlobless(b *testing.B) {
	dir := benchRepository(b)
	if out, err := exec.Command("git", "-C", dir, "config", "uploadpack.allowFilter", "true").CombinedOutput(); err != nil {
		b.Fatalf("%v: %s", err, out)
	}
	var m meter
	for b.Loop() {
		b.StopTimer()
		clone := filepath.Join(b.TempDir(), "clone")
		if out, err := exec.Command("git", "clone", "--quiet", "--filter=blob:none", "file://"+dir, clone).CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
		b.StartTimer()
		m.start()
		if h := history.Read(clone); !h.Available() {
			b.Fatal(h.Missing)
		}
		m.stop()
	}
	m.report(b)
}

// BenchmarkResolve resolves the handbook without its history and with it:
// the difference is the cost of working out every file's changes.
func BenchmarkResolve(b *testing.B) {
	dir := benchRepository(b)
	src, err := load.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	past := history.Read(dir)
	day := time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)
	for _, bench := range []struct {
		name string
		past *load.History
	}{{"without", nil}, {"with", past}} {
		b.Run(bench.name, func(b *testing.B) {
			src.History = bench.past
			b.ReportAllocs()
			var m meter
			m.start()
			for b.Loop() {
				if _, err := resolve.Resolve(src, day); err != nil {
					b.Fatal(err)
				}
			}
			m.stop()
			m.report(b)
		})
	}
}
