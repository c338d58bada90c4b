package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

// numberCell returns a table cell by row and column key when it holds a
// number (read or inferred), with the table it is in.
func numberCell(r *parse.Report, kind parse.TableKind, row, col string) (parse.Cell, *parse.Table, bool) {
	return r.NumberCell(kind, row, col)
}

// carryCheck is one continuity between two years: this year's cell should
// equal a sum of cells of last year's and this year's reports.
type carryCheck struct {
	curCell   parse.Cell
	curLabel  string
	curEn     string
	want      float64
	wantZh    string // how the expected value is made, in words and numbers
	wantEn    string
	prevCell  parse.Cell
	inferred  bool
	row, col  string
	tableKind parse.TableKind
}

func (p *PairPass) addCarry(c carryCheck) {
	if c.curCell.Number.Value == c.want {
		return
	}
	prev := p.Pair.Prev
	related := relatedIn(prev, c.prevCell.Span, Text{
		Zh: fmt.Sprintf("%d年度报告中的对应数字", prev.Report.Year), En: fmt.Sprintf("the matching number in the %d report", prev.Report.Year)})
	p.Add(Finding{
		Span:        c.curCell.Span,
		Table:       c.tableKind.String(),
		Row:         c.row,
		Column:      c.col,
		Soften:      c.inferred,
		Expected:    c.want,
		HasExpected: c.want >= 0,
		Operands: []Operand{
			{Label: c.curLabel, LabelEn: c.curEn, Value: c.curCell.Number.Value, Span: c.curCell.Span},
			{Label: "上一年报告 " + prev.Path, LabelEn: "last year's report " + prev.Path, Value: c.prevCell.Number.Value, Span: c.prevCell.Span, Loc: related.Loc},
		},
		Related: []Location{related},
		// the message names the values and last year's file; where the
		// number stands there is the related location's business
		Message: Text{
			Zh: fmt.Sprintf("%s为 %s，但按上一年度报告 %s 应为 %s（%s）", c.curLabel, num(c.curCell.Number.Value), prev.Path, num(c.want), c.wantZh),
			En: fmt.Sprintf("%s is %s, but last year's report %s makes it %s (%s)", c.curEn, num(c.curCell.Number.Value), prev.Path, num(c.want), c.wantEn),
		},
	})
}

var carryApplicationsRule = &Rule{
	ID: "carry-applications", Name: "表三上年结转与上年报告", NameEn: "Table 3 carry-over against last year", Severity: Warning,
	Doc: Text{
		Zh: "同一机关相邻两年的报告（2019年及以后模板）：今年表三「上年结转政府信息公开申请数量」每一列须等于上一年报告表三「结转下年度继续办理」的同一列（国办公开办函〔2019〕60号、〔2021〕30号模板表三：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理，上年结转即上一年度的结转下年度）。机关合并、拆分或重新统计时可能不符，故报警告。",
		En: "For a body's reports of consecutive years (2019 template and later): this year's Table 3 'carried over from last year' equals last year's 'carried forward to next year', column by column (the Table 3 of the 国办公开办函〔2019〕60号 and 〔2021〕30号 templates: new + carried over = outcomes + carried forward, and what one year carries forward the next carries over). Bodies merge, split and re-base, so it is a warning.",
	},
	RunPair: func(p *PairPass) {
		for i, col := range applicationColumnKeys {
			cur, _, ok1 := numberCell(p.Pair.Cur.Report, parse.TableApplications, "apply.carried", col)
			prev, _, ok2 := numberCell(p.Pair.Prev.Report, parse.TableApplications, "apply.forward", col)
			if !ok1 || !ok2 {
				continue
			}
			label := applicationColumnLabels[i]
			p.addCarry(carryCheck{curCell: cur, prevCell: prev, want: prev.Number.Value, inferred: cur.Inferred || prev.Inferred,
				curLabel: fmt.Sprintf("表三「%s」列「上年结转」", label[0]), curEn: fmt.Sprintf("Table 3 column %q 'carried over'", label[1]),
				wantZh: fmt.Sprintf("上一年「结转下年度继续办理」%s", num(prev.Number.Value)), wantEn: fmt.Sprintf("last year's 'carried forward' %s", num(prev.Number.Value)),
				row: "apply.carried", col: col, tableKind: parse.TableApplications})
		}
	},
}

