package parse

import "strings"

// rowDef is one row of a template table: its canonical key, the short names
// used in messages, and the words that identify its printed label.
type rowDef struct {
	key   string
	short string
	en    string
	// any: the label matches when its compact form contains one of these.
	any []string
	// exact: the label matches when, stripped of numbering, it is exactly
	// this (for generic labels such as 3.其他).
	exact string
	// after: an exact row only matches right after this row.
	after string
	group bool
	// maybeGroup: a data row in one template, a group label in another
	// (（六）其他处理).
	maybeGroup bool
	// full is the label as the template prints it, numbering included;
	// labels that PDF text wraps or damages are matched against it.
	full string
}

func (d rowDef) matches(label string) bool {
	return d.matchesCompact(compact(stripNumbering(label)))
}

// matchesCompact is matches for a label already compacted without its
// numbering.
func (d rowDef) matchesCompact(c string) bool {
	if d.exact != "" {
		return c == d.exact
	}
	for _, w := range d.any {
		if strings.Contains(c, w) {
			return true
		}
	}
	return false
}

// matchesDamaged reports a label that the copy wrapped or damaged
// (「5.要求行政机关确认或重新出」 cut before 具已获取信息, 「2.其他法律行政止公开」
// missing 法规禁): it carries the template row's own list number, and its
// words are, in order, mostly the template's.
func (d rowDef) matchesDamaged(label string) bool {
	return d.matchesDamagedLabel(damagedLabelOf(label))
}

// damagedLabel is a label split for matchesDamaged: its list number and
// the compact runes of the rest.
type damagedLabel struct {
	num  string
	rest []rune
}

func damagedLabelOf(label string) damagedLabel {
	num, rest := leadingNumeral(label)
	return damagedLabel{num, []rune(compact(rest))}
}

// templateLabels holds the templates' printed labels split once: a label
// is compared with several of them.
var templateLabels = map[string]damagedLabel{}

func (d rowDef) matchesDamagedLabel(l damagedLabel) bool {
	if d.full == "" || l.num == "" {
		return false
	}
	want, ok := templateLabels[d.full]
	if !ok {
		want = damagedLabelOf(d.full)
	}
	got, tmpl := l.rest, want.rest
	if l.num != want.num || len(got) < 4 || len(got) > len(tmpl) || len(got)*10 < len(tmpl)*3 {
		return false
	}
	return commonSubsequence(got, tmpl)*10 >= len(got)*8
}

func init() {
	for _, d := range applicationRows {
		if d.full != "" {
			templateLabels[d.full] = damagedLabelOf(d.full)
		}
	}
}

// leadingNumeral splits a label into its list number (the numeral of 1.
// 1、 （三） 三、) and the rest; num is empty when there is none.
func leadingNumeral(label string) (num, rest string) {
	t := strings.TrimSpace(Normalize(label))
	if strings.HasPrefix(t, "(") {
		if i := strings.IndexRune(t, ')'); i > 1 && i <= 10 && isNumeral(t[1:i]) {
			return t[1:i], t[i+1:]
		}
		return "", t
	}
	i := 0
	for i < len(t) {
		r, size := decodeRune(t[i:])
		if !isNumeralRune(r) {
			break
		}
		i += size
	}
	if i == 0 || i == len(t) {
		return "", t
	}
	if r, size := decodeRune(t[i:]); r == '、' || r == '.' {
		return t[:i], t[i+size:]
	}
	return "", t
}

