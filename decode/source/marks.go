package source

import (
	"fmt"
	"unicode/utf8"
)

// Marks are up to sixteen CJK ideographs whose presence a Text records line
// by line, as a bit each, while it normalises the lines: a reader that
// searches every line for words can skip the lines that lack the words'
// first characters without reading them. Which characters are worth a bit
// is the reader's business (parse names its own); the text only counts.
type Marks struct {
	chars string
	shift uint
	// the entry of a character is picked by eight of its bits, chosen so
	// that no two marked characters share one: a lookup without branches
	tab [256]struct {
		r   rune
		bit uint16
	}
}

// noMarks marks nothing: its entries hold no CJK ideograph.
var noMarks = &Marks{}

// NewMarks gives the characters of chars, in order, the bits 1<<0, 1<<1 ….
// It fails on more than sixteen characters, on characters outside the CJK
// ideographs (U+4E00-U+9FFF, the only characters normalisation leaves
// untouched and looks up) and on a repeated character.
func NewMarks(chars string) (*Marks, error) {
	rs := []rune(chars)
	if len(rs) > 16 {
		return nil, fmt.Errorf("source.NewMarks: %d characters, at most 16", len(rs))
	}
	for i, r := range rs {
		if r < 0x4E00 || r > 0x9FFF || !utf8.ValidRune(r) {
			return nil, fmt.Errorf("source.NewMarks: %q is not a CJK ideograph", r)
		}
		for _, o := range rs[:i] {
			if o == r {
				return nil, fmt.Errorf("source.NewMarks: %q given twice", r)
			}
		}
	}
	for shift := uint(0); shift <= 7; shift++ {
		m := &Marks{chars: chars, shift: shift}
		ok := true
		for i, r := range rs {
			e := &m.tab[r>>shift&0xFF]
			if e.bit != 0 {
				ok = false
				break
			}
			e.r, e.bit = r, 1<<i
		}
		if ok {
			return m, nil
		}
	}
	return nil, fmt.Errorf("source.NewMarks: no eight bits tell %q apart", chars)
}

// Chars are the marked characters in the order of their bits.
func (m *Marks) Chars() string { return m.chars }

// Of is the bit of a marked character, 0 for any other.
func (m *Marks) Of(r rune) uint16 {
	if e := m.tab[r>>m.shift&0xFF]; e.r == r {
		return e.bit
	}
	return 0
}
