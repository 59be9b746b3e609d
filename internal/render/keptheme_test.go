package render

import (
	"bytes"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/reliability-council/handbook/internal/load"
)

// TestKeptThemeMakesWhatABuildMakes renders two handbooks in turn with one
// cache, in a theme whose concern page html/template runs, and wants each
// page as a build of its handbook alone makes it; the layouts parsed once,
// and again once one changes.
func TestKeptThemeMakesWhatABuildMakes(t *testing.T) {
	theme := fstest.MapFS{}
	base, err := load.Theme("../build/testdata/site", "default")
	if err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(base, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(base, p)
		theme[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// An escaper in a script is html/template's to run: the page is handed
	// over to it, with url, a function of the site.
	theme["layouts/concern.html"] = &fstest.MapFile{Data: []byte(
		`{{define "main"}}<h1>{{.Concern.Title}}</h1><script>var page = {{url .Path}}, title = {{.Concern.Title}};</script>{{end}}`)}

	first, src := fixture(t)
	second, _ := fixture(t)
	second.Config.BaseURL = "https://elsewhere.example/handbook/"
	second.Concerns[0].Title = "Another title"
	page := "concerns/" + first.Concerns[0].Slug + "/index.html"

	cache := NewCache()
	prepare := func(j *Job, err error) *Job {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	one := prepare(Prepare(first, theme, src.Bodies(), cache))
	kept := cache.theme
	two := prepare(Prepare(second, theme, src.Bodies(), cache))
	if cache.theme != kept || kept == nil {
		t.Error("the second render parsed the theme again")
	}
	// Both compile the layout before either runs it: the template they
	// compile from has the first's functions.
	two.compiled["concern"].get()
	one.compiled["concern"].get()
	for _, c := range []struct {
		job  *Job
		want *Job
	}{
		{two, prepare(Prepare(second, theme, src.Bodies(), nil))},
		{one, prepare(Prepare(first, theme, src.Bodies(), nil))},
	} {
		got, _, err := c.job.File(page)
		want, _, wantErr := c.want.File(page)
		if err != nil || wantErr != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: got\n%s\n%v\nwant\n%s\n%v", page, got, err, want, wantErr)
		}
		if c.job.compiled["concern"].get().Fallbacks() == 0 {
			t.Error("html/template did not run the concern page")
		}
	}

	theme["layouts/tag.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<h1>{{.Tag.Name}}</h1>{{end}}`)}
	prepare(Prepare(second, theme, src.Bodies(), cache))
	if cache.theme == kept {
		t.Error("a render after a layout changed kept the old layouts")
	}
}
