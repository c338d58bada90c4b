// Package recall measures how many single-number changes to a report's
// tables reportlint notices. It changes one number at a time in every
// number cell of 表三, 表四 and the pre-2019 statistics tables of a real
// report (the last digit up by one, or down from 9), checks the changed
// report, and counts the changes after which a warning or error appears
// that the unchanged report did not have. The changes are reproducible:
// every cell, in order, the same change.
package recall

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/check"
	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// Table is what the changes to one table of one report gave.
type Table struct {
	File  string
	Kind  parse.TableKind
	Shape string
	// Status is the table's status in the unchanged report.
	Status parse.TableStatus
	// Cells is how many cells were changed, Noticed after how many a new
	// warning or error appeared; Missed names a few changes that went
	// unseen, for a reader looking for what is left.
	Cells, Noticed int
	Missed         []string
}

// target is one number cell to change.
type target struct {
	table *parse.Table
	row   *parse.Row
	cell  parse.Cell
}

// File changes every table number of one report in turn. PDFs, DOCX files
// and texts not in UTF-8 are changed in their decoded text (checked as a
// plain text, the unchanged one too, so that both read the same way);
// plain text, markdown and HTML files in their own bytes.
func File(ctx context.Context, name string, data []byte, opt decode.Options) ([]Table, error) {
	rep, err := check.Parse(ctx, name, data, opt)
	if err != nil {
		return nil, err
	}
	txt := rep.Text.Text
	if !editable(txt) {
		name = name + ".decoded.txt"
		data = []byte(strings.Join(txt.Lines, "\n") + "\n")
		if rep, err = check.Parse(ctx, name, data, opt); err != nil {
			return nil, err
		}
		txt = rep.Text.Text
	}
	base := problems(rep)
	lines := strings.SplitAfter(string(data), "\n")
	var out []Table
	for _, t := range rep.Tables {
		if t.Kind != parse.TableApplications && t.Kind != parse.TableReview && t.Kind != parse.TableStatistics {
			continue
		}
		res := Table{File: name, Kind: t.Kind, Shape: shapeOf(txt, t), Status: t.Status}
		for _, tg := range targets(t) {
			changed, ok := change(lines, txt, tg.cell)
			if !ok {
				continue
			}
			res.Cells++
			if noticed(ctx, name, changed, opt, base) {
				res.Noticed++
			} else if len(res.Missed) < 5 {
				res.Missed = append(res.Missed, fmt.Sprintf("%s %s %d:%d", tg.row.Short, tg.cell.Raw, tg.cell.Span.Start.Line, tg.cell.Span.Start.Col))
			}
		}
		// a table whose numbers the reader did not find at all still
		// holds them: changes it cannot see. (Where some were found, the
		// others may be blank cells, which hold no number to change.)
		if res.Cells == 0 && nominalCells(t) > 0 {
			res.Cells = nominalCells(t)
			res.Missed = append(res.Missed, fmt.Sprintf("%d cells not found", res.Cells))
		}
		out = append(out, res)
	}
	return out, nil
}

// nominalCells is how many cells a table of its kind holds: 15 in
// 表四, seven a data row in 表三; a statistics table's are not fixed, and
// only those found count.
func nominalCells(t *parse.Table) int {
	switch t.Kind {
	case parse.TableReview:
		return 15
	case parse.TableApplications:
		n := 0
		for _, row := range t.Rows {
			if !row.Group {
				n += len(t.Columns)
			}
		}
		return n
	}
	return 0
}

// editable reports a text whose decoded lines are the file's own lines or
// can be found in them by line and column: UTF-8 plain text, markdown and
// HTML.
func editable(txt *source.Text) bool {
	enc := strings.ToLower(txt.Encoding)
	return (txt.Format == source.FormatText || txt.Format == source.FormatHTML) && (enc == "" || enc == "utf-8")
}

// targets are a table's number cells: each cell placed in a column, and
// the numbers read but not placed (rows whose columns are unknown, the
// applicant numbers of a copy that lost its blank cells): a change there
// is one a reviewer would want seen too.
func targets(t *parse.Table) []target {
	var out []target
	seen := map[parse.Pos]bool{}
	add := func(row *parse.Row, c parse.Cell) {
		if c.Kind != parse.CellNumber || seen[c.Span.Start] || c.Span.End.Col <= c.Span.Start.Col {
			return
		}
		seen[c.Span.Start] = true
		out = append(out, target{t, row, c})
	}
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			add(row, c)
		}
		for _, c := range row.Read {
			if !splitInto(c, row.Cells) {
				add(row, c)
			}
		}
	}
	return out
}

