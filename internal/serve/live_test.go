package serve

import (
	"regexp"
	"strings"
	"testing"
)

// TestLiveJSNeverParsesMarkup: error messages quote the sources, so the
// overlay must show them as text. A browser test can check the result; this
// one checks that live.js has no way to parse a string as markup or code.
func TestLiveJSNeverParsesMarkup(t *testing.T) {
	js := string(liveJS)
	for _, bad := range []string{
		"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
		"eval(", "Function(", "DOMParser", "createContextualFragment", "srcdoc",
		`setAttribute("style"`, "cssText", // inline style that a CSP may forbid
	} {
		if strings.Contains(js, bad) {
			t.Errorf("live.js uses %s", bad)
		}
	}
	if !strings.Contains(js, ".textContent = ") {
		t.Error("live.js never sets textContent: how does it show errors?")
	}
}

// TestLiveJSContract checks the names that the server and a browser test
// rely on.
func TestLiveJSContract(t *testing.T) {
	js := string(liveJS)
	for _, want := range []string{
		`"handbook-errors"`,                         // the overlay's id
		`"handbook-error"`,                          // each error
		`"handbook-error-where"`,                    // file:line
		`"handbook-error-msg"`,                      // the message
		`"data-build"`,                              // the build the page was served with
		`new EventSource("` + eventsPath + `?page=`, // the stream, naming the page
	} {
		if !strings.Contains(js, want) {
			t.Errorf("live.js lacks %s", want)
		}
	}
	events := regexp.MustCompile(`on\(source, "(\w+)"`).FindAllStringSubmatch(js, -1)
	var names []string
	for _, m := range events {
		names = append(names, m[1])
	}
	if strings.Join(names, " ") != "reload styles errors ok" {
		t.Errorf("live.js handles %v, want reload styles errors ok", names)
	}
}
