package parse

import (
	"fmt"
	"time"
)

// Certainty says how sure the parser is of a date.
type Certainty int

const (
	Exact     Certainty = iota // printed with 年月日 or separators
	Recovered                  // 年/月 lost in the copy; exactly one reading is a valid date
	Ambiguous                  // 年/月 lost; several readings are valid dates
)

func (c Certainty) String() string {
	return [...]string{"exact", "recovered", "ambiguous"}[c]
}

// DateRole says what a date is in the report.
type DateRole int

const (
	RoleOther       DateRole = iota
	RolePeriodStart          // 统计期限 start
	RolePeriodEnd            // 统计期限 end
	RoleSigned               // 落款 date under the issuing body's name
	RoleFilled               // 填报时间 of a statistics table
	RolePublished            // 发布日期 of the web page
)

func (r DateRole) String() string {
	return [...]string{"other", "period-start", "period-end", "signed", "filled", "published"}[r]
}

// Date is a calendar date found in the report.
type Date struct {
	Role      DateRole
	Year      int
	Month     int
	Day       int
	Certainty Certainty
	// Readings lists every valid reading of an ambiguous date.
	Readings []YMD
	// Valid is false for a date printed in full that does not exist (2月30日).
	Valid bool
	Raw   string
	Span  Span
}

// YMD is one reading of a date.
type YMD struct{ Year, Month, Day int }

func (d YMD) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// YMD returns the date's reading; for an ambiguous date it is the zero YMD.
func (d Date) YMD() YMD {
	if d.Certainty == Ambiguous || !d.Valid {
		return YMD{}
	}
	return YMD{d.Year, d.Month, d.Day}
}

// Sure reports whether the date may be the basis of a finding.
func (d Date) Sure() bool { return d.Valid && d.Certainty != Ambiguous }

// Before reports whether a is strictly before b.
func (a YMD) Before(b YMD) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

