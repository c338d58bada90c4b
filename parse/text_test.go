package parse

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/randtext"
)

// parseBytes decodes a file's bytes as the command does and parses them.
func parseBytes(name string, data []byte) (*Report, error) {
	txt, err := decode.Bytes(context.Background(), name, data, decode.Options{Marks: Marks})
	if err != nil {
		return nil, err
	}
	return Parse(txt)
}

// normLine is string(Norm[i]) for every line: of every test report in each
// format, and of text lines with invalid bytes (which must not pass for
// their own normalised string).
func TestNormLineIsNormString(t *testing.T) {
	var texts []*Text
	// each test report decoded with the parser's marks, and without them
	// (its marks then made by newText)
	for _, pattern := range []string{"../testdata/*/*.txt", "../testdata/*/*.md", "../testdata/*/*.html", "../testdata/*/*.docx"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []decode.Options{{Marks: Marks}, {}} {
				if src, err := decode.Bytes(context.Background(), p, data, m); err == nil {
					texts = append(texts, NewText(src))
				}
			}
		}
	}
	if len(texts) < 60 {
		t.Fatalf("only %d test reports decoded", len(texts))
	}
	r := rand.New(rand.NewSource(3))
	var lines []string
	for k := 0; k < 2000; k++ {
		lines = append(lines, "2019年"+randtext.UTF8(r)+"本年新收")
	}
	texts = append(texts, NewText(source.Plain("made", "UTF-8", lines, -1, nil)))
	checked := 0
	for _, txt := range texts {
		for i := range txt.Norm {
			if got, want := txt.normLine(i), string(txt.Norm[i]); got != want {
				t.Fatalf("%s:%d: normLine %q, want %q", txt.Name, i+1, got, want)
			}
			if keys := keysOf(txt.Norm[i]); txt.keys[i] != keys {
				t.Fatalf("%s:%d: marks %x, want %x", txt.Name, i+1, txt.keys[i], keys)
			}
			checked++
		}
	}
	t.Logf("%d lines of %d texts", checked, len(texts))
}

// keysOf is which of the keyRunes the runes hold.
func keysOf(rs []rune) uint16 {
	var k uint16
	for i, c := range []rune(keyRunes) {
		for _, r := range rs {
			if r == c {
				k |= 1 << i
			}
		}
	}
	return k
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
