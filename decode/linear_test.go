package decode

import (
	"strings"
	"testing"
	"time"
)

// Crafted shapes that made a reader quadratic: tables nested in cells
// (each level's text copied into the cell around it), colspans (every
// row walking a grid grown by each span), a DOCX paragraph of many line
// breaks (each break walking back over the paragraph's lines). Reading
// eight times the input must take well under 64 times as long: the time
// of the larger, best of three, against the smaller's times 24 (linear is
// 8, quadratic 64; the slack absorbs a loaded machine).
func TestReadersLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times the readers on large crafted inputs")
	}
	shapes := []struct {
		name string
		make func(n int) (string, []byte)
		n    int
	}{
		{"nested tables", func(n int) (string, []byte) {
			return "nested.html", []byte("<html><body><p>2021年政府信息公开工作年度报告</p>" + strings.Repeat("<table><tr><td>x", n))
		}, 2000},
		{"colspans", func(n int) (string, []byte) {
			return "colspan.html", []byte("<html><body><p>2021年政府信息公开工作年度报告</p><table><tr>" + strings.Repeat("<td colspan=1000>1", n) + "<tr><td>2")
		}, 20000},
		{"DOCX line breaks", func(n int) (string, []byte) {
			return "breaks.docx", docxOf(t, "<w:p><w:r><w:t>2021年报告</w:t>"+strings.Repeat("<w:br/><w:t>x</w:t>", n)+"</w:r></w:p>")
		}, 20000},
	}
	for _, s := range shapes {
		small, large := bestOf3(t, s.make, s.n), bestOf3(t, s.make, 8*s.n)
		t.Logf("%s: %v for n=%d, %v for 8n", s.name, small, s.n, large)
		if large > 24*small+50*time.Millisecond {
			t.Errorf("%s: %v for 8 times the input, %v for the input: more than linear", s.name, large, small)
		}
	}
}

func bestOf3(t *testing.T, make func(int) (string, []byte), n int) time.Duration {
	name, data := make(n)
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		start := time.Now()
		if _, err := decodeBytes(name, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		best = min(best, time.Since(start))
	}
	return best
}
