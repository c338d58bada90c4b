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
	// outcome is how parse tags a count of the quantity.
	outcome parse.Outcome
}

var outcomeQuantities = []outcomeQuantity{
	{id: "granted+partial", zh: "予以公开及部分公开", en: "disclosed and partly disclosed", kind: parse.TableApplications,
		cellZh: "表三（一）「予以公开」与（二）「部分公开」总计之和", cellEn: "the sum of Table 3 (1) 'disclosed' and (2) 'partly disclosed', total column", rows: fixedRows("apply.result.granted", "apply.result.partial"), outcome: parse.OutcomeGrantedAndPartial},
	{id: "granted", zh: "予以公开", en: "disclosed", kind: parse.TableApplications,
		rows: fixedRows("apply.result.granted"), outcome: parse.OutcomeGranted},
	{id: "partial", zh: "部分公开", en: "partly disclosed", kind: parse.TableApplications,
		rows: fixedRows("apply.result.partial"), outcome: parse.OutcomePartial},
	{id: "denied", zh: "不予公开", en: "not disclosed", kind: parse.TableApplications,
		cellZh: "表三（三）「不予公开」各项总计之和", cellEn: "the sum of Table 3 (3) 'not disclosed', total column", group: "apply.result.denied", rows: outcomeGroup("apply.result.denied."), outcome: parse.OutcomeDenied},
	{id: "unable", zh: "无法提供", en: "cannot be provided", kind: parse.TableApplications,
		cellZh: "表三（四）「无法提供」各项总计之和", cellEn: "the sum of Table 3 (4) 'cannot be provided', total column", group: "apply.result.unable", rows: outcomeGroup("apply.result.unable."), outcome: parse.OutcomeUnable},
	{id: "rejected", zh: "不予处理", en: "not processed", kind: parse.TableApplications,
		cellZh: "表三（五）「不予处理」各项总计之和", cellEn: "the sum of Table 3 (5) 'not processed', total column", group: "apply.result.rejected", rows: outcomeGroup("apply.result.rejected."), outcome: parse.OutcomeRejected},
	{id: "other", zh: "其他处理", en: "other handling", kind: parse.TableApplications,
		cellZh: "表三（六）「其他处理」总计", cellEn: "Table 3 (6) 'other handling', total column", rows: outcomeGroup("apply.result.other"), outcome: parse.OutcomeOtherHandling},
	{id: "concluded", zh: "办结（答复）数", en: "requests concluded (answered)", kind: parse.TableApplications,
		cellZh: "表三（七）总计的「总计」列", cellEn: "Table 3 (7) total, total column", rows: fixedRows("apply.result.total"), outcome: parse.OutcomeConcluded},
	{id: "carried", zh: "上年结转数", en: "requests carried over from last year", kind: parse.TableApplications,
		rows: fixedRows("apply.carried"), outcome: parse.OutcomeCarried},
	{id: "forward", zh: "结转下年度数", en: "requests carried forward to next year", kind: parse.TableApplications,
		rows: fixedRows("apply.forward"), outcome: parse.OutcomeForward},
	{id: "litigation", zh: "行政诉讼数", en: "lawsuits", kind: parse.TableReview,
		cellZh: "表四两类行政诉讼总计之和", cellEn: "the sum of Table 4's two litigation totals", rows: fixedRows("review.suit_direct", "review.suit_after"), outcome: parse.OutcomeLitigation},
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
			if c.Kind != parse.ClaimCount || c.Cumulative || !parse.RequestUnit(c.Unit) {
				continue
			}
			q, ok := quantityOfOutcome(c.Outcome)
			if !ok {
				continue
			}
			tv, ok := values[q.id]
			if !ok || tv.agrees(c.Value) {
				continue
			}
			if c.Aside.Has(parse.AsideNegated) || !sameBodyAndYear(c, q) || !listOfYearTotal(r, si, ci) {
				continue
			}
			p.Add(outcomeFinding(q, c, tv))
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

// quantityOfOutcome is the quantity of 表三 or 表四 a count tagged with
// the outcome is compared with.
func quantityOfOutcome(o parse.Outcome) (outcomeQuantity, bool) {
	if o == parse.OutcomeNone {
		return outcomeQuantity{}, false
	}
	for _, q := range outcomeQuantities {
		if q.outcome == o {
			return q, true
		}
	}
	return outcomeQuantity{}, false
}

// sameBodyAndYear: the words around the claim speak of the reporting body
// and year (no other scope in the sentences back to where the requests
// are counted, no other year, no narrower part, no change on last year).
// Last year is the carried-over requests' own word, and the next year the
// carried-forward's.
func sameBodyAndYear(c parse.Claim, q outcomeQuantity) bool {
	a := c.Aside
	switch {
	case a.Has(parse.AsideChange), a.Has(parse.AsideLastYear) && q.outcome != parse.OutcomeCarried:
		return false
	case a.Has(parse.AsidePart), a.Has(parse.AsideOtherYear), a.Has(parse.AsideNextYear) && q.outcome != parse.OutcomeForward:
		return false
	case a.Has(parse.AsideOtherBody):
		return false
	// the requests for information must be spoken of (not 政务服务's)
	case q.kind == parse.TableApplications && a.Has(parse.AsideNotRequests):
		return false
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

func outcomeFinding(q outcomeQuantity, c parse.Claim, tv tableValue) Finding {
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
			{Label: c.Clause, LabelEn: "stated in the prose", Value: c.Value, Span: c.Span},
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
		if off >= at || c.Kind != parse.ClaimCount || c.Cumulative || !parse.RequestUnit(c.Unit) ||
			c.Review == parse.ReviewNone || c.Aside.Has(parse.AsideNegated) {
			continue
		}
		if c.Review == parse.ReviewReconsideration {
			blocks = append(blocks, "review.reconsideration")
			hasReconsideration = true
		} else {
			blocks = append(blocks, "review.suit_direct", "review.suit_after")
			hasLitigation = true
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
	if !sameBodyAndYear(fc, lq) {
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

// before reports a position before another.
func before(a, b parse.Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}
