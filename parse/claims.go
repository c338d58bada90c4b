package parse

import (
	"strings"
)

// ClaimKind says what a number in prose is.
type ClaimKind int

const (
	ClaimCount   ClaimKind = iota // 受理申请10件
	ClaimPercent                  // 占20%
	ClaimRate                     // 办结率100%: Of holds the rate's name
)

// Claim is a number stated in prose, with what it counts.
type Claim struct {
	Kind ClaimKind
	// Subject is the words of the clause before the number (normalised):
	// "机构职能类信息", "全区共受理政府信息公开申请".
	Subject  string
	Value    float64
	Unit     string // 条, 件, …; "%" for a percentage; "" when the copy lost it
	Decimals int
	Span     Span
	// Total: stated as a total (共, 总计, 合计, 总数).
	Total bool
	// Cumulative: a figure over several years (截至, 累计, 历年, 以来), not
	// the report year's (DOMAIN.md §7 item 13).
	Cumulative bool
	// Of, for a percentage, is the phrase it is a share of (占全街主动公开信息的
	// 30.45% → 全街主动公开信息), when printed.
	Of string
	// Negated: the clause says there was none (未发生…行政复议).
	Negated bool
	// After is the rest of the clause after the number and its unit, which
	// names what is counted when the prose says 收到1份…行政复议申请.
	After string
	// Quantity is what a count counts, when it is one the tables state too;
	// Scope whether it counts all of it or one channel or part.
	Quantity Quantity
	Scope    Scope
	// OtherDimension, set on a list's parts: the part counts along another
	// dimension than its fellows (涉及…, 主要…, 关于…: a topic rather than a
	// channel), so it may overlap them and the parts are no partition.
	OtherDimension bool

	// Set on the counts in the units requests are counted in (RequestUnit),
	// once the report year is known (outcomes.go):
	// Clause is the clause before the number read across line breaks,
	// spaces and subjectOf's fillers taken out: what Outcome and Review
	// are read from.
	Clause string
	// Outcome is the 表三 or 表四 quantity the count names, if one.
	Outcome Outcome
	// Review is whether it counts 行政复议 or 行政诉讼 cases.
	Review ReviewCase
	// Aside is what the words around it say against its being the body's
	// own count of the report year; read only for a count with an
	// Outcome or a Review.
	Aside Aside
}

// Quantity is a quantity both the prose and the tables state.
type Quantity int

const (
	QuantityOther            Quantity = iota
	QuantityRequestsReceived          // 本年收到（受理）政府信息公开申请
	QuantityReconsiderations          // 行政复议
	QuantityPublished                 // 主动公开政府信息
)

// Scope says whether a count is of the whole quantity or of a part of it.
type Scope int

const (
	ScopeWhole   Scope = iota
	ScopeChannel       // one channel: 网站, 微博, 微信, 公报, 平台, 专栏
	ScopePart          // one part: 本级, 部门, 单位, 其中…, one 类
)

// quantityOf reads what a count counts from the words around it.
func quantityOf(c Claim) Quantity {
	s := c.Subject + c.After
	switch {
	case (strings.Contains(s, "收到") || strings.Contains(s, "受理")) && strings.Contains(s, "申请") &&
		(strings.Contains(s, "信息公开") || strings.Contains(s, "依申请")) && !containsAny(s, "上年", "结转", "答复", "办结", "复议", "诉讼"):
		return QuantityRequestsReceived
	case strings.Contains(s, "行政复议") && !containsAny(s, "诉讼", "办结", "维持", "纠正", "纠错"):
		return QuantityReconsiderations
	case strings.Contains(c.Subject, "主动公开") && strings.Contains(c.Subject, "信息"):
		return QuantityPublished
	}
	return QuantityOther
}

// scopeOf reads from a count's subject whether it is one channel or one
// part of its quantity.
func scopeOf(subject string) Scope {
	switch {
	case containsAny(subject, "网", "微博", "微信", "公报", "平台", "栏"):
		return ScopeChannel
	case containsAny(subject, "本级", "部门", "单位", "其中", "类"):
		return ScopePart
	}
	return ScopeWhole
}

