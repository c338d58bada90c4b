package parse

import (
	"math"
	"strconv"
	"strings"

	"github.com/reportlint/reportlint/decode/source"
)

// CellKind says what a table cell holds. Blank, dashes, "无" and text stay
// distinct: a dash is not silently a zero.
type CellKind int

const (
	CellMissing CellKind = iota // not read: the copy lost it or its column is unknown
	CellBlank                   // present but empty
	CellNumber                  // a number (see Value, IsInt)
	CellDash                    // -, —, ——
	CellSlash                   // /
	CellNone                    // 无
	CellText                    // anything else, e.g. 撤销
)

func (k CellKind) String() string {
	return [...]string{"missing", "blank", "number", "dash", "slash", "none", "text"}[k]
}

// Number is a parsed numeric value with what was printed around it.
type Number struct {
	Value    float64
	IsInt    bool
	Decimals int    // digits after the decimal point as printed
	Unit     string // 万, 元, 万元, %, … as printed after the digits
	Sign     string // "增", "减", "+", "-" when printed
}

// Int returns the value as an integer; ok is false for decimals.
func (n Number) Int() (int64, bool) {
	if !n.IsInt {
		return 0, false
	}
	return int64(n.Value), true
}

// ParseCell classifies the text of one table cell.
func ParseCell(raw string) (CellKind, Number) {
	if v, ok := plainDigits(raw); ok { // most cells
		return CellNumber, Number{Value: v, IsInt: true}
	}
	if plainText(raw) {
		return CellText, Number{}
	}
	s := strings.TrimSpace(Normalize(raw))
	switch s {
	case "":
		return CellBlank, Number{}
	case "-", "--", "—", "——", "–", "一":
		return CellDash, Number{}
	case "/", "\\":
		return CellSlash, Number{}
	case "无":
		return CellNone, Number{}
	}
	if n, ok := parseNormalNumber(s); ok {
		return CellNumber, n
	}
	return CellText, Number{}
}

// unitSuffixes are the units a cell or a prose number may carry. Longest
// first, so that 万元 wins over 元.
var unitSuffixes = []string{"万元", "亿元", "人次", "万", "元", "%", "件", "条", "个", "人", "次", "篇", "项"}

// ParseNumber reads a number as filers print it: full-width digits,
// thousands separators, a sign written 增/减/+/-, a decimal part and a unit.
func ParseNumber(raw string) (Number, bool) {
	if v, ok := plainDigits(raw); ok {
		return Number{Value: v, IsInt: true}, true
	}
	return parseNormalNumber(strings.TrimSpace(Normalize(raw)))
}

// parseNormalNumber is ParseNumber for text already normalised and
// trimmed (ParseCell has done both).
func parseNormalNumber(s string) (Number, bool) {
	if v, ok := plainDigits(s); ok {
		return Number{Value: v, IsInt: true}, true
	}
	var n Number
	for _, sign := range []string{"增", "减", "+", "-"} {
		if strings.HasPrefix(s, sign) {
			n.Sign = sign
			s = strings.TrimSpace(s[len(sign):])
			break
		}
	}
	for _, u := range unitSuffixes {
		if strings.HasSuffix(s, u) {
			n.Unit = u
			s = strings.TrimSpace(strings.TrimSuffix(s, u))
			break
		}
	}
	if s == "" || !validDigits(s) {
		return Number{}, false
	}
	digits := strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || math.IsInf(v, 0) {
		return Number{}, false
	}
	if i := strings.IndexByte(digits, '.'); i >= 0 {
		n.Decimals = len(digits) - i - 1
	} else {
		n.IsInt = v < 1e15
	}
	if n.Sign == "减" || n.Sign == "-" {
		v = -v
	}
	n.Value = v
	return n, true
}

// validDigits accepts 123, 1,234, 1234.5, 1,234.56 and rejects list numbers
// such as "1." and anything with letters.
func validDigits(s string) bool {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || !allDigits(frac)) {
		return false
	}
	if intPart == "" {
		return false
	}
	if !strings.Contains(intPart, ",") {
		return allDigits(intPart)
	}
	groups := strings.Split(intPart, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 || !allDigits(groups[0]) {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 || !allDigits(g) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainTextRunes is plainText for normalised runes.
func plainTextRunes(rs []rune) bool {
	for _, r := range rs {
		if r != ' ' {
			return plainFirst(r)
		}
	}
	return false
}

// plainFirst: text whose first character (normalised) is neither a digit
// nor the start of a placeholder or sign cannot be a number cell.
func plainFirst(r rune) bool {
	switch r {
	case '-', '—', '–', '一', '/', '\\', '无', '增', '减', '+':
		return false
	}
	return !(r >= '0' && r <= '9')
}

// plainText reports text that cannot be a number or a placeholder by its
// first character: most of what a table reader looks at is labels and
// prose, and this spares them the full parse.
func plainText(raw string) bool {
	for _, r := range raw {
		r = source.NormRune(r)
		if r != ' ' {
			return plainFirst(r)
		}
	}
	return false
}

// plainDigits reads the commonest cell, a few ASCII digits, without the
// general parse.
func plainDigits(s string) (float64, bool) {
	if len(s) == 0 || len(s) > 15 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int64(s[i]-'0')
	}
	return float64(v), true
}
