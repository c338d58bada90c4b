package format

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// JSONSchemaVersion is the version of the JSON output's schema
// (docs/report-schema.json). It changes when a field changes meaning or
// goes away; new fields do not change it.
const JSONSchemaVersion = 1

type jsonText struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

type jsonPair struct {
	Body     string `json:"body"`
	Previous string `json:"previous"`
	Current  string `json:"current"`
}

type jsonRelated struct {
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Column  int      `json:"column"`
	Message jsonText `json:"message"`
}

type jsonTool struct {
	Name    string   `json:"name"`
	Version string   `json:"version"`
	Rules   []string `json:"rules"`
}

type jsonFile struct {
	File       string        `json:"file"`
	Error      *string       `json:"error"`
	Skipped    bool          `json:"skipped,omitempty"`
	Status     *jsonStatus   `json:"status"`
	Counts     jsonCounts    `json:"counts"`
	Suppressed int           `json:"suppressed"`
	Findings   []jsonFinding `json:"findings"`
}

type jsonCounts struct {
	Error   int `json:"error"`
	Warning int `json:"warning"`
	Info    int `json:"info"`
}

type jsonStatus struct {
	Title         string      `json:"title"`
	IssuingBody   string      `json:"issuing_body"`
	Year          *int        `json:"year"`
	Era           string      `json:"era"`
	Tables        []jsonTable `json:"tables"`
	MissingTables []string    `json:"missing_tables"`
	Line          jsonText    `json:"line"`
}

type jsonTable struct {
	Kind     string    `json:"kind"`
	Title    string    `json:"title"`
	Template string    `json:"template"`
	Line     int       `json:"line"`
	Status   string    `json:"status"`
	Reason   *jsonText `json:"reason"`
	// RowsNotRead lists, in a partly checked table, the rows with cells
	// whose column is not certain.
	RowsNotRead []jsonRow `json:"rows_not_read"`
}

type jsonRow struct {
	Row   string `json:"row"`
	Label string `json:"label"`
	Line  int    `json:"line"`
}

