package parse

import (
	"strings"
	"unicode/utf8"
)

// normRune maps one rune to its canonical form. The map is one rune to one
// rune on purpose: a column counted in the normalised line is the column in
// the original line, so positions need no translation table.
func normRune(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return r - '０' + '0'
	case r >= 'Ａ' && r <= 'Ｚ':
		return r - 'Ａ' + 'A'
	case r >= 'ａ' && r <= 'ｚ':
		return r - 'ａ' + 'a'
	}
	switch r {
	case '（':
		return '('
	case '）':
		return ')'
	case '：':
		return ':'
	case '，':
		return ','
	case '．':
		return '.'
	case '／':
		return '/'
	case '－', '−', '‐', '‑':
		return '-'
	case '％':
		return '%'
	case '｜', '│':
		return '|'
	case '＋':
		return '+'
	case '；':
		return ';'
	case '【':
		return '['
	case '】':
		return ']'
	case '\t', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u200a', '\u200b', '\ufeff', '\u2028':
		return ' '
	}
	return r
}

// normalizeLine returns the normalised runes of a line, whether they are
// the line's own runes unchanged, and which of the keyRunes it holds.
func normalizeLine(s string) ([]rune, bool, uint16) {
	// counted first (cheap), then decoded once: []rune(s) would decode
	// every character twice
	rs := make([]rune, utf8.RuneCountInString(s))
	same := true
	var keys uint16
	i := 0
	for _, r := range s {
		n := normRune(r)
		if n != r {
			same = false
		}
		rs[i] = n
		i++
		if r >= 0x4E00 {
			keys |= keyRune(r)
		}
	}
	// an invalid byte makes the line's string differ from its runes'
	return rs, same && utf8.ValidString(s), keys
}

// normalizeInto is normalizeLine writing the runes into dst, which has
// room for them; it returns how many there are. Where normalisation changes
// the line it also appends the line's normalised string to nb, the bytes
// it leaves as they are copied in runs, and returns nb: so the string need
// not be encoded again from the runes.
func normalizeInto(dst []rune, nb []byte, s string) (int, bool, uint16, []byte) {
	var keys uint16
	i := 0
	copied := -1 // bytes of s already in nb; -1 while nothing has changed
	for j := 0; j < len(s); {
		c := s[j]
		if c < utf8.RuneSelf {
			if c == '\t' {
				dst[i] = ' '
				nb, copied = changeAt(nb, s, copied, j, 1, ' ')
			} else {
				dst[i] = rune(c)
			}
			i++
			j++
			continue
		}
		// the lead bytes E1-EC and EE-EF with two continuation bytes are
		// always valid (E0 and ED restrict the second byte): the CJK
		// ideographs and Chinese punctuation, decoded here rather than by a
		// call
		if c-0xE1 <= 0xEF-0xE1 && c != 0xED && j+2 < len(s) && s[j+1]&0xC0 == 0x80 && s[j+2]&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(s[j+1]&0x3F)<<6 | rune(s[j+2]&0x3F)
			j += 3
			if r >= 0x4E00 && r <= 0x9FFF {
				// CJK ideographs stay as they are; the key characters are some
				keys |= keyOf(r)
				dst[i] = r
				i++
				continue
			}
			n := normRune(r)
			if n != r {
				nb, copied = changeAt(nb, s, copied, j-3, 3, n)
			}
			dst[i] = n
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		j += size
		n := r
		if r >= 0x4E00 && r <= 0x9FFF {
			keys |= keyOf(r)
		} else if n = normRune(r); n != r || size == 1 {
			// an invalid byte reads as U+FFFD: the line's string is then
			// not the string of its runes, which same also promises
			nb, copied = changeAt(nb, s, copied, j-size, size, n)
		}
		dst[i] = n
		i++
	}
	if copied < 0 {
		return i, true, keys, nb
	}
	return i, false, keys, append(nb, s[copied:]...)
}

// changeAt appends to nb the bytes of s from copied (0 when it is -1) up
// to at, then n in place of the size bytes at at; it returns nb and how
// far s is copied.
func changeAt(nb []byte, s string, copied, at, size int, n rune) ([]byte, int) {
	nb = append(nb, s[max(copied, 0):at]...)
	return utf8.AppendRune(nb, n), at + size
}

// normalizeRunes is normalizeLine for the runes of a line: the line is
// string(rs).
func normalizeRunes(rs []rune) ([]rune, bool, uint16) {
	norm := make([]rune, len(rs))
	same := true
	var keys uint16
	for i, r := range rs {
		n := r
		switch {
		case r < utf8.RuneSelf && r >= 0:
			if r == '\t' {
				n, same = ' ', false
			}
		case r >= 0x4E00 && r <= 0x9FFF:
			// CJK ideographs stay as they are; the key characters are some
			keys |= keyOf(r)
		default:
			if uint32(r)-0xD800 < 0x800 || uint32(r) > utf8.MaxRune {
				r = utf8.RuneError // as string(rs) writes it
			}
			if n = normRune(r); n != r {
				same = false
			}
		}
		norm[i] = n
	}
	return norm, same, keys
}

// keyRune gives a bit to the first characters of the words the parser
// looks for on every line (填报时间, 统计期限, 月, 申请数量, 第二十条, 本年新收,
// 信息公开, 政务公开, 年度报告, 工作报告, 发布日期, 成文日期, 来源时间, 公开日期,
// 报告): a line without the bit cannot hold the word.
func keyRune(r rune) uint16 {
	switch r {
	case '填':
		return 1 << 0
	case '统':
		return 1 << 1
	case '月':
		return 1 << 2
	case '申':
		return 1 << 3
	case '第':
		return 1 << 4
	case '本':
		return 1 << 5
	case '信':
		return 1 << 6
	case '政':
		return 1 << 7
	case '年':
		return 1 << 8
	case '工':
		return 1 << 9
	case '发':
		return 1 << 10
	case '成':
		return 1 << 11
	case '来':
		return 1 << 12
	case '公':
		return 1 << 13
	case '报':
		return 1 << 14
	case '指':
		return 1 << 15
	}
	return 0
}

// keyRunes are the runes keyRune gives a bit, in the order of their bits.
const keyRunes = "填统月申第本信政年工发成来公报指"

// keyTable is keyRune as a table: the keyRunes differ in bits 3-10, which
// pick their entry.
var keyTable = func() (tab [256]struct {
	r   rune
	bit uint16
}) {
	for _, r := range keyRunes {
		e := &tab[r>>3&0xFF]
		if e.bit != 0 {
			panic("keyTable: two key runes in one entry")
		}
		e.r, e.bit = r, keyRune(r)
	}
	return tab
}()

// keyOf is keyRune by a table lookup, without the branches of a switch,
// for the loops that ask it of every CJK character.
func keyOf(r rune) uint16 {
	if e := keyTable[r>>3&0xFF]; e.r == r {
		return e.bit
	}
	return 0
}

// Normalize returns s in canonical form: full-width digits, letters and
// punctuation made half-width, odd spaces made plain spaces.
func Normalize(s string) string {
	return strings.Map(normRune, s)
}

// compact removes every space and the punctuation that copies add or drop
// at random, so that labels can be compared by their words alone.
func compact(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = normRune(r)
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
			return Pos{j.first + k + 1, off - start + 1}
		}
		start = end
	}
	return Pos{j.first + len(j.ends), off - start + 1}
}

func (j joined) span(a, b int) Span {
	end := j.pos(b)
	if b > 0 {
		last := j.pos(b - 1)
		end = Pos{last.Line, last.Col + 1}
	}
	return Span{j.pos(a), end}
}
