package parse

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// utf8Bytes are pieces of valid and invalid UTF-8 around every boundary
// the decoders check: leads, continuation bytes, overlong forms,
// surrogates, runes past U+10FFFF, cut sequences.
var utf8Bytes = []string{
	"a", " ", "\n", "\x7f", "\x80", "\xbf", "\xc0", "\xc1", "\xc2", "\xdf", "\xe0", "\xe1", "\xe4", "\xe9", "\xec", "\xed", "\xee", "\xef",
	"\xf0", "\xf4", "\xf5", "\xff", "\x9f", "\xa0", "\x8f", "\x90", "一", "年", "报", "\u4dff", "\u4000", "\u3fff", "\ufffd", "\uffff",
	"（", "Ａ", "\u3000", "😀", "\U0010ffff", "\xe4\xb8", "\xe0\xa0\x80", "\xe0\x9f\xbf", "\xed\x9f\xbf", "\xed\xa0\x80",
	"\xf0\x90\x80\x80", "\xf0\x8f\xbf\xbf", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xc2\x80", "\xc1\xbf", "12345678",
}

func randomUTF8(r *rand.Rand) string {
	var b []byte
	for n := r.Intn(40); n > 0; n-- {
		b = append(b, utf8Bytes[r.Intn(len(utf8Bytes))]...)
	}
	return string(b)
}

// utf8Runes agrees with utf8.Valid and utf8.RuneCount.
func TestUTF8Runes(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for k := 0; k < 200000; k++ {
		s := []byte(randomUTF8(r))
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

// normalizeInto decodes invalid UTF-8 as a range loop does: U+FFFD for
// each byte it cannot read.
func TestNormalizeIntoInvalid(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for k := 0; k < 100000; k++ {
		s := randomUTF8(r)
		want, wantSame, wantKeys := normalizeLine(s)
		dst := make([]rune, utf8.RuneCountInString(s))
		n, same, keys, nb := normalizeInto(dst, []byte("x"), s)
		if n != len(dst) || !slices.Equal(dst, want) || same != wantSame || keys != wantKeys {
			t.Fatalf("%q: %q %v %x, want %q %v %x", s, dst[:n], same, keys, want, wantSame, wantKeys)
		}
		// the normalised string, appended when the line changed
		if wantStr := "x" + string(want); same && string(nb) != "x" || !same && string(nb) != wantStr {
			t.Fatalf("%q: normalised string %q, want %q (same %v)", s, nb, wantStr, same)
		}
	}
}

// keyOf is keyRune.
func TestKeyOf(t *testing.T) {
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if keyOf(r) != keyRune(r) {
			t.Fatalf("%U: %x, want %x", r, keyOf(r), keyRune(r))
		}
	}
	for i, r := range []rune(keyRunes) {
		if keyRune(r) != 1<<i {
			t.Fatalf("%c: bit %x", r, keyRune(r))
		}
	}
}

// renderRunes writes a line as string(rs) does and normalises it as
// normalizeRunes does, invalid runes included.
func TestRenderRunes(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	odd := []rune{-1, 0, '\t', 0x7f, 0x80, 0x7ff, 0x800, 0x4dff, 0x4e00, '年', 0x9fff, 0xa000, 0xd7ff, 0xd800, 0xdfff, 0xe000,
		0xfffd, 0xffff, 0x10000, utf8.MaxRune, utf8.MaxRune + 1, 1 << 30, 'Ａ', '（', '\u3000'}
	for k := 0; k < 20000; k++ {
		rs := []rune(randomUTF8(r))
		for n := r.Intn(4); n > 0; n-- {
			rs = slices.Insert(rs, r.Intn(len(rs)+1), odd[r.Intn(len(odd))])
		}
		norm := make([]rune, len(rs))
		buf, same, keys := renderRunes([]byte("x"), norm, rs)
		wantNorm, wantSame, wantKeys := normalizeRunes(rs)
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

// normLine is string(Norm[i]) for every line: of every test report in each
// format, and of text lines with invalid bytes (which must not pass for
// their own normalised string).
func TestNormLineIsNormString(t *testing.T) {
	var texts []*Text
	for _, pattern := range []string{"../testdata/*/*.txt", "../testdata/*/*.md", "../testdata/*/*.html", "../testdata/*/*.docx"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if txt, err := Decode(p, data); err == nil {
				texts = append(texts, txt)
			}
		}
	}
	if len(texts) < 30 {
		t.Fatalf("only %d test reports decoded", len(texts))
	}
	r := rand.New(rand.NewSource(3))
	var lines []string
	for k := 0; k < 2000; k++ {
		lines = append(lines, "2019年"+randomUTF8(r)+"本年新收")
	}
	made := &Text{Lines: lines}
	made.normalize(-1)
	texts = append(texts, made)
	checked := 0
	for _, txt := range texts {
		for i := range txt.Norm {
			if got, want := txt.normLine(i), string(txt.Norm[i]); got != want {
				t.Fatalf("%s:%d: normLine %q, want %q", txt.Name, i+1, got, want)
			}
			checked++
		}
	}
	t.Logf("%d lines of %d texts", checked, len(texts))
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

// compactOf is compactRunes, for labels with drops at their ends, inside,
// none, invalid runes, and a string that is not the runes' own.
func TestCompactOf(t *testing.T) {
	pieces := []rune{'（', '(', ')', ' ', '、', ':', '|', '一', '申', 'a', '1', 0xD800, utf8.RuneError, '报', '*'}
	r := rand.New(rand.NewSource(5))
	for k := 0; k < 100000; k++ {
		rs := make([]rune, r.Intn(12))
		for i := range rs {
			rs[i] = pieces[r.Intn(len(pieces))]
		}
		want := compactRunes(rs)
		if got := compactOf(rs, string(rs)); got != want {
			t.Fatalf("compactOf(%q) = %q, want %q", rs, got, want)
		}
		// a joined label's text lacks the spaces between its words
		if got := compactOf(rs, strings.ReplaceAll(string(rs), " ", "")); got != want {
			t.Fatalf("compactOf(%q, without spaces) = %q, want %q", rs, got, want)
		}
	}
	if long := []rune(strings.Repeat("申请人（", 100)); compactRunes(long) != strings.Repeat("申请人（", 100) {
		t.Fatal("compactRunes of a label longer than its stack room")
	}
}
