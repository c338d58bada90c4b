package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

// TableReason words why a table, or some of its rows, could not be read
// with certainty: its doubts (parse.Doubt), one clause each, in Chinese and
// English. Empty for a table read whole.
func TableReason(t *parse.Table) Text {
	var zh, en strings.Builder
	for i, d := range t.Doubts {
		z, e := doubtText(t, d)
		if i > 0 && d.Kind != parse.DoubtSkipped {
			zh.WriteString("；")
			en.WriteString("; ")
		}
		zh.WriteString(z)
		en.WriteString(e)
	}
	return Text{Zh: zh.String(), En: en.String()}
}

// doubtText is one doubt's clause.
func doubtText(t *parse.Table, d parse.Doubt) (string, string) {
	switch d.Kind {
	case parse.DoubtGluedLabel:
		return fmt.Sprintf("单元格的数字连在一起（如「%s」），拆分不唯一，未核对", d.Example),
			fmt.Sprintf("the cells' digits run together (e.g. %q) and cannot be split with certainty; not checked", d.Example)
	case parse.DoubtOutOfOrder:
		return fmt.Sprintf("单元格顺序错乱：「%s」行读到 %d 个数（应为 %d 个），无法确定各数所属的行和列", d.Row.Short, d.Got, d.Want),
			fmt.Sprintf("cells out of order: row %q has %d numbers (expected %d); rows and columns cannot be told apart", d.Row.En, d.Got, d.Want)
	case parse.DoubtLostBlanksTotals:
		return "复制时丢失了空白单元格，各申请人列无法确定；按每行末值为「总计」列核对",
			"empty cells were lost in the copy, so the applicant columns are unknown; the last number of each row is read as the total column"
	case parse.DoubtShortRows:
		return fmt.Sprintf("%d 行的数字少于 %d 个（复制时丢失了单元格），这些行未核对", d.Rows, d.Want),
			fmt.Sprintf("%d rows have fewer than %d numbers (cells lost in the copy); those rows are not checked", d.Rows, d.Want)
	case parse.DoubtNoRows:
		if t.Kind == parse.TableItems {
			return "未读到数据行", "no data row was read"
		}
		return "未能读出任何完整的数据行", "no complete data row could be read"
	case parse.DoubtGlued:
		return gluedText(d.Glued)
	case parse.DoubtUnknownHeader:
		return "表头不是已知模板的列名，未核对", "the header matches no known template; not checked"
	case parse.DoubtItemRowsShort:
		return fmt.Sprintf("%d 行的单元格数与列数（%d）不符，这些行的列无法确定", d.Rows, d.Want),
			fmt.Sprintf("%d rows do not have %d cells; their columns are unknown", d.Rows, d.Want)
	case parse.DoubtInterleaved:
		return "表头文字与数字交错（PDF 转出的文字顺序），无法确定各数所属的列",
			"header words are mixed in among the numbers (PDF text order); columns cannot be assigned"
	case parse.DoubtExtraCells:
		return fmt.Sprintf("数据行多于 %d 个单元格，无法确定各数所属的列", d.Want),
			fmt.Sprintf("the data row has more than %d cells; columns cannot be assigned", d.Want)
	case parse.DoubtFewCells:
		return fmt.Sprintf("只读到 %d 个单元格（应为 %d 个），复制时可能丢失了空白单元格，无法确定各数所属的列", d.Got, d.Want),
			fmt.Sprintf("only %d of %d cells were read (empty cells were probably lost in the copy); columns cannot be assigned", d.Got, d.Want)
	case parse.DoubtReviewUnbalanced:
		return fmt.Sprintf("单元格的数字连在一起（「%s」），无论怎样拆分各块总计都不相符，未核对", d.Example),
			fmt.Sprintf("the cells' digits run together (%q) and no split makes every block's total add up; not checked", d.Example)
	case parse.DoubtReviewTooMany:
		return fmt.Sprintf("单元格的数字连在一起（「%s」），可能的拆分过多，未核对", d.Example),
			fmt.Sprintf("the cells' digits run together (%q) with too many possible splits; not checked", d.Example)
	case parse.DoubtReviewReadings:
		return fmt.Sprintf("单元格的数字连在一起（「%s」），有 %d 种拆分都使各块总计相符，未核对", d.Example, d.Got),
			fmt.Sprintf("the cells' digits run together (%q) and %d splits make every block's total add up; not checked", d.Example, d.Got)
	case parse.DoubtReviewFewDigits:
		return fmt.Sprintf("单元格的数字连在一起（「%s」），数字少于单元格数，未核对", d.Example),
			fmt.Sprintf("the cells' digits run together (%q) but are fewer than the cells; not checked", d.Example)
	case parse.DoubtStatNoRows:
		return "统计表中没有认出的行，未核对", "no row of the statistics table was recognised; not checked"
	case parse.DoubtStatShortRows:
		return fmt.Sprintf("%d 行的数字个数与列数（%d）不符，这些行未核对", d.Rows, d.Want),
			fmt.Sprintf("%d rows do not have %d numbers; those rows are not checked", d.Rows, d.Want)
	case parse.DoubtUnplaced:
		return fmt.Sprintf("%d 行数字没有行名，无法确定所属的行", d.Rows),
			fmt.Sprintf("%d rows of numbers have no label and cannot be placed", d.Rows)
	case parse.DoubtRowsMissing:
		return fmt.Sprintf("%d 行未读到（如「%s」）", d.Rows, d.Short),
			fmt.Sprintf("%d rows were not read (e.g. %q)", d.Rows, d.En)
	case parse.DoubtEmptyCell:
		return fmt.Sprintf("「%s」行「%s」列是空的单元格（转换时可能丢失了数字）", d.Row.Short, d.Column.Label),
			fmt.Sprintf("row %q, column %q is an empty cell (the conversion may have lost its number)", d.Row.En, d.Column.En)
	case parse.DoubtSkipped:
		return "，涉及的勾稽核对已跳过", "; the identities using them were skipped"
	}
	return "", ""
}

