package gdelt_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

func ExampleSplitActorCode() {
	fmt.Printf("%+v\n", gdelt.SplitActorCode("LBNREBHEZ"))
	// Output:
	// {Code:LBNREBHEZ Name: CountryCode:LBN KnownGroupCode:HEZ EthnicCode: Religion1Code: Religion2Code: Type1Code:REB Type2Code: Type3Code:}
}

func ExampleFIPS() {
	fmt.Println(gdelt.FIPS("GB"), gdelt.FIPS("RU"), gdelt.ISO2("GM"))
	// Output: UK RS DE
}

func ExampleWriteEvents() {
	a := &article.Article{
		ID: "a1", URL: "https://example.org/a1", Text: "Russia criticised the UN.",
		Date: time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
		Events: []article.Event{{Source: "RUS", Target: "IGOUNO", Code: "111", Root: "11", Goldstein: -2, Quad: 3,
			Date: "2017-04-12", SourceSpan: article.Span{Start: 0, End: 6}, TargetSpan: article.Span{Start: 18, End: 24}}},
	}
	var b strings.Builder
	gdelt.WriteEvents(&b, gdelt.EventRows(a, 1))
	for i, v := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t") {
		if v != "" && v != "0" {
			fmt.Printf("%s=%s\n", gdelt.EventColumns[i], v)
		}
	}
	// Output:
	// GLOBALEVENTID=1
	// SQLDATE=20170412
	// MonthYear=201704
	// Year=2017
	// FractionDate=2017.2795
	// Actor1Code=RUS
	// Actor1Name=RUSSIA
	// Actor1CountryCode=RUS
	// Actor2Code=IGOUNO
	// Actor2Name=THE UN
	// Actor2KnownGroupCode=UNO
	// Actor2Type1Code=IGO
	// IsRootEvent=1
	// EventCode=111
	// EventBaseCode=111
	// EventRootCode=11
	// QuadClass=3
	// GoldsteinScale=-2
	// NumMentions=1
	// NumSources=1
	// NumArticles=1
	// DATEADDED=20170413000000
	// SOURCEURL=https://example.org/a1
}

func ExampleReadGKG() {
	in := "r1\t20200222011500\t1\texample.org\thttps://example.org/1\t\t\t\t\t\t" +
		"1#Russia#RS#RS##60#100#RS#12\t\tVladimir Putin,0\t\t\t-1.5,2,3.5,5.5,20,1,80" + strings.Repeat("\t", 11) + "\n"
	for r, err := range gdelt.ReadGKG(strings.NewReader(in)) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		fmt.Println(r.RecordID, r.Persons[0].Name, r.Locations[0].FullName, r.Locations[0].ISO2(), r.Tone.Tone)
	}
	// Output: r1 Vladimir Putin Russia RU -1.5
}