func validYMD(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func plausibleYear(y int) bool { return y >= 1990 && y <= 2100 }

// recoverMonthDay splits the digits that follow a 4-digit year once 年 and 月
// were lost ("220" → 2/20, "1231" → 12/31, "111" → 1/11 or 11/1).
func recoverMonthDay(y int, rest []rune) []YMD {
	var out []YMD
	for ml := 1; ml <= 2 && ml < len(rest); ml++ {
		dl := len(rest) - ml
		if dl > 2 {
			continue
		}
		m := atoi(rest[:ml])
		d := atoi(rest[ml:])
		if validYMD(y, m, d) {
			out = append(out, YMD{y, m, d})
		}
	}
	return out
}

func atoi(rs []rune) int {
	n := 0
	for _, r := range rs {
		n = n*10 + int(r-'0')
	}
	return n
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func digitRun(rs []rune, i int) int {
	j := i
	for j < len(rs) && isDigit(rs[j]) {
		j++
	}
	return j
}

func skipSpaces(rs []rune, i int) int {
	for i < len(rs) && rs[i] == ' ' {
		i++
	}
	return i
}

// scanDate reads a date that starts at rs[i] (normalised runes). lost allows
// the forms whose 年/月 were lost in the copy; callers allow it only where a
// date is expected (a period, a 落款 line, 填报时间), never in free prose,
// where a run of digits is usually something else. defaultYear, when not 0,
// lets a date be printed as M月D日 (the second date of a period).
func scanDate(rs []rune, i int, lost bool, defaultYear int) (Date, int, bool) {
	if i > 0 && isDigit(rs[i-1]) {
		return Date{}, i, false
	}
	j := digitRun(rs, i)
	n := j - i
	if n == 0 {
		return Date{}, i, false
	}
	if n <= 2 && defaultYear != 0 {
		return scanMonthDay(rs, i, defaultYear)
	}
	if n >= 5 && n <= 8 && lost {
		y := atoi(rs[i : i+4])
		if !plausibleYear(y) {
			return Date{}, i, false
		}
		end := j
		if end < len(rs) && rs[end] == '日' {
			end++
		}
		return lostDate(y, rs[i+4:j], rs, i, end)
	}
	if n != 4 {
		return Date{}, i, false
	}
	y := atoi(rs[i:j])
	if !plausibleYear(y) {
		return Date{}, i, false
	}
	k := skipSpaces(rs, j)
	if k >= len(rs) {
		return Date{}, i, false
	}
	switch rs[k] {
	case '年':
		k = skipSpaces(rs, k+1)
		m0 := k
		m1 := digitRun(rs, m0)
		if m1 == m0 {
			return Date{}, i, false
		}
		k = skipSpaces(rs, m1)
		if k < len(rs) && rs[k] == '月' {
			d0 := skipSpaces(rs, k+1)
			d1 := digitRun(rs, d0)
			if d1 == d0 || d1-d0 > 2 || m1-m0 > 2 {
				return Date{}, i, false
			}
			end := d1
			if k := skipSpaces(rs, d1); k < len(rs) && rs[k] == '日' {
				end = k + 1
			}
			return exactDate(y, atoi(rs[m0:m1]), atoi(rs[d0:d1]), rs, i, end), end, true
		}
		if lost && m1-m0 >= 2 && m1-m0 <= 4 {
			end := m1
			if end < len(rs) && rs[end] == '日' {
				end++
			}
			return lostDate(y, rs[m0:m1], rs, i, end)
		}
	case '-', '/', '.':
		sep := rs[k]
		m0 := k + 1
		m1 := digitRun(rs, m0)
		if m1 == m0 || m1-m0 > 2 || m1 >= len(rs) || rs[m1] != sep {
			return Date{}, i, false
		}
		d0 := m1 + 1
		d1 := digitRun(rs, d0)
		if d1 == d0 || d1-d0 > 2 {
			return Date{}, i, false
		}
		return exactDate(y, atoi(rs[m0:m1]), atoi(rs[d0:d1]), rs, i, d1), d1, true
	}
	return Date{}, i, false
}

func scanMonthDay(rs []rune, i, year int) (Date, int, bool) {
	m1 := digitRun(rs, i)
	k := skipSpaces(rs, m1)
	if k >= len(rs) || rs[k] != '月' {
		return Date{}, i, false
	}
	d0 := skipSpaces(rs, k+1)
	d1 := digitRun(rs, d0)
	if d1 == d0 || d1-d0 > 2 {
		return Date{}, i, false
	}
	end := d1
	if k := skipSpaces(rs, d1); k < len(rs) && rs[k] == '日' {
		end = k + 1
	}
	return exactDate(year, atoi(rs[i:m1]), atoi(rs[d0:d1]), rs, i, end), end, true
}

func exactDate(y, m, d int, rs []rune, start, end int) Date {
	return Date{Year: y, Month: m, Day: d, Certainty: Exact, Valid: validYMD(y, m, d),
		Raw: string(rs[start:end])}
}

func lostDate(y int, rest []rune, rs []rune, start, end int) (Date, int, bool) {
	readings := recoverMonthDay(y, rest)
	dt := Date{Year: y, Raw: string(rs[start:end]), Valid: true}
	switch len(readings) {
	case 0:
		return Date{}, start, false
	case 1:
		dt.Month, dt.Day, dt.Certainty = readings[0].Month, readings[0].Day, Recovered
	default:
		dt.Certainty = Ambiguous
		dt.Readings = readings
	}
	return dt, end, true
}

// datesIn returns every date in the line, in order.
func datesIn(rs []rune, lost bool, defaultYear int) []dateAt {
	var out []dateAt
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) {
			continue
		}
		if d, end, ok := scanDate(rs, i, lost, defaultYear); ok {
			out = append(out, dateAt{d, i, end})
			if defaultYear == 0 && d.Sure() {
				defaultYear = d.Year
			}
			i = end - 1
			continue
		}
		i = digitRun(rs, i) - 1
	}
	return out
}

type dateAt struct {
	Date
	start, end int
}

// ParseDate reads a whole string as one date, allowing lost characters; it
// is the entry point for tests and for callers holding a lone date.
func ParseDate(s string) (Date, bool) {
	rs := []rune(Normalize(s))
	i := skipSpaces(rs, 0)
	d, end, ok := scanDate(rs, i, true, 0)
	if !ok || skipSpaces(rs, end) != len(rs) {
		return Date{}, false
	}
	return d, true
}
