package parse

import (
	"strings"
	"unicode/utf8"
)

// findReportDates collects the report's dates by role: the statistical period,
// 填报时间, the 落款 date and the page's publication date; and every other
// date printed in full, so that impossible ones can be reported.
func findReportDates(r *Report) {
	findPeriod(r)
	have := map[Pos]bool{}
	for _, d := range r.Dates {
		have[d.Span.Start] = true
	}
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		if !hasDigit(rs) {
			continue // every date has digits
		}
		// a date in full opens with a year: a line without four digits in
		// a row (a table's cells, one per line) holds none
		yearish := hasDigitRunes(rs, 4)
		before := len(r.Dates)
		switch {
		case r.Text.has(i, filledKeys):
			addDateAfter(r, i, r.Text.normLine(i), filledWords, RoleFilled)
		case yearish && signedDateLine(r, i):
			if ds := datesIn(rs, true, 0); len(ds) > 0 {
				addDate(r, i, ds[len(ds)-1], RoleSigned)
			}
		}
		for _, d := range r.Dates[before:] {
			have[d.Span.Start] = true
		}
		if !yearish {
			if containsRune(rs, '月') {
				findMonthDays(r, i, rs)
			}
			continue
		}
		for _, d := range datesIn(rs, false, 0) {
			if p := (Pos{Line: i + 1, Col: d.start + 1}); d.Certainty == Exact && !have[p] {
				have[p] = true
				addDate(r, i, d, RoleOther)
			}
		}
		if containsRune(rs, '月') {
			findMonthDays(r, i, rs)
		}
	}
	findPublished(r)
}

// filledWords label the date a statistics table was filled in.
var filledWords = []string{"填报时间", "填报日期", "填表时间", "填表日期"}

var (
	filledKeys    = wordsOf(filledWords...)
	periodKeys    = wordsOf(periodWords...)
	publishedKeys = wordsOf("发布", "发文", "成文", "来源时间", "公开日期")
)

// periodReach is how far after its word a period's second date may end.
const periodReach = 100

// periodWords open the sentence that states the statistical period.
var periodWords = []string{"统计期限", "统计周期", "统计时限", "统计时间段", "统计时段", "统计区间", "统计时间", "统计期间", "数据统计期"}

// periodIndex is indexAny(s, periodWords), in one search: every word but
// 数据统计期 begins with 统计, so only where 统计 stands is anything compared.
func periodIndex(s string) int {
	for from := 0; ; {
		k := strings.Index(s[from:], "统计")
		if k < 0 {
			return -1
		}
		k += from
		if k >= len("数据") && strings.HasPrefix(s[k-len("数据"):], "数据统计期") {
			return k - len("数据")
		}
		for _, w := range periodWords {
			if strings.HasPrefix(s[k:], w) {
				return k
			}
		}
		from = k + len("统计")
	}
}

// findPeriod reads the statistical period from the sentence that states it,
// which PDF text may wrap over the next line.
func findPeriod(r *Report) {
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		if !r.Text.mayHave(i, periodKeys) {
			continue
		}
		// periodIndex searches once for what has would search word by word
		s := r.Text.normLine(i)
		k := periodIndex(s)
		if k < 0 {
			continue
		}
		j := joinLines(r.Text, i, 2)
		off := len([]rune(s[:k]))
		// the dates follow the period word closely: 统计期限自2021年1月1日起至
		// 2021年12月31日止
		ds := datesIn(j.runes[off:min(len(j.runes), off+periodReach)], true, 0)
		if len(ds) < 2 {
			continue
		}
		p := &Period{Start: joinedDate(j, ds[0], off, RolePeriodStart), End: joinedDate(j, ds[1], off, RolePeriodEnd)}
		p.Span = Span{p.Start.Span.Start, p.End.Span.End}
		r.Period = p
		r.Dates = append(r.Dates, p.Start, p.End)
		return
	}
}

func joinedDate(j joined, d dateAt, off int, role DateRole) Date {
	dt := d.Date
	dt.Role = role
	dt.Span = j.span(d.start+off, d.end+off)
	return dt
}

func withSpan(d dateAt, line int) Date {
	dt := d.Date
	dt.Span = Span{Pos{Line: line + 1, Col: d.start + 1}, Pos{Line: line + 1, Col: d.end + 1}}
	return dt
}

func addDate(r *Report, line int, d dateAt, role DateRole) {
	d.Role = role
	r.Dates = append(r.Dates, withSpan(d, line))
}

