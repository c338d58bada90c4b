package parse

import (
	"testing"
	"unicode/utf8"
)

// runeBytes must be the length string(rs) gives each rune, invalid ones
// included: tokens' texts are cut from lines by it.
func TestRuneBytesIsEncodedLength(t *testing.T) {
	for _, r := range []rune{-1, -0x7fffffff, 0, 0x7f, 0x80, 0x7ff, 0x800, 0x4e00, 0xd7ff, 0xd800, 0xdfff,
		0xe000, 0xffff, 0x10000, 0x10ffff, 0x110000, 0x7fffffff} {
		if got, want := runeBytes(r), len(string(r)); got != want {
			t.Errorf("runeBytes(%#x) = %d, string gives %d bytes", r, got, want)
		}
	}
}

// runeSizeAt must step over a line exactly as utf8.DecodeRuneInString
// does, bad bytes and cut-off characters included.
func TestRuneSizeAtIsDecodeSize(t *testing.T) {
	for _, s := range []string{"本年新收 640 件（１２）", "\xe4\xb8", "\xed\xa0\x80x", "\xe0\x80\x80", "\xef\xbf\xbd\xff", "a\xe5\xb9", "\xf0\x9f\x98\x80ü"} {
		for i := 0; i < len(s); i++ {
			_, want := utf8.DecodeRuneInString(s[i:])
			if got := runeSizeAt(s, i); got != want {
				t.Errorf("runeSizeAt(%q, %d) = %d, DecodeRuneInString reads %d", s, i, got, want)
			}
		}
	}
}
