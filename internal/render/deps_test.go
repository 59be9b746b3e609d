package render

import (
	"reflect"
	"testing"
	"time"

	"github.com/reliability-council/handbook/internal/load"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/reads"
	"github.com/reliability-council/handbook/internal/resolve"
)

// fixture resolves the build package's fixture site.
func fixture(t *testing.T) (*model.Handbook, *load.Site) {
	t.Helper()
	src, err := load.Load("../build/testdata/site")
	if err != nil {
		t.Fatal(err)
	}
	h, err := resolve.Resolve(src, time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return h, src
}

// fixtureJob prepares a render of the fixture site in the default theme,
// with cache: nil for a build's.
func fixtureJob(t *testing.T, cache *Cache) (*Job, *model.Handbook) {
	t.Helper()
	h, src := fixture(t)
	theme, err := load.Theme("../build/testdata/site", "default")
	if err != nil {
		t.Fatal(err)
	}
	j, err := Prepare(h, theme, src.Bodies(), cache)
	if err != nil {
		t.Fatal(err)
	}
	return j, h
}

// TestDefaultThemeIsFollowed checks that the analysis follows every layout
// of the default theme and its concern rows: had it to give up on one, its
// pages would be made again on every rebuild.
func TestDefaultThemeIsFollowed(t *testing.T) {
	j, _ := fixtureJob(t, NewCache())
	for name, a := range j.deps.layouts {
		if a.Everything != "" {
			t.Errorf("layout %s: the analysis gave up: %s", name, a.Everything)
		}
	}
	if j.deps.row.Everything != "" {
		t.Errorf("concern rows: the analysis gave up: %s", j.deps.row.Everything)
	}
}

// TestFuncsDescribeThemselves checks that every template function says
// what it reads in a way the analysis can apply: a function that builds a
// struct from its arguments takes them in the struct's field order.
func TestFuncsDescribeThemselves(t *testing.T) {
	h, src := fixture(t)
	described := funcs(newSite(h), newMarkdown("/").writer(src.Bodies()), newRowCache(nil, nil), newPartialCache())
	for name, f := range described {
		fn := reflect.TypeOf(f.Fn)
		if fn == nil || fn.Kind() != reflect.Func {
			t.Errorf("%s: Fn is not a function", name)
			continue
		}
		if len(f.Args) > fn.NumIn() {
			t.Errorf("%s: says what it reads of %d arguments, takes %d", name, len(f.Args), fn.NumIn())
		}
		built := f.Returns
		if r, ok := built.(reads.Renders); ok {
			built = r.Dot
		}
		st, ok := built.(reads.Struct)
		if !ok {
			continue
		}
		out := fn.Out(0)
		if st.Of != nil {
			out = reflect.TypeOf(st.Of)
		}
		if out.NumField() != fn.NumIn() {
			t.Errorf("%s: builds a %s of %d fields from %d arguments", name, out, out.NumField(), fn.NumIn())
			continue
		}
		for i := range fn.NumIn() {
			if field := out.Field(i); field.Type != fn.In(i) {
				t.Errorf("%s: argument %d is a %s, field %s of %s a %s", name, i, fn.In(i), field.Name, out, field.Type)
			}
		}
	}
}
