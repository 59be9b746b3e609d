package themes

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"testing"
)

// echartsSHA256 pins the ECharts build the theme ships (echarts@5.6.0 from
// npm); .ci/vendor-echarts fetches and checks it.
const echartsSHA256 = "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1"

func TestEChartsIsThePinnedBuild(t *testing.T) {
	data, err := fs.ReadFile(Default(), "assets/vendor/echarts/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != echartsSHA256 {
		t.Fatalf("echarts.min.js sha256 = %s, want %s", got, echartsSHA256)
	}
	for _, name := range []string{"LICENSE", "NOTICE", "LICENSE-d3", "SOURCE"} {
		if _, err := fs.Stat(Default(), "assets/vendor/echarts/"+name); err != nil {
			t.Errorf("the ECharts %s must ship beside it: %v", name, err)
		}
	}
}
