// Package themes embeds the default theme, so that the handbook binary works
// anywhere with nothing beside it. A site's own themes/NAME/ folder overrides
// it file by file.
package themes

import (
	"embed"
	"io/fs"
)

//go:embed default
var embedded embed.FS

// Default returns the default theme's files: layouts/ and assets/.
func Default() fs.FS {
	sub, err := fs.Sub(embedded, "default")
	if err != nil {
		panic(err) // the embedded folder is fixed at compile time
	}
	return sub
}
