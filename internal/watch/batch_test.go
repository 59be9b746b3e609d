package watch

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestPendingBatchIsSortedAndHasEachPathOnce(t *testing.T) {
	var p pending
	for _, path := range []string{"/s/c.md", "/s/a.md", "/s/c.md", "/s/b"} {
		p.add(path)
	}
	b := p.batch()
	if want := []string{"/s/a.md", "/s/b", "/s/c.md"}; !slices.Equal(b.Paths, want) {
		t.Errorf("Paths = %v, want %v", b.Paths, want)
	}
	if b.Overflow || b.Err != nil {
		t.Errorf("got %+v, want no overflow and no error", b)
	}
}

func TestPendingBatchKeepsTheFirstErrorsAndCountsTheRest(t *testing.T) {
	var p pending
	first := errors.New("first")
	p.fail(first)
	for i := range maxErrors + 4 {
		p.fail(fmt.Errorf("error %d", i))
	}
	err := p.batch().Err
	if !errors.Is(err, first) {
		t.Errorf("Err = %v, want it to wrap the first error", err)
	}
	if msg := err.Error(); !strings.HasSuffix(msg, "watch: 5 more errors") || strings.Count(msg, "\n") != maxErrors {
		t.Errorf("Err = %q, want %d errors and then a count of 5 more", msg, maxErrors)
	}
}
