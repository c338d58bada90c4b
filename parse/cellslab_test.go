package parse

import "testing"

// Rows' cells cut from one block must never share memory: appending to
// one row's cells past its room must leave the next row's as they were.
func TestCellSlabRowsAreSeparate(t *testing.T) {
	var s cellSlab
	a, b := s.take(2), s.row(3)
	for _, c := range b {
		if c != (Cell{}) {
			t.Fatalf("a new row's cell is %+v, want zero", c)
		}
	}
	b[0].Raw = "b0"
	for range 3 {
		a = append(a, Cell{Raw: "a"})
	}
	if b[0].Raw != "b0" || b[1].Raw != "" {
		t.Fatalf("appending to one row changed the next: %+v", b)
	}
	if len(a) != 3 || cap(b) != 3 {
		t.Fatalf("len(a) = %d, cap(b) = %d; want 3 and 3", len(a), cap(b))
	}
}
