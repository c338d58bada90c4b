package parse

import (
	"fmt"
	"os"
	"testing"
)

// TestDumpTables prints the tables of the file in DUMP (a debugging aid,
// skipped unless DUMP is set).
func TestDumpTables(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip("set DUMP=file to print its tables")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseBytes(path, data)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("year %d era %v title %q issuer %q %v body %d-%d\n", r.Year, r.Era, r.Title, r.Issuer, r.IssuerKind, r.BodyStart+1, r.BodyEnd)
	for _, s := range r.Prose {
		fmt.Printf("-- %d:%d whole=%d %s\n", s.Span.Start.Line, s.Span.Start.Col, s.Whole, excerpt(s.Text, 50))
		for _, c := range s.Claims {
			fmt.Printf("     %v %g%s subj=%q of=%q total=%v cum=%v neg=%v @%d:%d\n", c.Kind, c.Value, c.Unit, c.Subject, c.Of, c.Total, c.Cumulative, c.Negated, c.Span.Start.Line, c.Span.Start.Col)
		}
		for _, l := range s.Lists {
			fmt.Printf("     list %s total=%d prev=%v parts=%v complete=%v\n", l.Marker, l.Total, l.PrevTotal != nil, l.Parts, l.Complete)
		}
	}
	for _, tb := range r.Tables {
		fmt.Printf("== %v %q %v %s\n", tb.Kind, tb.Title, tb.Status, tb.Reason)
		for _, row := range tb.Rows {
			fmt.Printf("  %-40s %v | read %v\n", row.Key, cellValues(row.Cells), cellValues(row.Read))
		}
	}
}
