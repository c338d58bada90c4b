package source

import (
	"testing"
	"unsafe"
)

// Each kind of place a decoder makes comes back from its segment as it
// went in, at columns up to the longest line a 64 MB file renders; and a
// segment takes 20 bytes (a page of table cells holds one a cell).
func TestSegmentKeepsItsPlace(t *testing.T) {
	places := []Location{
		{Line: 12, Col: 5},                                // text, HTML
		{Page: 3, Line: 29, Col: 1},                       // PDF
		{Para: 40, Col: 7},                                // DOCX paragraph
		{Table: 2, Row: 15, Cell: 4, Col: 3},              // DOCX table cell
		{Line: 1 << 25, Col: 1<<31 - 1},                   // a page of one long line
		{Table: 1 << 20, Row: 1 << 20, Cell: 512, Col: 1}, // a crafted document's
		{},
	}
	for _, l := range places {
		for _, start := range []int{0, 1, 4096, 64 << 20} {
			s := NewSegment(start, l)
			if s.Loc() != l || s.Start() != start {
				t.Errorf("NewSegment(%d, %+v) gives back %d, %+v", start, l, s.Start(), s.Loc())
			}
		}
	}
	if size := unsafe.Sizeof(Segment{}); size > 20 {
		t.Errorf("a segment takes %d bytes, want 20 at most", size)
	}
}
