package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

// statFlow is 上年累计 + 本年度 = 累计, for flow rows only: stocks (机构数,
// 查阅点数, 人员数) are counts at a point in time and never add up over
// years (DOMAIN.md §5.4 item 13, §7 item 1).
var statFlow = Identity{
	Rule: "stat-flow", Table: parse.TableStatistics, Each: eachRow,
	Columns: []string{"prev", "year", "cumul"},
	Rows:    func(r *parse.Row) bool { return r.Measure == parse.MeasureFlow },
	Left:    []ref{{"", 0}, {"", 1}},
	Right:   []ref{{"", 2}},
	Fix:     ref{"", 2},
}

// eachFlowRow calls f with each flow row of the report's statistics
// tables and its table: the rows the checks across years compare (stocks,
// bodies and staff, are counted afresh each year).
func eachFlowRow(r *parse.Report, f func(t *parse.Table, row *parse.Row)) {
	for _, t := range r.TablesOf(parse.TableStatistics) {
		for _, row := range t.Rows {
			if row.Measure == parse.MeasureFlow {
				f(t, row)
			}
		}
	}
}

var statFlowRule = &Rule{
	ID: "stat-flow", Name: "统计表累计数", NameEn: "Statistics table cumulative figures", Severity: Error,
	Doc: Text{
		Zh: "2019年以前的统计表（上年累计数量 | 本年度数量 | 累计数量）中，每个流量行须满足 上年累计 + 本年度 = 累计。机构数、查阅点数、人员数等存量行不按此核对，认不出是流量的行也不核对。",
		En: "In a pre-2019 statistics table with 上年累计 | 本年度 | 累计 columns, every flow row satisfies cumulative to last year + this year = cumulative. Stock rows (offices, reading points, staff) are never checked this way, nor is any row not known to be a flow.",
	},
	Run: func(p *Pass) { checkIdentities(p, []Identity{statFlow}) },
}

var statBreakdownRule = &Rule{
	ID: "stat-breakdown", Name: "统计表分项之和", NameEn: "Statistics table breakdowns", Severity: Error,
	Doc: Text{
		Zh: "统计表中表格本身列全了的分项，须在每一列都等于其总数：申请办结数 = 按时办结 + 延期办结；行政复议、行政诉讼数量 = 维持 + 纠错 + 其他；收到申请数 = 各申请渠道之和；申请答复数 = 八类答复之和；工作人员数 = 专职 + 兼职；（长沙式表）主动公开数 = 各类别之和，咨询数 = 各咨询方式之和。收到申请数、申请答复数、人员数等填报常较随意的，报警告。",
		En: "Breakdowns the form makes exhaustive sum to their total in every column: requests closed = on time + extended; reconsiderations and lawsuits = upheld + corrected + other; requests received = the channels; requests answered = the eight answer types; staff = full-time + part-time; (Changsha form) items published = the categories, consultations = the channels. Breakdowns filers fill loosely (received, answered, staff) give warnings.",
	},
	Run: func(p *Pass) { checkParts(p, parse.PartComplete) },
}

var statSubsetRule = &Rule{
	ID: "stat-subset", Name: "统计表「其中」项", NameEn: "Statistics table 其中 parts", Severity: Warning,
	Doc: Text{
		Zh: "统计表中「其中」列出的部分项（主动公开规范性文件数、主要负责同志参加的次数、不同意公开的六类理由）之和不得超过其总数；这些列表不完整，少于总数不报。",
		En: "The parts listed under 其中 (normative documents among items published, events attended by leaders, the six reasons for refusal) never sum to more than their total; the lists are partial, so a smaller sum is fine.",
	},
	Run: func(p *Pass) { checkParts(p, parse.PartSubset) },
}

// checkParts builds, from the rows the table has, one identity per parent:
// parent = Σ parts for complete breakdowns, parent ≥ Σ parts for 其中 lists.
// The relations come from the template (parse's row definitions), so a
// province's variant form is a change of data.
func checkParts(p *Pass, kind parse.PartKind) {
	for _, t := range p.Report.TablesOf(parse.TableStatistics) {
		// each row's parts of this kind, in the table's order, gathered in
		// one pass over the rows
		byParent := map[string][]ref{}
		for _, row := range t.Rows {
			if row.Part == kind {
				byParent[row.Parent] = append(byParent[row.Parent], ref{row.Key, -1})
			}
		}
		for _, parent := range t.Rows {
			parts := byParent[parent.Key]
			if len(parts) == 0 {
				continue
			}
			if kind == parse.PartComplete && parent.PartsUnsure {
				continue // a part the parser could not name: no sum is known
			}
			if kind == parse.PartComplete {
				checkTableIdentity(p, t, Identity{
					Rule: "stat-breakdown", Table: t.Kind, Each: eachColumn,
					Left: []ref{{parent.Key, -1}}, Right: parts, Fix: ref{parent.Key, -1},
					SumZh: "各分项之和", SumEn: "the sum of its parts", Soften: parent.Loose,
				})
				continue
			}
			for c := range t.Columns {
				checkSubset(p, t, parent, parts, c)
			}
		}
	}
}

func checkSubset(p *Pass, t *parse.Table, parent *parse.Row, parts []ref, col int) {
	whole, ok := resolve(t, ref{parent.Key, col}, col, nil)
	if !ok {
		return
	}
	terms, ok := resolveAll(t, parts, col, nil)
	if !ok || sum(terms) <= whole.cell.Number.Value {
		return
	}
	colZh, colEn := t.Columns[col].Label, t.Columns[col].En
	p.Add(Finding{
		Span:     whole.cell.Span,
		Operands: append(operands(t, []term{whole}, eachColumn), operands(t, terms, eachColumn)...),
		Table:    t.Kind.String(), Row: parent.Key, Column: t.Columns[col].Key,
		Message: Text{
			Zh: fmt.Sprintf("统计表「%s」列：「%s」%s，但 %s，部分不能大于总数",
				colZh, parent.Short, num(whole.cell.Number.Value), side(t, terms, eachColumn, "其中所列各项之和", false)),
			En: fmt.Sprintf("statistics table, column %q: %q is %s but %s; parts cannot exceed the whole",
				colEn, parent.En, num(whole.cell.Number.Value), side(t, terms, eachColumn, "the parts listed under it", true)),
		},
	})
}
