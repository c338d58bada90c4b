package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

var cellNotNumberRule = &Rule{
	ID: "cell-not-number", Name: "单元格应为数字", NameEn: "Cell must be a number", Severity: Error,
	Doc: Text{
		Zh: "表三、表四和2019年以前统计表的数据单元格须填非负整数。填了文字（如「撤销」）或小数、负数的，报错误；在列位置确定的行里留空的，报警告（无则应填 0）；填「—」「/」「无」的，按非数字处理，每表报一条提示。涉及这些单元格的勾稽核对一律跳过，不把它们当作 0。",
		En: "Data cells of Tables 3 and 4 and of pre-2019 statistics tables must hold non-negative whole numbers. Text (such as 撤销) or a decimal or negative number is an error; an empty cell in a row whose columns are certain is a warning (write 0 for none); dashes, slashes and 无 are not numbers, noted once per table. Every identity that uses such a cell is skipped, never read as 0.",
	},
	Run: checkCells,
}

func checkCells(p *Pass) {
	for _, t := range p.Report.Tables {
		// an unchecked table's cells cannot be told from its labels
		if t.Status == parse.TableUnchecked {
			continue
		}
		if t.Kind == parse.TableStatistics {
			checkStatisticsCells(p, t)
			continue
		}
		if t.Kind != parse.TableApplications && t.Kind != parse.TableReview {
			continue
		}
		placeholders := 0
		var first parse.Cell
		var blanks []blankCell
		for _, row := range t.Rows {
			for _, c := range cellsToCheck(t, row) {
				switch c.cell.Kind {
				case parse.CellText:
					p.Add(cellFinding(t, row, c, fmt.Sprintf("填写了文字「%s」，应填数字", c.cell.Raw), fmt.Sprintf("holds text %q where a number belongs", c.cell.Raw)).At(Error))
				case parse.CellBlank:
					if c.col >= 0 {
						blanks = append(blanks, blankCell{row, c})
					}
				case parse.CellNumber:
					if !c.cell.Number.IsInt || c.cell.Number.Value < 0 {
						p.Add(cellFinding(t, row, c, fmt.Sprintf("应为非负整数，实为「%s」", c.cell.Raw), fmt.Sprintf("should be a non-negative whole number, not %q", c.cell.Raw)).At(Error))
					}
				case parse.CellDash, parse.CellSlash, parse.CellNone:
					if placeholders == 0 {
						first = *c.cell
					}
					placeholders++
				}
			}
		}
		reportBlanks(p, t, blanks)
		if placeholders > 0 {
			p.Add(Finding{
				Span:  first.Span,
				Table: t.Kind.String(),
				Message: Text{
					Zh: fmt.Sprintf("%s有 %d 个单元格填「—」「/」或「无」（首个为「%s」），按非数字处理，涉及的勾稽核对已跳过；无数据应填 0", t.Kind.Named(false), placeholders, first.Raw),
					En: fmt.Sprintf("%s has %d cells holding a dash, slash or 无 (first: %q); they are not numbers and the identities using them were skipped; write 0 for none", t.Kind.Named(true), placeholders, first.Raw),
				},
			}.At(Info))
		}
	}
}

type placedCell struct {
	cell *parse.Cell // in its row's Cells or Read
	col  int         // -1 when the column is not known
}

// cellsToCheck returns a row's cells with their columns where known; a row
// whose columns are unknown still has its cells checked for text.
func cellsToCheck(t *parse.Table, row *parse.Row) []placedCell {
	out := make([]placedCell, 0, max(len(row.Cells), len(row.Read)))
	for i := range row.Cells {
		if c := &row.Cells[i]; c.Kind != parse.CellMissing && !c.Inferred {
			out = append(out, placedCell{c, i})
		}
	}
	if len(out) > 0 {
		return out
	}
	for i := range row.Read {
		out = append(out, placedCell{&row.Read[i], -1})
	}
	return out
}

