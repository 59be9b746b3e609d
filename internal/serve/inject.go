package serve

import "bytes"

// liveTag returns the tag that pages get in the dev server only: the
// live-reload script, external so that a Content-Security-Policy allowing
// only the site's own scripts still holds, and the build the page belongs
// to, so that the script can tell after reconnecting whether the page is
// stale.
func liveTag(build string) []byte {
	return []byte(`<script src="` + livePath + `" data-build="` + build + `" defer></script>`)
}

// inject returns a copy of page with the live tag just before its last
// </body>, or at its end when it has none.
func inject(page []byte, build string) []byte {
	tag := liveTag(build)
	i := bodyEnd(page)
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// bodyEnd returns where the page's last </body> starts, in any letter case,
// or the page's length.
func bodyEnd(page []byte) int {
	const end = "</body"
	for i := len(page) - len(end); i >= 0; i-- {
		if page[i] == '<' && bytes.EqualFold(page[i:i+len(end)], []byte(end)) {
			return i
		}
	}
	return len(page)
}
