package format

import (
	"strings"

	"github.com/reportlint/reportlint/parse"
)

// Slim returns what printing reads of a checked report, for a run that
// prints every file at its end (JSON, SARIF, CSV, a baseline, the
// overview) and so keeps one for each file: the title, issuer, year and
// era, the tables' states with the rows JSON lists as not read, where the
// text's characters come from in the file, and the lines IssuingBody
// looks at. A whole report holds its text several times over (some
// 100 KB for a 20 KB file); kept for every file, memory grew with the
// run. The rules cannot run on a slim report: the checks across files
// read the files again.
func Slim(r *parse.Report) *parse.Report {
	if r == nil {
		return nil
	}
	s := *r
	s.Prose, s.Dates, s.Sections = nil, nil, nil
	if r.Text != nil {
		title := r.TitleSpan.Start.Line - 1
		s.Text = r.Text.Slim(title, prevLineIndex(r.Text.Lines, title))
	}
	s.Tables = make([]*parse.Table, len(r.Tables))
	for i, t := range r.Tables {
		s.Tables[i] = slimTable(t)
	}
	return &s
}

// slimTable keeps a table's state and, of a partial table, the rows JSON
// lists as not read, each with one cell to say so.
func slimTable(t *parse.Table) *parse.Table {
	s := *t
	s.Columns, s.Rows = nil, nil
	if t.Status != parse.TablePartial {
		return &s
	}
	for _, row := range t.Rows {
		if row.Group || !notRead(row) {
			continue
		}
		r := *row
		r.Read, r.Cells = nil, nil
		if !row.InferredColumns {
			r.Cells = []parse.Cell{{Kind: parse.CellMissing}}
		}
		s.Rows = append(s.Rows, &r)
	}
	return &s
}

// prevLineIndex is the index of the line prevLine returns, or -1.
func prevLineIndex(lines []string, i int) int {
	for j := min(i, len(lines)) - 1; j >= 0; j-- {
		if strings.TrimSpace(lines[j]) != "" {
			return j
		}
	}
	return -1
}
