package format

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/reportlint/reportlint/rules"
)

// CSV writes one row per file for reviewers who check a collection in a
// spreadsheet: file, issuing body, report year, template, the tables
// recognised and how far they were checked, the counts of errors, warnings
// and infos, the rules that reported (sorted, space-separated) and, for a
// file that could not be read, why. The header is in the run's language.
// The output begins with a UTF-8 byte order mark so that spreadsheet
// programs read the Chinese text as UTF-8.
func CSV(w io.Writer, run Run) error { return writeWhole(w, "csv", run) }

// writeCSVParts writes the header and the files' rows as rendered.
func writeCSVParts(w io.Writer, run Run, parts []Part, data func(int) ([]byte, error)) error {
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	header := []string{"文件", "发文机关", "报告年度", "模板", "表格", "错误", "警告", "提示", "规则", "备注"}
	if run.English {
		header = []string{"file", "issuing_body", "year", "template", "tables", "errors", "warnings", "infos", "rules", "note"}
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	for i := range parts {
		if err := copyPart(w, data, i); err != nil {
			return err
		}
	}
	return nil
}

// csvRow is a file's row, every cell made inert for a spreadsheet.
func csvRow(res FileResult, en bool, ruleSet []*rules.Rule) []string {
	row := csvCells(res, en, ruleSet)
	for i, c := range row {
		row[i] = inertCell(c)
	}
	return row
}

// inertCell keeps a spreadsheet from reading a cell as a formula: a cell
// that begins with = + - @, a tab or a carriage return (a title or file
// name crafted as =HYPERLINK(…)) gets a leading apostrophe, as the OWASP
// guidance on CSV injection advises (a lone "-", standard input, is
// left as it is). Reviewers open this output in a
// spreadsheet, and the names in it come from the files checked.
func inertCell(s string) string {
	if s == "" || s == "-" {
		return s // nothing, or standard input's name: no formula
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

func csvCells(res FileResult, en bool, ruleSet []*rules.Rule) []string {
	if res.Err != nil {
		return []string{res.Path, "", "", "", "", "", "", "", "", res.Err.Error()}
	}
	r := res.Report
	year := ""
	if r.Year > 0 {
		year = fmt.Sprint(r.Year)
	}
	era := r.Era.Zh()
	if en {
		era = r.Era.String()
	}
	var tables []string
	for _, s := range tableStates(r, ruleSet) {
		tables = append(tables, s.words(en))
	}
	if len(tables) == 0 {
		tables = append(tables, noTable(en))
	}
	c := counts(res.Findings)
	return []string{
		res.Path, IssuingBody(r), year, era, strings.Join(tables, pick(en, "; ", "；")),
		fmt.Sprint(c[rules.Error]), fmt.Sprint(c[rules.Warning]), fmt.Sprint(c[rules.Info]),
		strings.Join(firedRules(res.Findings), " "), "",
	}
}
