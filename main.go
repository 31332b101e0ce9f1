// Command emma runs Emma, a distributed calculator service.
package main

import (
	"context"
	"fmt"
	"os"

	"emma/app"
)

func main() {
	if err := app.NewCommand(os.Stdout, os.Stderr).ExecuteContext(context.Background()); err != nil {
		fmt.Fprintln(os.Stderr, "emma:", err)
		os.Exit(1)
	}
}
