package parse

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/bilingual"
)

// ErrNotReport is returned for text that is not recognisably a government
// information-disclosure annual report.
var ErrNotReport = bilingual.New("不是政府信息公开工作年度报告", "not recognisably a government information-disclosure annual report")

// Parse builds the model of a decoded report. The text is only read: a
// report keeps it, and the parser's caches live beside it (Text).
func Parse(src *source.Text) (*Report, error) {
	return parseWindowed(src, tokenWindow, maxTokens)
}

// parseWindowed is Parse with the tables' lines tokenized in windows of
// window characters at first, none holding more than limit tokens
// (window.go): tests make them small, to read every report in many
// windows and to reach the limit with small texts.
func parseWindowed(src *source.Text, window, limit int) (*Report, error) {
	r := &Report{Text: NewText(src)}
	if !mentionsDisclosureWork(r) {
		return nil, ErrNotReport
	}
	findTitle(r)
	findBodyEnd(r)
	readTables(r, window, limit)
	findSections(r)
	findHeadings(r)
	findReportDates(r)
	if r.Period == nil && r.Title == "" {
		findFramedPeriod(r)
	}
	// a report is told by its body (recognise.go): the title is one
	// signal among several, and a text without one is read all the same
	r.Evidence = weigh(r)
	if !r.Evidence.IsReport() {
		return nil, ErrNotReport
	}
	findSentences(r)
	findProse(r)
	findYear(r)
	detectEra(r)
	readOutcomes(r) // reads the year
	return r, nil
}

// findYear takes the report year, when the title names none, from the
// period, or else from the title of the statistics table
// (2016年信息公开工作情况统计表).
func findYear(r *Report) {
	if r.Year != 0 {
		return
	}
	if r.Period != nil && r.Period.Start.Sure() {
		r.Year = r.Period.Start.Year
		return
	}
	for _, t := range r.TablesOf(TableStatistics) {
		if m := statYearRe.FindStringSubmatch(t.Title); m != nil {
			r.Year = atoi([]rune(m[1]))
			return
		}
	}
	r.Year = proseYear(r)
}

// proseYear is the year the body's sentences open with (2021年，我街道…;
// 2021年以来), when one year clearly leads: three times at least and twice
// as often as any other. It is taken only when the rest of the report
// agrees: the template its tables follow, and its signed, filled-in and
// publication dates, which must all fall in the next year (so that no
// finding about dates or deadlines can rest on a year misread).
func proseYear(r *Report) int {
	counts := map[int]int{}
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		if !containsRune(rs, '年') || !hasDigitRunes(rs, 4) {
			continue
		}
		for k := 0; k+5 < len(rs); k++ {
			if rs[k+4] != '年' || !opensClause(rs, k) {
				continue
			}
			y := atoi(rs[k : k+4])
			if !isDigit(rs[k]) || !isDigit(rs[k+1]) || !isDigit(rs[k+2]) || !isDigit(rs[k+3]) || !plausibleYear(y) {
				continue
			}
			rest := rs[k+5:]
			if len(rest) > 0 && rest[0] == '度' {
				rest = rest[1:]
			}
			if len(rest) > 0 && (rest[0] == ',' || len(rest) > 1 && rest[0] == '以' && rest[1] == '来') {
				counts[y]++
			}
		}
	}
	year, best := 0, 0
	for y, n := range counts {
		if n > best || n == best && y < year {
			year, best = y, n
		}
	}
	if best < 3 {
		return 0
	}
	for y, n := range counts {
		if y != year && 2*n > best {
			return 0
		}
	}
	for _, t := range r.Tables {
		switch {
		case t.Variant == Era2021 && year < 2021,
			t.Variant == Era2019 && (year < 2019 || year > 2020),
			t.Kind == TableStatistics && len(t.Rows) > 0 && year > 2018:
			return 0
		}
	}
	for _, d := range r.Dates {
		switch d.Role {
		case RoleSigned, RoleFilled, RolePublished:
			if d.Certainty == Ambiguous || d.Year != year+1 {
				return 0
			}
		}
	}
	return year
}

