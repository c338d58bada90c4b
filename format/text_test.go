package format

import (
	"io"
	"strings"
	"testing"

	"github.com/fatih/color"
)

// The rule tag follows --color alone: with colour off no escape is
// printed, even where the colour library would guess a terminal.
func TestRuleTagFollowsColorFlag(t *testing.T) {
	saved := color.NoColor
	color.NoColor = false // what the library guesses on a terminal
	defer func() { color.NoColor = saved }()
	off := NewTextPrinter(io.Discard, Options{Color: false})
	if tag := off.ruleTag("deadline"); tag != "[deadline]" {
		t.Errorf("colour off: %q", tag)
	}
	color.NoColor = true // what it guesses on a pipe
	on := NewTextPrinter(io.Discard, Options{Color: true})
	if tag := on.ruleTag("deadline"); !strings.Contains(tag, "\x1b[2m") {
		t.Errorf("colour on: %q", tag)
	}
}
