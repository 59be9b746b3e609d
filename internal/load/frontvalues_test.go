package load

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/reliability-council/handbook/internal/blocks"
)

// TestFrontValuesKeepEachValueOnce wants a value kept once however often
// it is read, every kept value to read back as it was given after many
// more have filled blocks, and none to stand on the bytes it was read
// from, which the next file is read into.
func TestFrontValuesKeepEachValueOnce(t *testing.T) {
	values := newFrontValues()
	read := []byte("High, we would finally know")
	first := values.keep(unsafe.String(&read[0], len(read)))
	copy(read, "Low!")
	if first != "High, we would finally know" {
		t.Fatalf("a kept value changed with the bytes it was read from: %q", first)
	}
	again := values.keep("High, we would finally know")
	if unsafe.StringData(again) != unsafe.StringData(first) {
		t.Errorf("a value read twice is kept twice")
	}

	var given, kept []string
	for i := 0; len(strings.Join(given, "")) < 3*blocks.Size; i++ {
		v := fmt.Sprintf("value %d %s", i, strings.Repeat("x", i%97))
		given = append(given, v)
		kept = append(kept, values.keep(v))
	}
	long := strings.Repeat("long ", longValue)
	given, kept = append(given, long, ""), append(kept, values.keep(long), values.keep(""))
	for i := range given {
		if kept[i] != given[i] {
			t.Fatalf("value %d reads back %q, was %q", i, kept[i], given[i])
		}
	}
	if got := values.keep(given[7]); unsafe.StringData(got) != unsafe.StringData(kept[7]) {
		t.Errorf("a value read again after others is kept again")
	}

	var none *frontValues // as the history's old versions are read
	if got := none.keep(given[7]); got != given[7] || unsafe.StringData(got) == unsafe.StringData(kept[7]) {
		t.Errorf("with nowhere to keep values, %q came back as %q, or as the kept one", given[7], got)
	}
}
