package parse

import (
	"testing"
	"unsafe"
)

// TestTokenSize keeps the token small: a large report's tables are read
// from a stream of millions of tokens, and at 104 bytes each they were
// most of the memory a 50 MB report took.
func TestTokenSize(t *testing.T) {
	if n := unsafe.Sizeof(token{}); n > 72 {
		t.Errorf("a token takes %d bytes, want at most 72", n)
	}
}
