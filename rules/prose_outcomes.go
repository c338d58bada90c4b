package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

var claimOutcomesRule = &Rule{
	ID: "claim-outcomes", Name: "正文办理结果与表三、表四不一致", NameEn: "Prose outcomes against Tables 3 and 4", Severity: Warning,
	Doc: Text{
		Zh: "2019年、2021年模板（国办公开办函〔2019〕60号、〔2021〕30号）的报告正文说出的办理结果数须与本报告表三「总计」列相等：予以公开（也认把部分公开算在内的）、部分公开、予以公开及部分公开（（一）+（二））、不予公开（（三）各项之和）、无法提供（（四）各项之和）、不予处理（（五）各项之和）、其他处理（（六））、办结或答复数（（七）总计，也认减去上年结转的）、上年结转、结转下年度（四、）；正文的行政诉讼数须与表四两类行政诉讼「总计」之和相等。表中「总计」格空白时，按该行已填各格之和计下限，正文数小于下限才指出。正文说复议、诉讼「均获维持」而表四有结果纠正的，报警告；只有尚未审结或其他结果的，作提示（「均获维持」可能只指已审结的案件）。只比本机关本年度的数字：说全市、全区、各部门等另一范围的，截至某日累计的、否定的、百分比、比上年增减的，只说某类申请人或某一渠道的，「其中」列举而所属总数不是本年总数的，以及表格单元格读不准的，都不比。",
		En: "In reports on the 2019 and 2021 templates (国办公开办函〔2019〕60号, 〔2021〕30号), the outcome counts the prose states must equal the report's own Table 3, total column: disclosed (the partly disclosed counted in is accepted too), partly disclosed, disclosed and partly disclosed ((1)+(2)), not disclosed (the sum of (3)'s reasons), cannot be provided ((4)), not processed ((5)), other handling ((6)), requests answered or concluded ((7) total, or that less the carried-over requests), carried over from last year, carried forward to next year; the number of lawsuits must equal the sum of Table 4's two litigation totals. Where a total cell is empty, the filled cells of its row give a lower bound, and only a prose figure below it is reported. Prose saying the reconsiderations or suits were all upheld (均获维持) while Table 4 shows corrected results is a warning; with only pending or other results, a note (the phrase may speak of the decided cases only). Only figures for the reporting body and year are compared: figures for another scope (全市, 全区, departments), cumulative, negated, percentages, changes on last year, figures for one kind of applicant or channel, parts of a 其中 list whose total is not the year's, and cells not read with certainty are not.",
	},
	Run: checkOutcomeClaims,
}

// outcomeQuantity is a count the prose gives of 表三 or 表四: the rows whose
// total-column values sum to it.
type outcomeQuantity struct {
	id     string
	zh, en string
	// cellZh and cellEn name the table's side (the rows' own names when
	// empty)
	cellZh, cellEn string
	// group is the key of the group row a finding names, for an outcome
	// summed over its reasons
	group string
	kind  parse.TableKind
	// rows returns the table rows summed, for the table's template.
	rows func(t *parse.Table) []string
	// match recognises the quantity in the words before the number (the
	// clause, across line breaks) and the words after it.
	match func(clause, after string) bool
}

