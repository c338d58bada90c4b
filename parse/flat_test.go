package parse

import (
	"os"
	"strings"
	"testing"
)

// Crawler copies run a table's cells together. The solver splits each row's
// digits the ways its own total allows, then decides between splits by the
// column identities the rows share; the cells it reads are marked inferred.
func TestFlattened(t *testing.T) {
	t.Run("010", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/010.txt")
		a := onlyTable(t, r, TableApplications)
		if a.Status != TableRead || len(a.Unbalanced) != 0 {
			t.Errorf("表三 %v: %s", a.Status, doubts(a))
		}
		wantRows(t, a, map[string][]string{
			// 640020470: seven cells whose total holds in more than one way
			// only if a zero leads a number, so one split is left
			"apply.new":                       {"64", "0", "0", "2", "0", "4", "70"},
			"apply.carried":                   {"0", "0", "0", "0", "0", "0", "0"},
			"apply.result.denied.internal":    {"1", "0", "0", "0", "0", "0", "1"}, // 10000016. → 1000001 + 6.
			"apply.result.denied.enforcement": {"6", "0", "0", "0", "0", "0", "6"},
			"apply.result.granted":            {"27", "0", "0", "2", "0", "1", "30"}, // 270020130
			"apply.result.unable.not_held":    {"22", "0", "0", "0", "0", "3", "25"}, // 220000325
			"apply.result.total":              {"63", "0", "0", "2", "0", "4", "69"}, // 630020469
		})
		if c := a.Row("apply.carried").Cells[0]; !c.Inferred {
			t.Errorf("a recovered cell must be marked inferred")
		}
		// 10203120001200000: seventeen digits, fifteen cells; one split
		// makes each block's 总计 the sum of its four results
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableRead {
			t.Errorf("表四 %v: %s", rev.Status, doubts(rev))
		}
		wantRows(t, rev, map[string][]string{
			"review.reconsideration": {"1", "0", "2", "0", "3"},
			"review.suit_direct":     {"12", "0", "0", "0", "12"},
			"review.suit_after":      {"0", "0", "0", "0", "0"},
		})
	})
	t.Run("110", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/110.txt")
		a := onlyTable(t, r, TableApplications)
		if a.Status != TableRead {
			t.Errorf("表三 %v: %s", a.Status, doubts(a))
		}
		wantRows(t, a, map[string][]string{
			"apply.carried":                {"1", "0", "0", "0", "0", "0", "1"},
			"apply.result.partial":         {"8", "1", "0", "0", "0", "0", "9"},
			"apply.result.other.other":     {"0", "2", "0", "0", "0", "0", "2"},
			"apply.result.unable.not_held": {"37", "0", "0", "0", "0", "0", "37"},
		})
		// 表四 prints its cells as single digits with spaces: certain
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableRead {
			t.Errorf("表四 %v: %s", rev.Status, doubts(rev))
		}
		wantRows(t, rev, map[string][]string{
			"review.reconsideration": {"0", "1", "1", "0", "2"},
			"review.suit_direct":     {"1", "0", "0", "0", "1"},
		})
	})
	t.Run("005", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/005.txt")
		a := onlyTable(t, r, TableApplications)
		if a.Variant != Era2019 || a.Status != TableRead {
			t.Errorf("表三 %v %v: %s", a.Variant, a.Status, doubts(a))
		}
		// （六）其他处理 prints 0 0 0 0 0 00: seven digits, one a cell
		wantRows(t, a, map[string][]string{"apply.result.other": {"0", "0", "0", "0", "0", "0", "0"}})
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableRead || rev.Row("review.suit_after").Cells[4].Raw != "0" || !rev.Rows[0].Cells[0].Inferred {
			t.Errorf("表四 (15 zeros run together) %v: %s", rev.Status, doubts(rev))
		}
	})
	t.Run("113", func(t *testing.T) {
		r := decodeFile(t, "../testdata/corpus/113.txt")
		rev := onlyTable(t, r, TableReview)
		if rev.Status != TableRead {
			t.Errorf("表四 %v: %s", rev.Status, doubts(rev))
		}
		wantRows(t, rev, map[string][]string{
			"review.reconsideration": {"25", "3", "8", "0", "36"}, // 25380363300630003
			"review.suit_direct":     {"3", "3", "0", "0", "6"},
			"review.suit_after":      {"3", "0", "0", "0", "3"},
		})
	})
}

