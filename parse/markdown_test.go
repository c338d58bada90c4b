package parse

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/decode/source"
)

// tokensOf tokenizes a text as readTables does.
func tokensOf(t *testing.T, text string) []token {
	t.Helper()
	src, err := decode.Bytes(context.Background(), "t.md", []byte("2024年政府信息公开工作年度报告\n"+text), decode.Options{Marks: Marks})
	if err != nil {
		t.Fatal(err)
	}
	txt := NewText(src)
	return tokenize(nil, txt, 1, len(txt.Norm), true)
}

// A pipe row of labels only is a header row: three labels or more, or two
// over a markdown rule. A row holding a value, or one or two labels alone,
// is a data row.
func TestPipeHeaderRows(t *testing.T) {
	for _, c := range []struct {
		text   string
		header bool
	}{
		{"| 类别 | 数据1 | 数据2 | 总计 |\n|---|---|---|---|", true},
		{"| 业 | 构 | 益组织 | 务机构 |  |  |  |\n|---|---|---|---|---|---|---|", true},
		{"| 维持 | 纠正 | 结果 |", true},
		{"| 信息内容 | 本年处理决定数量 |\n|---|---|", true},
		{"| 信息内容 | 本年处理决定数量 |", false},
		{"| 三、 | （一）予以公开 | 9 | 0 | 9 |", false},
		{"| 1.属于国家秘密 | 0 | 0 | 0 |\n|---|---|---|---|", false},
		{"| 0 | 0 | 0 |\n|---|---|---|", false},
		{"| 行政许可 |\n|---|", false},
	} {
		toks := tokensOf(t, c.text)
		if len(toks) == 0 {
			t.Fatalf("%q: no tokens", c.text)
		}
		for _, tk := range toks {
			if tk.line == toks[0].line && tk.header() != c.header {
				t.Errorf("%q: token %q header=%v, want %v", c.text, tk.text, tk.header(), c.header)
			}
		}
	}
}

// The empty cells that end a pipe row are found where they stand.
func TestTrailingEmptyCells(t *testing.T) {
	for _, c := range []struct {
		line string
		cols []int // 1-based columns of the empty cells
	}{
		{"| 四、结转 | 1 | 0 |  |", []int{17}},
		{"| 一、本年新收 | 32 | 34 |  |", []int{21}},
		{"| a | 0 | | |", []int{10, 12}},
		{"| a | 0 |", nil},
		{"| a | 0 |  ", nil},
		{"| a | 0 |  | ", []int{10}},
	} {
		toks := tokensOf(t, c.line)
		got := trailingEmptyCells(toks[len(toks)-1])
		var cols []int
		for _, s := range got {
			cols = append(cols, s.Start.Col)
		}
		if len(cols) != len(c.cols) || len(cols) > 0 && !slices.Equal(cols, c.cols) {
			t.Errorf("%q: empty cells at %v, want %v", c.line, cols, c.cols)
		}
	}
}

// 表四 as converters write it: one pipe row of fifteen cells under a
// header of fragments (202.md), the same after a note (注：…, 203.md), and
// three tables, one a block, each under its heading with its own header row
// (204.md, 行政复议 / | 结果维持 | … | 总计 | / | 27 | 10 | 9 | 15 | 61 |).
func TestMarkdownReview(t *testing.T) {
	for _, c := range []struct {
		file string
		rows map[string][]string
	}{
		{"202.md", map[string][]string{
			"review.reconsideration": {"1", "0", "0", "0", "1"},
			"review.suit_direct":     {"0", "0", "0", "0", "0"},
			"review.suit_after":      {"0", "0", "0", "0", "0"},
		}},
		{"203.md", map[string][]string{
			"review.reconsideration": {"40", "0", "10", "5", "55"},
			"review.suit_direct":     {"2", "0", "4", "6", "12"},
			"review.suit_after":      {"6", "0", "9", "7", "22"},
		}},
		{"204.md", map[string][]string{
			"review.reconsideration": {"27", "10", "9", "15", "61"},
			"review.suit_direct":     {"3", "0", "0", "0", "3"},
			"review.suit_after":      {"8", "0", "1", "1", "10"},
		}},
	} {
		r := decodeFile(t, "../testdata/corpus/"+c.file)
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableRead {
			t.Errorf("%s 表四 %v: %s", c.file, rev.Status, doubts(rev))
		}
		wantRows(t, rev, c.rows)
	}
}

