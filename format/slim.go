package format

import (
	"slices"
	"strings"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
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
	// texts cut from the report's lines hold the whole text they were cut
	// from: they are copied
	s.Title, s.Issuer, s.EraEvidence = strings.Clone(r.Title), strings.Clone(r.Issuer), strings.Clone(r.EraEvidence)
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
	s.Title, s.Reason, s.ReasonEn = strings.Clone(t.Title), strings.Clone(t.Reason), strings.Clone(t.ReasonEn)
	s.InferNote, s.InferNoteEn = strings.Clone(t.InferNote), strings.Clone(t.InferNoteEn)
	if t.Status != parse.TablePartial {
		return &s
	}
	for _, row := range t.Rows {
		if row.Group || !notRead(row) {
			continue
		}
		r := *row
		r.Read, r.Cells = nil, nil
		r.Label = strings.Clone(row.Label)
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

// SlimResult is a file's result as a run that prints at its end keeps it:
// its report slim, and its findings' texts copied, since a text cut from
// the report (a cell as printed, a label) holds the whole report's text.
func SlimResult(res FileResult) FileResult {
	res.Report = Slim(res.Report)
	fs := make([]rules.Finding, len(res.Findings))
	for i, f := range res.Findings {
		f.Message.Zh, f.Message.En, f.Key = strings.Clone(f.Message.Zh), strings.Clone(f.Message.En), strings.Clone(f.Key)
		f.Operands = slices.Clone(f.Operands)
		for k := range f.Operands {
			f.Operands[k].Label, f.Operands[k].LabelEn = strings.Clone(f.Operands[k].Label), strings.Clone(f.Operands[k].LabelEn)
		}
		fs[i] = f
	}
	res.Findings = fs
	return res
}