// The pre-2019 statistics table run into one line: each row's words, its
// unit and both columns' digits together (本年度, 历年累计). A flow's year is
// never more than its total of all years, and the complete breakdowns
// (收到申请数 = the channels, 答复数 = the answers) pick the one reading of
// rows that still split several ways. 主动公开信息数 and 网站公开 split three
// and four ways that no relation of the table tells apart: not read.
func TestGluedStatistics(t *testing.T) {
	r := decodeFile(t, "../testdata/corpus/101.txt")
	st := onlyTable(t, r, TableStatistics)
	if st.Status != TablePartial || gluedDoubt(st).Example != "20263542" || len(st.Unbalanced) != 0 {
		t.Errorf("统计表 %v: %s", st.Status, doubts(st))
	}
	wantRows(t, st, map[string][]string{
		"active.total":           {"?", "?"}, // 20263542
		"active.channel.website": {"?", "?"}, // 17953304
		"active.channel.gazette": {"0", "7"},
		"req.received":           {"21", "21"}, // 2121: 2|121 leaves the channels short
		"req.received.in_person": {"18", "18"},
		"req.received.email":     {"3", "3"},
		"req.received.other":     {"0", "0"},   // 其它形式申请数, 它 for 他
		"req.answered":           {"21", "21"}, // 对申请的答复数
		"req.answered.granted":   {"17", "17"},
		"req.answered.partial":   {"2", "2"},
		"review.total":           {"0", "0"},
	})
	if c := st.Row("req.received").Cells[0]; !c.Inferred {
		t.Errorf("a split cell must be marked inferred")
	}
	// the header without 历年累计: one column or two, the table cannot say,
	// so 20263542 is not read as one number
	data, err := os.ReadFile("../testdata/corpus/101.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err = parseBytes("101-one-column.txt", []byte(strings.Replace(string(data), "2012年度历年累计", "2012年度", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if st := onlyTable(t, r, TableStatistics); st.Status != TableUnchecked || st.Row("req.received").Cells[0].Kind != CellMissing {
		t.Errorf("columns unknown: %v %s", st.Status, doubts(st))
	}
	// the same form with prose before it that names rows and numbers
	// (全区主动公开政府信息2069条): the table starts at its header words
	r = decodeFile(t, "../testdata/corpus/004.txt")
	st = onlyTable(t, r, TableStatistics)
	if st.Row("active.category.functions") != nil || st.Row("req.received") == nil {
		t.Errorf("004: rows read from the prose before the table: %s", doubts(st))
	}
}

// splitRow keeps the splits its accept function allows and never gives a
// cell a leading zero.
func TestSplitRow(t *testing.T) {
	cell := func(s string) Cell {
		k, n := ParseCell(s)
		return Cell{Raw: s, Kind: k, Number: n, glued: len(s) > 1}
	}
	splits := func(n int, accept func([]Cell) bool, raws ...string) []string {
		var read []Cell
		for _, s := range raws {
			read = append(read, cell(s))
		}
		steps := 0
		out, _ := splitRow(read, n, accept, 100, &steps)
		var got []string
		for _, cells := range out {
			got = append(got, strings.Join(cellValues(cells), "|"))
		}
		return got
	}
	for _, c := range []struct {
		raws   []string
		accept bool
		want   string
	}{
		// seven digits in seven cells whose total does not hold: a lost
		// blank beside a two-digit number, not a row to split
		{[]string{"1200012"}, true, ""},
		{[]string{"1200012"}, false, "1|2|0|0|0|1|2"},
		{[]string{"640020470"}, true, "64|0|0|2|0|4|70"},
		// the example: 3|0|0|0|0|0|21 and 30|0|0|0|0|2|1 do not add up
		{[]string{"30000021"}, true, ""},
		{[]string{"30000021"}, false, "3|0|0|0|0|0|21 30|0|0|0|0|2|1"},
		// cells read apart stay apart
		{[]string{"23", "0", "00", "0", "0"}, false, "2|3|0|0|0|0|0"},
		{[]string{"23", "0", "00", "0", "0"}, true, ""},
	} {
		var accept func([]Cell) bool
		if c.accept {
			accept = sumAt(7)
		}
		if got := strings.Join(splits(7, accept, c.raws...), " "); got != c.want {
			t.Errorf("%v (row total kept: %v): %q, want %q", c.raws, c.accept, got, c.want)
		}
	}
}

// hostileGlued is crawler text whose 表三 rows each run forty digits
// together and whose 表四 runs sixty: far more splits than any real row.
func hostileGlued() []byte {
	digits := func(n, seed int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte(byte('1' + (i*7+seed)%9))
		}
		return b.String()
	}
	var b strings.Builder
	b.WriteString("某某街道办事处2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他")
	for i, label := range []string{"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果（一）予以公开", "（二）部分公开", "（七）总计", "四、结转下年度继续办理"} {
		b.WriteString(label + digits(40, i))
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")
	b.WriteString(digits(60, 3) + "\n")
	return []byte(b.String())
}

// The search for splits is bounded: rows with too many splits are not
// checked, saying so, and a 表四 whose every split was tried and failed is
// said to be unable to balance (see BenchmarkGluedHostile for its cost).
func TestGluedHostile(t *testing.T) {
	r, err := parseBytes("hostile.txt", hostileGlued())
	if err != nil {
		t.Fatal(err)
	}
	a := onlyTable(t, r, TableApplications)
	if a.Status != TableUnchecked || gluedDoubt(a).TooMany != 6 {
		t.Errorf("表三 %v: %s", a.Status, doubts(a))
	}
	rev := onlyTable(t, r, TableReview)
	if rev.Status != TableUnchecked || len(rev.Unbalanced) != 1 {
		t.Errorf("表四 %v: %s (%d unbalanced)", rev.Status, doubts(rev), len(rev.Unbalanced))
	}
}
