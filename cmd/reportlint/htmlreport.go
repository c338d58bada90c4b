package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	"github.com/reportlint/reportlint/check"
	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/internal/bilingual"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
	"github.com/reportlint/reportlint/web"
)

// The HTML collection report (--format html): one self-contained file a
// reviewer opens in a browser or attaches to an email. Each file's part is
// rendered as it is checked, as the other formats' are, and waits in the
// spool: a line of JSON with the few numbers the summary needs (its digest),
// then its section. At the end the digests are read back (small: the
// matrix, the charts and the benchmarks are made of them), the summary is
// written, then each section is copied from the spool; no report is held.

//go:embed htmlreport/report.css
var htmlReportCSS string

//go:embed htmlreport/report.js
var htmlReportJS string

// htmlReport renders the collection report.
type htmlReport struct{}

// newRenderer is format.NewRenderer, and the HTML report for "html".
func newRenderer(outFormat string, ruleSet []*rules.Rule, en, color bool) *format.Renderer {
	if outFormat == "html" {
		return format.NewCustomRenderer(&htmlReport{})
	}
	return format.NewRenderer(outFormat, ruleSet, en, color)
}

// reportDigest is what the summary keeps of a file.
type reportDigest struct {
	ID     string         `json:"id"`
	Body   string         `json:"body,omitempty"`
	Year   int            `json:"year,omitempty"`
	State  string         `json:"state"` // report, unreadable, notreport
	Counts [3]int         `json:"counts"`
	Rules  map[string]int `json:"rules,omitempty"`
	// Tables is the status of 表三 and 表四: read, partial, unchecked or
	// missing; absent for a report of a template without them.
	Tables map[string]string `json:"tables,omitempty"`
	Rates  tableFigures      `json:"figures"`
}

// tableFigures are the numbers of 表三 and 表四 the benchmark rates are made
// of; -1 where a number was not read.
type tableFigures struct {
	Granted       float64 `json:"granted"`        // 表三 （一）予以公开, 总计 column
	Total         float64 `json:"total"`          // 表三 （七）总计
	Forward       float64 `json:"forward"`        // 表三 四、结转下年度继续办理
	RecCorrected  float64 `json:"rec_corrected"`  // 表四 行政复议 结果纠正
	RecDone       float64 `json:"rec_done"`       // 表四 行政复议 已审结 (总计 − 尚未审结)
	SuitCorrected float64 `json:"suit_corrected"` // 表四 行政诉讼 (both blocks) 结果纠正
	SuitDone      float64 `json:"suit_done"`      // 表四 行政诉讼 已审结
}

// anchorOf is the id of a file's section: a short hash of its identity,
// which a finding across reports can name from the other file's path.
func anchorOf(id string) string {
	sum := sha256.Sum256([]byte(id))
	return "r-" + hex.EncodeToString(sum[:6])
}

// Part renders a file: its digest line, then its section.
func (h *htmlReport) Part(res format.FileResult) ([]byte, error) {
	d := digestFor(res)
	var buf bytes.Buffer
	line, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	buf.Write(line)
	buf.WriteByte('\n')
	err = writeSection(&buf, res, d)
	return buf.Bytes(), err
}

func digestFor(res format.FileResult) reportDigest {
	d := reportDigest{ID: res.ID, State: "report", Rates: tableFigures{-1, -1, -1, -1, -1, -1, -1}}
	switch {
	case res.Skipped || errors.Is(res.Err, parse.ErrNotReport):
		// not a report: found in a folder (skipped), or named
		d.State = "notreport"
		return d
	case res.Err != nil || res.Report == nil:
		d.State = "unreadable"
		return d
	}
	r := res.Report
	d.Body, d.Year = r.Issuer, r.Year
	for _, f := range res.Findings {
		d.Counts[f.Severity]++
		if d.Rules == nil {
			d.Rules = map[string]int{}
		}
		d.Rules[f.Rule]++
	}
	if r.Era >= parse.Era2019 {
		d.Tables = map[string]string{}
		for _, kind := range []parse.TableKind{parse.TableApplications, parse.TableReview} {
			d.Tables[kind.String()] = tableStatusOf(r, kind)
		}
	}
	d.Rates = figuresOf(r)
	return d
}

// tableStatusOf is the worst status of the report's tables of a kind, or
// missing.
func tableStatusOf(r *parse.Report, kind parse.TableKind) string {
	ts := r.TablesOf(kind)
	if len(ts) == 0 {
		return "missing"
	}
	worst := parse.TableRead
	for _, t := range ts {
		worst = max(worst, t.Status)
	}
	return worst.String()
}

// figuresOf reads the numbers of the benchmark rates from 表三 and 表四.
func figuresOf(r *parse.Report) tableFigures {
	f := tableFigures{
		Granted: cellValue(r, parse.TableApplications, "apply.result.granted", "total"),
		Total:   cellValue(r, parse.TableApplications, "apply.result.total", "total"),
		Forward: cellValue(r, parse.TableApplications, "apply.forward", "total"),
	}
	f.RecCorrected, f.RecDone = reviewFigures(r, "review.reconsideration")
	f.SuitCorrected, f.SuitDone = -1, -1
	for _, row := range []string{"review.suit_direct", "review.suit_after"} {
		c, done := reviewFigures(r, row)
		if c < 0 || done < 0 {
			f.SuitCorrected, f.SuitDone = -1, -1
			break
		}
		f.SuitCorrected = max(f.SuitCorrected, 0) + c
		f.SuitDone = max(f.SuitDone, 0) + done
	}
	return f
}