var outcomeQuantities = []outcomeQuantity{
	{id: "granted+partial", zh: "予以公开及部分公开", en: "disclosed and partly disclosed", kind: parse.TableApplications,
		cellZh: "表三（一）「予以公开」与（二）「部分公开」总计之和", cellEn: "the sum of Table 3 (1) 'disclosed' and (2) 'partly disclosed', total column", rows: fixedRows("apply.result.granted", "apply.result.partial"), match: outcomeWord("予以公开及部分公开")},
	{id: "granted", zh: "予以公开", en: "disclosed", kind: parse.TableApplications,
		rows: fixedRows("apply.result.granted"), match: outcomeWord("予以公开")},
	{id: "partial", zh: "部分公开", en: "partly disclosed", kind: parse.TableApplications,
		rows: fixedRows("apply.result.partial"), match: outcomeWord("部分公开")},
	{id: "denied", zh: "不予公开", en: "not disclosed", kind: parse.TableApplications,
		cellZh: "表三（三）「不予公开」各项总计之和", cellEn: "the sum of Table 3 (3) 'not disclosed', total column", group: "apply.result.denied", rows: outcomeGroup("apply.result.denied."), match: outcomeWord("不予公开")},
	{id: "unable", zh: "无法提供", en: "cannot be provided", kind: parse.TableApplications,
		cellZh: "表三（四）「无法提供」各项总计之和", cellEn: "the sum of Table 3 (4) 'cannot be provided', total column", group: "apply.result.unable", rows: outcomeGroup("apply.result.unable."), match: outcomeWord("无法提供")},
	{id: "rejected", zh: "不予处理", en: "not processed", kind: parse.TableApplications,
		cellZh: "表三（五）「不予处理」各项总计之和", cellEn: "the sum of Table 3 (5) 'not processed', total column", group: "apply.result.rejected", rows: outcomeGroup("apply.result.rejected."), match: outcomeWord("不予处理")},
	{id: "other", zh: "其他处理", en: "other handling", kind: parse.TableApplications,
		cellZh: "表三（六）「其他处理」总计", cellEn: "Table 3 (6) 'other handling', total column", rows: outcomeGroup("apply.result.other"), match: outcomeWord("其他处理")},
	{id: "concluded", zh: "办结（答复）数", en: "requests concluded (answered)", kind: parse.TableApplications,
		cellZh: "表三（七）总计的「总计」列", cellEn: "Table 3 (7) total, total column", rows: fixedRows("apply.result.total"), match: concludedWords},
	{id: "carried", zh: "上年结转数", en: "requests carried over from last year", kind: parse.TableApplications,
		rows: fixedRows("apply.carried"), match: carriedWords},
	{id: "forward", zh: "结转下年度数", en: "requests carried forward to next year", kind: parse.TableApplications,
		rows: fixedRows("apply.forward"), match: forwardWords},
	{id: "litigation", zh: "行政诉讼数", en: "lawsuits", kind: parse.TableReview,
		cellZh: "表四两类行政诉讼总计之和", cellEn: "the sum of Table 4's two litigation totals", rows: fixedRows("review.suit_direct", "review.suit_after"), match: litigationWords},
}

func fixedRows(keys ...string) func(*parse.Table) []string {
	return func(*parse.Table) []string { return keys }
}

// outcomeGroup is the rows of one outcome of 表三 in the table's template:
// （三） to （五） are their reasons, （六） is one row in 2019 and three in
// 2021 (the groups have no subtotal rows).
func outcomeGroup(prefix string) func(*parse.Table) []string {
	return func(t *parse.Table) []string {
		if t.Variant != parse.Era2019 && t.Variant != parse.Era2021 {
			return nil
		}
		var keys []string
		for _, k := range parse.ApplicationOutcomeRows(t.Variant) {
			if strings.HasPrefix(k, prefix) {
				keys = append(keys, k)
			}
		}
		return keys
	}
}

// connectors join two outcome names.
var connectors = []string{"及", "和", "与", "或", "、", "以及"}

// outcomeWord recognises a clause that ends with the outcome's name (after
// the fillers 的, 为, 有, 申请), or a number followed by the name alone
// (其中5件予以公开). 不予公开答复 and 同意公开 (the words of the old
// statistics tables) are not the template's outcomes.
func outcomeWord(word string) func(clause, after string) bool {
	combined := word == "予以公开及部分公开"
	return func(clause, after string) bool {
		s := trimFillers(clause)
		if s == "" {
			s = trimFillers(after)
			if s != word {
				return false
			}
			return true
		}
		if combined {
			for _, c := range []string{"及", "和", "与", "以及"} {
				if strings.HasSuffix(s, "予以公开"+c+"部分公开") {
					return !endsWithConnector(strings.TrimSuffix(s, "予以公开"+c+"部分公开"))
				}
			}
			return false
		}
		if !strings.HasSuffix(s, word) {
			return false
		}
		rest := strings.TrimSuffix(s, word)
		// 不予以公开 is not 予以公开; 予以公开及部分公开 is the combined
		// quantity; a name joined to another is a list of names
		return !strings.HasSuffix(rest, "不") && !endsWithConnector(rest)
	}
}

func endsWithConnector(s string) bool {
	for _, c := range connectors {
		if strings.HasSuffix(s, c) {
			return true
		}
	}
	return false
}