// Sentence is one sentence of prose with the numbers it states.
type Sentence struct {
	Text   string // normalised
	Span   Span
	Claims []Claim
	// Lists are the groups of parts the sentence states: after 其中,
	// 分别为, or under a "…N条…中" opening.
	Lists []ClaimList
	// Whole is the count of an opening "…的10件政府信息公开申请中", which the
	// sentence's shares are of; -1 when there is none.
	Whole int

	// runes are the normalised runes of Text, a part of the line's runes
	// (Text is made only for the sentences that state a number)
	runes []rune
}

// ClaimList is a total and the parts the prose gives of it.
type ClaimList struct {
	// Total is the claim the parts are of: one of the sentence's, or of
	// the sentence before (「…共计22095条。其中，…」).
	Total *Claim
	// Parts index the parts in the sentence's claims.
	Parts []int
	// Complete: the prose presents the parts as all of the total
	// (分别为, 分别是, a catch-all 其他 item, or the three 公开属性).
	Complete bool
	Marker   ListMarker
}

// ListMarker is the words that open a list of parts.
type ListMarker int

const (
	MarkerNone    ListMarker = iota
	MarkerOfWhich            // 其中
	MarkerEach               // 分别为, 分别是
	MarkerAmong              // an opening 「…10件申请中，」
)

// countUnits are the units a count in prose carries, longest first.
var countUnits = []string{"人次", "条", "件", "篇", "次", "个", "起", "项", "份", "例", "家", "场", "期"}

// oneRuneUnits are the countUnits of one character, by their character.
var oneRuneUnits = func() map[rune]string {
	m := map[rune]string{}
	for _, u := range countUnits {
		if rs := []rune(u); len(rs) == 1 {
			m[rs[0]] = u
		} else if u != "人次" {
			panic("parse: unitAfter reads only 人次 of the units of two characters")
		}
	}
	return m
}()

// findSentences cuts the body into sentences at 。！？, once for every
// reader of prose: the claims here, the copied-prose rules.
func findSentences(r *Report) {
	// about one sentence a line, or one in sixty characters for lines run
	// together: enough room that the slice seldom grows
	r.Sentences = make([]SentenceSpan, 0, r.BodyEnd-r.BodyStart+16)
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		start := 0
		for k := 0; k <= len(rs); k++ {
			if k < len(rs) && !isSentenceEnd(rs[k]) {
				continue
			}
			if k > start {
				r.Sentences = append(r.Sentences, SentenceSpan{Line: int32(i + 1), Start: int32(start), End: int32(k)})
			}
			start = k + 1
		}
	}
}

// findProse reads the sentences of the body that are not table text.
func findProse(r *Report) {
	var prev *Sentence
	line := -1
	var w *runeWalker
	skip := false
	for _, sp := range r.Sentences {
		i := int(sp.Line) - 1
		if i != line {
			line, w = i, nil
			// no number, no claim; or table text
			if skip = !hasDigit(r.Text.Norm[i]) || lineInTable(r, i+1); skip {
				continue
			}
			// a sentence's text is cut from the line's string where the
			// tables' reader made one (the sentences come in order)
			if s, ok := r.Text.knownNormLine(i); ok {
				w = &runeWalker{s: s, rs: r.Text.Norm[i]}
			}
		}
		if skip {
			continue
		}
		sentenceAt(r.Text.Norm[i], i, int(sp.Start), int(sp.End), func(s Sentence) {
			if posInTable(r, s.Span.Start) {
				return
			}
			readClaims(&s)
			if len(s.Claims) == 0 {
				prev = nil
				return
			}
			if w != nil {
				a := w.byteAt(s.Span.Start.Col - 1)
				s.Text = w.s[a:w.byteAt(s.Span.End.Col-1)]
			} else {
				s.Text = string(s.runes)
			}
			groupClaims(&s, prev)
			r.Prose = append(r.Prose, s)
			prev = &r.Prose[len(r.Prose)-1]
		})
	}
}

