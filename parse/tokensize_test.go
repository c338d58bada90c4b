package parse

import (
	"testing"
	"unsafe"

	"github.com/reportlint/reportlint/decode/source"
)

// TestTokenSize keeps the token small: a large report's tables are read
// from a stream of millions of tokens, and at 104 bytes each they were
// most of the memory a 50 MB report took.
func TestTokenSize(t *testing.T) {
	if n := unsafe.Sizeof(token{}); n > 64 {
		t.Errorf("a token takes %d bytes, want at most 64", n)
	}
}

// TestTokenStreamGrowth: the stream of a large report is grown to about
// its size, not by a quarter at a time past it (append's growth held the
// old stream beside the new, 2.25 times the tokens, at each step).
func TestTokenStreamGrowth(t *testing.T) {
	var lines []string
	for i := 0; i < 40000; i++ {
		lines = append(lines, "| 一、本年新收政府信息公开申请数量 | 12 | 3 | 0 | 0 | 1 | - | 16 |", "政府信息公开工作稳步推进。")
	}
	txt := NewText(source.Plain("big.txt", "utf-8", lines, -1, Marks))
	toks := tokenize(nil, txt, 0, len(lines), true)
	if len(toks) < 300000 {
		t.Fatalf("%d tokens, want at least 300000", len(toks))
	}
	if c := cap(toks); c > len(toks)+len(toks)/8 {
		t.Errorf("%d tokens in a stream of capacity %d, want at most an eighth more", len(toks), c)
	}
}