var applicationColumnKeys = []string{"natural", "business", "research", "nonprofit", "legal", "other", "total"}
var applicationColumnLabels = [][2]string{{"自然人", "natural persons"}, {"商业企业", "businesses"}, {"科研机构", "research bodies"}, {"社会公益组织", "public-interest organisations"}, {"法律服务机构", "legal service bodies"}, {"其他", "other organisations"}, {"总计", "total"}}

var carryStatisticsRule = &Rule{
	ID: "carry-statistics", Name: "统计表累计数与上年报告", NameEn: "Statistics table cumulative figures against last year", Severity: Warning,
	Doc: Text{
		Zh: "同一机关相邻两年的2019年以前统计表：今年的「上年累计」须等于上一年的「累计」；只有「本年度 | 历年累计」两列的表，今年的历年累计须等于上一年的历年累计加今年的本年度。只核对流量行，不核对机构数、人员数等存量行。机关重新统计时可能不符，故报警告。",
		En: "For a body's pre-2019 statistics tables of consecutive years: this year's 上年累计 equals last year's 累计; in a table with only 本年度 | 历年累计, this year's cumulative equals last year's cumulative plus this year's figure. Flow rows only, never stock rows. Bodies re-base their counts, so it is a warning.",
	},
	RunPair: func(p *PairPass) {
		cur, prev := p.Pair.Cur.Report, p.Pair.Prev.Report
		eachFlowRow(cur, func(t *parse.Table, row *parse.Row) {
			if c, _, ok := numberCell(cur, parse.TableStatistics, row.Key, "prev"); ok {
				if pc, _, ok := numberCell(prev, parse.TableStatistics, row.Key, "cumul"); ok {
					p.addCarry(carryCheck{curCell: c, prevCell: pc, want: pc.Number.Value,
						curLabel: fmt.Sprintf("统计表「%s」上年累计", row.Short), curEn: fmt.Sprintf("statistics table %q, cumulative to last year", row.En),
						wantZh: fmt.Sprintf("上一年「累计」%s", num(pc.Number.Value)), wantEn: fmt.Sprintf("last year's cumulative %s", num(pc.Number.Value)),
						row: row.Key, col: "prev", tableKind: parse.TableStatistics})
				}
				return
			}
			c, _, ok1 := numberCell(cur, parse.TableStatistics, row.Key, "cumul")
			y, _, ok2 := numberCell(cur, parse.TableStatistics, row.Key, "year")
			pc, pt, ok3 := numberCell(prev, parse.TableStatistics, row.Key, "cumul")
			if !ok1 || !ok2 || !ok3 || !hasColumns(pt, []string{"year", "cumul"}) || !hasColumns(t, []string{"year", "cumul"}) {
				return
			}
			p.addCarry(carryCheck{curCell: c, prevCell: pc, want: pc.Number.Value + y.Number.Value,
				curLabel: fmt.Sprintf("统计表「%s」历年累计", row.Short), curEn: fmt.Sprintf("statistics table %q, cumulative", row.En),
				wantZh: fmt.Sprintf("上一年历年累计 %s + 本年度 %s", num(pc.Number.Value), num(y.Number.Value)), wantEn: fmt.Sprintf("last year's cumulative %s + this year's %s", num(pc.Number.Value), num(y.Number.Value)),
				row: row.Key, col: "cumul", tableKind: parse.TableStatistics})
		})
	},
}

