package watch

import (
	"os"
	"path/filepath"
	"strings"
)

// ignored reports whether a change to path is noise: a file an editor or
// the Finder leaves beside the ones people edit, anything inside .git, or
// anything the caller asked to ignore.
func (t *tree) ignored(path string) bool {
	return editorFile(filepath.Base(path)) || inGit(path) || (t.ignore != nil && t.ignore(path))
}

// editorFile reports whether name is a temp, swap, backup or lock file that
// an editor writes while saving, or .DS_Store: none is a source file, and
// each comes and goes on every save.
func editorFile(name string) bool {
	switch {
	case name == "4913": // vim's probe for whether it may write in the folder
		return true
	case name == ".DS_Store":
		return true
	case strings.HasSuffix(name, "~"): // vim and emacs backups
		return true
	case strings.HasPrefix(name, ".") &&
		(strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".swo")):
		return true // vim swap files
	case strings.HasSuffix(name, "___jb_tmp___") || strings.HasSuffix(name, "___jb_old___"):
		return true // JetBrains safe write
	case strings.HasPrefix(name, ".#"): // emacs lock
		return true
	case len(name) >= 2 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs auto-save
		return true
	}
	return false
}

// inGit reports whether path is a .git folder or inside one: git rewrites
// files there on every commit and checkout, and none is a source file.
func inGit(path string) bool {
	for part := range strings.SplitSeq(path, string(os.PathSeparator)) {
		if part == ".git" {
			return true
		}
	}
	return false
}
