package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

// The year-jump rule compares a body's totals with its own previous year's.
// Applications, reviews and items published change from year to year, but
// rarely fivefold: a total five times last year's, or under a fifth of it,
// is most often a digit typed twice (120 → 1200) or dropped (1200 → 120).
// It is only a note: a body may really have grown, merged or re-based its
// counts.

// jumpFactor is how far a total must move to be noted: five times, or a
// fifth. A digit typed twice or dropped moves it about tenfold.
const jumpFactor = 5

// jumpFloor is the smallest count the rule reads anything into: where the
// larger of the two years is under 50, a fivefold move is from a handful
// (3 applications, then 20) and one busy applicant or one campaign explains
// it. A year of 0 is never compared either: no typo makes 0 from a number
// or a number from 0, and a body that had none and then some has grown.
const jumpFloor = 50

// jumpCell is one figure the rule follows from year to year.
type jumpCell struct {
	kind     parse.TableKind
	row, col string
	zh, en   string // how the message names it
}

// jumpCells lists the totals of the 2019 and 2021 templates' 表三 and 表四
// that the rule compares: 表三's （七）总计 of all applicants, and the 总计 of
// each of 表四's three blocks.
var jumpCells = []jumpCell{
	{parse.TableApplications, "apply.result.total", "total", "表三「（七）总计」", "Table 3 '(7) total'"},
	{parse.TableReview, "review.reconsideration", "total", "表四「行政复议·总计」", "Table 4 'reconsideration, total'"},
	{parse.TableReview, "review.suit_direct", "total", "表四「行政诉讼·未经复议直接起诉·总计」", "Table 4 'litigation without prior reconsideration, total'"},
	{parse.TableReview, "review.suit_after", "total", "表四「行政诉讼·复议后起诉·总计」", "Table 4 'litigation after reconsideration, total'"},
}

var yearJumpRule = &Rule{
	ID: "year-jump", Name: "总数与上年相差五倍以上", NameEn: "Total five times or a fifth of last year's", Severity: Info,
	Doc: Text{
		Zh: "同一机关相邻两年的报告：表三「（七）总计」、表四各栏「总计」（国办公开办函〔2021〕30号、〔2019〕60号模板），以及2019年以前统计表各流量指标的「本年度」数，今年为上一年的5倍以上或不到五分之一的，提示核对（常见原因是数字多打或漏打一位）。两年中较大者不足50、任一年为0、或数字是推断而非读出的，不提示。机关确有增减时可忽略。",
		En: "For a body's reports of consecutive years: Table 3 '(7) total', each Table 4 block's total (the templates of 国办公开办函〔2021〕30号 and 〔2019〕60号), and this year's figure of each flow row of a pre-2019 statistics table, when this year's is five times last year's or more, or under a fifth of it: often a digit typed twice or dropped. Quiet where the larger year is under 50, either year is 0, or a number was inferred rather than read. A body that really grew or shrank can ignore it.",
	},
	RunPair: func(p *PairPass) {
		cur, prev := p.Pair.Cur.Report, p.Pair.Prev.Report
		for _, jc := range jumpCells {
			p.addJump(jc, cur, prev)
		}
		for _, jc := range statisticsFlowCells(cur) {
			p.addJump(jc, cur, prev)
		}
	},
}

// statisticsFlowCells lists this year's figure (本年度) of each flow row of
// the statistics tables. Stock rows (bodies, staff) are left out: they are
// counted differently from year to year, and are not the totals the rule is
// about.
func statisticsFlowCells(r *parse.Report) []jumpCell {
	var out []jumpCell
	eachFlowRow(r, func(_ *parse.Table, row *parse.Row) {
		out = append(out, jumpCell{parse.TableStatistics, row.Key, "year",
			fmt.Sprintf("统计表「%s」本年度", row.Short), fmt.Sprintf("statistics table %q, this year", row.En)})
	})
	return out
}

// addJump notes the cell when it moved fivefold from last year.
func (p *PairPass) addJump(jc jumpCell, cur, prev *parse.Report) {
	c, _, ok1 := numberCell(cur, jc.kind, jc.row, jc.col)
	pc, _, ok2 := numberCell(prev, jc.kind, jc.row, jc.col)
	if !ok1 || !ok2 || !readCell(c) || !readCell(pc) {
		return
	}
	now, before := c.Number.Value, pc.Number.Value
	if !jumped(before, now) {
		return
	}
	prevM := p.Pair.Prev
	related := relatedIn(prevM, pc.Span, Text{
		Zh: fmt.Sprintf("%d年度报告中的对应数字", prev.Year), En: fmt.Sprintf("the matching number in the %d report", prev.Year)})
	zh, en := "增至", "rose"
	if now < before {
		zh, en = "降至", "fell"
	}
	p.Add(Finding{
		Span:   c.Span,
		Table:  jc.kind.String(),
		Row:    jc.row,
		Column: jc.col,
		Operands: []Operand{
			{Label: fmt.Sprintf("%s（%d年度）", jc.zh, cur.Year), LabelEn: fmt.Sprintf("%s (%d)", jc.en, cur.Year), Value: now, Span: c.Span},
			{Label: fmt.Sprintf("上一年报告 %s（%d年度）", prevM.Path, prev.Year), LabelEn: fmt.Sprintf("last year's report %s (%d)", prevM.Path, prev.Year), Value: before, Span: pc.Span, Loc: related.Loc},
		},
		Related: []Location{related},
		Message: Text{
			Zh: fmt.Sprintf("%s由%d年度的 %s %s%d年度的 %s（%s），相差五倍以上，请核对是否多打或漏打了一位数字（上一年度报告 %s）",
				jc.zh, prev.Year, num(before), zh, cur.Year, num(now), ratioWords(before, now, false), prevM.Path),
			En: fmt.Sprintf("%s %s from %s in %d to %s in %d (%s), a fivefold change: check for a digit typed twice or dropped (last year's report %s)",
				jc.en, en, num(before), prev.Year, num(now), cur.Year, ratioWords(before, now, true), prevM.Path),
		},
	})
}

// readCell: a number read as printed. An inferred cell (its column guessed
// after blanks were lost) or one split from a run of digits may be off by
// exactly the digits the rule is about.
func readCell(c parse.Cell) bool {
	return !c.Inferred && !c.Glued()
}

// jumped reports a move to five times or more, or to under a fifth, between
// counts worth comparing (see jumpFloor).
func jumped(before, now float64) bool {
	if before <= 0 || now <= 0 || max(before, now) < jumpFloor {
		return false
	}
	return now >= jumpFactor*before || now*jumpFactor < before
}

// ratioWords says how many times the larger is of the smaller, to one
// decimal.
func ratioWords(before, now float64, en bool) string {
	if now >= before {
		if en {
			return fmt.Sprintf("%.1f times", now/before)
		}
		return fmt.Sprintf("为上一年的 %.1f 倍", now/before)
	}
	if en {
		return fmt.Sprintf("1/%.1f of last year's", before/now)
	}
	return fmt.Sprintf("为上一年的 1/%.1f", before/now)
}
