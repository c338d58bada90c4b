package parse

import "strings"

// containsWord is strings.Contains for the Chinese words the parser looks
// for on every line. strings.Contains finds candidates by the needle's
// first byte, and the lead byte of a Chinese character (E4-E9) is a third
// of the bytes of Chinese text, so it ends up comparing at nearly every
// place; the needle's last byte, a continuation byte, is one of 64 values,
// and finding candidates by it made the searches about twice as fast.
func containsWord(s, w string) bool { return indexWord(s, w) >= 0 }

// indexWord is strings.Index found as containsWord finds it: scanning
// from the left, the first place whose last byte matches and whose bytes
// are the word is the word's first place.
func indexWord(s, w string) int {
	n := len(w)
	if n < 3 || len(s) <= 64 {
		// short text: strings.Index compares it whole in a few
		// instructions, faster than finding candidates
		return strings.Index(s, w)
	}
	last := w[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		if s[i-n+1:i+1] == w {
			return i - n + 1
		}
	}
	return -1
}

// cjkSet is a set of CJK ideographs (U+4E00-U+9FFF), one bit each: a
// lookup in it is an index and a mask, where strings.ContainsRune over
// the set's characters searched a string.
type cjkSet [(0x9FFF - 0x4E00 + 64) / 64]uint64

func cjkSetOf(chars string) *cjkSet {
	var s cjkSet
	for _, r := range chars {
		if r < 0x4E00 || r > 0x9FFF {
			panic("cjkSetOf: not a CJK ideograph: " + string(r))
		}
		s[(r-0x4E00)/64] |= 1 << ((r - 0x4E00) % 64)
	}
	return &s
}

func (s *cjkSet) has(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF && s[(r-0x4E00)/64]&(1<<((r-0x4E00)%64)) != 0
}
