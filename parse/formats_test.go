package parse

import (
	"archive/zip"
	"bytes"
	"math/rand"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/atom"
)

func decodeFile(t *testing.T, path string) *Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseBytes(path, data)
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
	if r.Text.Format != FormatHTML || r.Year != 2023 || r.Era != Era2021 {
		t.Errorf("format %v year %d era %v", r.Text.Format, r.Year, r.Era)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TableRead {
		t.Errorf("表三 %v: %s", a.Status, a.Reason)
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
		t.Errorf("表三 %v %v: %s", a.Status, a.Variant, a.Reason)
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
	loc := r.Text.Locate(Pos{ln + 1, len([]rune(r.Text.Lines[ln][:col])) + 1})
	if loc.Line != 408 {
		t.Errorf("78967 located at %+v, want line 408", loc)
	}
}

// needPDFToText skips a PDF test where poppler is not installed, unless
// REPORTLINT_REQUIRE_PDFTOTEXT is set (as .ci/run sets it).
func needPDFToText(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath(PDFToText); err != nil {
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
		if r.Text.Format != FormatPDF || r.Year != 2023 || r.Era != Era2021 {
			t.Errorf("format %v year %d era %v", r.Text.Format, r.Year, r.Era)
		}
		a := onlyTable(t, r, TableApplications)
		if a.Status != TableRead {
			t.Errorf("表三 %v: %s", a.Status, a.Reason)
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
			t.Errorf("表三 %v: %s", a.Status, a.Reason)
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
			t.Errorf("表三 %v: %s", a.Status, a.Reason)
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

// Without pdftotext a PDF gets a clear error, not a guess.
func TestPDFWithoutTool(t *testing.T) {
	old := PDFToText
	PDFToText = "/nonexistent/pdftotext"
	defer func() { PDFToText = old }()
	_, err := ParseBytes("x.pdf", []byte("%PDF-1.4\n"))
	if err != ErrNoPDFTool {
		t.Errorf("err %v, want ErrNoPDFTool", err)
	}
}

func TestTagAttrs(t *testing.T) {
	for raw, want := range map[string]tagAttrs{
		`<td colspan="3" rowspan=2 style="x">`:                     {colspan: "3", rowspan: "2"},
		`<TD ColSpan='4' vAlign="top">`:                            {colspan: "4"},
		`<td style="mso-colspan: 3; width:1pt" class="colspan=9">`: {},
		`<a href="/x?colspan=3&amp;y=1" target=_blank>`:            {href: true},
		`<td nowrap colspan = "2"/>`:                               {colspan: "2"},
		`<td colspan="2" colspan="5">`:                             {colspan: "2"},
		`<td colspan="&#50;">`:                                     {colspan: "2"},
		`<td/colspan=2>`:                                           {colspan: "2"},
	} {
		a, rest := rawTagAtom([]byte(raw)[1:])
		if a != atom.Td && a != atom.A {
			t.Errorf("%s: tag %v", raw, a)
		}
		if got := readTagAttrs(rest); got != want {
			t.Errorf("%s: %+v, want %+v", raw, got, want)
		}
	}
}

// A lone & (no reference after it) is text, and used to loop for ever.
func TestHTMLLoneAmpersand(t *testing.T) {
	txt, err := Decode("a.html", []byte("<p>A & B &&amp; C&</p>"))
	if err != nil || len(txt.Lines) != 1 || txt.Lines[0] != "A & B && C&" {
		t.Fatalf("%v %q", err, txt.Lines)
	}
}

// The renderer normalises the runes of a line; Text.normalize its string:
// both must agree, invalid runes included.
func TestNormalizeRunes(t *testing.T) {
	for _, rs := range [][]rune{
		nil, []rune("２０２１年（一）：１，２－３％ 信息公开\u3000报告｜x"), {0xD800, -1, 0x110000, '年', utf8.RuneError, 'Ａ'},
	} {
		norm, same, keys := normalizeRunes(rs)
		wantNorm, wantSame, wantKeys := normalizeLine(string(rs))
		if !slices.Equal(norm, wantNorm) || same != wantSame || keys != wantKeys {
			t.Errorf("%q: %q %v %x, want %q %v %x", rs, norm, same, keys, wantNorm, wantSame, wantKeys)
		}
	}
}

// The fast paths of the normalising loops (ASCII, CJK ideographs) agree
// with normRune and keyRune for every rune.
func TestNormalizeEveryRune(t *testing.T) {
	var rs []rune
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if r < 0xD800 || r > 0xDFFF {
			rs = append(rs, r)
		}
	}
	norm, same, keys := normalizeRunes(rs)
	dst := make([]rune, len(rs))
	n, sameInto, keysInto, nb := normalizeInto(dst, nil, string(rs))
	if n != len(rs) || same || sameInto || keys != keysInto {
		t.Fatalf("n %d of %d, same %v %v, keys %x %x", n, len(rs), same, sameInto, keys, keysInto)
	}
	if string(nb) != string(dst) {
		t.Fatal("the normalised string is not the string of the normalised runes")
	}
	for i, r := range rs {
		if norm[i] != normRune(r) || dst[i] != normRune(r) {
			t.Fatalf("%U: %U %U, want %U", r, norm[i], dst[i], normRune(r))
		}
		// each rune alone: its key bit and whether it changes
		one, sameOne, keyOne := normalizeRunes([]rune{r})
		if sameOne != (normRune(r) == r) || one[0] != normRune(r) {
			t.Fatalf("%U alone: %U %v", r, one[0], sameOne)
		}
		if want := keyRune(r); r < 0x4E00 && keyOne != 0 || r >= 0x4E00 && keyOne != want {
			t.Fatalf("%U: key %x, want %x", r, keyOne, want)
		}
	}
}

// advance counts lines and columns in bulk as step counts them rune by
// rune, for text with LF, CR LF and lone CR cut into tokens anywhere
// (a CR LF may be split between two tokens).
func TestAdvanceAgreesWithStep(t *testing.T) {
	pieces := []string{"a", "<td>", "\n", "\r", "\r\n", "报", "告", " ", "\r\r", "\n\n", "😀"}
	r := rand.New(rand.NewSource(6))
	for k := 0; k < 20000; k++ {
		var text []byte
		for n := r.Intn(30); n > 0; n-- {
			text = append(text, pieces[r.Intn(len(pieces))]...)
		}
		bulk, each := &htmlWalker{line: 1, col: 1}, &htmlWalker{line: 1, col: 1}
		for rest := text; len(rest) > 0; {
			cut := 1 + r.Intn(len(rest))
			for cut < len(rest) && !utf8.RuneStart(rest[cut]) {
				cut++ // tokens end between characters
			}
			bulk.advance(rest[:cut])
			for _, c := range string(rest[:cut]) {
				each.step(c)
			}
			if bulk.line != each.line || bulk.col != each.col || bulk.lastCR != each.lastCR {
				t.Fatalf("%q, after %q: line %d col %d lastCR %v, want %d %d %v",
					text, rest[:cut], bulk.line, bulk.col, bulk.lastCR, each.line, each.col, each.lastCR)
			}
			rest = rest[cut:]
		}
	}
}

// docxOf zips document.xml into the smallest DOCX the reader accepts.
func docxOf(t *testing.T, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create("word/document.xml")
	if err == nil {
		_, err = w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
	}
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A paragraph's tab stops (<w:tab> in <w:pPr><w:tabs>) are not tab
// characters: only a <w:tab/> in a run is a space of the text. The
// properties are passed over whole, a revision of them (a <w:pPr> inside
// <w:pPrChange>) included.
func TestDOCXTabStopsAreNotText(t *testing.T) {
	doc := docxOf(t, `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/><w:tab w:val="left" w:pos="840"/></w:tabs>`+
		`<w:pPrChange w:id="1"><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr></w:pPrChange>`+
		`<w:rPr><w:vanish/></w:rPr></w:pPr>`+
		`<w:r><w:t>一、总体情况</w:t></w:r><w:r><w:tab/><w:t>2019年</w:t></w:r></w:p>`+
		`<w:p><w:pPr/><w:r><w:t>第二段</w:t></w:r></w:p>`)
	txt, err := Decode("tabs.docx", doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"一、总体情况 2019年", "第二段"}; !slices.Equal(nonEmpty(txt.Lines), want) {
		t.Fatalf("lines %q, want %q", txt.Lines, want)
	}
	// the year stands at the 8th character of paragraph 1
	if loc := txt.Locate(Pos{Line: lineOf(txt, "一、总体情况 2019年") + 1, Col: 8}); loc.Para != 1 || loc.Col != 8 {
		t.Fatalf("the year is located at %+v, want paragraph 1 character 8", loc)
	}
}

func nonEmpty(lines []string) []string {
	var out []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func lineOf(txt *Text, s string) int {
	for i, l := range txt.Lines {
		if l == s {
			return i
		}
	}
	return -1
}

// A run whose properties hold <w:vanish/> is hidden text, whatever else
// they hold (fonts, a tracked change of them); a vanish whose val is off
// hides nothing, nor does one among the properties a tracked change
// replaced, nor <w:specVanish/>.
func TestDOCXHiddenRuns(t *testing.T) {
	doc := docxOf(t, `<w:p>`+
		`<w:r><w:rPr><w:rFonts w:ascii="宋体"/><w:vanish/><w:rPrChange w:id="2"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>隐藏一</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish /></w:rPr><w:t>隐藏二</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="true"/></w:rPr><w:t>隐藏三</w:t></w:r>`+
		`<w:r><w:rPr><w:specVanish/><w:sz w:val="24"/></w:rPr><w:t>可见一</w:t></w:r>`+
		`<w:r><w:rPr/><w:t>可见二</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>可见三</w:t></w:r>`+
		`<w:r><w:rPr><w:vanish w:val="0" /></w:rPr><w:t>可见四</w:t></w:r>`+
		`<w:r><w:rPr><w:b/><w:rPrChange w:id="3"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t>可见五</w:t></w:r>`+
		`<w:r><w:t>可见六</w:t></w:r></w:p>`)
	txt, err := Decode("hidden.docx", doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"可见一可见二可见三可见四可见五可见六"}; !slices.Equal(nonEmpty(txt.Lines), want) {
		t.Fatalf("lines %q, want %q", txt.Lines, want)
	}
}
