// Command handbook builds a reliability council's handbook: Markdown
// concerns, teams and meetings in, a static site out. Run handbook help.
package main

import (
	"os"

	"github.com/reliability-council/handbook/internal/cli"
)

func main() {
	os.Exit(cli.Run(cli.OS(), os.Args[1:]))
}