// reviewFigures are a block of 表四's 结果纠正 and its cases concluded
// (已审结: 总计 less 尚未审结).
func reviewFigures(r *parse.Report, row string) (corrected, done float64) {
	corrected = cellValue(r, parse.TableReview, row, "corrected")
	total := cellValue(r, parse.TableReview, row, "total")
	pending := cellValue(r, parse.TableReview, row, "pending")
	if corrected < 0 || total < 0 || pending < 0 {
		return -1, -1
	}
	return corrected, total - pending
}

// cellValue is a table cell's number, or -1 when the report has no such
// number in a table that was read at least in part.
func cellValue(r *parse.Report, kind parse.TableKind, row, col string) float64 {
	if c, _, ok := r.NumberCell(kind, row, col); ok {
		return c.Number.Value
	}
	return -1
}

// sectionData is what the report's script shows of a file when it is
// opened: the page's shapes of tables and findings, and the lines the
// findings point to.
type sectionData struct {
	ID       string           `json:"id"`
	Title    string           `json:"title"`
	Issuer   string           `json:"issuer"`
	Year     int              `json:"year"`
	Era      check.Text       `json:"era"`
	Status   check.Text       `json:"status"`
	Error    *check.Text      `json:"error,omitempty"`
	Tables   []check.Table    `json:"tables"`
	Findings []sectionFinding `json:"findings"`
	Lines    [][2]any         `json:"lines"` // [line number, text]
}

type sectionFinding struct {
	check.Finding
	Where   check.Text     `json:"where"`
	Related []sectionPlace `json:"related,omitempty"`
}

// sectionPlace is another report a finding across reports names.
type sectionPlace struct {
	Anchor  string     `json:"anchor"`
	Path    string     `json:"path"`
	Where   check.Text `json:"where"`
	Message check.Text `json:"message"`
}

// contextLines are shown around each line a finding points to.
const contextLines = 1

// maxSpanLines bounds the lines one span brings in: a finding about a
// whole table points to its first lines, not to every one.
const maxSpanLines = 12

