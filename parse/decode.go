package parse

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// MaxInputBytes bounds what Decode accepts, so that one enormous file cannot
// exhaust memory in a run over thousands of reports.
const MaxInputBytes = 64 << 20

// Errors returned by Decode. Callers wrap them with the file name.
var (
	ErrEmpty    = errors.New("文件为空 (empty file)")
	ErrBinary   = errors.New("不是文本文件 (binary data, not a text report)")
	ErrTooLarge = fmt.Errorf("文件超过 %d MB (file larger than %d MB)", MaxInputBytes>>20, MaxInputBytes>>20)
	ErrNoText   = errors.New("文件中没有正文文字 (the file holds no body text)")
)

// Text is a decoded report: its lines (without line terminators), and a
// normalised copy of each line in which every rune maps one-to-one onto the
// line, so that a column found in the normalised text is the column in the
// line. For plain text the lines are the file's own; for HTML, DOCX and PDF
// they are a rendering of it, and Locate maps a position back to the file.
type Text struct {
	Name     string
	Format   Format
	Encoding string
	Lines    []string
	Norm     [][]rune

	// tableRow marks lines rendered from a real table row (HTML, DOCX):
	// every cell between their pipes is a cell of the table, empty or not.
	tableRow []bool
	origin   *origin
	normStr  []string // string(Norm[i]): all made with Norm from plain text, else on first use
	changed  []bool   // normalisation changed some rune of the line
	keys     []uint16 // the keyRunes each line holds
	// compact forms of long text tokens by line, column and end (token.compact)
	longCompact map[[3]int]string

	// where printed last was: the line, the string it cut, and a rune
	// index of it with its byte offset, for the next question (tokens are
	// asked in order, mostly)
	pLine, pAt, pOff int
	pStr             string
}

// normalize makes Norm from Lines, the runes of all lines in one slice;
// total is how many runes the lines hold, or -1 for it to count them.
func (t *Text) normalize(total int) {
	t.Norm = make([][]rune, len(t.Lines))
	t.changed = make([]bool, len(t.Lines))
	t.keys = make([]uint16, len(t.Lines))
	if total < 0 {
		total = 0
		for _, l := range t.Lines {
			total += utf8.RuneCountInString(l)
		}
	}
	all := make([]rune, total)
	// the normalised strings of the lines normalisation changed, in one
	// buffer (a line it left as it was is its own), sized once for all
	// lines: most lines of Chinese text change (their full-width commas
	// and colons), and growing it line by line was a third of
	// normalisation's time
	size := 0
	for _, l := range t.Lines {
		size += len(l)
	}
	nb := make([]byte, 0, size)
	spans := make([][2]int, len(t.Lines))
	for i, l := range t.Lines {
		var n int
		var same bool
		from := len(nb)
		n, same, t.keys[i], nb = normalizeInto(all, nb, l)
		t.Norm[i], all = all[:n:n], all[n:]
		t.changed[i] = !same
		spans[i] = [2]int{from, len(nb)}
	}
	t.normStr = make([]string, len(t.Lines))
	strs := string(nb)
	for i, l := range t.Lines {
		if t.changed[i] {
			t.normStr[i] = strs[spans[i][0]:spans[i][1]]
		} else {
			t.normStr[i] = l
		}
	}
}

// has reports whether line i holds one of the words. The words must be
// made of CJK ideographs, which normalisation leaves as they are, so that
// the line as it is can be searched without making its normalised string.
func (t *Text) has(i int, ws keyWords) bool {
	for k, w := range ws.words {
		if ws.keys[k] != 0 && i < len(t.keys) && t.keys[i]&ws.keys[k] == 0 {
			continue // the line lacks the word's first character
		}
		if containsWord(t.Lines[i], w) {
			return true
		}
	}
	return false
}

// mayHave reports whether line i holds the first character of one of the
// words: has without the search.
func (t *Text) mayHave(i int, ws keyWords) bool {
	for k := range ws.words {
		if ws.keys[k] == 0 || i >= len(t.keys) || t.keys[i]&ws.keys[k] != 0 {
			return true
		}
	}
	return false
}

