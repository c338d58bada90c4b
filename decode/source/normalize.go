package source

import "unicode/utf8"

// NormRune maps one rune to its canonical form. The map is one rune to one
// rune on purpose: a column counted in the normalised line is the column in
// the original line, so positions need no translation table.
func NormRune(r rune) rune {
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
// the line's own runes unchanged, and which of the marked characters it holds (m.Of).
func normalizeLine(s string, m *Marks) ([]rune, bool, uint16) {
	// counted first (cheap), then decoded once: []rune(s) would decode
	// every character twice
	rs := make([]rune, utf8.RuneCountInString(s))
	same := true
	var keys uint16
	i := 0
	for _, r := range s {
		n := NormRune(r)
		if n != r {
			same = false
		}
		rs[i] = n
		i++
		if r >= 0x4E00 {
			keys |= m.Of(r)
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
func normalizeInto(dst []rune, nb []byte, s string, m *Marks) (int, bool, uint16, []byte) {
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
				keys |= m.Of(r)
				dst[i] = r
				i++
				continue
			}
			n := NormRune(r)
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
			keys |= m.Of(r)
		} else if n = NormRune(r); n != r || size == 1 {
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
func normalizeRunes(rs []rune, m *Marks) ([]rune, bool, uint16) {
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
			keys |= m.Of(r)
		default:
			if uint32(r)-0xD800 < 0x800 || uint32(r) > utf8.MaxRune {
				r = utf8.RuneError // as string(rs) writes it
			}
			if n = NormRune(r); n != r {
				same = false
			}
		}
		norm[i] = n
	}
	return norm, same, keys
}
