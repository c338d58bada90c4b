package parse

import (
	"slices"
	"testing"
)

// tokensOf tokenizes a text as readTables does.
func tokensOf(t *testing.T, text string) []token {
	t.Helper()
	r, err := parseBytes("t.md", []byte("2024年政府信息公开工作年度报告\n"+text))
	if err != nil {
		t.Fatal(err)
	}
	return tokenize(nil, r.Text, 1, len(r.Text.Norm), true)
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
			if tk.line == toks[0].line && tk.header != c.header {
				t.Errorf("%q: token %q header=%v, want %v", c.text, tk.text, tk.header, c.header)
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
			t.Errorf("%s 表四 %v: %s", c.file, rev.Status, rev.Reason)
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
			t.Errorf("202.md 表二 %s: %v %v %s", b.Title, b.Status, b.Variant, b.Reason)
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
			t.Errorf("203.md 表二 %s: %v %s", b.Title, b.Status, b.Reason)
		}
	}

	r = decodeFile(t, "../testdata/corpus/204.md")
	for _, b := range r.TablesOf(TableItems) {
		if b.Status != TableRead {
			t.Errorf("204.md 表二 %s: %v %s", b.Title, b.Status, b.Reason)
		}
	}
}
