package parse

import (
	"strings"
	"testing"
)

// indexWord must answer as strings.Index does, whatever the bytes.
func TestIndexWordIsIndex(t *testing.T) {
	texts := []string{"", "号", "第二十条", "依据《条例》第二十条规定", "本年新收政府信息公开申请数量640",
		"国办公开办函〔2021〕30号", "xx条条", "\xe6\x9d\xa1\xa1", "abc", "第二十条第二十条"}
	words := []string{"号", "第二十条", "本年新收", "申请数量", "〔2021〕30号", "[2021]30号", "条", "ab", "a", "\xa1\xa1"}
	for _, s := range texts {
		for _, w := range words {
			if got, want := indexWord(s, w), strings.Index(s, w); got != want {
				t.Errorf("indexWord(%q, %q) = %v, strings.Index says %v", s, w, got, want)
			}
		}
	}
}

func FuzzIndexWord(f *testing.F) {
	f.Add("依据《条例》第二十条规定", "第二十条")
	f.Add("aab", "ab")
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := indexWord(s, w), strings.Index(s, w); got != want {
			t.Fatalf("indexWord(%q, %q) = %v, strings.Index says %v", s, w, got, want)
		}
	})
}

// A cjkSet holds exactly the characters it was made of.
func TestCJKSetIsContainsRune(t *testing.T) {
	set := cjkSetOf(reviewHeaderRunes)
	for r := rune(0); r < 0x11000; r++ {
		if got, want := set.has(r), strings.ContainsRune(reviewHeaderRunes, r); got != want {
			t.Fatalf("has(%q) = %v, want %v", r, got, want)
		}
	}
	for _, r := range []rune{-1, 0x4DFF, 0xA000, 0x10FFFF} {
		if set.has(r) {
			t.Fatalf("has(%#x) = true", r)
		}
	}
}