// splitInto reports a read cell whose digits were split into placed cells.
func splitInto(read parse.Cell, cells []parse.Cell) bool {
	for _, c := range cells {
		s := c.Span.Start
		if c.Kind != parse.CellMissing && s.Line == read.Span.Start.Line && s.Col >= read.Span.Start.Col && s.Col < read.Span.End.Col && c.Span != read.Span {
			return true
		}
	}
	return false
}

// change returns the file with the cell's last digit changed, found where
// the text locates the cell; false when the file does not hold the cell's
// text there.
func change(lines []string, txt *source.Text, c parse.Cell) (string, bool) {
	width := c.Span.End.Col - c.Span.Start.Col
	loc := txt.Locate(c.Span.Start)
	if loc.Line < 1 || loc.Line > len(lines) || loc.Col < 1 {
		return "", false
	}
	rs := []rune(lines[loc.Line-1])
	a := loc.Col - 1
	if a+width > len(rs) {
		return "", false
	}
	k := a + width - 1
	d := rs[k]
	switch {
	case d >= '0' && d < '9', d >= '０' && d < '９':
		rs[k] = d + 1
	case d == '9' || d == '９':
		rs[k] = d - 1
	default:
		return "", false
	}
	var b strings.Builder
	for i, l := range lines {
		if i == loc.Line-1 {
			b.WriteString(string(rs))
		} else {
			b.WriteString(l)
		}
	}
	return b.String(), true
}

// problems are a report's warnings and errors, as rule and message.
func problems(rep *parse.Report) map[string]bool {
	set := map[string]bool{}
	for _, f := range rules.Check(rep, rules.All()) {
		if f.Severity >= rules.Warning {
			set[f.Rule+"|"+f.Message.Zh] = true
		}
	}
	return set
}

// noticed reports a changed report with a warning or error the unchanged
// one did not have.
func noticed(ctx context.Context, name, data string, opt decode.Options, base map[string]bool) bool {
	rep, err := check.Parse(ctx, name, []byte(data), opt)
	if err != nil {
		return false
	}
	for k := range problems(rep) {
		if !base[k] {
			return true
		}
	}
	return false
}

// shapeOf names how a table was printed: the file's format and how its
// cells came: run together, with blank cells lost, or one a cell.
func shapeOf(txt *source.Text, t *parse.Table) string {
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(txt.Name)), ".")
	if strings.HasSuffix(txt.Name, ".decoded.txt") {
		format = "decoded-" + strings.TrimPrefix(filepath.Ext(strings.TrimSuffix(txt.Name, ".decoded.txt")), ".")
	}
	layout := "one cell each"
	for _, row := range t.Rows {
		glued := false
		for _, c := range row.Read {
			glued = glued || c.Glued()
		}
		switch {
		case glued:
			return format + ", run together"
		case !row.Group && len(row.Read) > 0 && len(row.Read) < len(t.Columns):
			layout = "cells lost"
		}
	}
	return format + ", " + layout
}

// Summary adds up results by table kind and shape, for printing.
func Summary(res []Table) string {
	type key struct {
		kind  parse.TableKind
		shape string
	}
	sums := map[key]*Table{}
	kinds := map[parse.TableKind]*Table{}
	for _, r := range res {
		k := key{r.Kind, r.Shape}
		if sums[k] == nil {
			sums[k] = &Table{Kind: r.Kind, Shape: r.Shape}
		}
		if kinds[r.Kind] == nil {
			kinds[r.Kind] = &Table{Kind: r.Kind}
		}
		for _, s := range []*Table{sums[k], kinds[r.Kind]} {
			s.Cells += r.Cells
			s.Noticed += r.Noticed
		}
	}
	keys := make([]key, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].kind != keys[j].kind {
			return keys[i].kind < keys[j].kind
		}
		return keys[i].shape < keys[j].shape
	})
	var b strings.Builder
	fmt.Fprintf(&b, "%-14s %-34s %7s %8s %7s\n", "table", "shape", "changes", "noticed", "recall")
	for _, k := range keys {
		s := sums[k]
		fmt.Fprintf(&b, "%-14s %-34s %7d %8d %6.1f%%\n", k.kind, k.shape, s.Cells, s.Noticed, Percent(s.Noticed, s.Cells))
	}
	for _, kind := range []parse.TableKind{parse.TableApplications, parse.TableReview, parse.TableStatistics} {
		if s := kinds[kind]; s != nil {
			fmt.Fprintf(&b, "%-14s %-34s %7d %8d %6.1f%%\n", kind, "(all)", s.Cells, s.Noticed, Percent(s.Noticed, s.Cells))
		}
	}
	return b.String()
}

// Percent is n of total in percent, 0 for no total.
func Percent(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return 100 * float64(n) / float64(total)
}