var carryItems2019Rule = &Rule{
	ID: "carry-items-2019", Name: "表二上一年项目数量与上年报告", NameEn: "Table 2 items last year against last year's report", Severity: Warning,
	Doc: Text{
		Zh: "2019年模板相邻两年（2019与2020年度）：今年第二十条第（五）（六）（八）项的「上一年项目数量」须等于上一年报告的「上一年项目数量」加减其「本年增/减」。「处理决定数量」不参与。",
		En: "2019 template, consecutive years (the 2019 and 2020 reports): this year's 'items last year' in art. 20 items (5), (6) and (8) equals last year's 'items last year' plus its 'change'. 'Decisions' play no part.",
	},
	RunPair: func(p *PairPass) {
		cur, prev := p.Pair.Cur.Report, p.Pair.Prev.Report
		for _, key := range []string{"items.license", "items.other_services", "items.penalty", "items.coercion", "items.fees"} {
			c, ct, ok1 := numberCell(cur, parse.TableItems, key, "last_year")
			pl, _, ok2 := numberCell(prev, parse.TableItems, key, "last_year")
			pd, _, ok3 := numberCell(prev, parse.TableItems, key, "change")
			if !ok1 || !ok2 || !ok3 || ct.Variant != parse.Era2019 {
				continue
			}
			name := ct.Row(key).Short
			p.addCarry(carryCheck{curCell: c, prevCell: pl, want: pl.Number.Value + pd.Number.Value,
				curLabel: fmt.Sprintf("表二「%s」上一年项目数量", name), curEn: fmt.Sprintf("Table 2 %q, items last year", ct.Row(key).En),
				wantZh: fmt.Sprintf("上一年的上一年项目数量 %s %s", num(pl.Number.Value), signed(pd.Number.Value)), wantEn: fmt.Sprintf("last year's items %s %s", num(pl.Number.Value), signed(pd.Number.Value)),
				row: key, col: "last_year", tableKind: parse.TableItems})
		}
	},
}

func signed(v float64) string {
	if v < 0 {
		return "− " + num(-v)
	}
	return "+ " + num(v)
}

var carryInForceRule = &Rule{
	ID: "carry-in-force", Name: "表二现行有效件数与上年报告", NameEn: "Table 2 documents in force against last year", Severity: Warning,
	Doc: Text{
		Zh: "2021年模板相邻两年：今年规章、行政规范性文件的「现行有效件数」应约等于上一年的现行有效件数 + 今年本年制发件数 − 今年本年废止件数。现行有效件数是存量，修订、失效、重新清理都会改变它，故只报警告。",
		En: "2021 template, consecutive years: this year's rules and normative documents in force should be last year's in force + issued this year − repealed this year. Documents in force are a stock that revisions, expiry and clean-ups change, so it is only a warning.",
	},
	RunPair: func(p *PairPass) {
		cur, prev := p.Pair.Cur.Report, p.Pair.Prev.Report
		for _, key := range []string{"items.rules", "items.normative"} {
			c, ct, ok1 := numberCell(cur, parse.TableItems, key, "in_force")
			issued, _, ok2 := numberCell(cur, parse.TableItems, key, "issued")
			repealed, _, ok3 := numberCell(cur, parse.TableItems, key, "repealed")
			pf, _, ok4 := numberCell(prev, parse.TableItems, key, "in_force")
			if !ok1 || !ok2 || !ok3 || !ok4 || ct.Variant != parse.Era2021 {
				continue
			}
			name := ct.Row(key).Short
			p.addCarry(carryCheck{curCell: c, prevCell: pf, want: pf.Number.Value + issued.Number.Value - repealed.Number.Value,
				curLabel: fmt.Sprintf("表二「%s」现行有效件数", name), curEn: fmt.Sprintf("Table 2 %q, in force", ct.Row(key).En),
				wantZh: fmt.Sprintf("上一年现行有效 %s + 本年制发 %s − 本年废止 %s", num(pf.Number.Value), num(issued.Number.Value), num(repealed.Number.Value)),
				wantEn: fmt.Sprintf("last year's in force %s + issued %s − repealed %s", num(pf.Number.Value), num(issued.Number.Value), num(repealed.Number.Value)),
				row:    key, col: "in_force", tableKind: parse.TableItems})
		}
	},
}
