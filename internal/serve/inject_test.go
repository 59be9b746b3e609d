package serve

import (
	"strings"
	"testing"
)

func TestInject(t *testing.T) {
	tag := string(liveTag("b1"))
	for _, tc := range []struct{ page, want string }{
		{"<body><p>x</p></body></html>", "<body><p>x</p>" + tag + "</body></html>"},
		{"<BODY>x</BODY>", "<BODY>x" + tag + "</BODY>"},
		{"<body><pre>&lt;/body&gt;</pre>\n</body >", "<body><pre>&lt;/body&gt;</pre>\n" + tag + "</body >"},
		{"<body><script>s='</body>'</script></body>", "<body><script>s='</body>'</script>" + tag + "</body>"},
		{"<p>no body end</p>", "<p>no body end</p>" + tag},
		{"", tag},
		{"é</body>", "é" + tag + "</body>"},
	} {
		if got := string(inject([]byte(tc.page), "b1")); got != tc.want {
			t.Errorf("inject(%q)\n got %q\nwant %q", tc.page, got, tc.want)
		}
	}
}

func TestInjectLeavesPageAlone(t *testing.T) {
	page := []byte("<body></body>")
	_ = inject(page, "b1")
	if string(page) != "<body></body>" {
		t.Errorf("inject changed its argument to %q", page)
	}
}

// TestServedEqualsBuilt checks that the server changes nothing but the live
// tag: HTML gets it once, before </body>; every other file is served as
// built, even when it contains "</body>"; the built files stay untouched.
func TestServedEqualsBuilt(t *testing.T) {
	files := fixture()
	s := New(Options{})
	update(s, files, Change{All: true})
	tag := string(liveTag(s.state.Load().build))
	for _, f := range fixture() {
		target := "/" + f.Path
		if f.Path == "404.html" {
			target = "/missing"
		}
		_, body := get(t, s.Handler(), "GET", target)
		if !isHTML(f.Path) {
			if body != string(f.Data) {
				t.Errorf("%s: served %q, built %q", f.Path, body, f.Data)
			}
			continue
		}
		if n := strings.Count(body, tag); n != 1 {
			t.Errorf("%s: live tag %d times, want once", f.Path, n)
		}
		if !strings.Contains(body, tag+"</body>") {
			t.Errorf("%s: live tag not just before </body>:\n%s", f.Path, body)
		}
		if got := strings.Replace(body, tag, "", 1); got != string(f.Data) {
			t.Errorf("%s: served less the tag\n%s\nbuilt\n%s", f.Path, got, f.Data)
		}
	}
	for i, f := range fixture() {
		if string(files[i].Data) != string(f.Data) {
			t.Errorf("%s: Update changed the built file", f.Path)
		}
	}
}
