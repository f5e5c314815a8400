package actors_test

import (
	"fmt"
	"testing/fstest"
	"time"

	"worldmedia/internal/actors"
)

func ExampleDictionary_Combine() {
	d, err := actors.Load(fstest.MapFS{
		"countries.txt": {Data: []byte("SYR = Syria\nSYR adj = Syrian\nRUS = Russia\nRUS adj = Russian\n")},
		"roles.txt":     {Data: []byte("MIL = troops\nGOV = foreign minister\n")},
		"people/x.txt":  {Data: []byte("Sergey Lavrov | Lavrov = RUSGOV 2004-03-09..\n")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Syrian troops met Russian foreign minister Sergey Lavrov"
	toks := tokenize(text)
	date := time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)
	for _, a := range d.Combine(d.Find(text, toks, date), toks, text) {
		fmt.Printf("%s: %s\n", a.Span.In(text), a.Code)
	}
	// Output:
	// Syrian troops: SYRMIL
	// Russian foreign minister Sergey Lavrov: RUSGOV
}