// commonSubsequence is the length of the longest common subsequence of two
// short strings.
func commonSubsequence(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case cur[j] > prev[j+1]:
				cur[j+1] = cur[j]
			default:
				cur[j+1] = prev[j+1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// applicationRows are the rows of 表三 in template order (DOMAIN.md §2.3).
// （六）其他处理 is a data row in 2019 and a group of three rows in 2021.
var applicationRows = []rowDef{
	{key: "apply.new", full: "一、本年新收政府信息公开申请数量", short: "本年新收", en: "new this year", any: []string{"本年新收"}},
	{key: "apply.carried", full: "二、上年结转政府信息公开申请数量", short: "上年结转", en: "carried over from last year", any: []string{"上年结转"}},
	{key: "apply.result", full: "三、本年度办理结果", short: "本年度办理结果", en: "results this year", any: []string{"本年度办理结果"}, group: true},
	{key: "apply.result.granted", full: "（一）予以公开", short: "予以公开", en: "disclosed", any: []string{"予以公开"}},
	{key: "apply.result.partial", full: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", short: "部分公开", en: "partly disclosed", any: []string{"部分公开"}},
	{key: "apply.result.denied", full: "（三）不予公开", short: "不予公开", en: "not disclosed", any: []string{"不予公开"}, group: true},
	{key: "apply.result.denied.state_secret", full: "1.属于国家秘密", short: "不予公开·属于国家秘密", en: "not disclosed: state secret", any: []string{"国家秘密"}},
	{key: "apply.result.denied.prohibited", full: "2.其他法律行政法规禁止公开", short: "不予公开·其他法律行政法规禁止公开", en: "not disclosed: prohibited by law", any: []string{"禁止公开"}},
	{key: "apply.result.denied.security", full: "3.危及“三安全一稳定”", short: "不予公开·危及“三安全一稳定”", en: "not disclosed: security and stability", any: []string{"三安全一稳定", "三安全"}},
	{key: "apply.result.denied.third_party", full: "4.保护第三方合法权益", short: "不予公开·保护第三方合法权益", en: "not disclosed: third-party rights", any: []string{"第三方"}},
	{key: "apply.result.denied.internal", full: "5.属于三类内部事务信息", short: "不予公开·属于三类内部事务信息", en: "not disclosed: internal affairs", any: []string{"内部事务"}},
	{key: "apply.result.denied.process", full: "6.属于四类过程性信息", short: "不予公开·属于四类过程性信息", en: "not disclosed: process information", any: []string{"过程性"}},
	{key: "apply.result.denied.enforcement", full: "7.属于行政执法案卷", short: "不予公开·属于行政执法案卷", en: "not disclosed: enforcement files", any: []string{"执法案卷"}},
	{key: "apply.result.denied.query", full: "8.属于行政查询事项", short: "不予公开·属于行政查询事项", en: "not disclosed: administrative queries", any: []string{"行政查询"}},
	{key: "apply.result.unable", full: "（四）无法提供", short: "无法提供", en: "cannot be provided", any: []string{"无法提供"}, group: true},
	{key: "apply.result.unable.not_held", full: "1.本机关不掌握相关政府信息", short: "无法提供·本机关不掌握相关政府信息", en: "cannot be provided: not held", any: []string{"不掌握"}},
	{key: "apply.result.unable.need_creation", full: "2.没有现成信息需要另行制作", short: "无法提供·没有现成信息需要另行制作", en: "cannot be provided: would need creating", any: []string{"另行制作", "没有现成"}},
	{key: "apply.result.unable.unclear", full: "3.补正后申请内容仍不明确", short: "无法提供·补正后申请内容仍不明确", en: "cannot be provided: still unclear", any: []string{"仍不明确"}},
	{key: "apply.result.rejected", full: "（五）不予处理", short: "不予处理", en: "not processed", any: []string{"不予处理"}, group: true},
	{key: "apply.result.rejected.petition", full: "1.信访举报投诉类申请", short: "不予处理·信访举报投诉类申请", en: "not processed: petitions and complaints", any: []string{"信访", "举报投诉"}},
	{key: "apply.result.rejected.repeat", full: "2.重复申请", short: "不予处理·重复申请", en: "not processed: repeated", any: []string{"重复申请"}},
	{key: "apply.result.rejected.publication", full: "3.要求提供公开出版物", short: "不予处理·要求提供公开出版物", en: "not processed: publications", any: []string{"出版物"}},
	{key: "apply.result.rejected.mass", full: "4.无正当理由大量反复申请", short: "不予处理·无正当理由大量反复申请", en: "not processed: mass requests", any: []string{"大量反复"}},
	{key: "apply.result.rejected.confirm", full: "5.要求行政机关确认或重新出具已获取信息", short: "不予处理·要求行政机关确认或重新出具已获取信息", en: "not processed: re-issue of held information", any: []string{"重新出具"}},
	{key: "apply.result.other", full: "（六）其他处理", maybeGroup: true, short: "其他处理", en: "other handling", any: []string{"其他处理"}},
	{key: "apply.result.other.no_correction", full: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", short: "其他处理·逾期不补正", en: "other: not corrected in time", any: []string{"不补正"}},
	{key: "apply.result.other.no_fee", full: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", short: "其他处理·逾期未缴纳费用", en: "other: fee not paid", any: []string{"缴纳费用", "收费通知"}},
	{key: "apply.result.other.other", full: "3.其他", short: "其他处理·其他", en: "other: other", exact: "其他", after: "apply.result.other.no_fee"},
	{key: "apply.result.total", full: "（七）总计", short: "办理结果总计", en: "total of results", any: []string{"总计"}},
	{key: "apply.forward", full: "四、结转下年度继续办理", short: "结转下年度继续办理", en: "carried forward to next year", any: []string{"结转下年度"}},
}

// applicationColumns are the seven data columns of 表三, in data order.
var applicationColumns = []Column{
	{"natural", "自然人", "natural persons"},
	{"business", "商业企业", "businesses"},
	{"research", "科研机构", "research bodies"},
	{"nonprofit", "社会公益组织", "public-interest organisations"},
	{"legal", "法律服务机构", "legal service bodies"},
	{"other", "其他", "other organisations"},
	{"total", "总计", "total"},
}

// reviewColumns are the five columns of each block of 表四.
var reviewColumns = []Column{
	{"upheld", "结果维持", "upheld"},
	{"corrected", "结果纠正", "corrected"},
	{"other", "其他结果", "other result"},
	{"pending", "尚未审结", "pending"},
	{"total", "总计", "total"},
}

// reviewRows are the three blocks of 表四, in the order their cells appear.
var reviewRows = []rowDef{
	{key: "review.reconsideration", short: "行政复议", en: "administrative reconsideration"},
	{key: "review.suit_direct", short: "行政诉讼·未经复议直接起诉", en: "litigation without prior reconsideration"},
	{key: "review.suit_after", short: "行政诉讼·复议后起诉", en: "litigation after reconsideration"},
}

// reviewHeaderRunes are the characters 表四's header words are made of.
// A text token made only of them is header, even when damaged (结果 | 其 他
// 果 | 尚未); anything else among the numbers (撤销) is a cell.
const reviewHeaderRunes = "行政复议诉讼结果维持纠正其他尚未审结总计经直接起后"

// reviewHeaderSet holds reviewHeaderRunes for isReviewHeaderRune: every
// text token of the tables is asked about it.
var reviewHeaderSet = cjkSetOf(reviewHeaderRunes)

func isReviewHeaderRune(r rune) bool { return reviewHeaderSet.has(r) }

func isReviewHeader(s string) bool { return isReviewHeaderCompact(compact(s)) }

func isReviewHeaderCompact(c string) bool {
	if c == "" {
		return false
	}
	for _, r := range c {
		if !isReviewHeaderRune(r) {
			return false
		}
	}
	return true
}

// itemBlock is one block of the 第二十条 table (DOMAIN.md §2.2, §3.1).
type itemBlock struct {
	item     string // （一）, （五）, …
	rows     []rowDef
	cols2019 []Column
	cols2021 []Column
}

var itemBlocks = []itemBlock{
	{item: "一",
		rows: []rowDef{
			{key: "items.rules", short: "规章", en: "rules", exact: "规章"},
			{key: "items.normative", short: "规范性文件", en: "normative documents", any: []string{"规范性文件"}},
		},
		cols2019: []Column{{"made", "本年新制作数量", "made this year"}, {"published", "本年新公开数量", "published this year"}, {"public_total", "对外公开总数量", "total public"}},
		cols2021: []Column{{"issued", "本年制发件数", "issued this year"}, {"repealed", "本年废止件数", "repealed this year"}, {"in_force", "现行有效件数", "in force"}},
	},
	{item: "五",
		rows: []rowDef{
			{key: "items.license", short: "行政许可", en: "licensing", exact: "行政许可"},
			{key: "items.other_services", short: "其他对外管理服务事项", en: "other services", any: []string{"其他对外管理服务"}},
		},
		cols2019: []Column{{"last_year", "上一年项目数量", "items last year"}, {"change", "本年增/减", "change"}, {"decisions", "处理决定数量", "decisions"}},
		cols2021: []Column{{"decisions", "本年处理决定数量", "decisions this year"}},
	},
	{item: "六",
		rows: []rowDef{
			{key: "items.penalty", short: "行政处罚", en: "penalties", exact: "行政处罚"},
			{key: "items.coercion", short: "行政强制", en: "coercive measures", exact: "行政强制"},
		},
		cols2019: []Column{{"last_year", "上一年项目数量", "items last year"}, {"change", "本年增/减", "change"}, {"decisions", "处理决定数量", "decisions"}},
		cols2021: []Column{{"decisions", "本年处理决定数量", "decisions this year"}},
	},
	{item: "八",
		rows: []rowDef{
			{key: "items.fees", short: "行政事业性收费", en: "administrative fees", any: []string{"行政事业性收费"}},
		},
		cols2019: []Column{{"last_year", "上一年项目数量", "items last year"}, {"change", "本年增/减", "change"}},
		cols2021: []Column{{"amount", "本年收费金额（单位：万元）", "fees this year (10k yuan)"}},
	},
	{item: "九",
		rows: []rowDef{
			{key: "items.procurement", short: "政府集中采购", en: "central procurement", any: []string{"政府集中采购"}},
		},
		cols2019: []Column{{"projects", "采购项目数量", "procurement projects"}, {"amount", "采购总金额", "procurement amount"}},
	},
}

// ApplicationOutcomeRows are the rows of 表三 whose sum is （七）总计 in one
// variant of the template: （一）, （二） and every reason under （三） to （六）.
// The outcomes are disjoint and （三） to （六） have no subtotal rows; （六）
// 其他处理 is one row in 2019 and three in 2021 (DOMAIN.md §5.1).
func ApplicationOutcomeRows(v Era) []string {
	var keys []string
	for _, d := range applicationRows {
		k := d.key
		if !strings.HasPrefix(k, "apply.result.") || d.group || k == "apply.result.total" {
			continue
		}
		sub := strings.HasPrefix(k, "apply.result.other.")
		if (v == Era2019 && sub) || (v == Era2021 && k == "apply.result.other") {
			continue
		}
		keys = append(keys, k)
	}
	return keys
}

// TemplateKeys returns every row key and every column key the readers can
// give a table, by table kind: what the rules may name. A rule that names
// a key not here never fires (the row is never found), so the rules' tests
// check their keys against it.
func TemplateKeys() (rows, columns map[TableKind]map[string]bool) {
	rows, columns = map[TableKind]map[string]bool{}, map[TableKind]map[string]bool{}
	add := func(m map[TableKind]map[string]bool, k TableKind, key string) {
		if m[k] == nil {
			m[k] = map[string]bool{}
		}
		m[k][key] = true
	}
	for _, d := range applicationRows {
		add(rows, TableApplications, d.key)
	}
	for _, c := range applicationColumns {
		add(columns, TableApplications, c.Key)
	}
	for _, d := range reviewRows {
		add(rows, TableReview, d.key)
	}
	for _, c := range reviewColumns {
		add(columns, TableReview, c.Key)
	}
	for _, b := range itemBlocks {
		for _, d := range b.rows {
			add(rows, TableItems, d.key)
		}
		for _, c := range append(append([]Column(nil), b.cols2019...), b.cols2021...) {
			add(columns, TableItems, c.Key)
		}
	}
	for _, d := range statDefs {
		add(rows, TableStatistics, d.key)
	}
	for _, cols := range [][]Column{statColsJiangsu, statColsYearCum, statColsSingle} {
		for _, c := range cols {
			add(columns, TableStatistics, c.Key)
		}
	}
	return rows, columns
}