// sentenceAt calls f with the piece rs[a:b] of a line, without its
// leading spaces, when it has a digit.
func sentenceAt(rs []rune, line, a, b int, f func(Sentence)) {
	for a < b && rs[a] == ' ' {
		a++
	}
	if b > a && hasDigit(rs[a:b]) { // a sentence without digits states no number
		f(Sentence{runes: rs[a:b:b], Whole: -1, Span: Span{Pos{Line: line + 1, Col: a + 1}, Pos{Line: line + 1, Col: b + 1}}})
	}
}

func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?':
		return true
	}
	return false
}

// readClaims finds the counts and percentages of a sentence.
func readClaims(s *Sentence) {
	rs := s.runes
	col0 := s.Span.Start.Col - 1
	// where in the sentence a cumulative figure begins (截至…, 累计…), found
	// once: a count after it is not the report year's
	cumulFrom, cumulRead := -1, false
	for i := 0; i < len(rs); i++ {
		if !isDigit(rs[i]) || (i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.' || rs[i-1] == ',' && i > 1 && isDigit(rs[i-2]) || isLatin(rs[i-1]))) {
			continue
		}
		j, n, ok := readNumber(rs, i)
		if !ok {
			i = j - 1
			continue
		}
		c := Claim{Value: n.Value, Decimals: n.Decimals,
			Span: Span{Pos{Line: s.Span.Start.Line, Col: col0 + i + 1}, Pos{Line: s.Span.Start.Line, Col: col0 + j + 1}}}
		clause := clauseBefore(rs, i)
		of, isShare := shareBefore(rs, i)
		rate, isRate := "", false
		if !isShare {
			rate, isRate = rateBefore(rs, i)
		}
		if isShare || isRate {
			c.Kind, c.Unit, c.Of = ClaimPercent, "%", of
			if isRate {
				c.Kind, c.Of = ClaimRate, rate
			}
			if k := skipSpaces(rs, j); k < len(rs) && rs[k] == '%' {
				c.Span.End.Col = col0 + k + 2
				j = k + 1
			}
		} else {
			unit, end, ok := unitAfter(rs, i, j)
			if !ok {
				i = j - 1
				continue
			}
			c.Kind, c.Unit = ClaimCount, unit
			if unit != "" {
				c.Span.End.Col = col0 + end + 1
			}
			j = end
		}
		c.Subject = subjectOf(clause)
		c.After = clauseAfter(rs, j)
		c.Total = runeIndexAny(clause, totalWords) >= 0
		if !cumulRead { // most sentences state no count: searched only when one does
			cumulFrom, cumulRead = runeIndexAny(rs, cumulativeWords), true
		}
		c.Cumulative = cumulFrom >= 0 && cumulFrom < i
		c.Negated = runeIndexAny(clause, negationWords) >= 0
		if c.Kind == ClaimCount {
			c.Quantity, c.Scope = quantityOf(c), scopeOf(c.Subject)
		}
		s.Claims = append(s.Claims, c)
		i = j - 1
	}
}

// plainDigitRunes reads up to 15 plain digits, as ParseNumber would.
func plainDigitRunes(rs []rune) (Number, bool) {
	if len(rs) == 0 || len(rs) > 15 {
		return Number{}, false
	}
	var v int64
	for _, r := range rs {
		if r < '0' || r > '9' {
			return Number{}, false
		}
		v = v*10 + int64(r-'0')
	}
	return Number{Value: float64(v), IsInt: true}, true
}

// isDateOrOrdinalUnit: a number followed by these is a date, a time or a
// serial number (2021年, 3月, 第5期), not a count.
func isDateOrOrdinalUnit(r rune) bool {
	switch r {
	case '年', '月', '日', '号', '时', '期', '届', '批':
		return true
	}
	return false
}

func isLatin(r rune) bool {
	return r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r == '/')
}

