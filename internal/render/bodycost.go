package render

import (
	"github.com/reliability-council/handbook/internal/mdcost"
	"github.com/reliability-council/handbook/internal/model"
)

// costly reports, at their lines in the file, the shapes in a body's text
// that would cost goldmark far more time or memory than the text's length
// (see mdcost): such a body is refused before goldmark is given it.
func costly(body model.Markdown, text []byte) error {
	problems := mdcost.Check(text)
	if len(problems) == 0 {
		return nil
	}
	var list model.ErrorList
	for _, p := range problems {
		list.Add(body.File, body.Line+p.Line-1, "%s", p.Msg)
	}
	return list
}

// CheckBody finds in one body's text what a build would refuse it for,
// without rendering it: check hands it every body as the sources are read
// (load.LoadInspecting), and reports all it finds, as a build would.
func CheckBody(body model.Markdown, text []byte) error { return costly(body, text) }
