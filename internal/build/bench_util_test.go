package build

import "os"

func filepathTemp() (string, error) { return os.MkdirTemp("", "handbook-bench-") }

func editFile(tb interface{ Fatal(...any) }, path, appended string) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.WriteString(appended); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}