// addDateAfter reads the first date after one of the words on the line.
func addDateAfter(r *Report, line int, s string, words []string, role DateRole) {
	k := indexAny(s, words)
	off := len([]rune(s[:k]))
	ds := datesIn([]rune(s[k:]), true, 0)
	if len(ds) == 0 {
		return
	}
	d := ds[0]
	d.start += off
	d.end += off
	addDate(r, line, d, role)
}

// issuerSuffixes end the name of a body that signs a report.
var issuerSuffixes = []string{"政府", "办事处", "办公室", "办公厅", "局", "委员会", "管委会", "委", "街道", "镇", "乡", "中心", "院", "厅", "部", "署", "所", "馆", "站", "公司", "队", "处", "会"}

// signedDateLine reports a line that holds only a date (or a body's name and
// a date) and follows the name of the body that signs the report: the 落款.
func signedDateLine(r *Report, i int) bool {
	if len(r.Text.Norm[i]) > 200 || !hasDigit(r.Text.Norm[i]) {
		return false
	}
	rs := trimSpaceRunes(r.Text.Norm[i])
	if len(rs) < 5 || len(rs) > 40 {
		return false
	}
	ds := datesIn(rs, true, 0)
	if len(ds) != 1 || ds[0].end != len(rs) {
		return false
	}
	before := strings.TrimSpace(string(rs[:ds[0].start]))
	if before != "" {
		return isIssuer(before)
	}
	for j, seen := i-1, 0; j >= r.BodyStart && seen < 3; j-- {
		prev := strings.TrimSpace(r.Text.normLine(j))
		if prev == "" {
			continue
		}
		seen++
		if isIssuer(prev) {
			return true
		}
	}
	return false
}

func isIssuer(s string) bool {
	s = strings.TrimRight(s, " ")
	if n := len([]rune(s)); n < 2 || n > 40 || strings.ContainsAny(s, ",。;:|") {
		return false
	}
	for _, suf := range issuerSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// publishedLabels introduce a page's publication date.
var publishedLabels = []string{"发布日期", "发布时间", "发文日期", "成文日期", "来源时间为", "公开日期", "发布于"}

// publishedLabelEnd returns where the date after the first publication
// label of s begins (past spaces and a colon), or -1. A plain search, not
// a regular expression: crawler text may hold the whole report on the
// title's line.
func publishedLabelEnd(s string) int {
	at, end := -1, 0
	for _, w := range publishedLabels {
		if k := strings.Index(s, w); k >= 0 && (at < 0 || k < at) {
			at, end = k, k+len(w)
		}
	}
	if at < 0 {
		return -1
	}
	end = skipASCIISpace(s, end)
	if end < len(s) && s[end] == ':' {
		end = skipASCIISpace(s, end+1)
	}
	return end
}

func skipASCIISpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
		i++
	}
	return i
}

// findPublished takes the page's publication date, which stands near the
// title; a date in the page chrome after the report (other news) is not it.
func findPublished(r *Report) {
	from := r.BodyStart - 10
	if from < 0 {
		from = 0
	}
	for i := from; i < r.BodyEnd && i < r.BodyStart+15; i++ {
		if !r.Text.has(i, publishedKeys) {
			continue
		}
		s := r.Text.normLine(i)
		m := publishedLabelEnd(s)
		if m < 0 {
			continue
		}
		off := utf8.RuneCountInString(s[:m])
		ds := datesIn([]rune(s[m:]), false, 0)
		if len(ds) == 0 || ds[0].start != 0 {
			continue
		}
		d := ds[0]
		d.start += off
		d.end += off
		addDate(r, i, d, RolePublished)
		return
	}
}

// findMonthDays records dates printed as M月D日 without a year when the day
// cannot exist in any year (2月30日, 4月31日, 13月1日).
func findMonthDays(r *Report, line int, rs []rune) {
	for k, c := range rs {
		if c != '月' {
			continue
		}
		start, end, ok := monthDayAround(rs, k)
		if !ok || start > 0 && (isDigit(rs[start-1]) || rs[start-1] == '年') {
			continue // part of a full date, handled there
		}
		mo := atoi(rs[start:k])
		d := atoi(rs[k+1 : end-1])
		if validYMD(2000, mo, d) { // 2000 is a leap year: 2月29日 is possible
			continue
		}
		r.Dates = append(r.Dates, Date{Role: RoleOther, Month: mo, Day: d, Raw: string(rs[start:end]),
			Span: Span{Pos{Line: line + 1, Col: start + 1}, Pos{Line: line + 1, Col: end + 1}}})
	}
}