// trimFillers takes off the words that stand between a name and its number.
func trimFillers(s string) string {
	for {
		t := s
		for _, f := range []string{"的", "为", "有", "计", "申请", "事项", "共"} {
			t = strings.TrimSuffix(t, f)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// concludedWords: 办结1191件, 答复政府信息公开申请805件, 共办理718件.
func concludedWords(clause, after string) bool {
	s := trimFillers(strings.TrimSuffix(trimFillers(clause), "政府信息公开"))
	s = strings.TrimSuffix(s, "信息公开")
	s = trimFillers(s)
	for _, w := range []string{"办结", "答复", "办理", "办理完毕", "办理完成", "完成答复", "予以答复"} {
		if strings.HasSuffix(s, w) {
			return !strings.HasSuffix(s, "公开答复") && !hasAnyWord(clause+afterIfBare(clause, after), []string{"同意", "部分", "不予", "无法", "其他", "申请中", "按时", "延期", "逾期", "超期", "当场", "当日", "平均", "提前", "上年", "下年", "结转", "复议", "诉讼", "信访", "咨询", "留言", "来信", "事项", "审批", "率"})
		}
	}
	return false
}

// carriedWords: 上年结转189件, 含上年度结转申请18件.
func carriedWords(clause, after string) bool {
	s := clause + afterIfBare(clause, after)
	return hasAnyWord(s, []string{"上年", "上一年"}) && strings.Contains(s, "结转") && !hasAnyWord(s, []string{"下年", "下一年", "次年"})
}

// afterIfBare returns the words after a number when the words before it
// name nothing (另有72件申请…顺延到下年度, 含, 其中): only then do they say
// what is counted.
func afterIfBare(clause, after string) string {
	if len([]rune(trimFillers(clause))) <= 2 {
		return after
	}
	return ""
}

// forwardWords: 结转下年度继续办理, 另有72件申请…顺延到下年度答复,
// 结转至2026年6件 (the year is checked by the caller).
func forwardWords(clause, after string) bool {
	s := clause + afterIfBare(clause, after)
	return hasAnyWord(s, []string{"结转", "顺延", "转入", "转至", "转到", "转下"}) && hasAnyWord(s, []string{"下年", "下一年", "次年", "明年", "年结转至", "结转至"}) &&
		!hasAnyWord(s, []string{"上年", "上一年"})
}

// litigationWords: 行政诉讼9件, 诉讼案件1件; not the outcomes of suits, nor
// one kind of suit.
func litigationWords(clause, after string) bool {
	s := trimFillers(clause)
	s = strings.TrimSuffix(s, "案件")
	s = trimFillers(s)
	return strings.HasSuffix(s, "诉讼") && !hasAnyWord(clause+after, []string{"复议", "维持", "纠正", "纠错", "败诉", "胜诉", "审结", "结案", "撤诉", "驳回", "直接", "起诉", "应诉", "各", "一审", "二审", "上诉", "再审", "出庭", "民事", "刑事"})
}

// tableValue is a sum of a table's total-column cells: exact when each cell
// is printed, otherwise a lower bound (an empty total whose row has some
// cells filled in is at least their sum).
type tableValue struct {
	value float64
	exact bool
	// alts are other readings that the prose may equal: the sum of the
	// rows' filled cells when it differs from their printed totals
	alts  []float64
	span  parse.Span
	table *parse.Table
	rows  []*parse.Row
	// each row's own value and exactness, for naming a row the prose
	// figure equals
	rowVals  []float64
	rowExact []bool
}

// certainNumber: a cell read with certainty holding a whole number.
func certainNumber(c parse.Cell) bool {
	return c.IsNumber() && c.Number.IsInt && c.Number.Value >= 0 && !c.Glued() && !c.Inferred
}

// emptyish: a cell the table prints with no number (blank, dash, 无).
func emptyish(c parse.Cell) bool {
	switch c.Kind {
	case parse.CellBlank, parse.CellDash, parse.CellSlash, parse.CellNone:
		return true
	}
	return false
}

// rowTotal reads a row's total column: exact, or a lower bound from its
// filled cells when the total is empty; ok=false when the row is not read
// with certainty. colSum is the sum of the other cells when all are printed.
func rowTotal(t *parse.Table, row *parse.Row) (v float64, exact bool, colSum float64, hasColSum, ok bool) {
	if row == nil || row.InferredColumns || len(row.Cells) != len(t.Columns) || len(t.Columns) == 0 {
		return 0, false, 0, false, false
	}
	last := len(t.Columns) - 1
	if t.Columns[last].Key != "total" {
		return 0, false, 0, false, false
	}
	// the filled cells before the total: their sum, whether every one is
	// a number, and whether all can be read at all (blank, dash and 无 are
	// unknown but not negative; text or a lost cell is anything)
	var sum float64
	all, readable := true, true
	for _, c := range row.Cells[:last] {
		switch {
		case certainNumber(c):
			sum += c.Number.Value
		case emptyish(c):
			all = false
		default:
			all, readable = false, false
		}
	}
	tc := row.Cells[last]
	switch {
	case certainNumber(tc):
		return tc.Number.Value, true, sum, all, true
	case emptyish(tc) && readable:
		return sum, false, 0, false, true
	}
	return 0, false, 0, false, false
}

// quantityValue sums the rows of a quantity in the first table of its kind
// that is read.
func quantityValue(r *parse.Report, q outcomeQuantity) (tableValue, bool) {
	for _, t := range r.TablesOf(q.kind) {
		if t.Status == parse.TableUnchecked {
			continue
		}
		keys := q.rows(t)
		if len(keys) == 0 {
			return tableValue{}, false
		}
		tv := tableValue{exact: true, table: t}
		colSum, colSumOK := 0.0, true
		for _, k := range keys {
			row := t.Row(k)
			v, exact, cs, hasCS, ok := rowTotal(t, row)
			if !ok {
				return tableValue{}, false
			}
			if len(tv.rows) == 0 {
				tv.span = row.Cells[len(row.Cells)-1].Span
				if tv.span.Start.Line == 0 {
					tv.span = row.Span
				}
			}
			tv.rows = append(tv.rows, row)
			tv.rowVals = append(tv.rowVals, v)
			tv.rowExact = append(tv.rowExact, exact)
			tv.value += v
			tv.exact = tv.exact && exact
			colSum += cs
			colSumOK = colSumOK && hasCS && exact
		}
		if tv.exact && colSumOK && colSum != tv.value {
			tv.alts = append(tv.alts, colSum)
		}
		return tv, true
	}
	return tableValue{}, false
}

// agrees: the prose figure equals the table's value (or one of its
// readings), or, when the table gives only a lower bound, reaches it.
func (tv tableValue) agrees(v float64) bool {
	if !tv.exact {
		return v >= tv.value
	}
	return v == tv.value || containsValue(tv.alts, v)
}

func checkOutcomeClaims(p *Pass) {
	r := p.Report
	if r.Era != parse.Era2019 && r.Era != parse.Era2021 {
		return
	}
	values := map[string]tableValue{}
	for _, q := range outcomeQuantities {
		if tv, ok := quantityValue(r, q); ok {
			values[q.id] = tv
		}
	}
	// 予以公开 may count the partly disclosed in (予以公开10件，含部分公开2件)
	if tv, ok := values["granted"]; ok && tv.exact {
		if both, ok := values["granted+partial"]; ok && both.exact {
			tv.alts = append(tv.alts, both.value)
			values["granted"] = tv
		}
	}
	// 办结 may count this year's new requests only (收到10件，办结9件，
	// 结转1件): （七）总计 less 上年结转 is that reading
	if tv, ok := values["concluded"]; ok && tv.exact {
		if cv, ok := values["carried"]; ok && cv.exact && cv.value > 0 {
			tv.alts = append(tv.alts, tv.value-cv.value)
			values["concluded"] = tv
		}
	}
	for si := range r.Prose {
		s := &r.Prose[si]
		for ci, c := range s.Claims {
			if c.Kind != parse.ClaimCount || c.Cumulative || c.Unit == "" || !applicationUnit(c.Unit) {
				continue
			}
			clause := clauseAcross(r, c.Span.Start)
			after := compactString(c.After)
			q, ok := matchOutcome(clause, after)
			if !ok {
				continue
			}
			tv, ok := values[q.id]
			if !ok || tv.agrees(c.Value) {
				continue
			}
			if negatedClause(clause) || !sameBodyAndYear(r, s, ci, clause, after, q) || !listOfYearTotal(r, si, ci) {
				continue
			}
			p.Add(outcomeFinding(q, c, clause, tv))
		}
		checkAllUpheld(p, s)
	}
}

// listOfYearTotal: a claim given as a part of a list (其中…, …中,) is the
// year's figure only when the list's total is: the total's sentence states
// the year's requests (本年新收, with 上年结转, or （七）总计) as 表三 prints
// them. A list under another total (其中涉及征地的30件中…) is a narrower
// subject.
func listOfYearTotal(r *parse.Report, si, ci int) bool {
	s := &r.Prose[si]
	for _, l := range s.Lists {
		if !containsInt(l.Parts, ci) {
			continue
		}
		// the total stands in this sentence, or in the one before it
		// (「…共计22095条。其中，…」)
		if l.Total == nil {
			return false
		}
		claims, own := s.Claims, !before(l.Total.Span.Start, s.Span.Start)
		if !own {
			if si == 0 {
				return false
			}
			claims = r.Prose[si-1].Claims
		}
		var totals []float64
		for _, k := range []string{"apply.new", "apply.result.total"} {
			if c, ok := cellValue(r, parse.TableApplications, k, "total"); ok {
				totals = append(totals, c.Number.Value)
			}
		}
		if n, ok := cellValue(r, parse.TableApplications, "apply.new", "total"); ok {
			if c, ok := cellValue(r, parse.TableApplications, "apply.carried", "total"); ok {
				totals = append(totals, n.Number.Value+c.Number.Value)
			}
		}
		found := false
		for k, c := range claims {
			if c.Kind == parse.ClaimCount && (!own || k != ci) && containsValue(totals, c.Value) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// matchOutcome finds the one quantity a clause names; two that match (a
// clause the matchers cannot tell apart) name none.
func matchOutcome(clause, after string) (outcomeQuantity, bool) {
	var found []outcomeQuantity
	for _, q := range outcomeQuantities {
		if q.match(clause, after) {
			found = append(found, q)
		}
	}
	if len(found) != 1 {
		return outcomeQuantity{}, false
	}
	return found[0], true
}

// applicationUnit: the units requests and cases are counted in.
func applicationUnit(u string) bool {
	switch u {
	case "件", "个", "例", "起", "份", "宗":
		return true
	}
	return false
}

// negatedClause: 未, 没有, 无 deny the count, but not in the names 无法提供,
// 尚未审结, 无正当理由.
func negatedClause(clause string) bool {
	for _, w := range []string{"无法提供", "尚未审结", "未审结", "无正当理由"} {
		clause = strings.ReplaceAll(clause, w, "")
	}
	return hasAnyWord(clause, []string{"未", "没有", "无"})
}

func compactString(s string) string {
	if !strings.ContainsAny(s, " \t\u3000") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

// textBefore returns up to n runes of the report's text before pos,
// spaces taken out, going back over line breaks (a PDF copy breaks its
// sentences at the ends of lines) to a blank line, a table or the body's
// start.
func textBefore(r *parse.Report, pos parse.Pos, n int) string {
	var parts []string
	total := 0
	line := pos.Line - 1
	col := pos.Col - 1
	for line >= r.BodyStart && line < len(r.Text.Norm) && total < n {
		rs := r.Text.Norm[line]
		if col > len(rs) {
			col = len(rs)
		}
		from := max(0, col-2*(n-total)) // spaces are taken out: read some more
		seg := []rune(compactString(string(rs[from:col])))
		if len(seg) > n-total {
			seg = seg[len(seg)-(n-total):]
		}
		parts = append(parts, string(seg))
		total += len(seg)
		line--
		if line < r.BodyStart || line < 0 || line+1 == r.TitleSpan.Start.Line || len(strings.TrimSpace(string(r.Text.Norm[line]))) == 0 ||
			isHeadingLine(r.Text.Norm[line]) || lineInAnyTable(r, line+1) {
			break
		}
		col = len(r.Text.Norm[line])
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		b.WriteString(parts[i])
	}
	return b.String()
}

// isHeadingLine: a line that opens with a heading's number (三、, （二）):
// the sentence before it is not the one after.
func isHeadingLine(rs []rune) bool {
	i := 0
	for i < len(rs) && (rs[i] == ' ' || rs[i] == '\u3000') {
		i++
	}
	open := i < len(rs) && (rs[i] == '(' || rs[i] == '（')
	if open {
		i++
	}
	j := i
	for j < len(rs) && strings.ContainsRune("一二三四五六七八九十", rs[j]) {
		j++
	}
	if j == i || j >= len(rs) {
		return false
	}
	if open {
		return rs[j] == ')' || rs[j] == '）'
	}
	return rs[j] == '、'
}

// lineInAnyTable reports a line (1-based) that a table's span touches.
func lineInAnyTable(r *parse.Report, line int) bool {
	for _, t := range r.Tables {
		if line >= t.Span.Start.Line && line <= t.Span.End.Line {
			return true
		}
	}
	return false
}

// clauseAcross is the clause before a number, read across line breaks.
func clauseAcross(r *parse.Report, pos parse.Pos) string {
	s := textBefore(r, pos, 80)
	if i := strings.LastIndexAny(s, ",;:、。!?，；：！？"); i >= 0 {
		_, size := lastRune(s[:i+1])
		s = s[i+size:]
	}
	// subjectOf's fillers
	for _, w := range []string{"其中", "分别为", "分别是", "约", "共计", "总计", "合计", "共", "达"} {
		s = strings.ReplaceAll(s, w, "")
	}
	return strings.TrimLeft(s, "(（")
}

func lastRune(s string) (rune, int) {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0, 0
	}
	return rs[len(rs)-1], len(string(rs[len(rs)-1]))
}

// wideScopeWords name another scope than the reporting body: a city's,
// district's or county's whole government, its departments or its lower
// levels (a 市政府办公厅 report's prose about 全市 requests).
var wideScopeWords = []string{"全市", "全区", "全县", "全省", "全州", "全盟", "全旗", "全镇", "全乡", "全街", "全系统", "各区", "各县", "各市", "各镇", "各乡", "各街道", "各级", "各部门", "各单位", "市直", "区直", "县直", "所属", "下属", "汇总", "系统内"}

// narrowWords name a part of the requests: one kind of applicant, one
// channel, one subject or one part of the body.
var narrowWords = []string{"自然人", "法人", "企业", "组织", "网上", "网络", "当面", "信函", "邮寄", "传真", "邮件", "涉及", "关于", "本级", "部门", "乡镇", "街道", "分别"}

// comparisonWords: a change on last year, not the year's figure.
var comparisonWords = []string{"较", "同比", "比上年", "比去年", "增加", "减少", "增长", "下降", "上升", "回落", "去年", "前年"}

// sameBodyAndYear: the words around the claim speak of the reporting body
// and year (no other scope in the sentences back to where the requests
// are counted, no other year, no narrower part, no change on last year).
func sameBodyAndYear(r *parse.Report, s *parse.Sentence, ci int, clause, after string, q outcomeQuantity) bool {
	c := s.Claims[ci]
	words := clause + afterIfBare(clause, after)
	if hasAnyWord(words, comparisonWords) || (q.id != "carried" && hasAnyWord(words, []string{"上年", "上一年"})) {
		return false
	}
	before := textBefore(r, c.Span.Start, 400)
	sentence := before
	if i := strings.LastIndexAny(sentence, "。!?！？"); i >= 0 {
		_, size := lastRune(sentence[:i+1])
		sentence = sentence[i+size:]
	}
	if hasAnyWord(sentence, narrowWords) || otherYear(sentence+clause+after, r.Year, q.id == "forward") {
		return false
	}
	// the requests for information must be spoken of (not 政务服务's), in
	// the sentence or where they are counted (受理, 收到) not far before it
	window := sentence
	if i := lastIndexAny(before, []string{"受理", "收到"}); i >= 0 {
		window = before[i:]
		if j := strings.LastIndexAny(before[:i], "。!?！？"); j >= 0 {
			_, size := lastRune(before[:j+1])
			window = before[j+size:]
		} else {
			window = before
		}
	}
	if hasAnyWord(window, wideScopeWords) {
		return false
	}
	if q.kind == parse.TableApplications && !hasAnyWord(window+clause+after, []string{"信息公开申请", "政府信息公开", "依申请"}) {
		return false
	}
	return true
}

func lastIndexAny(s string, words []string) int {
	best := -1
	for _, w := range words {
		if i := strings.LastIndex(s, w); i > best {
			best = i
		}
	}
	return best
}

// otherYear: the words name a year other than the report's (the next year
// is the year requests are carried to).
func otherYear(s string, year int, nextOK bool) bool {
	rs := []rune(s)
	for i := 0; i+4 < len(rs); i++ {
		if rs[i+4] != '年' || (i > 0 && isASCIIDigit(rs[i-1])) {
			continue
		}
		y := 0
		ok := true
		for _, d := range rs[i : i+4] {
			if !isASCIIDigit(d) {
				ok = false
				break
			}
			y = y*10 + int(d-'0')
		}
		if !ok || y < 1990 || y > 2100 {
			continue
		}
		if y != year && !(nextOK && y == year+1) {
			return true
		}
	}
	return false
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

func outcomeFinding(q outcomeQuantity, c parse.Claim, clause string, tv tableValue) Finding {
	var names, namesEn []string
	for _, row := range tv.rows {
		names = append(names, "「"+row.Short+"」")
		namesEn = append(namesEn, fmt.Sprintf("%q", row.En))
	}
	tbl, tblEn := "表三", "Table 3"
	col, colEn := "总计", "total"
	if q.kind == parse.TableReview {
		tbl, tblEn = "表四", "Table 4"
	}
	cellZh := fmt.Sprintf("%s%s%s", tbl, strings.Join(names, ""), col)
	cellEn := fmt.Sprintf("%s %s, %s", tblEn, strings.Join(namesEn, " + "), colEn)
	if q.cellZh != "" {
		cellZh, cellEn = q.cellZh, q.cellEn
	}
	unit := c.Unit
	var zh, en string
	if tv.exact {
		zh = fmt.Sprintf("正文称%s %s%s，但%s为 %s", q.zh, num(c.Value), unit, cellZh, num(tv.value))
		en = fmt.Sprintf("the prose gives '%s' as %s, but %s is %s", q.en, num(c.Value), cellEn, num(tv.value))
	} else {
		zh = fmt.Sprintf("正文称%s %s%s，但%s至少为 %s（总计格空白，按已填各格计）", q.zh, num(c.Value), unit, cellZh, num(tv.value))
		en = fmt.Sprintf("the prose gives '%s' as %s, but %s is at least %s (the total cells are empty; the filled cells give the bound)", q.en, num(c.Value), cellEn, num(tv.value))
	}
	// the prose figure may be one row's, not the group's
	if len(tv.rows) > 1 {
		for i, row := range tv.rows {
			switch {
			case tv.rowVals[i] != c.Value:
			case tv.rowExact[i]:
				zh += fmt.Sprintf("；正文的数字等于其中「%s」一项", row.Short)
				en += fmt.Sprintf("; the prose figure is that of %q alone", row.En)
			case rowFilledOnce(row):
				zh += fmt.Sprintf("；正文的数字等于其中「%s」一项已填各格之和", row.Short)
				en += fmt.Sprintf("; the prose figure is the sum of the filled cells of %q alone", row.En)
			default:
				continue
			}
			break
		}
	}
	if !strings.Contains(zh, "正文的数字等于") && c.Value > 0 {
		// or one cell's: the 自然人 column copied for the total
		var hit *parse.Row
		col, n := -1, 0
		for _, row := range tv.rows {
			for i, cell := range row.Cells[:len(row.Cells)-1] {
				if certainNumber(cell) && cell.Number.Value == c.Value {
					hit, col = row, i
					n++
				}
			}
		}
		if n == 1 {
			t := tv.table
			zh += fmt.Sprintf("；正文的数字等于「%s」行「%s」列一格", hit.Short, t.Columns[col].Label)
			en += fmt.Sprintf("; the prose figure is the single cell of %q, column %q", hit.En, t.Columns[col].En)
		}
	}
	opZh, opEn := cellZh, cellEn
	if !tv.exact {
		opZh, opEn = cellZh+"（下限）", cellEn+" (lower bound)"
	}
	f := Finding{
		Span: c.Span,
		Operands: []Operand{
			{Label: clause, LabelEn: "stated in the prose", Value: c.Value, Span: c.Span},
			{Label: opZh, LabelEn: opEn, Value: tv.value, Span: tv.span},
		},
		Message: Text{Zh: zh, En: en},
		Table:   q.kind.String(), Row: tv.rows[0].Key, Column: "total", Key: q.id,
	}
	if q.group != "" {
		f.Row = q.group
	}
	if tv.exact {
		f.Expected, f.HasExpected = tv.value, true
	}
	return f
}

// rowFilledOnce: a row whose total is empty and whose filled cells give
// the bound as their sum (there is at least one).
func rowFilledOnce(row *parse.Row) bool {
	for _, c := range row.Cells {
		if c.IsNumber() {
			return true
		}
	}
	return false
}

// upheldWords say every case was upheld.
var upheldWords = []string{"均获维持", "均维持", "均被维持", "均予维持", "均予以维持", "均得到维持", "均为维持", "全部维持", "全部获维持", "全部被维持"}

// otherResultWords speak of results other than upheld: the prose then
// does not say all were upheld.
var otherResultWords = []string{"纠正", "纠错", "撤销", "败诉", "尚未", "未审结", "审理中", "未结", "驳回", "撤回", "撤诉", "终止", "其他结果", "确认违法"}

// checkAllUpheld: the prose counts reconsiderations or suits and says they
// were all upheld (均获维持), while 表四 shows corrected results (a warning),
// or pending or other results only (a note: the phrase may speak of the
// decided cases).
func checkAllUpheld(p *Pass, s *parse.Sentence) {
	r := p.Report
	text := []rune(s.Text)
	at, phrase := -1, ""
	for _, w := range upheldWords {
		if i := strings.Index(s.Text, w); i >= 0 && (at < 0 || len([]rune(s.Text[:i])) < at) {
			at, phrase = len([]rune(s.Text[:i])), w
		}
	}
	if at < 0 {
		return
	}
	if hasAnyWord(string(text[:at]), otherResultWords) {
		return
	}
	var blocks []string
	var counted []parse.Claim
	hasReconsideration, hasLitigation := false, false
	var first = -1
	for ci, c := range s.Claims {
		off := c.Span.Start.Col - s.Span.Start.Col
		if off >= at || c.Kind != parse.ClaimCount || c.Cumulative || !applicationUnit(c.Unit) {
			continue
		}
		clause := clauseAcross(r, c.Span.Start)
		after := compactString(c.After)
		if negatedClause(clause) {
			continue
		}
		switch {
		case reconsiderationWords(clause, after):
			blocks = append(blocks, "review.reconsideration")
			hasReconsideration = true
		case litigationWords(clause, after):
			blocks = append(blocks, "review.suit_direct", "review.suit_after")
			hasLitigation = true
		default:
			continue
		}
		if first < 0 {
			first = ci
		}
		counted = append(counted, c)
	}
	if len(counted) == 0 {
		return
	}
	lq := outcomeQuantities[len(outcomeQuantities)-1]
	fc := s.Claims[first]
	if !sameBodyAndYear(r, s, first, clauseAcross(r, fc.Span.Start), compactString(fc.After), lq) {
		return
	}
	var t *parse.Table
	for _, tt := range r.TablesOf(parse.TableReview) {
		if tt.Status != parse.TableUnchecked {
			t = tt
			break
		}
	}
	if t == nil {
		return
	}
	var parts, partsEn []string
	corrected := false
	var ops []Operand
	for _, c := range counted {
		ops = append(ops, Operand{Label: c.Subject, LabelEn: "stated in the prose", Value: c.Value, Span: c.Span})
	}
	var firstRow *parse.Row
	for _, key := range blocks {
		row := t.Row(key)
		if row == nil || row.InferredColumns || len(row.Cells) != len(t.Columns) {
			continue
		}
		var bits, bitsEn []string
		for i, col := range t.Columns {
			cell := row.Cells[i]
			if col.Key == "upheld" || col.Key == "total" || !certainNumber(cell) || cell.Number.Value == 0 {
				continue
			}
			if col.Key == "corrected" {
				corrected = true
			}
			bits = append(bits, fmt.Sprintf("%s %s 件", col.Label, num(cell.Number.Value)))
			bitsEn = append(bitsEn, fmt.Sprintf("%s %s", num(cell.Number.Value), col.En))
			ops = append(ops, Operand{Label: fmt.Sprintf("表四「%s」%s", row.Short, col.Label), LabelEn: fmt.Sprintf("Table 4 %q, %s", row.En, col.En), Value: cell.Number.Value, Span: cell.Span})
		}
		if len(bits) > 0 {
			if firstRow == nil {
				firstRow = row
			}
			parts = append(parts, fmt.Sprintf("「%s」%s", row.Short, strings.Join(bits, "、")))
			partsEn = append(partsEn, fmt.Sprintf("%q: %s", row.En, strings.Join(bitsEn, ", ")))
		}
	}
	if len(parts) == 0 {
		return
	}
	what, whatEn := "行政复议、行政诉讼", "reconsiderations and suits"
	switch {
	case !hasLitigation:
		what, whatEn = "行政复议", "reconsiderations"
	case !hasReconsideration:
		what, whatEn = "行政诉讼", "suits"
	}
	zh := fmt.Sprintf("正文称%s%s，但表四%s", what, phrase, strings.Join(parts, "；"))
	en := fmt.Sprintf("the prose says the %s were all upheld (%s), but Table 4 shows %s", whatEn, phrase, strings.Join(partsEn, "; "))
	sev := Warning
	if !corrected {
		zh += "；「均获维持」若只指已审结的案件，宜写明"
		en += "; if the phrase means the decided cases only, the prose should say so"
		sev = Info
	}
	p.Add(Finding{
		Span:     fc.Span,
		Operands: ops,
		Message:  Text{Zh: zh, En: en},
		Table:    parse.TableReview.String(), Row: firstRow.Key, Key: "upheld",
	}.At(sev))
}

// reconsiderationWords: 行政复议7件, 复议案件2件; not their outcomes.
func reconsiderationWords(clause, after string) bool {
	s := trimFillers(clause)
	s = strings.TrimSuffix(s, "案件")
	s = trimFillers(s)
	return strings.HasSuffix(s, "复议") && !hasAnyWord(clause+after, []string{"诉讼", "维持", "纠正", "纠错", "审结", "结案", "撤回", "驳回", "终止", "各"})
}

// before reports a position before another.
func before(a, b parse.Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}
