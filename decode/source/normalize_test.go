package source

import (
	"math/rand"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/reportlint/reportlint/internal/randtext"
)

// keyRunes are the parser's marked characters: the tests mark them as it
// does.
const keyRunes = "填统月申第本信政年工发成来公报指"

var testMarks, _ = NewMarks(keyRunes)

// normalizeInto decodes invalid UTF-8 as a range loop does: U+FFFD for
// each byte it cannot read.
func TestNormalizeIntoInvalid(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for k := 0; k < 100000; k++ {
		s := randtext.UTF8(r)
		want, wantSame, wantKeys := normalizeLine(s, testMarks)
		dst := make([]rune, utf8.RuneCountInString(s))
		n, same, keys, nb := normalizeInto(dst, []byte("x"), s, testMarks)
		if n != len(dst) || !slices.Equal(dst, want) || same != wantSame || keys != wantKeys {
			t.Fatalf("%q: %q %v %x, want %q %v %x", s, dst[:n], same, keys, want, wantSame, wantKeys)
		}
		// the normalised string, appended when the line changed
		if wantStr := "x" + string(want); same && string(nb) != "x" || !same && string(nb) != wantStr {
			t.Fatalf("%q: normalised string %q, want %q (same %v)", s, nb, wantStr, same)
		}
	}
}

// Marks give the i-th character the bit 1<<i and every other rune none,
// for the parser's characters and for sets whose characters share their
// low bits.
func TestMarks(t *testing.T) {
	for _, chars := range []string{keyRunes, "", "一", "丁丈丑", "\u4e00\u4f00\u5000\u5100\u6000\u9fff"} {
		m, err := NewMarks(chars)
		if err != nil {
			t.Fatalf("%q: %v", chars, err)
		}
		bit := map[rune]uint16{}
		for i, r := range []rune(chars) {
			bit[r] = 1 << i
		}
		for r := rune(-1); r <= utf8.MaxRune+1; r++ {
			if m.Of(r) != bit[r] {
				t.Fatalf("%q: %U marked %x, want %x", chars, r, m.Of(r), bit[r])
			}
		}
	}
	for _, bad := range []string{"填统月申第本信政年工发成来公报指一", "a", "（", "年年"} {
		if _, err := NewMarks(bad); err == nil {
			t.Errorf("NewMarks(%q) accepted", bad)
		}
	}
}

// normalizeRunes normalises the runes of a line as normalizeLine does its
// string, invalid runes included.
func TestNormalizeRunes(t *testing.T) {
	for _, rs := range [][]rune{
		nil, []rune("２０２１年（一）：１，２－３％ 信息公开\u3000报告｜x"), {0xD800, -1, 0x110000, '年', utf8.RuneError, 'Ａ'},
	} {
		norm, same, keys := normalizeRunes(rs, testMarks)
		wantNorm, wantSame, wantKeys := normalizeLine(string(rs), testMarks)
		if !slices.Equal(norm, wantNorm) || same != wantSame || keys != wantKeys {
			t.Errorf("%q: %q %v %x, want %q %v %x", rs, norm, same, keys, wantNorm, wantSame, wantKeys)
		}
	}
}

// The fast paths of the normalising loops (ASCII, CJK ideographs) agree
// with NormRune and the marks for every rune.
func TestNormalizeEveryRune(t *testing.T) {
	var rs []rune
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r < 0xD800 || r > 0xDFFF {
			rs = append(rs, r)
		}
	}
	norm, same, keys := normalizeRunes(rs, testMarks)
	dst := make([]rune, len(rs))
	n, sameInto, keysInto, nb := normalizeInto(dst, nil, string(rs), testMarks)
	if n != len(rs) || same || sameInto || keys != keysInto {
		t.Fatalf("n %d of %d, same %v %v, keys %x %x", n, len(rs), same, sameInto, keys, keysInto)
	}
	if string(nb) != string(dst) {
		t.Fatal("the normalised string is not the string of the normalised runes")
	}
	for i, r := range rs {
		if norm[i] != NormRune(r) || dst[i] != NormRune(r) {
			t.Fatalf("%U: %U %U, want %U", r, norm[i], dst[i], NormRune(r))
		}
		// each rune alone: its key bit and whether it changes
		one, sameOne, keyOne := normalizeRunes([]rune{r}, testMarks)
		if sameOne != (NormRune(r) == r) || one[0] != NormRune(r) {
			t.Fatalf("%U alone: %U %v", r, one[0], sameOne)
		}
		if want := testMarks.Of(r); r < 0x4E00 && keyOne != 0 || r >= 0x4E00 && keyOne != want {
			t.Fatalf("%U: key %x, want %x", r, keyOne, want)
		}
	}
}

// A plain text holds the normalised string of every line: NormString is
// string(Norm[i]), invalid bytes included (a line with them is not its own
// normalised string).
func TestNormString(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var lines []string
	for k := 0; k < 2000; k++ {
		lines = append(lines, "2019年"+randtext.UTF8(r)+"本年新收")
	}
	txt := Plain("x.txt", "UTF-8", lines, -1, testMarks)
	for i := range txt.Norm {
		got, ok := txt.NormString(i)
		if want := string(txt.Norm[i]); !ok || got != want {
			t.Fatalf("line %d: %q %v, want %q", i+1, got, ok, want)
		}
		if txt.Changed(i) == (got == lines[i] && utf8.ValidString(lines[i])) {
			t.Fatalf("line %d: changed %v", i+1, txt.Changed(i))
		}
	}
	_ = slices.Equal[[]rune]
}