// keyWords are words for Text.has with the key bit of their first
// character worked out once.
type keyWords struct {
	words []string
	keys  []uint16
}

func wordsOf(ws ...string) keyWords {
	k := keyWords{words: ws, keys: make([]uint16, len(ws))}
	for i, w := range ws {
		first, _ := utf8.DecodeRuneInString(w)
		k.keys[i] = keyRune(first)
	}
	return k
}

// normLine is Norm[i] as a string, made once: the readers ask for it often.
// A line normalisation left as it was (valid UTF-8, no rune changed) is
// its own normalised string.
func (t *Text) normLine(i int) string {
	if i < len(t.changed) && !t.changed[i] {
		return t.Lines[i]
	}
	if t.normStr == nil {
		t.normStr = make([]string, len(t.Norm))
	}
	if t.normStr[i] == "" && len(t.Norm[i]) > 0 {
		t.normStr[i] = string(t.Norm[i])
	}
	return t.normStr[i]
}

// isTableRow reports a line rendered from a real table row.
func (t *Text) isTableRow(ln int) bool {
	return ln < len(t.tableRow) && t.tableRow[ln]
}

// Decode turns the bytes of a file into Text, choosing the format by the
// content: PDF (through pdftotext), DOCX, HTML, or plain text in UTF-8
// (with or without BOM), UTF-16 (with or without BOM) or GB18030/GBK. It
// rejects empty and binary input with a one-line reason.
func Decode(name string, data []byte) (*Text, error) {
	if len(data) > MaxInputBytes {
		return nil, ErrTooLarge
	}
	if len(data) == 0 {
		return nil, ErrEmpty
	}
	switch sniffContainer(data) {
	case FormatPDF:
		return decodePDF(name, data)
	case FormatDOCX:
		return decodeDOCX(name, data)
	}
	if bytes.HasPrefix(data, oleMagic) {
		return nil, ErrOldOffice
	}
	b, enc, runes, err := toUTF8(data)
	if err != nil {
		return nil, err
	}
	switch blank, binary := inspect(b); {
	case blank:
		return nil, ErrEmpty
	case binary:
		return nil, ErrBinary
	}
	if looksHTML(b, name) {
		// the tokenizer reads the bytes: no string of the page is made
		return decodeHTML(name, data, b, enc)
	}
	s := string(b)
	t := &Text{Name: name, Encoding: enc}
	t.Lines = splitLines(s)
	if runes >= 0 {
		// the characters of the lines: the line ends are not theirs
		runes -= strings.Count(s, "\n") + strings.Count(s, "\r")
	}
	t.normalize(runes)
	return t, nil
}

// toUTF8 returns the text of data in UTF-8 (data itself, or a part of
// it, when it is UTF-8 already), its encoding, and for UTF-8 input how many
// characters it holds (-1 for others).
func toUTF8(data []byte) ([]byte, string, int, error) {
	switch {
	case len(data) == 0:
		return nil, "", -1, ErrEmpty
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		n, ok := utf8Runes(data)
		if !ok {
			return nil, "", -1, ErrBinary
		}
		return data, "UTF-8 BOM", n, nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false), "UTF-16LE", -1, nil
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true), "UTF-16BE", -1, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		// text never holds NUL bytes; UTF-16 without a BOM does
		if be, ok := looksUTF16(data); ok {
			enc := "UTF-16LE"
			if be {
				enc = "UTF-16BE"
			}
			return decodeUTF16(data, be), enc, -1, nil
		}
		return nil, "", -1, ErrBinary
	}
	if n, ok := utf8Runes(data); ok {
		return data, "UTF-8", n, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, "", -1, ErrBinary
	}
	return out, "GB18030", -1, nil
}