func sectionOf(res format.FileResult) sectionData {
	s := sectionData{ID: res.ID, Tables: []check.Table{}, Findings: []sectionFinding{}, Lines: [][2]any{}}
	if res.Err != nil || res.Report == nil {
		zh, en := errTexts(res.Err)
		s.Error = &check.Text{Zh: zh, En: en}
		return s
	}
	r := res.Report
	s.Title, s.Issuer, s.Year = r.Title, r.Issuer, r.Year
	s.Era = check.Text{Zh: r.Era.Zh(), En: r.Era.String()}
	s.Status = check.Text{Zh: format.Status(r, false), En: format.Status(r, true)}
	s.Tables = check.TablesOf(r)
	wanted := map[int]bool{}
	want := func(sp parse.Span) {
		last := min(max(sp.End.Line, sp.Start.Line), sp.Start.Line+maxSpanLines)
		for l := sp.Start.Line - contextLines; l <= last+contextLines; l++ {
			if l >= 1 && l <= len(r.Text.Lines) {
				wanted[l] = true
			}
		}
	}
	for _, f := range res.Findings {
		sf := sectionFinding{Finding: check.FindingOf(f), Where: check.Text{Zh: whereInWords(r, f, false), En: whereInWords(r, f, true)}}
		for _, rel := range f.Related {
			sf.Related = append(sf.Related, sectionPlace{Anchor: anchorOf(rel.Path), Path: rel.Path,
				Where:   check.Text{Zh: placeWords(rel, false), En: placeWords(rel, true)},
				Message: check.Text{Zh: rel.Message.Zh, En: rel.Message.En}})
		}
		s.Findings = append(s.Findings, sf)
		want(f.Span)
		for _, o := range f.Operands {
			want(o.Span)
		}
	}
	lines := make([]int, 0, len(wanted))
	for l := range wanted {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	for _, l := range lines {
		s.Lines = append(s.Lines, [2]any{l, r.Text.Lines[l-1]})
	}
	return s
}

// placeWords says where a related place stands in its file.
func placeWords(l rules.Location, en bool) string {
	if l.Loc.Known() {
		return l.Loc.String(en)
	}
	return parse.Location{Line: l.Span.Start.Line, Col: l.Span.Start.Col}.String(en)
}

func errTexts(err error) (zh, en string) {
	if err == nil {
		return "无法读取", "could not be read"
	}
	return bilingual.Text(err)
}

// writeSection writes a file's section: a closed <details> whose summary
// names the file, holding its data for the script to show when opened.
func writeSection(w *bytes.Buffer, res format.FileResult, d reportDigest) error {
	data, err := json.Marshal(sectionOf(res)) // escapes <, > and &: safe inside <script>
	if err != nil {
		return err
	}
	var rulesFired []string
	for id := range d.Rules {
		rulesFired = append(rulesFired, id)
	}
	slices.Sort(rulesFired)
	fmt.Fprintf(w, `<details class="rep st-%s worst-%s" id="%s" data-rules="%s" data-year="%d">`,
		d.State, worstOf(d), anchorOf(res.ID), html.EscapeString(strings.Join(rulesFired, " ")), d.Year)
	fmt.Fprintf(w, `<summary><span class="badge worst-%s">%s</span> <b>%s</b> %s <span class="path">%s</span></summary>`,
		worstOf(d), countsWords(d), html.EscapeString(orDash(d.Body)), yearWords(d.Year), html.EscapeString(res.ID))
	fmt.Fprintf(w, `<script type="application/json" class="data">%s</script><div class="rbody"></div></details>`+"\n", data)
	return nil
}

// worstOf is a file's colour: its most severe finding, clean, or why it
// was not checked.
func worstOf(d reportDigest) string {
	switch {
	case d.State != "report":
		return d.State
	case d.Counts[rules.Error] > 0:
		return "error"
	case d.Counts[rules.Warning] > 0:
		return "warning"
	case d.Counts[rules.Info] > 0:
		return "info"
	}
	return "clean"
}

func countsWords(d reportDigest) string {
	switch d.State {
	case "notreport":
		return both("不是年度报告", "not a report")
	case "unreadable":
		return both("无法读取", "unreadable")
	}
	return fmt.Sprintf("E%d W%d I%d", d.Counts[rules.Error], d.Counts[rules.Warning], d.Counts[rules.Info])
}

func yearWords(y int) string {
	if y == 0 {
		return ""
	}
	return both(fmt.Sprintf("%d年度", y), fmt.Sprint(y))
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// both writes a text in the two languages; the style shows the one chosen.
func both(zh, en string) string {
	if zh == en {
		return html.EscapeString(zh)
	}
	return `<span class="zh">` + html.EscapeString(zh) + `</span><span class="en" lang="en">` + html.EscapeString(en) + `</span>`
}

// Write puts the report together: the digests read back first, the
// summary made of them, then every section copied from the spool.
func (h *htmlReport) Write(w io.Writer, run format.Run, parts []format.Part, data func(int) ([]byte, error)) error {
	ds := make([]reportDigest, len(parts))
	for i := range parts {
		b, err := data(i)
		if err != nil {
			return err
		}
		line, _, _ := bytes.Cut(b, []byte("\n"))
		if err := json.Unmarshal(line, &ds[i]); err != nil {
			return err
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	script := web.MarksScript() + "\n" + htmlReportJS
	writeHead(bw, run, script)
	sum := summarise(ds, run)
	writeSummary(bw, sum)
	bw.WriteString(`<section id="reports"><h2>` + both("各报告", "Reports") + `</h2>` + "\n")
	writeFilters(bw, sum)
	bw.WriteString(`<div id="replist">` + "\n")
	for i := range parts {
		b, err := data(i)
		if err != nil {
			return err
		}
		_, section, _ := bytes.Cut(b, []byte("\n"))
		bw.Write(section)
	}
	bw.WriteString("</div></section>\n<script>" + script + "</script>\n</body>\n</html>\n")
	return bw.Flush()
}

// writeHead writes the document's head: its policy lets in only the one
// stylesheet and the one script written here (by their hashes) and forbids
// every connection.
func writeHead(w *bufio.Writer, run format.Run, script string) {
	csp := fmt.Sprintf("default-src 'none'; script-src '%s'; style-src '%s'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'",
		hashSource(script), hashSource(htmlReportCSS))
	fmt.Fprintf(w, `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="%s">
<meta name="referrer" content="no-referrer">
<title>政府信息公开工作年度报告检查汇总</title>
<link rel="icon" href="data:,">
<style>%s</style>
</head>
<body>
<header class="top"><div><h1>%s</h1><p class="sub">%s %s</p></div><button id="lang" type="button">English</button></header>
<nav>%s %s %s %s</nav>
`, csp, htmlReportCSS,
		both("政府信息公开工作年度报告检查汇总", "Annual reports on government information disclosure: the check of a collection"),
		html.EscapeString(run.Tool.Name), html.EscapeString(run.Tool.Version),
		navLink("matrix", "机关×年度", "Bodies × years"), navLink("charts", "统计图", "Charts"),
		navLink("bench", "对标", "Benchmarks"), navLink("reports", "各报告", "Reports"))
}

func navLink(id, zh, en string) string {
	return `<a href="#` + id + `">` + both(zh, en) + `</a>`
}

// hashSource is the policy's source for an inline script or style.
func hashSource(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// whereInWords is a finding's place as a person reads it: the page,
// paragraph or cell of a PDF or DOCX, else line:col of the file.
func whereInWords(r *parse.Report, f rules.Finding, en bool) string {
	if p := format.Place(r, f, en); p != "" {
		return p
	}
	return format.Where(r, f)
}
