package ingest_test

import (
	"flag"
	"os"
	"testing"
)

// TestMain caps the fuzzer's minimisation of new inputs at one second unless
// -test.fuzzminimizetime is given. Trafilatura's code coverage varies from
// run to run on the same input (it iterates over maps), so minimising an
// input while keeping its coverage never settles and would take the whole
// default of 60 seconds per input, leaving no time to fuzz.
func TestMain(m *testing.M) {
	flag.Parse()
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == "test.fuzzminimizetime" })
	if !set {
		if err := flag.Set("test.fuzzminimizetime", "1s"); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
