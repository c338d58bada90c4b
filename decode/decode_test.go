package decode

import (
	"bytes"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/randtext"
)

var testMarks, _ = source.NewMarks("填统月申第本信政年工发成来公报指")

// utf8Runes agrees with utf8.Valid and utf8.RuneCount.
func TestUTF8Runes(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for k := 0; k < 200000; k++ {
		s := []byte(randtext.UTF8(r))
		n, ok := utf8Runes(s)
		if ok != utf8.Valid(s) || ok && n != utf8.RuneCount(s) {
			t.Fatalf("%q: %d %v, want %d %v", s, n, ok, utf8.RuneCount(s), utf8.Valid(s))
		}
	}
	// every two bytes, with a third at each edge of the ranges
	var b [3]byte
	for i := 0; i < 1<<16; i++ {
		for _, c := range []byte{0, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff} {
			b[0], b[1], b[2] = byte(i>>8), byte(i), c
			for _, s := range [][]byte{b[:], b[:2], append(b[:], 'x', 'y'), append(b[:], '\xe4', '\xb8', '\x80', 'z')} {
				if n, ok := utf8Runes(s); ok != utf8.Valid(s) || ok && n != utf8.RuneCount(s) {
					t.Fatalf("%q: %d %v", s, n, ok)
				}
			}
		}
	}
}

// renderRunes writes a line as string(rs) does and normalises it as a
// plain text of that line is, invalid runes included.
func TestRenderRunes(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	odd := []rune{-1, 0, '\t', 0x7f, 0x80, 0x7ff, 0x800, 0x4dff, 0x4e00, '年', 0x9fff, 0xa000, 0xd7ff, 0xd800, 0xdfff, 0xe000,
		0xfffd, 0xffff, 0x10000, utf8.MaxRune, utf8.MaxRune + 1, 1 << 30, 'Ａ', '（', '\u3000'}
	for k := 0; k < 20000; k++ {
		rs := []rune(randtext.UTF8(r))
		for n := r.Intn(4); n > 0; n-- {
			rs = slices.Insert(rs, r.Intn(len(rs)+1), odd[r.Intn(len(odd))])
		}
		norm := make([]rune, len(rs))
		buf, same, keys := renderRunes([]byte("x"), norm, rs, testMarks)
		plain := source.Plain("", "", []string{string(rs)}, -1, testMarks)
		wantNorm, wantSame, wantKeys := plain.Norm[0], !plain.Changed(0), plain.Keys(0)
		if string(buf) != "x"+string(rs) || !slices.Equal(norm, wantNorm) || same != wantSame || keys != wantKeys {
			t.Fatalf("%U: %q %v %x, want %q %v %x", rs, buf, same, keys, string(rs), wantSame, wantKeys)
		}
	}
}

// runeCountValid counts as utf8.RuneCount does, on valid UTF-8.
func TestRuneCountValid(t *testing.T) {
	for _, s := range []string{
		"", "a", "abcdefgh", "abcdefghi", "统计", "<p style=\"x\">政府信息公开</p>\n", "é€𝄞",
		strings.Repeat("表三 本年新收 12 |", 50), strings.Repeat("\U0001F600a", 9),
	} {
		for i := 0; i <= len(s); i++ {
			if !utf8.ValidString(s[i:]) {
				continue
			}
			if got, want := runeCountValid([]byte(s[i:])), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("runeCountValid(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

// The ASCII case folds of the HTML sniffer agree with searching a
// lower-case copy, on text of tags in mixed case among Chinese and ASCII.
func TestFoldASCII(t *testing.T) {
	pieces := []string{"<", "<P", "<p", "<Div", "<dIV", "<TD", "<bR", "<HTML", "<htm", "l", "L", "报告", "a", " ", ">", "\ufeff", "<!--", "<?XML"}
	r := rand.New(rand.NewSource(4))
	for k := 0; k < 50000; k++ {
		var b []byte
		for n := r.Intn(8); n > 0; n-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		lower := bytes.ToLower(b)
		for _, p := range []string{"<p", "<div", "<td", "<br", "<html", "<!doctype html", "<?xml"} {
			if got, want := containsFoldASCII(b, p), bytes.Contains(lower, []byte(p)); got != want {
				t.Fatalf("containsFoldASCII(%q, %q) = %v", b, p, got)
			}
			if got, want := hasPrefixFoldASCII(b, p), bytes.HasPrefix(lower, []byte(p)); got != want {
				t.Fatalf("hasPrefixFoldASCII(%q, %q) = %v", b, p, got)
			}
		}
	}
}
