package parse

import (
	"strings"
	"testing"
)

// Crawler copies run a table's cells together. Rows with one digit a cell
// and a matching total are recovered (their cells marked inferred); the
// others are left unread, with the reason.
func TestFlattened(t *testing.T) {
	t.Run("010", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/010.txt")
		a := onlyTable(t, r, TableApplications)
		if a.Status != TablePartial || !strings.Contains(a.Reason, "「640020470」") || !strings.Contains(a.Reason, "4 行拆分不唯一") {
			t.Errorf("表三 %v: %s", a.Status, a.Reason)
		}
		wantRows(t, a, map[string][]string{
			"apply.new":                       {"?", "?", "?", "?", "?", "?", "?"}, // 640020470
			"apply.carried":                   {"0", "0", "0", "0", "0", "0", "0"},
			"apply.result.denied.internal":    {"1", "0", "0", "0", "0", "0", "1"}, // 10000016. → 1000001 + 6.
			"apply.result.denied.enforcement": {"6", "0", "0", "0", "0", "0", "6"},
			"apply.result.granted":            {"?", "?", "?", "?", "?", "?", "?"}, // 270020130
		})
		if c := a.Row("apply.carried").Cells[0]; !c.Inferred {
			t.Errorf("a recovered cell must be marked inferred")
		}
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableUnchecked || !strings.Contains(rev.Reason, "「10203120001200000」") {
			t.Errorf("表四 %v: %s", rev.Status, rev.Reason)
		}
	})
	t.Run("110", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/110.txt")
		a := onlyTable(t, r, TableApplications)
		wantRows(t, a, map[string][]string{
			"apply.carried":            {"1", "0", "0", "0", "0", "0", "1"},
			"apply.result.partial":     {"8", "1", "0", "0", "0", "0", "9"},
			"apply.result.other.other": {"0", "2", "0", "0", "0", "0", "2"},
		})
		// 表四 prints its cells as single digits with spaces: certain
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableRead {
			t.Errorf("表四 %v: %s", rev.Status, rev.Reason)
		}
		wantRows(t, rev, map[string][]string{
			"review.reconsideration": {"0", "1", "1", "0", "2"},
			"review.suit_direct":     {"1", "0", "0", "0", "1"},
		})
	})
	t.Run("005", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/005.txt")
		a := onlyTable(t, r, TableApplications)
		if a.Variant != Era2019 || !strings.Contains(a.Reason, "「230」") {
			t.Errorf("表三 %v: %s", a.Variant, a.Reason)
		}
		// （六）其他处理 prints 0 0 0 0 0 00: seven digits, one a cell
		wantRows(t, a, map[string][]string{"apply.result.other": {"0", "0", "0", "0", "0", "0", "0"}})
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TablePartial || rev.Row("review.suit_after").Cells[4].Raw != "0" || !rev.Rows[0].Cells[0].Inferred {
			t.Errorf("表四 (15 zeros run together) %v: %s", rev.Status, rev.Reason)
		}
	})
	t.Run("113", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/113.txt")
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableUnchecked || !strings.Contains(rev.Reason, "「25380363300630003」") {
			t.Errorf("表四 %v: %s", rev.Status, rev.Reason)
		}
		for _, row := range rev.Rows {
			for _, c := range row.Cells {
				if c.Kind != CellMissing {
					t.Fatalf("an unchecked 表四 must hold no cells: %+v", row)
				}
			}
		}
	})
}

// A row of seven digits whose last is not the sum of the others may hold a
// lost blank cell beside a two-digit number: it is not split.
func TestGluedSplitNeedsTotal(t *testing.T) {
	cell := func(s string) Cell {
		k, n := ParseCell(s)
		return Cell{Raw: s, Kind: k, Number: n, glued: len(s) > 1}
	}
	if got := splitGlued([]Cell{cell("1200012")}, 7); got == nil || lastIsSum(got) {
		t.Errorf("1200012 splits into seven digits whose total does not hold: %v", cellValues(got))
	}
	if got := splitGlued([]Cell{cell("640020470")}, 7); got != nil {
		t.Errorf("nine digits in seven cells split: %v", cellValues(got))
	}
	if got := splitGlued([]Cell{cell("23"), cell("0"), cell("00"), cell("0"), cell("0")}, 7); got == nil || cellValues(got)[6] != "0" {
		t.Errorf("23 0 00 0 0: %v", cellValues(got))
	}
}
