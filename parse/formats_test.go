package parse

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode/source"
)

func decodeFile(t *testing.T, path string) *Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := parseBytes(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// wantRows checks rows of a table by canonical key.
func wantRows(t *testing.T, tb *Table, rows map[string][]string) {
	t.Helper()
	for key, want := range rows {
		row := tb.Row(key)
		if row == nil {
			t.Errorf("%v: no row %s", tb.Kind, key)
			continue
		}
		if got := cellValues(row.Cells); !eq(got, want) {
			t.Errorf("%v %s: %v, want %v", tb.Kind, key, got, want)
		}
	}
}

func onlyTable(t *testing.T, r *Report, k TableKind) *Table {
	t.Helper()
	ts := r.TablesOf(k)
	if len(ts) != 1 {
		t.Fatalf("%d tables of kind %v", len(ts), k)
	}
	return ts[0]
}

// 沭阳县发改局 2023 (corpus 301.html): a saved page whose 表三 cells are split
// across tags and whose five organisation columns are empty <td>s. Read
// from the table structure, every row has its seven cells, the empty ones
// blank, not lost.
func TestHTML301(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/301.html")
	if r.Text.Format != source.FormatHTML || r.Year != 2023 || r.Era != Era2021 {
		t.Errorf("format %v year %d era %v", r.Text.Format, r.Year, r.Era)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TableRead {
		t.Errorf("表三 %v: %s", a.Status, doubts(a))
	}
	b := "blank:"
	wantRows(t, a, map[string][]string{
		"apply.new":                        {"26", b, b, b, b, b, "26"},
		"apply.result.granted":             {"26", b, b, b, b, b, "26"},
		"apply.result.denied.state_secret": {"0", b, b, b, b, b, "0"},
		"apply.result.other.other":         {"0", b, b, b, b, b, "0"},
		"apply.forward":                    {"0", b, b, b, b, b, "0"},
	})
	rev := onlyTable(t, r, TableReview)
	wantRows(t, rev, map[string][]string{"review.reconsideration": {"0", "0", "0", "1", "1"}})
	// the 撤销-free 表四 cell 尚未审结 1 is at line 1161 of the page
	if c := rev.Row("review.reconsideration").Cells[3]; r.Text.Locate(c.Span.Start).Line < 1100 {
		t.Errorf("表四 cell located at %+v", r.Text.Locate(c.Span.Start))
	}
	items := r.TablesOf(TableItems)
	if len(items) != 4 || cellValues(items[0].Row("items.normative").Cells)[2] != "18" {
		t.Errorf("表二: %d blocks", len(items))
	}
}

// 上海市政府办公厅 2019 (corpus 201.html): a fragment with no <html>, the
// 2019 template, blank cells as &nbsp;.
func TestHTML201(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/201.html")
	if r.Year != 2019 || r.Era != Era2019 {
		t.Errorf("year %d era %v", r.Year, r.Era)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TableRead || a.Variant != Era2019 {
		t.Errorf("表三 %v %v: %s", a.Status, a.Variant, doubts(a))
	}
	b := "blank:"
	wantRows(t, a, map[string][]string{
		"apply.new":                    {"821", "35", b, b, "2", "1", "859"},
		"apply.carried":                {"18", b, b, b, b, b, "18"},
		"apply.result.granted":         {"258", "12", b, b, "1", "1", b},
		"apply.result.unable.not_held": {"252", "12", b, b, "1", b, b},
		"apply.result.other":           {b, b, b, b, b, b, b},
		"apply.result.total":           {"767", "35", b, b, "2", "1", "805"},
		"apply.forward":                {"72", b, b, b, b, b, "72"},
	})
	rev := onlyTable(t, r, TableReview)
	wantRows(t, rev, map[string][]string{
		"review.reconsideration": {"5", b, b, "2", "7"},
		"review.suit_direct":     {"8", b, b, "1", "9"},
	})
	items := r.TablesOf(TableItems)
	if len(items) != 5 || items[0].Variant != Era2019 || cellValues(items[0].Row("items.rules").Cells)[2] != "524" {
		t.Errorf("表二: %d blocks", len(items))
	}
	if got := cellValues(items[4].Row("items.procurement").Cells); !eq(got, []string{"6", "251000元"}) {
		t.Errorf("采购: %v", got)
	}
}

// 平潭 2014 (corpus 114.html): the whole saved page. The navigation, the
// lists of links and the footer are left out; the statistics table comes
// out as pipe rows of its real cells, numbers split across <span>s joined.
func TestHTML114(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/114.html")
	if r.Year != 2014 || r.Era != EraPre2019 {
		t.Errorf("year %d era %v", r.Year, r.Era)
	}
	text := strings.Join(r.Text.Lines, "\n")
	for _, want := range []string{
		"| 指标名称 | 计量单位 | 2014年度 | 历年累计 |",
		"| 主动公开文件数 | 条 | 2543 | 78967 |",
		"| 3、信函、传真申请数 | 条 | 1 | 1 |",
		"| 行政诉讼数 | 件 | 0 | 0 |",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("table row %q not rendered", want)
		}
	}
	for _, chrome := range []string{"人民网", "福州市政府网站", "政府信息公开 领导之窗"} {
		if strings.Contains(text, chrome) {
			t.Errorf("navigation %q kept", chrome)
		}
	}
	if !strings.Contains(r.Title, "2014年度政府信息公开工作年度报告") {
		t.Errorf("title %q", r.Title)
	}
	// the page prints its links menu (文件下载 / 相关链接) between its heading
	// and the report: the body runs on to the table and the 附件下载 after it
	stats := r.TablesOf(TableStatistics)
	if len(stats) != 1 {
		t.Fatalf("%d statistics tables, want 1 (body %d-%d)", len(stats), r.BodyStart, r.BodyEnd)
	}
	st := stats[0]
	if len(st.Columns) != 2 || st.Columns[0].Key != "year" || st.Columns[1].Key != "cumul" {
		t.Errorf("columns %+v, want 本年度 and 历年累计", st.Columns)
	}
	for key, want := range map[string][]string{
		"active.total":            {"2543", "78967"},
		"active.channel.website":  {"2543", "78967"},
		"req.received":            {"1", "1"},
		"req.received.fax":        {"1", "1"},
		"req.answered.granted":    {"1", "1"},
		"req.answered.refused":    {"0", "0"}, // 3、不予公开答复数
		"req.answered.other_type": {"0", "0"},
		"suit.total":              {"0", "0"},
	} {
		row := st.Row(key)
		if row == nil {
			t.Errorf("row %s not read", key)
			continue
		}
		if got := cellValues(row.Cells); !eq(got, want) {
			t.Errorf("row %s: %v, want %v", key, got, want)
		}
	}
	// the cell 78967 is at line 408 of the page, in its <span>78</span>
	ln := -1
	for i, l := range r.Text.Lines {
		if strings.Contains(l, "主动公开文件数") {
			ln = i
		}
	}
	col := strings.Index(r.Text.Lines[ln], "78967")
	loc := r.Text.Locate(Pos{Line: ln + 1, Col: len([]rune(r.Text.Lines[ln][:col])) + 1})
	if loc.Line != 408 {
		t.Errorf("78967 located at %+v, want line 408", loc)
	}
}

// needPDFToText skips a PDF test where poppler is not installed, unless
// REPORTLINT_REQUIRE_PDFTOTEXT is set (as .ci/run sets it).
func needPDFToText(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("REPORTLINT_REQUIRE_PDFTOTEXT") != "" {
			t.Fatalf("pdftotext is required: %v", err)
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
}

// The PDFs as published: pdftotext -layout keeps each table row on one
// line, so that 表三 and 表四 read completely, even where a label wraps
// (「5.要求行政机关确认或重新出」 / 「具已获取信息」) or lost characters
// (「2.其他法律行政止公开」).
func TestPDFs(t *testing.T) {
	needPDFToText(t)
	t.Run("hzq2023", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/pdf/hzq2023.pdf")
		if r.Text.Format != source.FormatPDF || r.Year != 2023 || r.Era != Era2021 {
			t.Errorf("format %v year %d era %v", r.Text.Format, r.Year, r.Era)
		}
		a := onlyTable(t, r, TableApplications)
		if a.Status != TableRead {
			t.Errorf("表三 %v: %s", a.Status, doubts(a))
		}
		wantRows(t, a, map[string][]string{
			"apply.new":                      {"21", "0", "0", "0", "0", "0", "21"},
			"apply.result.partial":           {"4", "0", "0", "0", "0", "0", "4"},
			"apply.result.denied.prohibited": {"0", "0", "0", "0", "0", "0", "0"},
			"apply.result.unable.not_held":   {"10", "0", "0", "0", "0", "0", "10"},
			"apply.result.rejected.confirm":  {"0", "0", "0", "0", "0", "0", "0"},
			"apply.result.total":             {"21", "0", "0", "0", "0", "0", "21"},
		})
		rev := onlyTable(t, r, TableReview)
		wantRows(t, rev, map[string][]string{
			"review.reconsideration": {"10", "1", "0", "0", "0"},
			"review.suit_after":      {"5", "0", "0", "0", "0"},
		})
		if loc := r.Text.Locate(rev.Rows[0].Cells[4].Span.Start); loc.Page != 4 || loc.Line != 29 {
			t.Errorf("表四 总计 located at %+v, want page 4 line 29", loc)
		}
	})
	t.Run("hzq2024", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/pdf/hzq2024.pdf")
		a := onlyTable(t, r, TableApplications)
		if a.Status != TableRead {
			t.Errorf("表三 %v: %s", a.Status, doubts(a))
		}
		wantRows(t, a, map[string][]string{
			"apply.new":                    {"95", "0", "0", "0", "0", "0", "95"},
			"apply.result.granted":         {"50", "0", "0", "0", "0", "0", "50"},
			"apply.result.unable.not_held": {"31", "0", "0", "0", "0", "0", "31"},
		})
		wantRows(t, onlyTable(t, r, TableReview), map[string][]string{
			"review.reconsideration": {"1", "1", "0", "0", "2"},
			"review.suit_direct":     {"1", "0", "0", "0", "1"},
			"review.suit_after":      {"2", "0", "1", "0", "3"},
		})
	})
	t.Run("szfgs2024", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/pdf/szfgs2024.pdf")
		a := onlyTable(t, r, TableApplications)
		if a.Status != TableRead {
			t.Errorf("表三 %v: %s", a.Status, doubts(a))
		}
		wantRows(t, a, map[string][]string{
			"apply.new":                        {"3001", "53", "0", "0", "61", "4", "3119"},
			"apply.result.partial":             {"447", "7", "0", "0", "0", "0", "454"},
			"apply.result.denied.prohibited":   {"30", "1", "0", "0", "0", "0", "31"},
			"apply.result.rejected.confirm":    {"1", "0", "0", "0", "0", "0", "1"},
			"apply.result.other.no_correction": {"67", "3", "0", "0", "1", "0", "71"},
			"apply.result.other.no_fee":        {"6", "0", "0", "0", "0", "0", "6"},
			"apply.result.other.other":         {"108", "2", "0", "0", "0", "0", "110"},
			"apply.forward":                    {"103", "0", "0", "0", "0", "0", "103"},
		})
		wantRows(t, onlyTable(t, r, TableReview), map[string][]string{
			"review.reconsideration": {"72", "64", "178", "37", "351"},
			"review.suit_after":      {"12", "1", "1", "6", "20"},
		})
	})
}

// doubts describes a table's doubts compactly, for tests to compare and
// print: the kind's name with what the doubt names or counts.
func doubts(t *Table) string {
	var parts []string
	for _, d := range t.Doubts {
		var s string
		switch d.Kind {
		case DoubtUnplaced:
			s = fmt.Sprintf("unplaced %d", d.Rows)
		case DoubtRowsMissing:
			s = fmt.Sprintf("missing %d (%s)", d.Rows, d.Short)
		case DoubtEmptyCell:
			s = fmt.Sprintf("empty %s/%s", d.Row.Short, d.Column.Label)
		case DoubtSkipped:
			s = "skipped"
		case DoubtGlued:
			s = fmt.Sprintf("glued %+v", *d.Glued)
		default:
			s = fmt.Sprintf("%+v", d)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// gluedDoubt returns what the solver made of a table's glued rows, or the
// zero counts when it has none.
func gluedDoubt(t *Table) GluedCounts {
	for _, d := range t.Doubts {
		if d.Kind == DoubtGlued {
			return *d.Glued
		}
	}
	return GluedCounts{}
}