// looksUTF16 recognises UTF-16 without a byte-order mark by its zero bytes:
// the ASCII digits, spaces and line ends every report has put a zero byte
// beside each of them, always on the same side. be tells the byte order.
func looksUTF16(data []byte) (be, ok bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return false, false
	}
	n := len(data)
	if n > 4096 {
		n = 4096
	}
	even, odd := 0, 0
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	pairs := n / 2
	// CJK characters whose low byte is zero (一 is U+4E00) put a few zero
	// bytes on the other side too
	switch {
	case odd*20 >= pairs && even*3 <= odd:
		be = false
	case even*20 >= pairs && odd*3 <= even:
		be = true
	default:
		return false, false
	}
	s := decodeUTF16(data, be)
	return be, !bytes.ContainsRune(s, utf8.RuneError) && !looksBinary(s)
}

// decodeUTF16 returns UTF-16 text in UTF-8, an unpaired surrogate as
// U+FFFD.
func decodeUTF16(b []byte, bigEndian bool) []byte {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		if bigEndian {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		} else {
			u = append(u, uint16(b[i+1])<<8|uint16(b[i]))
		}
	}
	rs := utf16.Decode(u)
	out := make([]byte, 0, len(rs)*3)
	for _, r := range rs {
		out = utf8.AppendRune(out, r)
	}
	return out
}

// looksBinary reports text that decoded but is mostly control characters or
// holds NUL bytes: a report never does.
func looksBinary(s []byte) bool {
	_, binary := inspect(s)
	return binary
}

// inspect reads decoded text once and tells whether it holds nothing but
// white space, and whether it looks binary (NUL bytes, or one character in
// twenty a control character or undecodable).
func inspect(s []byte) (blank, binary bool) {
	if bytes.IndexByte(s, 0) >= 0 {
		return false, true
	}
	// control characters are single bytes; U+FFFD marks what a decoder
	// could not read
	ctrl := bytes.Count(s, []byte("\uFFFD"))
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	blank = true
	for i := 0; i < len(s) && blank; {
		r, size := utf8.DecodeRune(s[i:])
		i += size
		if r != ' ' && r != '\n' && r != '\r' && r != '\t' && r != '\f' && r != '\v' && blankToSpace(r) != ' ' {
			blank = false
		}
	}
	return blank, ctrl > 0 && ctrl*20 > utf8.RuneCount(s)
}

func blankToSpace(r rune) rune {
	if r == '\u00a0' || r == '\u3000' || r == '\ufeff' || r == '\u200b' {
		return ' '
	}
	return r
}

// splitLines splits on LF, CRLF and lone CR, as editors count lines.
func splitLines(s string) []string {
	if strings.IndexByte(s, '\r') < 0 {
		// LF only, the usual case: cut at each LF found by IndexByte
		lines := make([]string, 0, strings.Count(s, "\n")+1)
		for {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				break
			}
			lines = append(lines, s[:i])
			s = s[i+1:]
		}
		if s != "" {
			lines = append(lines, s)
		}
		return lines
	}
	var lines []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			lines = append(lines, s[start:i])
			start = i + 1
		case '\r':
			lines = append(lines, s[start:i])
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// utf8Runes reports whether p is valid UTF-8, as utf8.Valid does, and if
// so how many characters it holds. Text that is mostly three-byte
// characters (CJK), which utf8.Valid checks on its slow path one by one, it
// checks quicker.
func utf8Runes(p []byte) (int, bool) {
	n := 0
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			i++
			n++
			// a run of ASCII, eight bytes at a time
			for i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
				i += 8
				n += 8
			}
			continue
		}
		// a run of three-byte characters whose lead is neither E0 nor ED
		// (those limit the second byte further): U+1000-U+CFFF and
		// U+E000-U+FFFF, which hold the CJK ideographs and punctuation
		for i+4 <= len(p) {
			w := binary.LittleEndian.Uint32(p[i:])
			if lead := byte(w); lead-0xE1 > 0xEF-0xE1 || lead == 0xED || w&0xC0C000 != 0x808000 {
				break
			}
			i += 3
			n++
		}
		if i >= len(p) || p[i] < utf8.RuneSelf {
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			return 0, false
		}
		i += size
		n++
	}
	return n, true
}