// readNumber reads 1,234 or 12.5 at rs[i]; a year, a date or a document
// number is not a count.
func readNumber(rs []rune, i int) (int, Number, bool) {
	j := i
	for j < len(rs) && (isDigit(rs[j]) || (rs[j] == ',' || rs[j] == '.') && j+1 < len(rs) && isDigit(rs[j+1])) {
		j++
	}
	n, ok := plainDigitRunes(rs[i:j]) // most counts: no separator, no decimals
	if !ok {
		n, ok = ParseNumber(string(rs[i:j]))
	}
	if !ok {
		return j, Number{}, false
	}
	k := skipSpaces(rs, j)
	if k < len(rs) && isDateOrOrdinalUnit(rs[k]) {
		return j, Number{}, false
	}
	if i > 0 && (rs[i-1] == '第' || rs[i-1] == '〔' || rs[i-1] == '[') {
		return j, Number{}, false
	}
	return j, n, true
}

// unitAfter reads the unit after a count. A number with no unit counts only
// where the copy plainly lost it: before a comma or the sentence's end.
func unitAfter(rs []rune, i, j int) (string, int, bool) {
	k := skipSpaces(rs, j)
	if k < len(rs) {
		// every unit is one character but 人次
		if rs[k] == '人' && k+1 < len(rs) && rs[k+1] == '次' {
			return "人次", k + 2, true
		}
		if u, ok := oneRuneUnits[rs[k]]; ok {
			return u, k + 1, true
		}
	}
	// a bare number: not a phone number, postcode or address after a colon
	if (k >= len(rs) || strings.ContainsRune(",;", rs[k])) && !bareIsContact(rs, i) {
		return "", j, true
	}
	return "", j, false
}