// The header words that open a block of 表四 stand between its cells only
// where a block ends, naming that block, with the five columns in order;
// anywhere else they are a sign of PDF text out of order.
func TestReviewBlockHeader(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		want bool
	}{
		{"行政诉讼（未经复议直接起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 5, true},
		{"### 行政诉讼（复议后起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 10, true},
		{"复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计", 10, true},
		{"行政诉讼（复议后起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 5, false},
		{"行政诉讼（未经复议直接起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 10, false},
		{"行政诉讼（未经复议直接起诉）\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |", 7, false},
		{"行政诉讼（未经复议直接起诉）\n| 结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计 |", 5, false},
		{"行政诉讼（未经复议直接起诉）", 5, false},
		{"结果维持 结果纠正 其他结果 尚未审结 总计", 5, false},
	} {
		if got := isBlockHeader(tokensOf(t, c.text), c.n); got != c.want {
			t.Errorf("%q after %d cells: %v, want %v", c.text, c.n, got, c.want)
		}
	}
}

// 表二 as converters write it: the table of 第二十条第（一）项 moved after
// the other blocks, its title left with nothing under it (202.md); the
// same, with the table's title repeated between its rows, and rows that
// lost a cell in the conversion (203.md, | 规章 | 22 | 235 | under a header
// of four columns: not checked); one markdown table a block (204.md).
func TestMarkdownItems(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/202.md")
	items := r.TablesOf(TableItems)
	if len(items) != 4 {
		t.Fatalf("202.md 表二: %d blocks", len(items))
	}
	for _, b := range items {
		if b.Status != TableRead || b.Variant != Era2021 {
			t.Errorf("202.md 表二 %s: %v %v %s", b.Title, b.Status, b.Variant, doubts(b))
		}
	}
	wantRows(t, items[0], map[string][]string{"items.rules": {"0", "0", "0"}, "items.normative": {"13", "0", "55"}})
	if l := items[0].Row("items.normative").Span.Start.Line; l != 89 {
		t.Errorf("202.md 表二 规范性文件 read at line %d, want 89", l)
	}
	wantRows(t, items[1], map[string][]string{"items.license": {"97"}})

	r = decodeFile(t, "../testdata/corpus/203.md")
	items = r.TablesOf(TableItems)
	if len(items) != 4 || items[0].Status != TablePartial || items[0].Variant != Era2021 {
		t.Fatalf("203.md 表二: %d blocks, first %+v", len(items), items[0])
	}
	for key, want := range map[string][]string{"items.rules": {"22", "235"}, "items.normative": {"34", "189"}} {
		if got := cellValues(items[0].Row(key).Read); !eq(got, want) {
			t.Errorf("203.md 表二 %s read %v, want %v", key, got, want)
		}
	}
	for _, b := range items[1:] {
		if b.Status != TableRead {
			t.Errorf("203.md 表二 %s: %v %s", b.Title, b.Status, doubts(b))
		}
	}

	r = decodeFile(t, "../testdata/corpus/204.md")
	for _, b := range r.TablesOf(TableItems) {
		if b.Status != TableRead {
			t.Errorf("204.md 表二 %s: %v %s", b.Title, b.Status, doubts(b))
		}
	}
}

// wantAllRows checks every data row of a 2021 表三 and that the table has
// no other data row.
func wantAllRows(t *testing.T, tb *Table, rows map[string][]string) {
	t.Helper()
	wantRows(t, tb, rows)
	for _, row := range tb.Rows {
		if _, ok := rows[row.Key]; !ok && !row.Group {
			t.Errorf("%v: unexpected row %s %v", tb.Kind, row.Key, cellValues(row.Cells))
		}
	}
}

// 上海市科委 2024 (corpus 202.md), converted from its PDF to markdown: 表三
// broken into chunks at page breaks, labels that wrapped in their cells
// written above or below a row of bare numbers, group labels split over
// cells (| 三、 | （一）予以公开 |), rows padded with an empty cell. Every row
// of numbers has its row: the labelled rows around each run of bare rows
// leave exactly as many template rows between them. The 结转 row's 总计
// cell is empty in the copy, so that row's total column is unknown.
func TestMarkdownApplications202(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/202.md")
	if r.Text.Format != source.FormatText || r.Year != 2024 || r.Era != Era2021 {
		t.Errorf("format %v year %d era %v", r.Text.Format, r.Year, r.Era)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TablePartial || a.Variant != Era2021 {
		t.Errorf("表三 %v %v", a.Status, a.Variant)
	}
	if want := "empty 结转下年度继续办理/总计; skipped"; doubts(a) != want {
		t.Errorf("表三 doubts %q, want %q", doubts(a), want)
	}
	z := []string{"0", "0", "0", "0", "0", "0", "0"}
	wantAllRows(t, a, map[string][]string{
		"apply.new":                         {"32", "2", "0", "0", "0", "0", "34"},
		"apply.carried":                     {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.granted":              {"9", "0", "0", "0", "0", "0", "9"},
		"apply.result.partial":              z, // the bare row under （一）, its label below it
		"apply.result.denied.state_secret":  z,
		"apply.result.denied.prohibited":    z,
		"apply.result.denied.security":      z,
		"apply.result.denied.third_party":   z,
		"apply.result.denied.internal":      {"1", "0", "0", "0", "0", "0", "1"}, // under the labels of 5. and of （四）1.
		"apply.result.denied.process":       {"1", "0", "0", "0", "0", "0", "1"},
		"apply.result.denied.enforcement":   z,
		"apply.result.denied.query":         z,
		"apply.result.unable.not_held":      {"4", "0", "0", "0", "0", "0", "4"},
		"apply.result.unable.need_creation": {"6", "0", "0", "0", "0", "0", "6"},
		"apply.result.unable.unclear":       z,
		"apply.result.rejected.petition":    z,
		"apply.result.rejected.repeat":      z,
		"apply.result.rejected.publication": z,
		"apply.result.rejected.mass":        z,
		"apply.result.rejected.confirm":     z,
		"apply.result.other.no_correction":  {"8", "2", "0", "0", "0", "0", "10"},
		"apply.result.other.no_fee":         z,
		"apply.result.other.other":          {"4", "0", "0", "0", "0", "0", "4"},
		"apply.result.total":                {"33", "2", "0", "0", "0", "0", "35"},
		"apply.forward":                     {"1", "0", "0", "0", "0", "0", "?"},
	})
	for key, line := range map[string]int{"apply.result.partial": 105, "apply.result.denied.internal": 128, "apply.result.unable.not_held": 134, "apply.result.other.no_fee": 173} {
		if got := a.Row(key).Span.Start.Line; got != line {
			t.Errorf("表三 %s read at line %d, want %d", key, got, line)
		}
	}
}

// 上海市人民政府办公厅 2025 (corpus 203.md): a header row of fragments, the
// table's title repeated over each chunk, rows with a trailing empty cell,
// labels split over two cells (| （三）不 | 4.保护第三方合法权益 |, | 缴纳费用、 |
// 行政机关不再处理其政 |), a row whose only label cell is a fragment of its
// label (行政机关不再处理其政府信息公) and a row of bare numbers.
func TestMarkdownApplications203(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/203.md")
	if r.Year != 2025 || r.Era != Era2021 {
		t.Errorf("year %d era %v", r.Year, r.Era)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TableRead || a.Variant != Era2021 {
		t.Errorf("表三 %v %v: %s", a.Status, a.Variant, doubts(a))
	}
	z := []string{"0", "0", "0", "0", "0", "0", "0"}
	wantAllRows(t, a, map[string][]string{
		"apply.new":                         {"1259", "36", "0", "0", "0", "0", "1295"},
		"apply.carried":                     {"170", "15", "0", "0", "4", "0", "189"},
		"apply.result.granted":              {"201", "5", "0", "0", "0", "0", "206"},
		"apply.result.partial":              {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.denied.state_secret":  {"4", "0", "0", "0", "0", "0", "4"},
		"apply.result.denied.prohibited":    z,
		"apply.result.denied.security":      {"1", "0", "0", "0", "0", "0", "1"},
		"apply.result.denied.third_party":   z,
		"apply.result.denied.internal":      {"8", "0", "0", "0", "1", "0", "9"},
		"apply.result.denied.process":       {"1", "0", "0", "0", "0", "0", "1"},
		"apply.result.denied.enforcement":   z,
		"apply.result.denied.query":         {"5", "0", "0", "0", "0", "0", "5"},
		"apply.result.unable.not_held":      {"484", "28", "0", "0", "1", "0", "513"},
		"apply.result.unable.need_creation": {"47", "1", "0", "0", "0", "0", "48"},
		"apply.result.unable.unclear":       {"3", "0", "0", "0", "0", "0", "3"},
		"apply.result.rejected.petition":    {"61", "1", "0", "0", "0", "0", "62"},
		"apply.result.rejected.repeat":      {"16", "0", "0", "0", "0", "0", "16"},
		"apply.result.rejected.publication": {"1", "0", "0", "0", "0", "0", "1"},
		"apply.result.rejected.mass":        {"1", "0", "0", "0", "0", "0", "1"},
		"apply.result.rejected.confirm":     z,
		"apply.result.other.no_correction":  {"40", "1", "0", "0", "2", "0", "43"},
		"apply.result.other.no_fee":         z,
		"apply.result.other.other":          {"264", "12", "0", "0", "0", "0", "276"},
		"apply.result.total":                {"1139", "48", "0", "0", "4", "0", "1191"},
		"apply.forward":                     {"290", "3", "0", "0", "0", "0", "293"},
	})
	for key, line := range map[string]int{"apply.result.partial": 122, "apply.result.rejected.confirm": 154, "apply.result.other.no_correction": 156, "apply.result.other.no_fee": 164} {
		if got := a.Row(key).Span.Start.Line; got != line {
			t.Errorf("表三 %s read at line %d, want %d", key, got, line)
		}
	}
}

// 沭阳县 2025 (corpus 204.md), markdown made by OCR: every row of 表三 is a
// small table under a heading that repeats its label, with a header row of
// generic names (| 类别 | 数据1 | … | 总计 |), and the last rows sit under a
// wrong header (| 项目 | 本年新收件数 | … | 予以公开 | … | 总计 |) whose words
// name no row.
func TestMarkdownApplications204(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/204.md")
	if r.Year != 2025 || r.Era != Era2021 {
		t.Errorf("year %d era %v", r.Year, r.Era)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TableRead || a.Variant != Era2021 {
		t.Errorf("表三 %v %v: %s", a.Status, a.Variant, doubts(a))
	}
	z := []string{"0", "0", "0", "0", "0", "0", "0"}
	wantAllRows(t, a, map[string][]string{
		"apply.new":                         {"705", "3", "0", "0", "5", "0", "713"},
		"apply.carried":                     {"36", "0", "0", "0", "0", "0", "36"},
		"apply.result.granted":              {"290", "1", "0", "0", "3", "0", "294"},
		"apply.result.partial":              {"99", "0", "0", "0", "2", "0", "101"},
		"apply.result.denied.state_secret":  z,
		"apply.result.denied.prohibited":    z,
		"apply.result.denied.security":      {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.denied.third_party":   {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.denied.internal":      {"13", "0", "0", "0", "0", "0", "13"},
		"apply.result.denied.process":       {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.denied.enforcement":   {"4", "0", "0", "0", "0", "0", "4"},
		"apply.result.denied.query":         {"9", "0", "0", "0", "0", "0", "9"},
		"apply.result.unable.not_held":      {"111", "0", "0", "0", "0", "0", "111"},
		"apply.result.unable.need_creation": {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.unable.unclear":       z,
		"apply.result.rejected.petition":    {"12", "0", "0", "0", "0", "0", "12"},
		"apply.result.rejected.repeat":      {"6", "1", "0", "0", "0", "0", "7"},
		"apply.result.rejected.publication": z,
		"apply.result.rejected.mass":        z,
		"apply.result.rejected.confirm":     z,
		"apply.result.other.no_correction":  {"9", "0", "0", "0", "0", "0", "9"},
		"apply.result.other.no_fee":         {"7", "0", "0", "0", "0", "0", "7"},
		"apply.result.other.other":          {"142", "1", "0", "0", "0", "0", "143"},
		"apply.result.total":                {"710", "3", "0", "0", "5", "0", "718"},
		"apply.forward":                     {"31", "0", "0", "0", "0", "0", "31"},
	})
}

// parseText parses a report given as text.
func parseText(t *testing.T, text string) *Report {
	t.Helper()
	r, err := parseBytes("t.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// The text just above a row of bare numbers places it where the labelled
// rows around it cannot (they leave two rows for it), and stops a placement
// it contradicts. (202.md's 表三 stays partly checked: its 结转 row's 总计
// cell is empty.)
func TestMarkdownBareRowNamedAbove(t *testing.T) {
	data, err := os.ReadFile("../testdata/corpus/202.md")
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	const security = "| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	const bare = "| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|---|---|---|---|---|---|---|---|\n"
	const repeat = "| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
	if !strings.Contains(src, security) || !strings.Contains(src, bare) || !strings.Contains(src, repeat) {
		t.Fatal("202.md changed")
	}
	for _, c := range []struct {
		what, text string
		rows       map[string]bool // rows read (true) or not (false)
		reason     string
	}{
		{"3. removed: 2. and 3. left for one bare row, which its label above names",
			strings.Replace(strings.Replace(src, security, "", 1), bare, bare+"2.其他法律行政法规\n禁止公开\n", 1),
			map[string]bool{"apply.result.denied.prohibited": true, "apply.result.denied.security": false},
			"missing 1 (不予公开·危及“三安全一稳定”)"},
		{"3. removed, nothing above the bare row: not placed",
			strings.Replace(src, security, "", 1),
			map[string]bool{"apply.result.denied.prohibited": false, "apply.result.denied.security": false},
			"unplaced 1; missing 2 (不予公开·其他法律行政法规禁止公开)"},
		{"the label above names another row than its place: not placed",
			strings.Replace(src, bare, bare+"3.补正后申请内容仍不明确\n", 1),
			map[string]bool{"apply.result.denied.prohibited": false, "apply.result.denied.security": true},
			"unplaced 1; missing 1 (不予公开·其他法律行政法规禁止公开)"},
		{"a label row over its row of numbers: read",
			strings.Replace(src, repeat, "| 2.重复申请 |\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", 1),
			map[string]bool{"apply.result.rejected.repeat": true},
			""},
		{"a label row, then another row's label over the numbers: not placed",
			strings.Replace(src, repeat, "| 2.重复申请 |\n1.信访举报投诉类申请\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n", 1),
			map[string]bool{"apply.result.rejected.repeat": false},
			"unplaced 1; missing 1 (不予处理·重复申请)"},
	} {
		a := onlyTable(t, parseText(t, c.text), TableApplications)
		want := "empty 结转下年度继续办理/总计; skipped"
		if c.reason != "" {
			want = c.reason + "; " + want
		}
		if a.Status != TablePartial || doubts(a) != want {
			t.Errorf("%s: %v %q, want partial %q", c.what, a.Status, doubts(a), want)
		}
		for key, read := range c.rows {
			if row := a.Row(key); (row != nil && len(row.Read) == 7) != read {
				t.Errorf("%s: row %s read %v, want %v", c.what, key, row != nil, read)
			}
		}
	}
}
