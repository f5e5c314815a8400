package main

import (
	"context"
	"os"
	"testing"
)

// TestMain lets tests run the program in a child process (the test binary
// itself, with WORLDMEDIA_TEST_MAIN=1), to kill it or measure its memory.
func TestMain(m *testing.M) {
	if os.Getenv("WORLDMEDIA_TEST_MAIN") == "1" {
		os.Exit(run(context.Background(), env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:]))
	}
	os.Exit(m.Run())
}
