package serve

import _ "embed"

// liveJS is the script that keeps an open page in step with the server.
//
//go:embed live.js
var liveJS []byte

// waitingHTML is served for every page until the first good build.
//
//go:embed waiting.html
var waitingHTML []byte
