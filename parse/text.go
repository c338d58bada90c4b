package parse

import (
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode/source"
)

// Pos is a place in the report's decoded text (source.Pos): a 1-based line
// and a column counted in characters. Text.Locate maps it to the file.
type Pos = source.Pos

// Location is where a person finds a place in the original file.
type Location = source.Location

// Format is the kind of file a report arrived as.
type Format = source.Format

// Text is a decoded text as the parser reads it: the source.Text, which
// does not change, with the parser's own caches beside it (the lines'
// marks when the text was decoded without Marks, normalised strings made on
// first use, the compact forms of long tokens, where printed was last). A
// report's Text is filled while Parse runs; afterwards it is only read.
type Text struct {
	*source.Text

	keys        []uint16 // the keyRunes each line holds
	normStr     []string // string(Norm[i]) made on first use, where the source has none
	longCompact map[[3]int]string

	// where printed was last: the line, the string it cut, and a rune
	// index of it with its byte offset, for the next question (tokens are
	// asked in order, mostly)
	pLine, pAt, pOff int
	pStr             string
}

// NewText wraps a decoded text for parsing (Parse does it). A text decoded
// with Marks has the lines' marks already; any other is marked here, once.
func NewText(src *source.Text) *Text {
	t := &Text{Text: src}
	t.keys = make([]uint16, len(src.Norm))
	if src.Marks() == Marks {
		for i := range t.keys {
			t.keys[i] = src.Keys(i)
		}
		return t
	}
	for i, l := range src.Norm {
		var k uint16
		for _, r := range l {
			if r >= 0x4E00 && r <= 0x9FFF {
				k |= Marks.Of(r)
			}
		}
		t.keys[i] = k
	}
	return t
}

// keyRunes are the first characters of the words the parser looks for on
// every line (填报时间, 统计期限, 月, 申请数量, 第二十条, 本年新收, 信息公开,
// 政务公开, 年度报告, 工作报告, 发布日期, 成文日期, 来源时间, 公开日期, 报告,
// 指标): a line without one cannot hold the word.
const keyRunes = "填统月申第本信政年工发成来公报指"

// Marks are the characters the parser wants each line's text to record:
// decode a report with decode.Options{Marks: parse.Marks} and Parse skips,
// without reading them, the lines that cannot hold the words it looks for.
var Marks = func() *source.Marks {
	m, err := source.NewMarks(keyRunes)
	if err != nil {
		panic(err) // the characters above are sixteen distinct ideographs
	}
	return m
}()

// keyRune is the mark of a key character, 0 for any other.
func keyRune(r rune) uint16 { return Marks.Of(r) }

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
func (t *Text) normLine(i int) string {
	if s, ok := t.knownNormLine(i); ok {
		return s
	}
	if t.normStr == nil {
		t.normStr = make([]string, len(t.Norm))
	}
	t.normStr[i] = string(t.Norm[i])
	return t.normStr[i]
}

// knownNormLine is Norm[i] as a string where it is made already (by the
// source or by normLine), without making it.
func (t *Text) knownNormLine(i int) (string, bool) {
	if s, ok := t.NormString(i); ok {
		return s, true
	}
	if i < len(t.normStr) && t.normStr[i] != "" {
		return t.normStr[i], true
	}
	return "", false
}
