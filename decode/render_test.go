package decode

import (
	"fmt"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/decodetest"
)

// In a rendered table row the space after a cell's text goes on from the
// text: the end of a cell's text (a finding's end column) is the place
// just after it in the file. The space had a segment of its own, at the
// cell's tag: a third of a table's segments, and an end column before the
// start (corpus 301.html's empty cell at 420:8 ended at 420:7).
func TestRowSegmentsPerCell(t *testing.T) {
	page := "<html><body><p>2021年政府信息公开工作年度报告</p>\n<table><tr><td>撤销</td><td>1</td><td></td></tr></table>"
	txt, err := decodeBytes("r.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	row := -1
	for i, l := range txt.Lines {
		if strings.Contains(l, "撤销") {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("no row in %q", txt.Lines)
	}
	line := []rune(txt.Lines[row])
	at := func(s string) int { return strings.Index(txt.Lines[row], s) }
	col := len([]rune(txt.Lines[row][:at("撤销")])) + 1 // 1-based
	// "撤销" ends just before "</td>" on line 2: <table><tr><td> is 15 bytes
	if got := txt.Locate(source.Pos{Line: row + 1, Col: col + 2}); got.Line != 2 || got.Col != 18 {
		t.Errorf("the end of 撤销 in %q is at %+v, want 2:18", string(line), got)
	}
	if got := txt.Locate(source.Pos{Line: row + 1, Col: col}); got.Line != 2 || got.Col != 16 {
		t.Errorf("撤销 in %q is at %+v, want 2:16", string(line), got)
	}
}

// A page too large for one set of slices is rendered in parts: its lines
// read and locate as they would in one, across the parts' seams.
func TestLargePageInParts(t *testing.T) {
	const rows = 40000 // 40,000 rows of ten cells: 1.7M runes and 800,000 segments, several parts
	var page strings.Builder
	page.WriteString("<html><body><p>2021年政府信息公开工作年度报告</p>\n<table>\n")
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&page, "<tr><td>%d</td>%s</tr>\n", i, strings.Repeat("<td>1</td>", 9))
	}
	page.WriteString("</table>")
	txt, err := decodeBytes("big.html", []byte(page.String()))
	if err != nil {
		t.Fatal(err)
	}
	decodetest.CheckText(t, txt)
	runes := 0
	for _, l := range txt.Norm {
		runes += len(l)
	}
	if runes < partRunes || rows*10*2 < 3*partSegs {
		t.Fatalf("%d runes, %d cells: the page does not fill several parts", runes, rows*10)
	}
	seen := 0
	for i, l := range txt.Lines {
		var n int
		if _, err := fmt.Sscanf(l, "| %d |", &n); err != nil {
			continue
		}
		if want := fmt.Sprintf("| %d |%s", n, strings.Repeat(" 1 |", 9)); l != want || n != seen {
			t.Fatalf("line %d reads %q, want row %d: %q", i+1, l, seen, want)
		}
		// the row's first number is on line n+3 of the page, after <tr><td>
		if got := txt.Locate(source.Pos{Line: i + 1, Col: 3}); got.Line != n+3 || got.Col != 9 {
			t.Fatalf("row %d's first cell located at %+v, want %d:9", n, got, n+3)
		}
		seen++
	}
	if seen != rows {
		t.Errorf("%d rows rendered, want %d", seen, rows)
	}
}
