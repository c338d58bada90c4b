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
	fmt.Printf("year %d era %v title %q body %d-%d\n", r.Year, r.Era, r.Title, r.BodyStart+1, r.BodyEnd)
	for _, tb := range r.Tables {
		fmt.Printf("== %v %q %v %s\n", tb.Kind, tb.Title, tb.Status, tb.Reason)
		for _, row := range tb.Rows {
			fmt.Printf("  %-40s %v | read %v\n", row.Key, cellValues(row.Cells), cellValues(row.Read))
		}
	}
}
