// Package check runs the whole pipeline on one file's bytes — decode, parse,
// rules — and gives the result as one JSON-ready value: the findings, what
// was and was not checked, and the text the positions refer to. The web page
// (through the WebAssembly build in cmd/reportlint-wasm) and any tool that
// wants the same answer in one call use it.
package check

import (
	"context"
	"encoding/json"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// Text is a message in Chinese and English.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

// Pos is a 1-based line and a column counted in characters.
type Pos struct {
	Line int `json:"line"`
	Col  int `json:"col"`
}

// Span is a range; End is just after the last character.
type Span struct {
	Start Pos `json:"start"`
	End   Pos `json:"end"`
}

// Operand is one number a finding is about.
type Operand struct {
	Label   string  `json:"label"`
	LabelEn string  `json:"labelEn"`
	Value   float64 `json:"value"`
	Span    Span    `json:"span"`
}

// Finding is one rules.Finding.
type Finding struct {
	Rule       string    `json:"rule"`
	RuleName   string    `json:"ruleName"`
	Severity   string    `json:"severity"` // error, warning, info
	SeverityZh string    `json:"severityZh"`
	Span       Span      `json:"span"`
	Message    Text      `json:"message"`
	Operands   []Operand `json:"operands,omitempty"`
	// Expected is the value that would make the identity hold, absent when
	// no single value does.
	Expected *float64 `json:"expected,omitempty"`
	Table    string   `json:"table,omitempty"`
	Row      string   `json:"row,omitempty"`
	Column   string   `json:"column,omitempty"`
}

// Table says how far one table of the report could be checked.
type Table struct {
	Kind string `json:"kind"` // items, applications, review, statistics, unknown
	Name Text   `json:"name"` // 表二 …
	// Status is read, partial, unchecked, or missing for a table the
	// template requires and the report does not have.
	Status   string `json:"status"`
	StatusZh string `json:"statusZh"`
	Reason   Text   `json:"reason"`
	Line     int    `json:"line,omitempty"`
}

// Counts are the findings at each severity.
type Counts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

// Result is what checking one file gave. When the file cannot be read or is
// not an annual report, Error is set and the rest is empty.
type Result struct {
	Name     string    `json:"name"`
	Error    *Text     `json:"error,omitempty"`
	Encoding string    `json:"encoding,omitempty"`
	Year     int       `json:"year,omitempty"`
	Era      Text      `json:"era"`
	Status   Text      `json:"status"` // format.Status, in both languages
	Tables   []Table   `json:"tables"`
	Counts   Counts    `json:"counts"`
	Findings []Finding `json:"findings"`
	// Lines are the lines of the decoded text, the text that the findings'
	// positions refer to.
	Lines []string `json:"lines"`
}

// Parse decodes a file's bytes and builds its report: the first two steps
// of the pipeline, with the parser's marks set for the decoder.
func Parse(ctx context.Context, name string, data []byte, opt decode.Options) (*parse.Report, error) {
	opt.Marks = parse.Marks
	txt, err := decode.Bytes(ctx, name, data, opt)
	if err != nil {
		return nil, err
	}
	return parse.Parse(txt)
}

// Bytes checks one file's bytes with every rule.
func Bytes(name string, data []byte) *Result {
	res := &Result{Name: name, Tables: []Table{}, Findings: []Finding{}, Lines: []string{}}
	rep, err := Parse(context.Background(), name, data, decode.Options{})
	if err != nil {
		res.Error = errorText(err)
		return res
	}
	fill(res, rep, rules.Check(rep, rules.All()))
	return res
}

// JSON is Bytes as JSON.
func JSON(name string, data []byte) []byte {
	b, err := json.Marshal(Bytes(name, data))
	if err != nil { // cannot happen: the types above always marshal
		b, _ = json.Marshal(&Result{Name: name, Error: &Text{Zh: "内部错误：" + err.Error(), En: "internal error: " + err.Error()}})
	}
	return b
}

func fill(res *Result, rep *parse.Report, fs []rules.Finding) {
	res.Encoding = rep.Text.Encoding
	res.Lines = rep.Text.Lines
	res.Year = rep.Year
	res.Era = Text{Zh: rep.Era.Zh(), En: rep.Era.String()}
	res.Status = Text{Zh: format.Status(rep, false), En: format.Status(rep, true)}
	res.Tables = tables(rep)
	for _, f := range fs {
		switch f.Severity {
		case rules.Error:
			res.Counts.Error++
		case rules.Warning:
			res.Counts.Warning++
		default:
			res.Counts.Info++
		}
		res.Findings = append(res.Findings, finding(f))
	}
}

func finding(f rules.Finding) Finding {
	out := Finding{
		Rule:       f.Rule,
		Severity:   f.Severity.String(),
		SeverityZh: f.Severity.Zh(),
		Span:       span(f.Span),
		Message:    Text{Zh: f.Message.Zh, En: f.Message.En},
		Table:      f.Table,
		Row:        f.Row,
		Column:     f.Column,
	}
	if r := rules.Lookup(f.Rule); r != nil {
		out.RuleName = r.Name
	}
	for _, o := range f.Operands {
		out.Operands = append(out.Operands, Operand{Label: o.Label, LabelEn: o.LabelEn, Value: o.Value, Span: span(o.Span)})
	}
	if f.HasExpected {
		e := f.Expected
		out.Expected = &e
	}
	return out
}

func span(s parse.Span) Span {
	return Span{Start: Pos{s.Start.Line, s.Start.Col}, End: Pos{s.End.Line, s.End.Col}}
}

// tables lists the tables read, in the order of the report, and then the
// tables a 2019 or later template requires that were not found.
// reasonOf is rules.TableReason as this package's Text.
func reasonOf(t *parse.Table) Text {
	r := rules.TableReason(t)
	return Text{Zh: r.Zh, En: r.En}
}

func tables(rep *parse.Report) []Table {
	out := []Table{}
	for _, t := range rep.Tables {
		out = append(out, Table{
			Kind:     t.Kind.String(),
			Name:     Text{Zh: t.Kind.Full(false), En: t.Kind.Full(true)},
			Status:   t.Status.String(),
			StatusZh: statusZh[t.Status],
			Reason:   reasonOf(t),
			Line:     t.Span.Start.Line,
		})
	}
	for _, k := range rep.MissingTables() {
		out = append(out, Table{
			Kind:     k.String(),
			Name:     Text{Zh: k.Full(false), En: k.Full(true)},
			Status:   "missing",
			StatusZh: "未找到",
			Reason:   Text{Zh: "报告中未找到此表，未核对", En: "the report has no such table; not checked"},
		})
	}
	return out
}

var statusZh = map[parse.TableStatus]string{
	parse.TableRead:      "已核对",
	parse.TablePartial:   "部分核对",
	parse.TableUnchecked: "未核对",
}

// errorText gives the reason a file could not be checked in both
// languages: the decoder's and the parser's errors carry both.
func errorText(err error) *Text {
	zh, en := bilingual.Text(err)
	return &Text{Zh: zh, En: en}
}

// FindingOf is a finding as the page reads it; the collection report of
// `reportlint --format html` gives its findings to the page's marking in
// the same shape.
func FindingOf(f rules.Finding) Finding { return finding(f) }

// TablesOf lists a report's tables as the page shows them (the collection
// report shows them alike).
func TablesOf(rep *parse.Report) []Table { return tables(rep) }
