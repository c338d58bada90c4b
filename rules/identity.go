package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

// ref names a cell of a table by row key and column index. In an identity
// checked for each column, col is -1 for "the column being checked"; in one
// checked for each row, row is "" for "the row being checked".
type ref struct {
	row string
	col int
}

// each says what an identity is repeated over.
type each int

const (
	eachColumn each = iota // once per column of the table
	eachRow                // once per data row of the table
)

// Identity is a sum that must hold between named cells: Left = Right. It is
// data, checked by one engine (checkIdentity), so that a template's
// variants are a change of table, not of code.
type Identity struct {
	Rule    string
	Table   parse.TableKind
	Variant parse.Era // the table variant it applies to; EraUnknown: any
	Each    each
	Left    []ref
	Right   []ref
	// Fix is the cell whose value the message proposes to change.
	Fix ref
	// SumZh/SumEn summarise a side with many terms.
	SumZh, SumEn string
	// Columns, when set, are the column keys the table must have, in order,
	// for the identity to apply (上年累计/本年度/累计).
	Columns []string
	// Rows, when set, selects the rows an identity repeated per row is
	// checked on (flows, not stocks).
	Rows func(*parse.Row) bool
	// Soften lowers the finding to a warning: the form is filled loosely.
	Soften bool
}

// term is a resolved ref: cell points into row.Cells.
type term struct {
	row  *parse.Row
	col  int
	cell *parse.Cell
}

// checkIdentities runs every identity of a rule over the report's tables.
func checkIdentities(p *Pass, ids []Identity) {
	for _, t := range p.Report.Tables {
		for _, id := range ids {
			if id.Table != t.Kind || (id.Variant != parse.EraUnknown && id.Variant != t.Variant) {
				continue
			}
			checkTableIdentity(p, t, id)
		}
	}
}

// checkTableIdentity checks one identity on one table, repeated over its
// columns or rows.
func checkTableIdentity(p *Pass, t *parse.Table, id Identity) {
	if t.Status == parse.TableUnchecked || !hasColumns(t, id.Columns) {
		return
	}
	switch id.Each {
	case eachColumn:
		for c := range t.Columns {
			checkIdentity(p, t, id, c, nil)
		}
	case eachRow:
		for _, row := range t.Rows {
			if !row.Group && (id.Rows == nil || id.Rows(row)) {
				checkIdentity(p, t, id, -1, row)
			}
		}
	}
}

func hasColumns(t *parse.Table, keys []string) bool {
	if keys == nil {
		return true
	}
	if len(keys) != len(t.Columns) {
		return false
	}
	for i, k := range keys {
		if t.Columns[i].Key != k {
			return false
		}
	}
	return true
}

func resolve(t *parse.Table, r ref, col int, row *parse.Row) (term, bool) {
	if r.col < 0 {
		r.col = col
	}
	target := row
	if r.row != "" {
		target = t.Row(r.row)
	}
	if target == nil || r.col >= len(target.Cells) {
		return term{}, false
	}
	c := &target.Cells[r.col]
	// Only whole numbers are summed: a blank, dash or text cell is reported by
	// its own rule, and every identity that uses it is skipped.
	if !c.IsNumber() || !c.Number.IsInt || c.Number.Value < 0 {
		return term{}, false
	}
	return term{row: target, col: r.col, cell: c}, true
}

// sumRefs is the sum of the refs' cells, false when one cannot be
// resolved: resolveAll and sum without making the terms, for the
// identities that hold (nearly all of them).
func sumRefs(t *parse.Table, refs []ref, col int, row *parse.Row) (float64, bool) {
	var s float64
	for _, r := range refs {
		tm, ok := resolve(t, r, col, row)
		if !ok {
			return 0, false
		}
		s += tm.cell.Number.Value
	}
	return s, true
}

func resolveAll(t *parse.Table, refs []ref, col int, row *parse.Row) ([]term, bool) {
	out := make([]term, 0, len(refs))
	for _, r := range refs {
		tm, ok := resolve(t, r, col, row)
		if !ok {
			// a row the copy does not have (e.g. 2021 sub-rows absent) is
			// fatal only when it is the fix target; missing leaves mean the
			// sum cannot be checked.
			return nil, false
		}
		out = append(out, tm)
	}
	return out, true
}