// monthDayAround finds M月D日 around the 月 at k: one or two digits before
// it, one or two digits and 日 after it. end is just after 日.
func monthDayAround(rs []rune, k int) (start, end int, ok bool) {
	start = k
	for start > 0 && k-start < 2 && isDigit(rs[start-1]) {
		start--
	}
	j := k + 1
	for j < len(rs) && j-k-1 < 3 && isDigit(rs[j]) {
		j++
	}
	n := j - k - 1
	if start == k || n < 1 || n > 2 || j >= len(rs) || rs[j] != '日' {
		return 0, 0, false
	}
	return start, j + 1, true
}

func hasAny(s string, words ...string) bool { return indexAny(s, words) >= 0 }

func indexAny(s string, words []string) int {
	best := -1
	for _, w := range words {
		if k := strings.Index(s, w); k >= 0 && (best < 0 || k < best) {
			best = k
		}
	}
	return best
}

// hasDigitRunes reports n ASCII digits in a row in rs.
func hasDigitRunes(rs []rune, n int) bool {
	run := 0
	for _, r := range rs {
		if isDigit(r) {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func hasDigit(rs []rune) bool {
	for _, r := range rs {
		if isDigit(r) {
			return true
		}
	}
	return false
}

// trimSpaceRunes drops the spaces around normalised runes.
func trimSpaceRunes(rs []rune) []rune {
	a, b := 0, len(rs)
	for a < b && rs[a] == ' ' {
		a++
	}
	for b > a && rs[b-1] == ' ' {
		b--
	}
	return rs[a:b]
}

// findFramedPeriod reads the period of a report that has no title from a
// sentence that states it without a period word: 自2020年1月1日至2020年12月
// 31日, 2020年1月1日至12月31日期间, 从…起至…止, and the forms whose 年 and
// 月 were lost (自201611日至20161231日). With no word to say what the dates
// are, only a whole calendar year framed as a span (自/从 before it, or
// 止/期间 after it) is taken, and only when every such span in the body
// names the same year: a sentence comparing with last year leaves the
// period unknown.
func findFramedPeriod(r *Report) {
	var found *Period
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		if !hasDigitRunes(rs, 4) || !containsRune(rs, '至') && !containsRune(rs, '到') {
			continue
		}
		j := joinLines(r.Text, i, 2)
		ds := datesIn(j.runes, true, 0)
		for k := 0; k+1 < len(ds); k++ {
			a, b := ds[k], ds[k+1]
			if a.start >= len(rs) || !spanBetween(j.runes[a.end:b.start]) || !framedSpan(j.runes, a.start, b.end) {
				continue
			}
			y := a.Year
			if !a.Sure() || !b.Sure() || a.YMD() != (YMD{y, 1, 1}) || b.YMD() != (YMD{y, 12, 31}) {
				continue
			}
			if found != nil {
				if found.Start.Year != y {
					return // two years: which is the report's cannot be told
				}
				continue
			}
			p := &Period{Start: joinedDate(j, a, 0, RolePeriodStart), End: joinedDate(j, b, 0, RolePeriodEnd)}
			p.Span = Span{p.Start.Span.Start, p.End.Span.End}
			found = p
		}
	}
	if found != nil {
		r.Period = found
		r.Dates = append(r.Dates, found.Start, found.End)
	}
}

// spanBetween reports the words between the two dates of a span: 至, 到,
// 起至, a dash.
func spanBetween(rs []rune) bool {
	switch strings.TrimSpace(string(rs)) {
	case "至", "到", "起至", "起到", "-", "—", "——", "~", "～":
		return true
	}
	return false
}

// framedSpan reports dates framed as a span: 自 or 从 before the first, or
// 止 or 期间 after the second.
func framedSpan(rs []rune, start, end int) bool {
	k := start - 1
	for k >= 0 && rs[k] == ' ' {
		k--
	}
	if k >= 0 && (rs[k] == '自' || rs[k] == '从') {
		return true
	}
	k = skipSpaces(rs, end)
	return k < len(rs) && (rs[k] == '止' || strings.HasPrefix(string(rs[k:min(len(rs), k+2)]), "期间"))
}