// gluedText words what the solver made of digits run together.
func gluedText(g *parse.GluedCounts) (string, string) {
	var zh, en []string
	if g.Recovered > 0 {
		zh = append(zh, fmt.Sprintf("%d 行按表内勾稽关系唯一可行的拆分读取后核对", g.Recovered))
		en = append(en, fmt.Sprintf("%d rows were split the one way the table's identities allow and checked", g.Recovered))
	}
	if g.Ambiguous > 0 {
		zh = append(zh, fmt.Sprintf("%d 行共有 %d 种拆分组合都能使勾稽关系成立（如「%s」），未核对", g.Ambiguous, g.Readings, g.Example))
		en = append(en, fmt.Sprintf("%d rows have %d combinations of splits under which every identity holds (e.g. %q) and were not checked", g.Ambiguous, g.Readings, g.Example))
	}
	if g.TooMany > 0 {
		zh = append(zh, fmt.Sprintf("%d 行可能的拆分过多（如「%s」），未核对", g.TooMany, g.Example))
		en = append(en, fmt.Sprintf("%d rows have too many possible splits (e.g. %q) and were not checked", g.TooMany, g.Example))
	}
	if g.Unreadable > 0 {
		zh = append(zh, fmt.Sprintf("%d 行的数字少于单元格数（如「%s」），未核对", g.Unreadable, g.Example))
		en = append(en, fmt.Sprintf("%d rows have fewer digits than cells (e.g. %q) and were not checked", g.Unreadable, g.Example))
	}
	if g.Unbalanced > 0 {
		zh = append(zh, fmt.Sprintf("%d 行无论怎样拆分都不能使勾稽关系成立，未核对", g.Unbalanced))
		en = append(en, fmt.Sprintf("%d rows cannot be split so that the identities hold, and were not checked", g.Unbalanced))
	}
	if g.Short > 0 {
		zh = append(zh, fmt.Sprintf("%d 行的数字少于 %d 个（复制时丢失了单元格），未核对", g.Short, g.Columns))
		en = append(en, fmt.Sprintf("%d rows have fewer than %d numbers (cells lost in the copy) and were not checked", g.Short, g.Columns))
	}
	return "单元格的数字连在一起；" + strings.Join(zh, "，"), "the cells' digits run together; " + strings.Join(en, "; ")
}

// inferenceNote says, after a finding that rests on inferred cells, how
// they were placed.
func inferenceNote(t *parse.Table) (string, string) {
	switch t.Inference {
	case parse.InferGluedIdentities:
		return "单元格的数字连在一起，按表内勾稽关系唯一可行的拆分读取", "the cells' digits ran together and were split the one way the table's identities allow"
	case parse.InferGluedBlocks:
		return "单元格的数字连在一起，按各块总计唯一可行的拆分读取", "the cells' digits ran together and were split the one way each block's total allows"
	}
	return "复制时丢失了空白单元格，列位置为推断", "empty cells were lost in the copy; the column is inferred"
}
