package themes

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/reliability-council/handbook/internal/model"
)

// echartsSHA256 pins the ECharts build the theme ships: the parts of
// echarts@5.6.0 from npm that .ci/echarts/entry.js names, bundled by
// .ci/vendor-echarts, which fetches every package by its integrity.
const echartsSHA256 = "4c490b9900f852de3f2898e01a8354f9eb545505b4402e5cbeb37d07ebf43870"

func TestEChartsIsThePinnedBuild(t *testing.T) {
	data, err := fs.ReadFile(Default(), "assets/vendor/echarts/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != echartsSHA256 {
		t.Fatalf("echarts.min.js sha256 = %s, want %s", got, echartsSHA256)
	}
	for _, name := range []string{"LICENSE", "NOTICE", "LICENSE-d3", "LICENSE-zrender", "LICENSE-tslib", "SOURCE"} {
		if _, err := fs.Stat(Default(), "assets/vendor/echarts/"+name); err != nil {
			t.Errorf("the ECharts %s must ship beside it: %v", name, err)
		}
	}
}

// The stylesheet draws tags and legends in the tones and patterns that the
// charts use; it must know every one, in the same colour.
func TestStyleKnowsEveryToneAndPattern(t *testing.T) {
	css, err := fs.ReadFile(Default(), "assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	tones := map[string]string{}
	for _, m := range regexp.MustCompile(`\.tone-([a-z]+)\s*\{\s*--tone:\s*(#[0-9A-Fa-f]{6})`).FindAllSubmatch(css, -1) {
		tones[string(m[1])] = strings.ToUpper(string(m[2]))
	}
	for _, c := range model.Palette {
		if got := tones[c.Name]; got != strings.ToUpper(c.Hex) {
			t.Errorf(".tone-%s is %q in style.css, want %s as in the palette", c.Name, got, c.Hex)
		}
		delete(tones, c.Name)
	}
	for name := range tones {
		t.Errorf(".tone-%s is in style.css but not in the palette", name)
	}
	for _, p := range model.Patterns {
		if !regexp.MustCompile(`\.pattern-` + string(p) + `\s*\{\s*--pattern:`).Match(css) {
			t.Errorf("style.css has no .pattern-%s", p)
		}
	}
}
