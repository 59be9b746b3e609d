package watch

import "testing"

func TestEditorFile(t *testing.T) {
	for name, want := range map[string]bool{
		"x.md~": true, ".x.md.swp": true, ".x.md.swx": true, ".x.md.swo": true,
		"4913": true, "x.md___jb_tmp___": true, "x.md___jb_old___": true,
		".#x.md": true, "#x.md#": true, ".DS_Store": true,

		"x.md": false, "x.swp": false, "49130": false, "#": false, "#x.md": false,
		"site.yaml": false, ".gitignore": false, "~x.md": false,
	} {
		if got := editorFile(name); got != want {
			t.Errorf("editorFile(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestInGit(t *testing.T) {
	for path, want := range map[string]bool{
		"/site/.git":              true,
		"/site/.git/HEAD":         true,
		"/site/content/.git/x.md": true,
		"/site/.gitignore":        false,
		"/site/content/git/x.md":  false,
		"/site/content/x.git":     false,
	} {
		if got := inGit(path); got != want {
			t.Errorf("inGit(%q) = %v, want %v", path, got, want)
		}
	}
}
