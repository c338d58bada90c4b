// Package decode reads a file's bytes into a source.Text: it tells the
// format by the content (PDF, DOCX, HTML, plain text), the encoding (UTF-8,
// UTF-16, GB18030, a page's declared charset), renders structured files as
// lines with pipe rows for their tables, and keeps where every character
// came from. It knows nothing of reports, tables or rules: parse reads the
// text it gives.
package decode

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/bilingual"
)

// MaxInputBytes bounds what Bytes accepts, so that one enormous file cannot
// exhaust memory in a run over thousands of reports.
const MaxInputBytes = 64 << 20

// Errors returned by Bytes. Callers wrap them with the file name; each is a
// *bilingual.Error, written in the language the user chose.
var (
	ErrEmpty    = bilingual.New("文件为空", "empty file")
	ErrBinary   = bilingual.New("不是文本文件", "binary data, not a text report")
	ErrTooLarge = bilingual.New(fmt.Sprintf("文件超过 %d MB", MaxInputBytes>>20), fmt.Sprintf("file larger than %d MB", MaxInputBytes>>20))
	// errExpandsTooLarge: a small file whose text (a DOCX unzipped, a PDF
	// converted) passes the limit, as a zip bomb does: a case of
	// ErrTooLarge that says what happened
	errExpandsTooLarge = bilingual.Of(ErrTooLarge, fmt.Sprintf("文件解压或转换后的文字超过 %d MB", MaxInputBytes>>20), fmt.Sprintf("the file's text expands past %d MB once unzipped or converted", MaxInputBytes>>20))
	ErrNoText          = bilingual.New("文件中没有正文文字", "the file holds no body text")
)

// Options set up decoding. The zero value decodes with pdftotext from the
// PATH, a two-minute limit and no marked characters.
type Options struct {
	// PDFToText is the command that extracts a PDF's text (poppler's
	// pdftotext, whose -layout mode keeps a table's columns aligned); ""
	// is "pdftotext".
	PDFToText string
	// PDFTimeout bounds one extraction, so that a hostile PDF cannot hang a
	// run; 0 is two minutes.
	PDFTimeout time.Duration
	// Marks are the characters the text records line by line for its
	// reader (parse.Marks for the parser); nil records none.
	Marks *source.Marks
}

func (o Options) pdfToText() string {
	if o.PDFToText == "" {
		return "pdftotext"
	}
	return o.PDFToText
}

func (o Options) pdfTimeout() time.Duration {
	if o.PDFTimeout <= 0 {
		return 2 * time.Minute
	}
	return o.PDFTimeout
}

// Bytes turns the bytes of a file into text, choosing the format by the
// content: PDF (through pdftotext), DOCX, HTML, or plain text in UTF-8
// (with or without BOM), UTF-16 (with or without BOM) or GB18030/GBK. It
// rejects empty and binary input with a one-line reason. ctx bounds the one
// step that runs another program (pdftotext). The text may keep data's
// memory (a UTF-8 text's lines are cut from it): the caller hands data
// over and must not change it afterwards.
func Bytes(ctx context.Context, name string, data []byte, opt Options) (*source.Text, error) {
	if len(data) > MaxInputBytes {
		return nil, ErrTooLarge
	}
	if len(data) == 0 {
		return nil, ErrEmpty
	}
	switch sniffContainer(data) {
	case source.FormatPDF:
		return decodePDF(ctx, name, data, opt)
	case source.FormatDOCX:
		return decodeDOCX(name, data, opt.Marks)
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
		return decodeHTML(name, data, b, enc, opt.Marks)
	}
	// the lines are cut from b itself, not from a copy of it: a large
	// report was held twice while it was decoded. b is data (Bytes keeps
	// it, as its comment says) or a buffer made here that nothing else
	// holds, and neither is written again.
	s := unsafe.String(unsafe.SliceData(b), len(b))
	if runes >= 0 {
		// the characters of the lines: the line ends are not theirs
		runes -= strings.Count(s, "\n") + strings.Count(s, "\r")
	}
	return source.Plain(name, enc, splitLines(s), runes, opt.Marks), nil
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
	if out, ok := repairUTF8(data); ok {
		return out, EncodingUTF8Repaired, -1, nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, "", -1, ErrBinary
	}
	return out, "GB18030", -1, nil
}

// EncodingUTF8Repaired names UTF-8 text that held a few bytes that are
// not UTF-8 (a stray byte, a character cut short where a crawler cut the
// page), read with U+FFFD in their place.
const EncodingUTF8Repaired = "UTF-8 (invalid bytes replaced)"

// repairUTF8 reads text that is UTF-8 but for a few bytes: at most
// maxRepairs bytes that are not UTF-8, and at least eight valid characters
// beyond ASCII for each. Each such byte becomes U+FFFD, so that one stray
// byte does not make a whole report unreadable. GB18030 text, whose every
// Chinese character is invalid UTF-8, never passes.
func repairUTF8(data []byte) ([]byte, bool) {
	bad, wide := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
			if bad > maxRepairs {
				return nil, false
			}
		case size > 1:
			wide++
		}
		i += size
	}
	if bad == 0 || wide < 8*bad {
		return nil, false
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), true
}

// maxRepairs is how many invalid bytes a UTF-8 text may hold and still be
// read as UTF-8.
const maxRepairs = 16

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