// opensClause reports a run of digits at k that opens a sentence or a
// clause: at the line's start or after a stop, a comma or a space.
func opensClause(rs []rune, k int) bool {
	if k == 0 {
		return true
	}
	switch rs[k-1] {
	case ' ', '。', ',', ';', ':', ')', '>', '!', '?', '！', '？', '、':
		return true
	}
	return false
}

// statYearRe is the year a statistics table's title names.
var statYearRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)

// titleRe matches "2016年度政府信息公开年度报告" and its variants: a year,
// then 信息公开, then 报告 or 年报 soon after.
var titleRe = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*度?[^\d,。;]{0,16}?信息公开[^\d,。;]{0,8}?(?:报告|年报)`)

// findTitle finds the report's title, the line where the report proper
// begins (breadcrumbs and site navigation come before it), and the year.
func findTitle(r *Report) {
	for i := 0; i < len(r.Text.Norm) && i < 60; i++ {
		// a title may wrap: "2024 年上海市科委政府信息公开工作" / "年度报告"
		if !r.Text.has(i, disclosureKeys) && (i+1 >= len(r.Text.Norm) || !r.Text.has(i+1, reportKeys)) {
			continue // neither half of a title
		}
		s, j := titleText(r.Text, i)
		m := findTitleMatch(s)
		if m == nil || m[0] >= len(r.Text.normLine(i)) || citedName(s[:m[0]], s[m[1]:]) {
			continue
		}
		r.BodyStart = i
		a := utf8.RuneCountInString(s[:m[0]])
		r.TitleSpan = j.span(a, a+utf8.RuneCountInString(s[m[0]:m[1]]))
		r.Title = strings.TrimSpace(s[m[0]:m[1]])
		r.Year = atoi([]rune(s[m[2]:m[3]]))
		r.Issuer = issuerBefore(s[:m[0]])
		if r.Issuer != "" {
			r.Title = r.Issuer + r.Title
		} else {
			r.Issuer = issuerInTitle(r.Title)
		}
		if r.Issuer == "" {
			r.Issuer = issuerAbove(r, i)
		}
		r.IssuerKind = issuerKind(r.Issuer)
		return
	}
}

// titleText is the text a title starting on line i is looked for in:
// the line, and the start of the next (a title may wrap), as one string,
// with the places of the two in it. A title reaches a few characters into
// the next line, never titleWrap: the rest of that line is left out, so
// that a line of megabytes below a title's first half is not copied for
// it (a crafted file's 50 MB line was, twice, as runes and as a string).
func titleText(t *Text, i int) (string, joined) {
	s := t.normLine(i)
	j := joined{first: i, ends: []int{len(t.Norm[i])}}
	if i+1 >= len(t.Norm) {
		return s, j
	}
	next := t.Norm[i+1]
	k := min(len(next), titleWrap)
	j.ends = append(j.ends, len(t.Norm[i])+k)
	return s + string(next[:k]), j
}

// titleWrap is how much of the line after a title's first half is read.
const titleWrap = 256

// citedName reports a match that stands inside 《…》 and is only part of
// the name there: a document the report cites (《关于做好2016年政府信息公开
// 年度报告编制工作的通知》), not the report's title. before and after are
// the text around the match.
func citedName(before, after string) bool {
	return strings.LastIndex(before, "《") > strings.LastIndex(before, "》") && !strings.HasPrefix(strings.TrimSpace(after), "》")
}

// titleHead is how much of a line the title is first looked for in.
const titleHead = 4096

// findTitleMatch is titleRe.FindStringSubmatchIndex(s), quicker on crawler
// text that runs a whole page into one line (the regexp engine is slow on
// long input): the title is looked for in the line's head first. A match
// found there that ends well before the cut is the match in the whole
// line: a match starting earlier would be longer than any match can be
// without a long run of spaces, and the head has none.
func findTitleMatch(s string) []int {
	if !mayHoldTitle(s) {
		return nil
	}
	if len(s) > titleHead+512 {
		head := s[:titleHead]
		if m := titleRe.FindStringSubmatchIndex(head); m != nil && m[1] <= titleHead-256 && !hasSpaceRun(head, 32) {
			return m
		}
	}
	return titleRe.FindStringSubmatchIndex(s)
}

// mayHoldTitle checks what every titleRe match holds: 信息公开 and, at most
// eight characters on with no digit or stop between, 报告 or 年报. Most lines
// fail it, and it is much cheaper than the regexp.
func mayHoldTitle(s string) bool {
	for {
		k := strings.Index(s, "信息公开")
		if k < 0 {
			return false
		}
		before := s[:k]
		s = s[k+len("信息公开"):]
		rest := s
		for n := 0; n <= 8 && rest != ""; n++ {
			if strings.HasPrefix(rest, "报告") || strings.HasPrefix(rest, "年报") {
				if yearBefore(before) {
					return true
				}
				break
			}
			r, size := utf8.DecodeRuneInString(rest)
			if r >= '0' && r <= '9' || r == ',' || r == '。' || r == ';' {
				break
			}
			rest = rest[size:]
		}
	}
}

// yearBefore: s ends with what titleRe wants before 信息公开 — a year
// (19xx or 20xx), 年, and then no digit or stop.
func yearBefore(s string) bool {
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		switch {
		case r >= '0' && r <= '9' || r == ',' || r == '。' || r == ';':
			return false
		case r == '年':
			y := strings.TrimRight(s, " \t\n\r\f\v")
			if n := len(y); n >= 4 && isDigitByte(y[n-1]) && isDigitByte(y[n-2]) && (y[n-4:n-2] == "19" || y[n-4:n-2] == "20") {
				return true
			}
		}
	}
	return false
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// hasSpaceRun reports n white-space bytes (as regexp's \s) in a row.
func hasSpaceRun(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			if run++; run >= n {
				return true
			}
		default:
			run = 0
		}
	}
	return false
}

// issuerInTitle takes the name between the year and 政府信息公开:
// "2019年上海市人民政府办公厅政府信息公开工作年度报告".
func issuerInTitle(title string) string {
	_, rest, ok := strings.Cut(title, "年")
	if !ok {
		return ""
	}
	rest = strings.TrimPrefix(strings.TrimSpace(rest), "度")
	name, _, ok := strings.Cut(rest, "政府信息公开")
	name = strings.TrimSpace(name)
	if !ok || len([]rune(name)) < 2 {
		return ""
	}
	return name
}

// issuerAbove takes the body's name from a short line just above a title
// that names none ("淮安市洪泽区人民政府" / "2023 年政府信息公开工作年度报告").
func issuerAbove(r *Report, title int) string {
	for k, seen := title-1, 0; k >= 0 && seen < 2; k-- {
		s := strings.TrimSpace(string(r.Text.Norm[k]))
		if s == "" {
			continue
		}
		seen++
		if isIssuer(s) {
			return s
		}
	}
	return ""
}

// issuerBefore takes the issuing body's name from the words before the
// year in the title: the last clause, without breadcrumbs or 现将.
func issuerBefore(s string) string {
	s = strings.TrimSpace(s)
	if k := strings.LastIndexAny(s, ",。;:、>»|》 "); k >= 0 {
		s = s[k+len(string([]rune(s[k:])[0])):]
	}
	for _, w := range []string{"现将", "关于", "特此发布", "公布"} {
		if k := strings.LastIndex(s, w); k >= 0 {
			s = s[k+len(w):]
		}
	}
	if n := len([]rune(s)); n < 2 || n > 30 {
		return ""
	}
	return s
}

// chromeEnd are words of the page around a report that never stand in one:
// share and print links, pagination, lists of other news.
var chromeEnd = []string{"扫一扫", "下一页", "上一篇", "下一篇", "相关链接", "相关文章", "相关新闻", "返回顶部", "打印本页", "关闭窗口", "[打印]", "[关闭]", "分享到", "责任编辑", "最新百姓生活", "附件下载"}

// chromeEndCompact are the chromeEnd words as compact compares them.
var chromeEndCompact = func() []string {
	out := make([]string, len(chromeEnd))
	for i, w := range chromeEnd {
		out[i] = compact(w)
	}
	return out
}()

// hasChromeRune reports a line holding the first character of one of the
// chromeEnd words: a line with none is not chrome and need not be compared
// word by word. (TestChromeRunes keeps the two lists in step.)
func hasChromeRune(rs []rune) bool {
	for _, r := range rs {
		if isChromeRune(r) {
			return true
		}
	}
	return false
}

func isChromeRune(r rune) bool {
	switch r {
	case '扫', '下', '上', '相', '返', '打', '关', '[', '分', '责', '最', '附':
		return true
	}
	return false
}

// findBodyEnd ends the body at the first line of trailing page chrome.
func findBodyEnd(r *Report) {
	r.BodyEnd = len(r.Text.Lines)
	// chrome counts only once the report's text has begun: a saved page
	// can print its links menu (文件下载 / 相关链接) between the page's
	// heading and the report (corpus 114.html)
	begun := false
	for i := r.BodyStart + 1; i < len(r.Text.Norm); i++ {
		if !compactAtMost(r.Text.Norm[i], 40) {
			begun = true
			continue
		}
		if !begun || !hasChromeRune(r.Text.Norm[i]) {
			continue
		}
		c := compact(r.Text.normLine(i))
		for _, w := range chromeEndCompact {
			if containsWord(c, w) {
				r.BodyEnd = i
				return
			}
		}
	}
}

// compactAtMost reports whether compact(rs) has at most n runes; it stops
// reading a long line as soon as it knows.
func compactAtMost(rs []rune, n int) bool {
	if len(rs) <= n {
		return true
	}
	for _, r := range rs {
		if !dropsInCompact(r) {
			if n--; n < 0 {
				return false
			}
		}
	}
	return true
}

// tableWords open every table the readers look for (表二's 第二十条 blocks,
// 表三's first row, flattened or not); 表四's header is a line that begins
// with 行政复议. No token before the first such line is needed, and a report
// without one (a statistics table of before 2019) is not tokenized at all.
var tableKeys = wordsOf("第二十条", "本年新收", "申请数量")

var (
	disclosureKeys = wordsOf("信息公开", "政务公开")
	reportKeys     = wordsOf("报告")
)

func firstTableLine(r *Report) int {
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		if r.Text.has(i, tableKeys) || beginsWith(r.Text.Norm[i], "行政复议") {
			return i
		}
	}
	return r.BodyEnd
}

// beginsWith reports normalised runes that begin, after spaces and pipes,
// with the word.
func beginsWith(rs []rune, word string) bool {
	k := 0
	for k < len(rs) && (rs[k] == ' ' || rs[k] == '|') {
		k++
	}
	for _, w := range word {
		if k >= len(rs) || rs[k] != w {
			return false
		}
		k++
	}
	return true
}

// readTables reads 表二, 表三 and 表四 from the tokens of the lines from the
// first table on, or else a pre-2019 statistics table from the words of the
// body from its title on (crawler text runs such a table into the prose's
// line). The lines are tokenized a window at a time, the first window
// holding window characters, none more than limit tokens (window.go).
func readTables(r *Report, window, limit int) {
	buf := tokenBuffers.Get().(*[]token)
	defer putTokens(buf)
	r.Tables = append(r.Tables, readWindows(r, buf, firstTableLine(r), window, limit, true, readTemplateTables)...)
	if len(r.Tables) > 0 {
		return
	}
	// only the lines from the statistics table's title on are tokenized: a
	// report without one is not tokenized a second time
	from := statTitleLine(r)
	if from < 0 {
		return
	}
	if st := readWindows(r, buf, from, window, limit, false, readStatistics); st != nil {
		r.Tables = append(r.Tables, st)
	}
}

// readTemplateTables reads the tables of the 2019 and 2021 templates: the
// blocks of 表二 before 表三, 表三, and 表四 after it.
func readTemplateTables(s *tokStream) []*Table {
	apps, appsEnd := readApplications(s)
	// without 表三, the search for it read the whole stream (and has said
	// so where the window was cut): 表二 is looked for in all of it
	itemsLimit := len(s.toks)
	if apps != nil {
		itemsLimit = firstTokenAt(s.toks, apps.Span.Start)
	}
	tables := readItems(s.toks[:itemsLimit])
	if apps != nil {
		tables = append(tables, apps)
	}
	if len(tables) > 0 {
		if rev := readReview(s, appsEnd); rev != nil {
			tables = append(tables, rev)
		}
	}
	return tables
}

// tokenBuffers hold token slices between reports: a report's tokens never
// outlive readTables (its tables keep cells, not tokens), and growing a
// fresh slice of these large tokens for every report was a tenth of the
// parser's allocation.
var tokenBuffers = sync.Pool{New: func() any { return new([]token) }}

// putTokens clears the tokens, which point into their report's text, so
// that a pooled buffer keeps no report alive, and returns the buffer. The
// tokens past its length were cleared when it was last returned. A buffer
// grown past maxPooledTokens (a crafted file's, up to maxTokens) is
// dropped: the pool kept its 60 MB alive after the file was done.
func putTokens(buf *[]token) {
	if cap(*buf) > maxPooledTokens {
		return
	}
	clear(*buf)
	*buf = (*buf)[:0]
	tokenBuffers.Put(buf)
}

// maxPooledTokens is the largest token buffer kept for the next report:
// several times a long report's tables.
const maxPooledTokens = 1 << 16

// statTitleLine is the first body line that names a statistics table, or -1.
func statTitleLine(r *Report) int {
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		if r.Text.has(i, statTitleKeys) {
			return i
		}
	}
	return -1
}

func firstTokenAt(toks []token, p Pos) int {
	for i, t := range toks {
		if int(t.line)+1 == p.Line && int(t.col)+1 == p.Col {
			return i
		}
	}
	return len(toks)
}

// sectionRe is the heading pattern; sectionHeading reads it by hand and a
// test keeps the two in step.
var sectionRe = regexp.MustCompile(`^\s*([一二三四五六七八九十]{1,2})\s*[、.]\s*(\S.*)$`)

// sectionHeading is sectionRe.FindStringSubmatch(s), read by hand: the
// regexp engine was a good part of the parser's time on plain text.
func sectionHeading(s string) []string {
	i := skipRegexpSpace(s, 0)
	j := i
	for n := 0; n < 2 && j < len(s); n++ {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !isChineseNumeral(r) {
			break
		}
		j += size
	}
	if j == i {
		return nil
	}
	k := skipRegexpSpace(s, j)
	switch {
	case strings.HasPrefix(s[k:], "、"):
		k += len("、")
	case strings.HasPrefix(s[k:], "."):
		k++
	default:
		return nil
	}
	k = skipRegexpSpace(s, k)
	if k == len(s) {
		return nil // (\S.*) needs a character
	}
	return []string{s, s[i:j], s[k:]}
}

// skipRegexpSpace skips what regexp's \s matches.
func skipRegexpSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}

// findSections finds the top-level headings 一、… in order. A heading must
// carry the next number, which keeps the numbered rows of tables out.
func findSections(r *Report) {
	next := 1
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		// a heading's title has at most 40 characters and its number two,
		// so a longer line (a numbered paragraph) is not read further
		if !looksNumberedHeading(r.Text.Norm[i]) || !compactAtMost(r.Text.Norm[i], 42) {
			continue
		}
		s := r.Text.normLine(i)
		m := sectionHeading(s)
		if m == nil || strings.Contains(s, "|") || inTable(r, i) {
			continue
		}
		title := strings.TrimSpace(m[2])
		if n := chineseNumber(m[1]); n != next || len([]rune(compact(title))) > 40 {
			continue
		}
		sec := Section{Number: next, Title: title, Kind: sectionKind(title)}
		col := strings.Index(s, m[1])
		sec.Span = Span{Pos{Line: i + 1, Col: len([]rune(s[:col])) + 1}, Pos{Line: i + 1, Col: len(r.Text.Norm[i]) + 1}}
		if n := len(r.Sections); n > 0 {
			r.Sections[n-1].EndLine = i
		}
		r.Sections = append(r.Sections, sec)
		next++
		if strings.Contains(title, "附表") || strings.Contains(title, "统计表") {
			break
		}
	}
	if n := len(r.Sections); n > 0 {
		r.Sections[n-1].EndLine = r.BodyEnd
	}
}

// looksNumberedHeading is a quick test before sectionHeading: one or two Chinese
// numerals then 、 or . at the start of the line.
func looksNumberedHeading(rs []rune) bool {
	rs = trimSpaceRunes(rs)
	k := 0
	for k < len(rs) && k < 3 && isChineseNumeral(rs[k]) {
		k++
	}
	if k == 0 || k > 2 {
		return false
	}
	for k < len(rs) && rs[k] == ' ' {
		k++
	}
	return k < len(rs) && (rs[k] == '、' || rs[k] == '.')
}

func inTable(r *Report, line int) bool {
	for _, t := range r.Tables {
		if line+1 >= t.Span.Start.Line && line+1 <= t.Span.End.Line {
			return true
		}
	}
	return false
}

func chineseNumber(s string) int {
	rs := []rune(s)
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10
	case len(rs) == 1:
		return chineseDigit(rs[0])
	case len(rs) == 2 && rs[0] == '十':
		return 10 + chineseDigit(rs[1])
	}
	return 0
}

// chineseDigit is the value of 一 to 九, 0 for any other rune.
func chineseDigit(r rune) int {
	i := strings.IndexRune("一二三四五六七八九", r)
	if i < 0 {
		return 0
	}
	return i/3 + 1
}

// sectionKind matches headings by keywords, not exact strings: real reports
// vary the wording (DOMAIN.md §2.1).
func sectionKind(title string) SectionKind {
	c := compact(title)
	switch {
	case strings.Contains(c, "复议") && strings.Contains(c, "诉讼"):
		return SectionReview
	case (strings.Contains(c, "问题") || strings.Contains(c, "不足")) && containsAny(c, "改进", "整改", "措施", "打算"):
		return SectionProblems
	case strings.HasPrefix(c, "其他") || strings.Contains(c, "其他需要报告") || strings.Contains(c, "其他需报告"):
		return SectionOtherItems
	case strings.Contains(c, "申请") || strings.Contains(c, "收到和处理"):
		return SectionRequests
	case strings.Contains(c, "主动公开"):
		return SectionActive
	case strings.Contains(c, "总体情况") || strings.Contains(c, "概述") || strings.Contains(c, "概况") || strings.Contains(c, "基本情况"):
		return SectionOverview
	}
	return SectionOther
}

// detectEra tells the templates apart by what the report prints
// (DOMAIN.md §1): the 第二十条 headers, the shape of （六）其他处理, the
// template's document number, and last the year.
func detectEra(r *Report) {
	for _, t := range r.Tables {
		if t.Variant != EraUnknown {
			r.Era, r.EraEvidence = t.Variant, "表格："+t.Title
			if t.Kind == TableItems {
				r.EraEvidence = "表二列名：" + t.Columns[0].Label
			}
			if t.Kind == TableApplications {
				r.EraEvidence = "表三「其他处理」的行"
			}
			return
		}
	}
	// the lines that hold 号 (every document number has it) are read as if
	// run together, as they once were: each line, and its join with the
	// line before, which need not hold 号 (国办公开办函〔2021〕 | 30号)
	cites2021, cites2019 := false, false
	for i := r.BodyStart; i < r.BodyEnd && i < r.BodyStart+80; i++ {
		if !containsWord(r.Text.Lines[i], "号") {
			continue
		}
		l, prev := r.Text.normLine(i), ""
		if i > r.BodyStart {
			prev = r.Text.normLine(i - 1)
		}
		join := prev[max(0, len(prev)-16):] + l[:min(len(l), 16)]
		for _, part := range []string{l, join} {
			cites2021 = cites2021 || containsWord(part, "〔2021〕30号") || containsWord(part, "[2021]30号")
			cites2019 = cites2019 || containsWord(part, "〔2019〕60号") || containsWord(part, "[2019]60号")
		}
	}
	switch {
	case cites2021:
		r.Era, r.EraEvidence = Era2021, "引用国办公开办函〔2021〕30号"
	case cites2019:
		r.Era, r.EraEvidence = Era2019, "引用国办公开办函〔2019〕60号"
	case r.Year >= 2021:
		r.Era, r.EraEvidence = Era2021, "报告年度"
	case r.Year >= 2019:
		r.Era, r.EraEvidence = Era2019, "报告年度"
	case r.Year > 0:
		r.Era, r.EraEvidence = EraPre2019, "报告年度"
	}
}
