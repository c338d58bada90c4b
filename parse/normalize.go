package parse

import (
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode/source"
)

// Normalize returns s in canonical form: full-width digits, letters and
// punctuation made half-width, odd spaces made plain spaces.
func Normalize(s string) string {
	return strings.Map(source.NormRune, s)
}

// compact removes every space and the punctuation that copies add or drop
// at random, so that labels can be compared by their words alone.
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = source.NormRune(r)
		if dropsInCompact(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// compactRunes is compact for normalised runes, without decoding them.
func compactRunes(rs []rune) string {
	// built on the stack when short (labels are), so that the string is
	// the one allocation
	var room [192]byte
	b := room[:0]
	for _, r := range rs {
		if !dropsInCompact(r) {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// compactOf is compactRunes(rs) for runes whose string is s (string(rs)):
// when the runes compaction drops all stand at the ends ("（一）",
// "申请人："), it is a part of s and nothing is made.
func compactOf(rs []rune, s string) string {
	a, b := 0, len(rs)
	for a < b && dropsInCompact(rs[a]) {
		a++
	}
	for b > a && dropsInCompact(rs[b-1]) {
		b--
	}
	if hasCompactDrop(rs[a:b]) {
		return compactRunes(rs)
	}
	from, to, all := 0, 0, 0
	for k, r := range rs {
		switch n := runeBytes(r); {
		case k < a:
			from += n
			to += n
		case k < b:
			to += n
		}
		all += runeBytes(r)
	}
	if all != len(s) {
		return compactRunes(rs) // s is not the runes' string: never cut it
	}
	return s[from:to]
}

func dropsInCompact(r rune) bool {
	switch r {
	case ' ', '\u3001', ',', '.', ':', ';', '(', ')', '"', '\u201c', '\u201d', '\u300a', '\u300b', '*', '#', '|':
		return true
	}
	return false
}

// compactLen is the length in runes of compact's result for normalised
// runes, counted without building it.
func compactLen(rs []rune) int {
	n := 0
	for _, r := range rs {
		if !dropsInCompact(r) {
			n++
		}
	}
	return n
}

// stripNumberingRunes is stripNumbering for normalised runes, without
// copying them.
func stripNumberingRunes(rs []rune) []rune {
	for {
		rs = trimSpaceRunes(rs)
		switch {
		case len(rs) > 0 && rs[0] == '(':
			k := 1
			for k < len(rs) && k <= 10 && isNumeralRune(rs[k]) {
				k++
			}
			if k > 1 && k < len(rs) && rs[k] == ')' {
				rs = rs[k+1:]
				continue
			}
		default:
			k := 0
			for k < len(rs) && isNumeralRune(rs[k]) {
				k++
			}
			if k > 0 && k < len(rs) && (rs[k] == '、' || rs[k] == '.' || rs[k] == ')') {
				rs = rs[k+1:]
				continue
			}
		}
		return rs
	}
}

// stripNumbering drops a leading list number such as 一、 (三) 3. or 1、
// from a label.
func stripNumbering(s string) string {
	s = strings.TrimSpace(Normalize(s))
	for {
		t := strings.TrimLeft(s, " ")
		switch {
		case strings.HasPrefix(t, "("):
			if i := strings.IndexRune(t, ')'); i > 0 && i <= 10 && isNumeral(t[1:i]) {
				s = t[i+1:]
				continue
			}
		default:
			i := 0
			for i < len(t) {
				r, size := decodeRune(t[i:])
				if !isNumeralRune(r) {
					break
				}
				i += size
			}
			if i > 0 && i < len(t) {
				r, size := decodeRune(t[i:])
				if r == '、' || r == '.' || r == ')' {
					s = t[i+size:]
					continue
				}
			}
		}
		return strings.TrimSpace(t)
	}
}

func isNumeral(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !isNumeralRune(r) {
			return false
		}
	}
	return true
}

func isNumeralRune(r rune) bool {
	return (r >= '0' && r <= '9') || isChineseNumeral(r)
}

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// joined is a few consecutive normalised lines run together, for statements
// that PDF text wraps mid-sentence ("统计期限为 2025" / "年 1 月 1 日至…").
type joined struct {
	runes []rune
	first int   // 0-based line of runes[0]
	ends  []int // ends[k]: offset just after line first+k
}

func joinLines(t *Text, from, n int) joined {
	j := joined{first: from}
	size := 0
	for k := from; k < from+n && k < len(t.Norm); k++ {
		size += len(t.Norm[k])
	}
	j.runes, j.ends = make([]rune, 0, size), make([]int, 0, n)
	for k := from; k < from+n && k < len(t.Norm); k++ {
		j.runes = append(j.runes, t.Norm[k]...)
		j.ends = append(j.ends, len(j.runes))
	}
	return j
}

// pos turns an offset in the joined runes into a file position; an offset
// at a line's end stays on that line.
func (j joined) pos(off int) Pos {
	start := 0
	for k, end := range j.ends {
		if off < end || (off == end && k == len(j.ends)-1) {
			return Pos{Line: j.first + k + 1, Col: off - start + 1}
		}
		start = end
	}
	return Pos{Line: j.first + len(j.ends), Col: off - start + 1}
}

func (j joined) span(a, b int) Span {
	end := j.pos(b)
	if b > 0 {
		last := j.pos(b - 1)
		end = Pos{Line: last.Line, Col: last.Col + 1}
	}
	return Span{j.pos(a), end}
}
