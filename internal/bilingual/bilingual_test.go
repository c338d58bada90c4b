package bilingual

import (
	"errors"
	"fmt"
	"testing"
)

func TestMessageAndIs(t *testing.T) {
	kind := New("文件为空", "empty file")
	wrapped := fmt.Errorf("a.txt: %w", kind)
	if got := Message(wrapped, false); got != "a.txt: 文件为空" {
		t.Errorf("zh: %q", got)
	}
	if got := Message(wrapped, true); got != "a.txt: empty file" {
		t.Errorf("en: %q", got)
	}
	if got := wrapped.Error(); got != "a.txt: 文件为空 (empty file)" {
		t.Errorf("both: %q", got)
	}
	detail := Of(kind, "文件为空：0 字节", "empty file: 0 bytes")
	if !errors.Is(fmt.Errorf("b: %w", detail), kind) || errors.Is(kind, New("文件为空", "empty file")) {
		t.Error("a case of a kind is the kind, and only it")
	}
	if zh, en := Text(errors.New("plain")); zh != "plain" || en != "plain" {
		t.Errorf("a plain error: %q %q", zh, en)
	}
}