type jsonFinding struct {
	Rule        string        `json:"rule"`
	Severity    string        `json:"severity"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	EndLine     int           `json:"end_line"`
	EndColumn   int           `json:"end_column"`
	Page        int           `json:"page,omitempty"`
	Paragraph   int           `json:"paragraph,omitempty"`
	TableCell   *jsonCell     `json:"table_cell,omitempty"`
	Message     jsonText      `json:"message"`
	Operands    []jsonOperand `json:"operands"`
	Expected    *float64      `json:"expected"`
	About       *jsonAbout    `json:"about"`
	Fingerprint string        `json:"fingerprint"`
	// Related are the other places a finding across reports is about.
	Related []jsonRelated `json:"related,omitempty"`
}

// jsonCell is a DOCX table cell, counted from 1.
type jsonCell struct {
	Table int `json:"table"`
	Row   int `json:"row"`
	Cell  int `json:"cell"`
}

type jsonOperand struct {
	Label  jsonText `json:"label"`
	Value  float64  `json:"value"`
	Line   int      `json:"line,omitempty"`
	Column int      `json:"column,omitempty"`
}

type jsonAbout struct {
	Table  string `json:"table"`
	Row    string `json:"row,omitempty"`
	Column string `json:"column,omitempty"`
}

type jsonSummary struct {
	Given      int `json:"given"`
	Files      int `json:"files"`
	Unreadable int `json:"unreadable"`
	NotReports int `json:"not_reports"`
	Error      int `json:"error"`
	Warning    int `json:"warning"`
	Info       int `json:"info"`
	Suppressed int `json:"suppressed"`
}

type jsonBaseline struct {
	File       string      `json:"file"`
	Suppressed int         `json:"suppressed"`
	Stale      []jsonStale `json:"stale"`
}

type jsonStale struct {
	File        string `json:"file"`
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Message     string `json:"message"`
	Reason      string `json:"reason"`
}

// JSON writes the run as one JSON document in the schema of
// docs/report-schema.json: every file with its parse status (what was
// recognised, which tables were checked and why others were not) and its
// findings in both languages, then a summary. Both languages are always
// present; --lang does not change the document. The files are written one
// by one, as the whole document indented would print them, so that the
// document is never held whole (it runs to 5 KB a file). Its fields, in
// order: schema_version, tool, files, summary, baseline (when one was
// given), pairs (the reports of one body for consecutive years that were
// checked against each other).
func JSON(w io.Writer, run Run) error { return writeWhole(w, "json", run) }

// writeJSONParts writes the document from the files' parts: their entries
// as rendered, the summary summed from their counts.
func writeJSONParts(w io.Writer, run Run, parts []Part, data func(int) ([]byte, error)) error {
	tool := jsonTool{Name: run.Tool.Name, Version: run.Tool.Version, Rules: []string{}}
	for _, r := range run.Rules {
		tool.Rules = append(tool.Rules, r.ID)
	}
	pairs := []jsonPair{}
	for _, p := range run.Pairs {
		pairs = append(pairs, jsonPair{Body: p.Body, Previous: p.Previous, Current: p.Current})
	}
	jw := &jsonWriter{w: w}
	jw.raw("{\n  \"schema_version\": ")
	jw.value(JSONSchemaVersion, "  ")
	jw.raw(",\n  \"tool\": ")
	jw.value(tool, "  ")
	jw.raw(",\n  \"files\": [")
	var summary jsonSummary
	for i, part := range parts {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n    ")
		if jw.err == nil {
			jw.err = copyPart(w, data, i)
		}
		summary.add(part)
	}
	if len(parts) > 0 {
		jw.raw("\n  ")
	}
	jw.raw("],\n  \"summary\": ")
	jw.value(summary, "  ")
	if b := run.Baseline; b != nil {
		jb := &jsonBaseline{File: b.Path, Suppressed: b.Suppressed, Stale: []jsonStale{}}
		for _, s := range b.Stale {
			jb.Stale = append(jb.Stale, jsonStale(s))
		}
		jw.raw(",\n  \"baseline\": ")
		jw.value(jb, "  ")
	}
	jw.raw(",\n  \"pairs\": ")
	jw.value(pairs, "  ")
	jw.raw("\n}\n")
	return jw.err
}

// add counts a file's part in the summary, as jsonFileOf does.
func (s *jsonSummary) add(p Part) {
	s.Suppressed += p.Suppressed
	s.Given++
	switch {
	case p.Err != nil:
		// unreadable counts every file not checked, as it always did;
		// not_reports the part of them skipped as not reports
		s.Unreadable++
		if p.Skipped {
			s.NotReports++
		}
		return
	}
	s.Files++
	s.Error += p.Counts[rules.Error]
	s.Warning += p.Counts[rules.Warning]
	s.Info += p.Counts[rules.Info]
}

// jsonFileOf is a file's entry of the document; it adds the file to the
// summary.
func jsonFileOf(res FileResult, summary *jsonSummary, ruleSet []*rules.Rule) jsonFile {
	f := jsonFile{File: res.Path, Findings: []jsonFinding{}, Suppressed: res.Suppressed}
	c := counts(res.Findings)
	summary.add(Part{Err: res.Err, Skipped: res.Skipped, Counts: c, Suppressed: res.Suppressed})
	if res.Err != nil {
		msg := res.Err.Error()
		f.Error, f.Skipped = &msg, res.Skipped
		return f
	}
	f.Status = jsonStatusOf(res.Report, ruleSet)
	f.Counts = jsonCounts{Error: c[rules.Error], Warning: c[rules.Warning], Info: c[rules.Info]}
	for i, fd := range res.Findings {
		f.Findings = append(f.Findings, jsonFindingOf(res.Report, fd, fingerprint(res, i)))
	}
	return f
}

// jsonWriter writes a document a part at a time, keeping the first error.
type jsonWriter struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = io.WriteString(j.w, s)
	}
}

// value writes v as writeJSON would inside a document, its lines after
// the first indented by prefix: as the whole document indented prints it.
func (j *jsonWriter) value(v any, prefix string) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if j.err = enc.Encode(v); j.err == nil {
		_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
	}
}

// writeJSON writes v indented, without escaping <, > and &, ending in a
// newline.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func fingerprint(res FileResult, i int) string {
	if i < len(res.Fingerprints) {
		return res.Fingerprints[i]
	}
	return ""
}

func jsonStatusOf(r *parse.Report, ruleSet []*rules.Rule) *jsonStatus {
	s := &jsonStatus{
		Title:         r.Title,
		IssuingBody:   IssuingBody(r),
		Era:           r.Era.String(),
		Tables:        []jsonTable{},
		MissingTables: []string{},
		Line:          jsonText{Zh: StatusAfter(r, ruleSet, false), En: StatusAfter(r, ruleSet, true)},
	}
	if r.Year > 0 {
		y := r.Year
		s.Year = &y
	}
	for _, t := range r.Tables {
		jt := jsonTable{Kind: t.Kind.String(), Title: t.Title, Template: t.Variant.String(), Line: t.Span.Start.Line, Status: t.Status.String()}
		if reason := rules.TableReason(t); reason.Zh != "" || reason.En != "" {
			jt.Reason = &jsonText{Zh: reason.Zh, En: reason.En}
		}
		jt.RowsNotRead = []jsonRow{}
		if t.Status == parse.TablePartial {
			for _, row := range t.Rows {
				if !row.Group && notRead(row) {
					jt.RowsNotRead = append(jt.RowsNotRead, jsonRow{Row: row.Key, Label: row.Label, Line: row.Span.Start.Line})
				}
			}
		}
		s.Tables = append(s.Tables, jt)
	}
	for _, st := range tableStates(r, ruleSet) {
		if st.Missing {
			s.MissingTables = append(s.MissingTables, st.Kind.String())
		}
	}
	return s
}

func jsonFindingOf(r *parse.Report, f rules.Finding, fp string) jsonFinding {
	start, end := findingStart(r, f), findingEnd(r, f)
	jf := jsonFinding{
		Rule:        f.Rule,
		Severity:    f.Severity.String(),
		Line:        start.Line,
		Column:      start.Col,
		EndLine:     end.Line,
		EndColumn:   end.Col,
		Message:     jsonText{Zh: f.Message.Zh, En: f.Message.En},
		Operands:    []jsonOperand{},
		Fingerprint: fp,
	}
	// where the line and column of the extracted text stand in a PDF or DOCX
	switch loc := locate(r, f.Span.Start, f.Loc); {
	case loc.Page > 0:
		jf.Page = loc.Page
	case loc.Table > 0:
		jf.TableCell = &jsonCell{Table: loc.Table, Row: loc.Row, Cell: loc.Cell}
	case loc.Para > 0:
		jf.Paragraph = loc.Para
	}
	for _, o := range f.Operands {
		jf.Operands = append(jf.Operands, jsonOperand{
			Label: jsonText{Zh: o.Label, En: o.LabelEn}, Value: o.Value,
			Line: operandAt(r, o).Line, Column: operandAt(r, o).Col,
		})
	}
	if f.HasExpected {
		e := f.Expected
		jf.Expected = &e
	}
	if f.Table != "" {
		jf.About = &jsonAbout{Table: f.Table, Row: f.Row, Column: f.Column}
	}
	for _, r := range f.Related {
		at := lineCol(r.Span.Start, r.Loc)
		jf.Related = append(jf.Related, jsonRelated{File: r.Path, Line: at.Line, Column: at.Col,
			Message: jsonText{Zh: r.Message.Zh, En: r.Message.En}})
	}
	return jf
}

// notRead reports a row with a cell whose column is not certain.
func notRead(row *parse.Row) bool {
	if row.InferredColumns {
		return true
	}
	for _, c := range row.Cells {
		if c.Kind == parse.CellMissing {
			return true
		}
	}
	return false
}

// spanEnd is the position just after a span, or just after its first
// character when the span has no end.
func spanEnd(s parse.Span) parse.Pos {
	if s.End.Line < s.Start.Line || s.End.Line == s.Start.Line && s.End.Col <= s.Start.Col {
		return parse.Pos{Line: s.Start.Line, Col: s.Start.Col + 1}
	}
	return s.End
}
