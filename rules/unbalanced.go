package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

var digitsUnbalancedRule = &Rule{
	ID: "digits-unbalanced", Name: "连写数字无法平衡", NameEn: "Run-together digits cannot balance", Severity: Warning,
	Doc: Text{
		Zh: "网页复制常把一行的单元格数字连在一起（如「640020470」）。reportlint 枚举把这串数字拆成该行各格的所有方法（除单独的 0 外不以 0 开头），只保留使表内勾稽关系成立的拆法：表三每行「总计」等于六类申请人之和、各列本年新收 + 上年结转 = 总计 + 结转下年度、总计等于各办理结果之和，表四每块「总计」等于前四格之和，2019年以前统计表流量行上年累计 + 本年度 = 累计（或本年度不大于历年累计）、各完整分项之和等于其总数。一种拆法也不剩时，表格按所印数字无法平衡：此处列出这些行和它们的数字。这是对所印文字的判断，不猜测哪个数字错了；这些行不再作其他核对。",
		En: "Web copies often run a row's cells together (640020470). reportlint tries every way to split such digits into the row's cells (no leading zero except a lone 0) and keeps the splits under which the table's own identities hold: each Table 3 row's total equals its six applicant columns, every column balances (new + carried over = total + carried forward, total = the outcomes), each Table 4 block's total equals its four results, in a pre-2019 statistics table a flow's last-year cumulative + this year = cumulative (or this year no more than all years) and every complete breakdown adds up to its total. When no split is left, the table as printed cannot balance: this names the rows and their digits. It is a statement about the printed text, not a guess at which number is wrong; those rows are not checked further.",
	},
	Run: checkUnbalanced,
}

func checkUnbalanced(p *Pass) {
	for _, t := range p.Report.Tables {
		for _, u := range t.Unbalanced {
			p.Add(Finding{Span: u.Span, Table: t.Kind.String(), Key: strings.Join(u.Digits, "/"), Message: unbalancedMessage(t, u)})
		}
	}
}

func unbalancedMessage(t *parse.Table, u parse.Unbalanced) Text {
	quoted := make([]string, len(u.Digits))
	for i, d := range u.Digits {
		quoted[i] = "「" + d + "」"
	}
	digits := strings.Join(quoted, "、")
	examples, examplesEn := "", ""
	if len(u.Examples) > 0 {
		examples = "（如 " + strings.Join(u.Examples, "、") + "）"
		examplesEn = " (e.g. " + strings.Join(u.Examples, ", ") + ")"
	}
	switch {
	case t.Kind == parse.TableReview:
		return Text{
			Zh: fmt.Sprintf("表四的数字连在一起印作%s，无论怎样拆成 15 格，都不能使每块「总计」等于其前四格之和%s；按所印数字表四无法平衡，未核对", digits, examples),
			En: fmt.Sprintf("Table 4's digits run together as %s; no split into its 15 cells makes every block's total the sum of its four results%s; as printed the table cannot balance and was not checked", strings.Join(u.Digits, ", "), examplesEn),
		}
	case t.Kind == parse.TableStatistics && u.Joint:
		return Text{
			Zh: fmt.Sprintf("统计表%s行的数字连在一起（%s）：每行都有自身说得通的拆法，但没有一种组合能使各分项之和等于其总数；按所印数字统计表无法平衡，这些行未核对", rowNamesZh(u.Rows), digits),
			En: fmt.Sprintf("statistics table rows %s have their digits run together (%s): each splits a way that makes sense alone, but no combination makes every breakdown add up to its total; as printed the table cannot balance and these rows were not checked", rowNamesEn(u.Rows), strings.Join(u.Digits, ", ")),
		}
	case t.Kind == parse.TableStatistics:
		return Text{
			Zh: fmt.Sprintf("统计表%s行的数字连在一起印作%s，无论怎样拆成 %d 格，都不能使上年累计 + 本年度 = 累计（或本年度不大于历年累计）；按所印数字此行无法平衡，未核对", rowNamesZh(u.Rows), digits, len(t.Columns)),
			En: fmt.Sprintf("statistics table row %s has its digits run together as %s; no split into %d cells makes last year's cumulative + this year = cumulative (or this year no more than all years); as printed the row cannot balance and was not checked", rowNamesEn(u.Rows), strings.Join(u.Digits, ", "), len(t.Columns)),
		}
	case u.Joint:
		return Text{
			Zh: fmt.Sprintf("%s%s行的数字连在一起（%s）：每行都有使本行总计相符的拆法，但没有一种拆法的组合能使各列勾稽关系成立（本年新收 + 上年结转 = 总计 + 结转下年度；总计 = 各办理结果之和）；按所印数字%s无法平衡，这些行未核对", t.Kind.Named(false), rowNamesZh(u.Rows), digits, t.Kind.Named(false)),
			En: fmt.Sprintf("%s rows %s have their digits run together (%s): each splits to a matching row total, but no combination of splits makes every column balance (new + carried over = total + carried forward; total = the outcomes); as printed the table cannot balance and these rows were not checked", t.Kind.Named(true), rowNamesEn(u.Rows), strings.Join(u.Digits, ", ")),
		}
	}
	n := len(t.Columns)
	return Text{
		Zh: fmt.Sprintf("%s%s行的数字连在一起印作%s，无论怎样拆成 %d 格，「总计」都不等于其余各格之和%s；按所印数字此行无法平衡，未核对", t.Kind.Named(false), rowNamesZh(u.Rows), digits, n, examples),
		En: fmt.Sprintf("%s row %s has its digits run together as %s; no split into %d cells makes the total the sum of the others%s; as printed the row cannot balance and was not checked", t.Kind.Named(true), rowNamesEn(u.Rows), strings.Join(u.Digits, ", "), n, examplesEn),
	}
}

func rowNamesZh(rows []*parse.Row) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString("「" + r.Short + "」")
	}
	return b.String()
}

func rowNamesEn(rows []*parse.Row) string {
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = fmt.Sprintf("%q", r.En)
	}
	return strings.Join(names, ", ")
}
