// The escapers below are html/template's (Copyright 2011 The Go Authors;
// BSD-style licence in LICENSE-go), taking a reflect.Value or a string
// instead of ...any. What they cannot do without html/template's own
// parser, stripping the tags of HTML put in an attribute, they leave to
// html/template.

package execute

import (
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// kind is the kind of content a value is: html/template's content types.
type kind uint8

const (
	plain kind = iota
	css
	html
	htmlAttr
	js
	jsStr
	url
	srcset
)

var kinds = map[reflect.Type]kind{
	reflect.TypeFor[string]():            plain,
	reflect.TypeFor[template.CSS]():      css,
	reflect.TypeFor[template.HTML]():     html,
	reflect.TypeFor[template.HTMLAttr](): htmlAttr,
	reflect.TypeFor[template.JS]():       js,
	reflect.TypeFor[template.JSStr]():    jsStr,
	reflect.TypeFor[template.URL]():      url,
	reflect.TypeFor[template.Srcset]():   srcset,
}

// stringify is html/template's: the text of v and its kind of content.
func stringify(v reflect.Value) (string, kind) {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !v.IsValid() || v.Kind() == reflect.Interface {
		return "", plain // an untyped nil prints as nothing
	}
	if v.Kind() == reflect.String {
		if k, ok := kinds[v.Type()]; ok {
			return v.String(), k
		}
	}
	w := v
	for w.Kind() == reflect.Pointer && !w.IsNil() {
		w = w.Elem()
	}
	if w.Kind() == reflect.String {
		if k, ok := kinds[w.Type()]; ok {
			return w.String(), k
		}
	}
	a := v.Interface()
	return fmt.Sprint(indirectToStringerOrError(a)), plain
}

var (
	errorIface    = reflect.TypeFor[error]()
	stringerIface = reflect.TypeFor[fmt.Stringer]()
)

func indirectToStringerOrError(a any) any {
	v := reflect.ValueOf(a)
	for !v.Type().Implements(stringerIface) && !v.Type().Implements(errorIface) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// escaper escapes text of a kind of content for where html/template found
// it.
type escaper func(text string, k kind) string

// htmlTextEscaper is the name of html/template's escaper of HTML text,
// which prints HTML as it is.
const htmlTextEscaper = "_html_template_htmlescaper"

// escapersByName are html/template's escapers by the names its escaped
// trees call them.
var escapersByName = map[string]escaper{
	htmlTextEscaper: func(s string, k kind) string {
		if k == html {
			return s
		}
		return htmlReplacer(s, htmlReplacementTable, true)
	},
	"_html_template_attrescaper": func(s string, k kind) string {
		if k == html {
			giveUp("HTML in an attribute, whose tags html/template strips")
		}
		return htmlReplacer(s, htmlReplacementTable, true)
	},
	"_html_template_rcdataescaper": func(s string, k kind) string {
		if k == html {
			return htmlReplacer(s, htmlNormReplacementTable, true)
		}
		return htmlReplacer(s, htmlReplacementTable, true)
	},
	"_html_template_nospaceescaper": func(s string, k kind) string {
		if s == "" {
			return filterFailsafe
		}
		if k == html {
			giveUp("HTML in an attribute, whose tags html/template strips")
		}
		return htmlReplacer(s, htmlNospaceReplacementTable, false)
	},
	"_html_template_htmlnamefilter": func(s string, k kind) string {
		if k != htmlAttr {
			giveUp("an attribute name that is not of type HTMLAttr")
		}
		return s
	},
	"_html_template_urlfilter": func(s string, k kind) string {
		if k != url && !isSafeURL(s) {
			return "#" + filterFailsafe
		}
		return s
	},
	// A value in a script: html/template writes JS as it is and anything
	// else as JSON, which is its own to write (a chart's data is JS).
	"_html_template_jsvalescaper": func(s string, k kind) string {
		if k != js {
			giveUp("a value in a script that is not of type JS, which html/template writes as JSON")
		}
		return s
	},
	"_html_template_urlnormalizer": func(s string, k kind) string { return urlProcessor(true, s) },
	"_html_template_urlescaper":    func(s string, k kind) string { return urlProcessor(k == url, s) },
}

// filterFailsafe is what html/template puts in place of a value it refuses.
const filterFailsafe = "ZgotmplZ"

var htmlReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

var htmlNormReplacementTable = []string{
	0:    "\uFFFD",
	'"':  "&#34;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'>':  "&gt;",
}

var htmlNospaceReplacementTable = []string{
	0:    "&#xfffd;",
	'\t': "&#9;",
	'\n': "&#10;",
	'\v': "&#11;",
	'\f': "&#12;",
	'\r': "&#13;",
	' ':  "&#32;",
	'"':  "&#34;",
	'&':  "&amp;",
	'\'': "&#39;",
	'+':  "&#43;",
	'<':  "&lt;",
	'=':  "&#61;",
	'>':  "&gt;",
	'`':  "&#96;",
}

func htmlReplacer(s string, replacementTable []string, badRunes bool) string {
	written, b := 0, strings.Builder{} // on the stack: most strings need no escaping
	r, w := rune(0), 0
	for i := 0; i < len(s); i += w {
		r, w = utf8.DecodeRuneInString(s[i:])
		if int(r) < len(replacementTable) {
			if repl := replacementTable[r]; len(repl) != 0 {
				if written == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[written:i])
				b.WriteString(repl)
				written = i + w
			}
		} else if badRunes {
			// No-op.
		} else if 0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff {
			if written == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[written:i])
			b.WriteString("&#x")
			b.WriteString(strconv.FormatInt(int64(r), 16))
			b.WriteString(";")
			written = i + w
		}
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isSafeURL(s string) bool {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return false
		}
	}
	return true
}

// urlProcessor percent-encodes what s may not hold as it is, as
// html/template's urlProcessor does; a string that needs nothing comes
// back as it is, with nothing allocated.
func urlProcessor(norm bool, s string) string {
	var b strings.Builder
	written := 0
	for i, n := 0, len(s); i < n; i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(lowerHex[c>>4])
		b.WriteByte(lowerHex[c&0xf])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

const lowerHex = "0123456789abcdef"

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
