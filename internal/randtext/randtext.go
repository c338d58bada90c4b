// Package randtext makes random text for tests: pieces of valid and
// invalid UTF-8 around every boundary the decoders check.
package randtext

import "math/rand"

// Pieces are pieces of valid and invalid UTF-8 around every boundary
// the decoders check: leads, continuation bytes, overlong forms,
// surrogates, runes past U+10FFFF, cut sequences.
var Pieces = []string{
	"a", " ", "\n", "\x7f", "\x80", "\xbf", "\xc0", "\xc1", "\xc2", "\xdf", "\xe0", "\xe1", "\xe4", "\xe9", "\xec", "\xed", "\xee", "\xef",
	"\xf0", "\xf4", "\xf5", "\xff", "\x9f", "\xa0", "\x8f", "\x90", "一", "年", "报", "\u4dff", "\u4000", "\u3fff", "\ufffd", "\uffff",
	"（", "Ａ", "\u3000", "😀", "\U0010ffff", "\xe4\xb8", "\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf", "\xed\xa0\x80",
	"\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xc2\x80", "\xc1\xbf", "12345678",
}

// UTF8 joins up to 40 random pieces.
func UTF8(r *rand.Rand) string {
	var b []byte
	for n := r.Intn(40); n > 0; n-- {
		b = append(b, Pieces[r.Intn(len(Pieces))]...)
	}
	return string(b)
}
