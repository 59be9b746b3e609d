package render

import (
	"github.com/reliability-council/handbook/internal/mdcost"
	"github.com/reliability-council/handbook/internal/model"
	"github.com/reliability-council/handbook/internal/parallel"
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

// checkBodies finds what costly finds in every body of the handbook,
// without rendering any: check reports all of them, as a build would.
func checkBodies(h *model.Handbook, bodies Bodies) error {
	var all []model.Markdown
	for _, t := range h.Teams {
		all = append(all, t.Body)
	}
	for _, c := range h.Concerns {
		all = append(all, c.Body)
	}
	for _, m := range h.Meetings {
		all = append(all, m.Body)
	}
	for _, p := range h.Pages {
		all = append(all, p.Body)
	}
	errs := make([]error, len(all))
	parallel.Each(len(all), func() func(int) {
		return func(i int) {
			text, err := bodies.Text(all[i])
			if err == nil {
				err = costly(all[i], text)
			}
			errs[i] = err
		}
	})
	return joinErrors(errs)
}
