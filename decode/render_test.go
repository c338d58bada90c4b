package decode

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode/source"
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