// bareIsContact: a number right after a delimiter (邮编:221009) or in a
// clause about contacts is not a count whose unit was lost.
func hasRunePrefix(rs []rune, prefix string) bool {
	i := 0
	for _, r := range prefix {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}

func bareIsContact(rs []rune, i int) bool {
	clause := clauseBefore(rs, i)
	return len(clause) == 0 || runeIndexAny(clause, contactWords) >= 0
}

// shareBefore recognises "占…的" before a number: the number is a share.
// It returns the phrase between 占 and 的, if any.
func shareBefore(rs []rune, i int) (string, bool) {
	for k := i - 1; k >= 0 && i-k <= 24; k-- {
		switch {
		case rs[k] == '占':
			phrase := strings.TrimSpace(string(rs[k+1 : i]))
			phrase = strings.TrimSuffix(phrase, "的")
			if strings.ContainsAny(phrase, "0123456789") {
				return "", false
			}
			return strings.TrimSpace(phrase), true
		case rs[k] == ',' || rs[k] == ';' || rs[k] == '。' || isDigit(rs[k]):
			return "", false
		}
	}
	return "", false
}

// rateBefore finds the name of a rate just before a number (办结率100%,
// 按时办结率为97, 答复率达到100%): the characters before 率 back to the
// clause's start or a number, at most six, and the words 为, 达, 达到, 是
// between 率 and the number.
func rateBefore(rs []rune, i int) (string, bool) {
	k := i - 1
	for k >= 0 && rs[k] == ' ' {
		k--
	}
	for _, w := range []string{"达到", "为", "达", "是"} {
		if n := len([]rune(w)); k+1 >= n && string(rs[k+1-n:k+1]) == w {
			k -= n
			break
		}
	}
	if k < 1 || rs[k] != '率' {
		return "", false
	}
	start := k
	for start > 0 && k-start < 6 && !isClauseDelim(rs[start-1]) && !isDigit(rs[start-1]) && rs[start-1] != ' ' {
		start--
	}
	if start == k {
		return "", false
	}
	return string(rs[start : k+1]), true
}

var (
	cumulativeWords = runeWords("截至", "截止", "累计", "历年", "以来")
	totalWords      = runeWords("共", "总计", "合计", "总数", "总量")
	negationWords   = runeWords("未", "没有", "无")
	contactWords    = runeWords("电话", "邮编", "传真", "地址", "号")
)

func runeWords(ws ...string) [][]rune {
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}

// runeIndexAny returns the first index in rs where one of the words
// begins, or -1.
func runeIndexAny(rs []rune, words [][]rune) int {
	for i, r := range rs {
		for _, w := range words {
			if w[0] == r && len(rs)-i >= len(w) && equalRunes(rs[i:i+len(w)], w) {
				return i
			}
		}
	}
	return -1
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// isClauseDelim: the punctuation that ends a clause.
func isClauseDelim(r rune) bool {
	switch r {
	case ',', ';', ':', '、', '。':
		return true
	}
	return false
}

// maxClause bounds how far a clause is read around a number: what names a
// count stands close to it, and the bound keeps long runs of numbers (a
// table flattened into one line) linear.
const maxClause = 60

// clauseBefore returns the clause that ends at rs[i]: the words since the
// last delimiter.
func clauseBefore(rs []rune, i int) []rune {
	k := i
	for k > 0 && i-k < maxClause && !isClauseDelim(rs[k-1]) {
		k--
	}
	return trimSpaceRunes(rs[k:i])
}

// clauseAfter returns the words from rs[j] to the next delimiter.
func clauseAfter(rs []rune, j int) string {
	k := j
	for k < len(rs) && k-j < maxClause && !isClauseDelim(rs[k]) {
		k++
	}
	return compactRunes(rs[j:k])
}

// subjectOf keeps the words of a clause that name what is counted.
func subjectOf(clause []rune) string {
	s := compactRunes(clause)
	if !hasSubjectFiller(clause) {
		return s // most clauses: nothing to take out
	}
	for _, w := range []string{"其中", "分别为", "分别是", "约", "共计", "总计", "合计", "共", "达"} {
		if strings.Contains(s, w) {
			s = strings.ReplaceAll(s, w, "")
		}
	}
	return s
}

// hasSubjectFiller: the clause holds the first character of a word
// subjectOf takes out (其中, 分别为, 约, 共计, 总计, 合计, 共, 达).
func hasSubjectFiller(rs []rune) bool {
	for _, r := range rs {
		if isFillerStart(r) {
			return true
		}
	}
	return false
}

// isFillerStart: the first character of a word subjectOf takes out.
func isFillerStart(r rune) bool {
	switch r {
	case '其', '分', '约', '共', '总', '合', '达':
		return true
	}
	return false
}

// groupClaims finds the lists of parts a sentence gives of a total.
func groupClaims(s *Sentence, prev *Sentence) {
	s.Whole = openingWhole(s)
	marker, at := listMarker(s.runes)
	if marker == MarkerNone {
		if s.Whole >= 0 {
			w := s.Claims[s.Whole]
			s.Lists = append(s.Lists, partsAfter(s, s.Whole, nil, claimOffset(s, w)+1, MarkerAmong))
		}
		return
	}
	// the total is the last count before the marker
	total := -1
	for k, c := range s.Claims {
		if c.Kind == ClaimCount && claimOffset(s, c) < at {
			total = k
		}
	}
	var prevTotal *Claim
	if total < 0 && at <= 2 && prev != nil {
		// "…共计22095条。其中，…": the total stood in the sentence before
		for k := len(prev.Claims) - 1; k >= 0; k-- {
			if prev.Claims[k].Kind == ClaimCount {
				c := prev.Claims[k]
				prevTotal = &c
				break
			}
		}
	}
	if total < 0 && prevTotal == nil {
		return
	}
	s.Lists = append(s.Lists, partsAfter(s, total, prevTotal, at, marker))
}

// openingWhole finds "…的10件政府信息公开申请中，" near the start of a
// sentence: the count that the sentence's parts and shares are of. The
// count must stand in the clause that ends with 中.
func openingWhole(s *Sentence) int {
	rs := s.runes
	end := -1
	for i := 0; i+1 < len(rs) && i < 80; i++ {
		if rs[i] == '中' && strings.ContainsRune(",:", rs[i+1]) {
			end = i
			break
		}
	}
	if end < 0 {
		return -1
	}
	start := end
	for start > 0 && !strings.ContainsRune(",;:。", rs[start-1]) {
		start--
	}
	whole := -1
	for k, c := range s.Claims {
		if off := claimOffset(s, c); c.Kind == ClaimCount && off >= start && off < end {
			whole = k
		}
	}
	return whole
}

// listMarker finds the words that open a list of parts, and where.
func listMarker(rs []rune) (ListMarker, int) {
	for i, r := range rs {
		switch {
		case r == '其' && hasRunePrefix(rs[i:], "其中"):
			return MarkerOfWhich, i
		case r == '分' && (hasRunePrefix(rs[i:], "分别为") || hasRunePrefix(rs[i:], "分别是")):
			return MarkerEach, i
		}
	}
	return MarkerNone, -1
}

func claimOffset(s *Sentence, c Claim) int { return c.Span.Start.Col - s.Span.Start.Col }

// partsAfter collects the counts after a list's marker. A 其中 list ends at
// a semicolon: what follows is another breakdown of the same total
// (其中自然人741件，法人8件；办理718件，结转31件).
func partsAfter(s *Sentence, total int, prevTotal *Claim, at int, marker ListMarker) ClaimList {
	l := ClaimList{Total: prevTotal, Marker: marker, Complete: marker == MarkerEach}
	if total >= 0 {
		l.Total = &s.Claims[total]
	}
	end := len(s.runes)
	if marker != MarkerAmong {
		rs := s.runes
		for k := at; k < len(rs); k++ {
			if rs[k] == ';' {
				end = k
				break
			}
		}
	}
	for k, c := range s.Claims {
		if off := claimOffset(s, c); k == total || c.Kind != ClaimCount || off < at || off >= end {
			continue
		}
		l.Parts = append(l.Parts, k)
		s.Claims[k].OtherDimension = containsAny(c.Subject, otherDimensionWords...)
		if strings.HasPrefix(c.Subject, "其他") || strings.HasPrefix(c.Subject, "其它") {
			l.Complete = true
		}
	}
	if coversDisclosureKinds(s, l.Parts) {
		l.Complete = true
	}
	return l
}

// otherDimensionWords open a part counted along another dimension than
// the list's (涉及征地, 主要是, 关于…, 有关…) or over several years (累计).
var otherDimensionWords = []string{"涉及", "主要", "关于", "有关", "累计"}

// disclosureKinds are the three 公开属性 every piece of government
// information has: a list naming all three is all of the information made
// or obtained (制作、获取政府信息总数3978条，其中主动公开…，依申请公开…，不予公开…).
var disclosureKinds = []string{"主动公开", "依申请公开", "不予公开"}

// coversDisclosureKinds reports parts that are exactly the three 公开属性,
// one each.
func coversDisclosureKinds(s *Sentence, parts []int) bool {
	if len(parts) != len(disclosureKinds) {
		return false
	}
	for i, k := range parts {
		if !strings.Contains(s.Claims[k].Subject, disclosureKinds[i]) {
			return false
		}
	}
	return true
}

// posInTable reports a position inside a table's span (crawler text can
// hold prose and a table on one line, so lines are not enough).
func posInTable(r *Report, p Pos) bool {
	for _, t := range r.Tables {
		if !before(p, t.Span.Start) && before(p, t.Span.End) {
			return true
		}
	}
	return false
}

// lineInTable reports a line (1-based) between a table's first and last
// lines: every position on it is in the table, so its sentences need not
// be cut to be told so one by one (most lines of a table have digits).
func lineInTable(r *Report, line int) bool {
	for _, t := range r.Tables {
		if line > t.Span.Start.Line && line < t.Span.End.Line {
			return true
		}
	}
	return false
}

func before(a, b Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}
