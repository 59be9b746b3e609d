package chart

// okabeIto is the Okabe-Ito palette, safe for the common kinds of colour
// blindness; its black is a mid grey here so that it shows on dark pages.
var okabeIto = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"}

// statusColours follows the default statuses' tags; other statuses take the
// palette in turn.
var statusColours = map[string]string{
	"proposed":    "#999999",
	"accepted":    "#56B4E9",
	"planned":     "#CC79A7",
	"in-progress": "#E69F00",
	"done":        "#009E73",
	"dropped":     "#5F5F5F",
}

func colourOf(status string, i int) string {
	if c, ok := statusColours[status]; ok {
		return c
	}
	return okabeIto[i%len(okabeIto)]
}