func cellFinding(t *parse.Table, row *parse.Row, c placedCell, zhWhat, enWhat string) Finding {
	where, whereEn := fmt.Sprintf("%s「%s」行", t.Kind.Named(false), row.Short), fmt.Sprintf("%s, row %q", t.Kind.Named(true), row.En)
	col, key := "", c.cell.Raw // with no column, the cell's text tells it from the others
	if c.col >= 0 {
		where = fmt.Sprintf("%s「%s」列", where, t.Columns[c.col].Label)
		whereEn = fmt.Sprintf("%s, column %q", whereEn, t.Columns[c.col].En)
		col, key = t.Columns[c.col].Key, ""
	}
	return Finding{
		Span: c.cell.Span,
		Message: Text{
			Zh: fmt.Sprintf("%s的单元格%s；涉及此格的勾稽核对已跳过", where, zhWhat),
			En: fmt.Sprintf("%s: the cell %s; the identities using it were skipped", whereEn, enWhat),
		},
		Table: t.Kind.String(), Row: row.Key, Column: col, Key: key,
	}
}

// checkStatisticsCells reports empty and text cells of a pre-2019 statistics
// table; an empty total whose parts are filled in is given with their sum.
func checkStatisticsCells(p *Pass, t *parse.Table) {
	for _, row := range t.Rows {
		for col, c := range row.Cells {
			switch c.Kind {
			case parse.CellText:
				p.Add(cellFinding(t, row, placedCell{&row.Cells[col], col}, fmt.Sprintf("填写了文字「%s」，应填数字", c.Raw), fmt.Sprintf("holds text %q where a number belongs", c.Raw)).At(Error))
			case parse.CellBlank:
				zh, en := "为空白，应填数字（无则填 0）", "is empty; write a number (0 for none)"
				if parts, ok := partsSum(t, row, col); ok {
					zh += fmt.Sprintf("；其分项 %s", parts.zh)
					en += fmt.Sprintf("; its parts say %s", parts.en)
				}
				f := cellFinding(t, row, placedCell{&row.Cells[col], col}, zh, en).At(Warning)
				if parts, ok := partsSum(t, row, col); ok {
					f.Operands, f.Expected, f.HasExpected = parts.operands, parts.total, true
				}
				p.Add(f)
			}
		}
	}
}

type partsText struct {
	zh, en   string
	operands []Operand
	total    float64
}

// partsSum sums the complete breakdown of a row in one column, when every
// part is a number.
func partsSum(t *parse.Table, parent *parse.Row, col int) (partsText, bool) {
	var terms []term
	for _, row := range t.Rows {
		if row.Parent != parent.Key || row.Part != parse.PartComplete {
			continue
		}
		tm, ok := resolve(t, ref{row.Key, col}, col, nil)
		if !ok {
			return partsText{}, false
		}
		terms = append(terms, tm)
	}
	if len(terms) == 0 {
		return partsText{}, false
	}
	return partsText{
		zh: side(t, terms, eachColumn, "各分项之和", false), en: side(t, terms, eachColumn, "the sum of its parts", true),
		operands: operands(t, terms, eachColumn), total: sum(terms),
	}, true
}

type blankCell struct {
	row *parse.Row
	c   placedCell
}

// maxBlankFindings is how many empty cells of one table are reported one
// by one; a table left mostly empty (a web page whose organisation columns
// hold nothing) gets one warning that counts them instead of a hundred.
const maxBlankFindings = 3

func reportBlanks(p *Pass, t *parse.Table, blanks []blankCell) {
	if len(blanks) <= maxBlankFindings {
		for _, b := range blanks {
			p.Add(cellFinding(t, b.row, b.c, "为空白，应填数字（无则填 0）", "is empty; write a number (0 for none)").At(Warning))
		}
		return
	}
	b := blanks[0]
	col := t.Columns[b.c.col]
	p.Add(Finding{
		Span: b.c.cell.Span, Table: t.Kind.String(), Row: b.row.Key, Column: col.Key,
		Message: Text{
			Zh: fmt.Sprintf("%s有 %d 个单元格为空白（首个为「%s」行「%s」列），应填数字（无则填 0）；涉及这些单元格的勾稽核对已跳过", t.Kind.Named(false), len(blanks), b.row.Short, col.Label),
			En: fmt.Sprintf("%s has %d empty cells (first: row %q, column %q); write a number (0 for none); the identities using them were skipped", t.Kind.Named(true), len(blanks), b.row.En, col.En),
		},
	}.At(Warning))
}
