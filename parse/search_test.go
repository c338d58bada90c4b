package parse

import (
	"strings"
	"testing"
)

// containsWord must answer as strings.Contains does, whatever the bytes.
func TestContainsWordIsContains(t *testing.T) {
	texts := []string{"", "号", "第二十条", "依据《条例》第二十条规定", "本年新收政府信息公开申请数量640",
		"国办公开办函〔2021〕30号", "xx条条", "\xe6\x9d\xa1\xa1", "abc", "第二十条第二十条"}
	words := []string{"号", "第二十条", "本年新收", "申请数量", "〔2021〕30号", "[2021]30号", "条", "ab", "a", "\xa1\xa1"}
	for _, s := range texts {
		for _, w := range words {
			if got, want := containsWord(s, w), strings.Contains(s, w); got != want {
				t.Errorf("containsWord(%q, %q) = %v, strings.Contains says %v", s, w, got, want)
			}
		}
	}
}

func FuzzContainsWord(f *testing.F) {
	f.Add("依据《条例》第二十条规定", "第二十条")
	f.Add("aab", "ab")
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := containsWord(s, w), strings.Contains(s, w); got != want {
			t.Fatalf("containsWord(%q, %q) = %v, strings.Contains says %v", s, w, got, want)
		}
	})
}
