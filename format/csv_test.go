package format

import (
	"errors"
	"testing"
)

// A cell that a spreadsheet would read as a formula is made inert: the
// file names and titles in a collection's CSV come from the files checked.
func TestCSVCellsInert(t *testing.T) {
	for in, want := range map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1":                         "'+1",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\tx":                        "'\tx",
		"\rx":                        "'\rx",
		"reports/a.txt":              "reports/a.txt",
		"某某区2021年报告.txt":             "某某区2021年报告.txt",
		"":                           "",
		"-":                          "-", // standard input
	} {
		if got := inertCell(in); got != want {
			t.Errorf("inertCell(%q) = %q, want %q", in, got, want)
		}
	}
	row := csvRow(FileResult{Path: "=cmd|' /C calc'!A0.txt", Err: errors.New("=1+1")}, false, nil)
	if row[0] != "'=cmd|' /C calc'!A0.txt" || row[9] != "'=1+1" {
		t.Errorf("row %q: the path and the note must be inert", row)
	}
}
