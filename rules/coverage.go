package rules

import (
	"fmt"
	"slices"

	"github.com/reportlint/reportlint/parse"
)

var tableUncheckedRule = &Rule{
	ID: "table-unchecked", Name: "表格未能核对", NameEn: "Table not checked", Severity: Info,
	Doc: Text{
		Zh: "表格读不准时（复制丢了空白单元格、单元格顺序错乱、数字连在一起、表头不认识），不猜测数字所属的列，只在此说明哪张表哪些部分未核对及原因，使「没有发现问题」与「未能核对」有别。2019年及以后的报告找不到表三时也在此说明；从第一个表格起的内容长得超出任何报告的表格（损坏或特意构造的文件）时，表格只读到一定长度，停在何处也在此说明。",
		En: "When a table cannot be read with certainty (empty cells lost in the copy, cells out of order, digits run together, an unknown header) no number is guessed into a column; this note says which table or rows were not checked and why, so that 'no findings' is never mistaken for 'checked'. A 2019-or-later report with no Table 3 is noted here too, and so is where the tables stopped being read when the text from the first table on is longer than any report's tables (a broken or crafted file).",
	},
	Run: func(p *Pass) {
		r := p.Report
		for _, t := range r.Tables {
			if t.Status == parse.TableRead {
				continue
			}
			state, stateEn := "未核对", "not checked"
			if t.Status == parse.TablePartial {
				state, stateEn = "部分核对", "partly checked"
			}
			reason := TableReason(t)
			p.Add(Finding{Span: t.Span, Table: t.Kind.String(), Key: t.Title, Message: Text{
				Zh: fmt.Sprintf("%s%s：%s", tableTitleZh(t), state, reason.Zh),
				En: fmt.Sprintf("%s %s: %s", tableTitleEn(t), stateEn, reason.En),
			}})
		}
		if r.TablesCut.Line > 0 {
			p.Add(Finding{Span: parse.Span{Start: r.TablesCut, End: r.TablesCut}, Key: "cut", Message: Text{
				Zh: "从第一个表格起的内容过长，超出任何报告的表格所能有的长度：表格只读到此处，其后未读取、未核对",
				En: "the text from the first table on is longer than any report's tables can be: tables were read up to here; nothing after it was read or checked",
			}})
		}
		if slices.Contains(r.MissingTables(), parse.TableApplications) {
			p.Add(Finding{Span: r.TitleSpan, Table: parse.TableApplications.String(), Key: "missing", Message: Text{
				Zh: "未找到表三（收到和处理政府信息公开申请情况）的数据行，表三未核对（可能以图片发布）",
				En: "no data rows of Table 3 (applications received and handled) were found; Table 3 was not checked (it may be published as an image)",
			}})
		}
	},
}

func tableTitleZh(t *parse.Table) string {
	if t.Kind == parse.TableItems {
		return "表二「" + t.Title + "」"
	}
	return t.Kind.Named(false)
}

func tableTitleEn(t *parse.Table) string {
	if t.Kind == parse.TableItems {
		return fmt.Sprintf("Table 2 block %q", t.Title)
	}
	return t.Kind.Named(true)
}