func checkIdentity(p *Pass, t *parse.Table, id Identity, col int, row *parse.Row) {
	l, ok := sumRefs(t, id.Left, col, row)
	if !ok {
		return
	}
	r, ok := sumRefs(t, id.Right, col, row)
	if !ok {
		return
	}
	fix, ok := resolve(t, id.Fix, col, row)
	if !ok || l == r {
		return
	}
	// the sums differ: the terms, for the message
	left, _ := resolveAll(t, id.Left, col, row)
	right, _ := resolveAll(t, id.Right, col, row)
	expected := fix.cell.Number.Value
	if onSide(id.Fix, id.Left) {
		expected += r - l
	} else {
		expected += l - r
	}
	inferred := anyInferred(left) || anyInferred(right)
	f := Finding{
		Span:        fix.cell.Span,
		Operands:    append(operands(t, left, id.Each), operands(t, right, id.Each)...),
		Expected:    expected,
		HasExpected: expected >= 0,
		Table:       t.Kind.String(),
		Row:         fix.row.Key,
		Column:      t.Columns[fix.col].Key,
		Soften:      inferred || id.Soften,
	}
	f.Message = identityMessage(t, id, col, row, left, right, fix, expected, inferred)
	p.Add(f)
}

func onSide(r ref, side []ref) bool {
	for _, x := range side {
		if x == r {
			return true
		}
	}
	return false
}

func sum(ts []term) float64 {
	var s float64
	for _, t := range ts {
		s += t.cell.Number.Value
	}
	return s
}

func anyInferred(ts []term) bool {
	for _, t := range ts {
		if t.cell.Inferred {
			return true
		}
	}
	return false
}

// termLabel names a term: by its row in an identity repeated per column, by
// its column in one repeated per row.
func termLabel(t *parse.Table, tm term, e each) (string, string) {
	if e == eachColumn {
		return tm.row.Short, tm.row.En
	}
	return t.Columns[tm.col].Label, t.Columns[tm.col].En
}

func operands(t *parse.Table, ts []term, e each) []Operand {
	out := make([]Operand, 0, len(ts))
	for _, tm := range ts {
		zh, en := termLabel(t, tm, e)
		out = append(out, Operand{Label: zh, LabelEn: en, Value: tm.cell.Number.Value, Span: tm.cell.Span})
	}
	return out
}

// side prints one side of an identity: "本年新收 11 + 上年结转 0 = 11", or,
// for a long side, its summary and the terms that are not zero.
func side(t *parse.Table, ts []term, e each, summary string, en bool) string {
	var parts []string
	long := len(ts) > 4
	for _, tm := range ts {
		if long && tm.cell.Number.Value == 0 {
			continue
		}
		zh, eng := termLabel(t, tm, e)
		if en {
			zh = eng
		}
		parts = append(parts, fmt.Sprintf("%s %s", zh, num(tm.cell.Number.Value)))
	}
	total := num(sum(ts))
	if len(parts) == 1 && len(ts) == 1 {
		return parts[0]
	}
	if !long {
		return fmt.Sprintf("%s = %s", strings.Join(parts, " + "), total)
	}
	if len(parts) == 0 {
		if en {
			return fmt.Sprintf("%s = 0 (every term is 0)", summary)
		}
		return fmt.Sprintf("%s = 0（各项均为 0）", summary)
	}
	if en {
		return fmt.Sprintf("%s = %s (non-zero: %s)", summary, total, strings.Join(parts, ", "))
	}
	return fmt.Sprintf("%s = %s（非零项：%s）", summary, total, strings.Join(parts, "，"))
}

func identityMessage(t *parse.Table, id Identity, col int, row *parse.Row, left, right []term, fix term, expected float64, inferred bool) Text {
	var scopeZh, scopeEn string
	if id.Each == eachColumn {
		scopeZh = fmt.Sprintf("%s「%s」列", t.Kind.Named(false), t.Columns[col].Label)
		scopeEn = fmt.Sprintf("%s, column %q", t.Kind.Named(true), t.Columns[col].En)
	} else {
		scopeZh = fmt.Sprintf("%s「%s」行", t.Kind.Named(false), row.Short)
		scopeEn = fmt.Sprintf("%s, row %q", t.Kind.Named(true), row.En)
	}
	fixZh, fixEn := termLabel(t, fix, id.Each)
	zh := fmt.Sprintf("%s：%s，但 %s", scopeZh, side(t, left, id.Each, id.SumZh, false), side(t, right, id.Each, id.SumZh, false))
	en := fmt.Sprintf("%s: %s, but %s", scopeEn, side(t, left, id.Each, id.SumEn, true), side(t, right, id.Each, id.SumEn, true))
	if expected >= 0 {
		zh += fmt.Sprintf("；若其余数字无误，「%s」应为 %s", fixZh, num(expected))
		en += fmt.Sprintf("; if the other numbers are right, %q should be %s", fixEn, num(expected))
	}
	if inferred {
		noteZh, noteEn := inferenceNote(t)
		zh += "（" + noteZh + "）"
		en += " (" + noteEn + ")"
	}
	return Text{Zh: zh, En: en}
}

// num prints a number as filers write it: integers without a decimal point.
func num(v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprintf("%d", int64(v))
	}
	return fmt.Sprintf("%g", v)
}
