package parse

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode/source"
)

func parseSeed(t *testing.T, n string) *Report {
	t.Helper()
	data, err := os.ReadFile("../testdata/seeds/" + n + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := parseBytes(n, data)
	if err != nil {
		t.Fatalf("seed %s: %v", n, err)
	}
	return r
}

func cellValues(cells []Cell) []string {
	var out []string
	for _, c := range cells {
		switch c.Kind {
		case CellMissing:
			out = append(out, "?")
		case CellNumber:
			out = append(out, c.Raw)
		default:
			out = append(out, c.Kind.String()+":"+c.Raw)
		}
	}
	return out
}

func eq(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSeed001Model(t *testing.T) {
	r := parseSeed(t, "001")
	if r.Year != 2021 || r.Era != Era2021 {
		t.Errorf("year %d era %v", r.Year, r.Era)
	}
	apps := r.TablesOf(TableApplications)
	if len(apps) != 1 || apps[0].Status != TableRead || apps[0].Variant != Era2021 {
		t.Fatalf("表三: %+v", apps)
	}
	a := apps[0]
	if n := len(a.Rows); n != 30 {
		t.Errorf("表三 has %d rows (25 data rows and 5 group labels expected)", n)
	}
	for key, want := range map[string][]string{
		"apply.new":                      {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.unable.not_held":   {"1", "0", "0", "0", "0", "0", "1"},
		"apply.result.other.other":       {"0", "0", "0", "0", "0", "0", "0"},
		"apply.result.total":             {"2", "0", "0", "0", "0", "0", "2"},
		"apply.result.rejected.petition": {"1", "0", "0", "0", "0", "0", "1"},
	} {
		row := a.Row(key)
		if row == nil {
			t.Errorf("no row %s", key)
			continue
		}
		if got := cellValues(row.Cells); !eq(got, want) {
			t.Errorf("%s: %v, want %v", key, got, want)
		}
	}
	if g := a.Row("apply.result.denied"); g == nil || !g.Group || len(g.Read) != 0 {
		t.Errorf("（三）不予公开 must be a group label with no cells: %+v", g)
	}
	rev := r.TablesOf(TableReview)
	if len(rev) != 1 || rev[0].Status != TableRead {
		t.Fatalf("表四: %+v", rev)
	}
	want := []string{"0", "0", "text:撤销", "0", "1"}
	if got := cellValues(rev[0].Row("review.reconsideration").Cells); !eq(got, want) {
		t.Errorf("表四 复议: %v, want %v", got, want)
	}
	if c := rev[0].Row("review.reconsideration").Cells[2]; c.Span.Start != (Pos{Line: 66, Col: 9}) {
		t.Errorf("撤销 at %v, want 66:9", c.Span.Start)
	}
	if items := r.TablesOf(TableItems); len(items) != 4 || items[1].Row("items.license").Cells[0].Raw != "1837" {
		t.Errorf("表二: %d blocks", len(items))
	}
	kinds := []SectionKind{SectionOverview, SectionActive, SectionRequests, SectionReview, SectionProblems, SectionOtherItems}
	if len(r.Sections) != 6 {
		t.Fatalf("sections: %+v", r.Sections)
	}
	for i, s := range r.Sections {
		if s.Kind != kinds[i] {
			t.Errorf("section %d %q kind %v, want %v", i+1, s.Title, s.Kind, kinds[i])
		}
	}
}

// Seed 004: each 表三 row keeps two numbers (the five empty organisation
// cells vanished). No applicant column may be assigned; the total column is
// inferred because every row's last number is the sum of the others.
func TestSeed004DroppedCells(t *testing.T) {
	r := parseSeed(t, "004")
	if r.Era != Era2019 || r.Year != 2019 {
		t.Errorf("era %v year %d", r.Era, r.Year)
	}
	a := r.TablesOf(TableApplications)[0]
	if a.Status != TablePartial || a.Variant != Era2019 {
		t.Errorf("status %v variant %v", a.Status, a.Variant)
	}
	row := a.Row("apply.new")
	if got := cellValues(row.Cells); !eq(got, []string{"?", "?", "?", "?", "?", "?", "11"}) || !row.Cells[6].Inferred {
		t.Errorf("本年新收 cells %v", got)
	}
	if got := cellValues(a.Row("apply.result.other").Read); !eq(got, []string{"0", "0"}) {
		t.Errorf("2019 （六）其他处理 is a data row: %v", got)
	}
	rev := r.TablesOf(TableReview)[0]
	if got := cellValues(rev.Row("review.suit_direct").Cells); !eq(got, []string{"11", "5", "26", "0", "42"}) {
		t.Errorf("表四 直接起诉 %v", got)
	}
	// the news list after the report has dates of its own; they are not read
	if r.BodyEnd != 390 {
		t.Errorf("body ends at line %d, want 390 (the [1] [2] 下一页 line)", r.BodyEnd+1)
	}
	pub := r.DatesWithRole(RolePublished)
	if len(pub) != 1 || pub[0].YMD() != (YMD{2020, 2, 22}) {
		t.Errorf("published: %+v", pub)
	}
	for _, d := range r.Dates {
		if d.Year >= 2023 {
			t.Errorf("a date of the page chrome was read: %+v", d)
		}
	}
	if r.Period == nil || r.Period.Start.YMD() != (YMD{2019, 1, 1}) || r.Period.End.YMD() != (YMD{2019, 12, 31}) {
		t.Errorf("period %+v", r.Period)
	}
	fin := r.TablesOf(TableItems)
	if len(fin) != 5 || fin[4].Row("items.procurement").Cells[1].Number.Unit != "万" {
		t.Errorf("表二 blocks %d", len(fin))
	}
}

func TestSeed000Dates(t *testing.T) {
	r := parseSeed(t, "000")
	if r.Era != EraPre2019 || r.Year != 2016 {
		t.Errorf("era %v year %d", r.Era, r.Year)
	}
	if r.Period == nil || r.Period.Start.YMD() != (YMD{2016, 1, 1}) || r.Period.End.YMD() != (YMD{2016, 12, 31}) ||
		r.Period.Start.Certainty != Recovered {
		t.Errorf("period 201611日至20161231日: %+v", r.Period)
	}
	signed := r.DatesWithRole(RoleSigned)
	if len(signed) != 1 || signed[0].YMD() != (YMD{2017, 2, 27}) || signed[0].Span.Start.Line != 79 {
		t.Errorf("signed 2017227: %+v", signed)
	}
	filled := r.DatesWithRole(RoleFilled)
	if len(filled) != 1 || filled[0].YMD() != (YMD{2017, 2, 22}) {
		t.Errorf("filled: %+v", filled)
	}
	// 起始时间 201611 and 截止时间 20161231 inside the table are not 落款
	if len(r.DatesWithRole(RoleSigned)) != 1 {
		t.Errorf("table dates read as signed dates")
	}
}

func TestSeed003Dates(t *testing.T) {
	r := parseSeed(t, "003")
	filled := r.DatesWithRole(RoleFilled)
	if len(filled) != 1 || filled[0].YMD() != (YMD{2016, 2, 20}) || filled[0].Certainty != Recovered || filled[0].Raw != "2016220" {
		t.Errorf("填报时间: %+v", filled)
	}
	if filled[0].Span.Start != (Pos{Line: 106, Col: 46}) {
		t.Errorf("填报时间 at %v", filled[0].Span.Start)
	}
}

// TestChromeRunes: every chromeEnd word starts with a rune hasChromeRune
// knows, or findBodyEnd would never look at its line.
func TestChromeRunes(t *testing.T) {
	for _, w := range chromeEndCompact {
		if r := []rune(w)[0]; !isChromeRune(r) {
			t.Errorf("chrome word %q: first rune %q missing from isChromeRune", w, r)
		}
	}
}

// runeWalker's byte offsets are those of string(rs), invalid runes
// (written as U+FFFD) included.
func TestRuneWalker(t *testing.T) {
	rs := []rune("a统计，b" + "\U0001F600")
	rs = append(rs, 0xD800, 'x', -1, 0x110000, '年')
	w := runeWalker{s: string(rs), rs: rs}
	for i := 0; i <= len(rs); i++ {
		if got, want := w.byteAt(i), len(string(rs[:i])); got != want {
			t.Fatalf("byteAt(%d) = %d, want %d", i, got, want)
		}
	}
}

// findTitleMatch gives what the plain regexp search gives, on every line
// of the test reports, on lines made long the way crawler text is, and on
// titles with spaces where \s* allows them.
func TestFindTitleMatchAgreesWithRegexp(t *testing.T) {
	lines := testLines(t)
	pad := strings.Repeat("政务公开信息公开年报首页", 500) // long, no year before it
	lines = append(lines,
		pad+"2021年度某某区政府信息公开工作年度报告",
		"2021年度某某区政府信息公开工作年度报告"+pad,
		"2021   年  度某区政府信息公开年报",
		pad[:3000]+"2020年"+strings.Repeat(" ", 200)+"政府信息公开工作报告"+pad,
		"第12021年政府信息公开工作年度报告",
		"2021年政府信息公开3年度报告",
	)
	for i, l := range lines {
		want := titleRe.FindStringSubmatchIndex(l)
		if got := findTitleMatch(l); !slices.Equal(got, want) {
			t.Errorf("line %d (%d bytes): findTitleMatch %v, regexp %v", i, len(l), got, want)
		}
	}
}

// sectionHeading reads what sectionRe matches, on every test line and on
// made-up ones.
func TestSectionHeadingAgreesWithRegexp(t *testing.T) {
	lines := append(testLines(t), "一、概述", " 二 、 主动公开", "十一.其他", "三、", "三、  ", "一二三、x", "四是加强", "五、\t收费", "六x、a", "", "七", "八.  附表|x")
	for _, l := range lines {
		got, want := sectionHeading(l), sectionRe.FindStringSubmatch(l)
		if (got == nil) != (want == nil) || got != nil && (got[1] != want[1] || got[2] != want[2]) {
			t.Errorf("sectionHeading(%q) = %q, regexp %q", l, got, want)
		}
	}
}

// testLines are the normalised lines of every text report in testdata.
func testLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	paths, _ := filepath.Glob("../testdata/*/*.txt")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(Normalize(string(data)), "\n")...)
	}
	if len(lines) < 1000 {
		t.Fatalf("only %d test lines", len(lines))
	}
	return lines
}

// chineseNumber reads the section numbers 一 to 十九 and nothing else.
func TestChineseNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "二": 2, "五": 5, "九": 9, "十": 10, "十一": 11, "十九": 19,
		"〇": 0, "零": 0, "a": 0, "": 0, "二十": 0, "十十": 10, "一二": 0, "百": 0} {
		if got := chineseNumber(s); got != want {
			t.Errorf("chineseNumber(%q) = %d, want %d", s, got, want)
		}
	}
}

// Claims are tagged with the quantity they count and whether it is all of
// it, so that the rules compare with the tables without reading words.
func TestClaimQuantityAndScope(t *testing.T) {
	for _, c := range []struct {
		sentence string
		q        Quantity
		scope    Scope
	}{
		{"2021年，全区共收到政府信息公开申请75件。", QuantityRequestsReceived, ScopeWhole},
		{"全年受理依申请公开12件。", QuantityRequestsReceived, ScopeWhole},
		{"上年结转政府信息公开申请3件。", QuantityOther, ScopeWhole},
		{"收到行政复议申请2件。", QuantityReconsiderations, ScopeWhole},
		{"行政复议后提起诉讼1件。", QuantityOther, ScopeWhole},
		{"2014年主动公开政府信息2543条。", QuantityPublished, ScopeWhole},
		{"通过门户网站主动公开政府信息1687条。", QuantityPublished, ScopeChannel},
		{"区直各部门主动公开政府信息856条。", QuantityPublished, ScopePart},
	} {
		r, err := parseBytes("q.txt", []byte("某某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"+c.sentence+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Prose) != 1 || len(r.Prose[0].Claims) == 0 {
			t.Fatalf("%s: no claim", c.sentence)
		}
		got := r.Prose[0].Claims[len(r.Prose[0].Claims)-1]
		if got.Quantity != c.q || got.Scope != c.scope {
			t.Errorf("%s: quantity %v scope %v, want %v %v", c.sentence, got.Quantity, got.Scope, c.q, c.scope)
		}
	}
}

// The body is cut into sentences once: Report.Sentences holds every piece
// between 。！？, table text included, and each prose sentence read for
// its numbers is one of them without its leading spaces.
func TestSentencesCutOnce(t *testing.T) {
	r, err := parseBytes("s.txt", []byte("某某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年共收到申请3件。 均已答复！另有咨询5次\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Sentences {
		got = append(got, string(r.Text.Norm[s.Line-1][s.Start:s.End]))
	}
	want := []string{"某某区人民政府2021年政府信息公开工作年度报告", "一、总体情况", "本年共收到申请3件", " 均已答复", "另有咨询5次"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
	for _, p := range r.Prose {
		found := false
		for _, s := range r.Sentences {
			sp := s.Span()
			found = found || sp.Start.Line == p.Span.Start.Line && sp.Start.Col <= p.Span.Start.Col && p.Span.End == sp.End
		}
		if !found {
			t.Errorf("prose sentence %q at %v is not one of the sentences", p.Text, p.Span)
		}
	}
}

// A title's first half may wrap onto the next line, so the title is looked
// for in a line and the next one's start: not the whole next line, which
// in a crafted file was a 4 MB line of cells copied for it twice, as runes
// and as a string, for each of the two lines above it (40 MB). Now the one
// line that may start a title is the only long text made. A wrapped title
// is still found.
func TestFindTitleReadsTheNextLineStart(t *testing.T) {
	cells := strings.Repeat("|1", 2<<20)
	txt := NewText(source.Plain("r.txt", "UTF-8", []string{"2021年某某区人民政府信息公开工作", "年度报告 " + cells, "一、本年新收政府信息公开申请数量 " + cells}, -1, Marks))
	r := &Report{Text: txt}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	findTitle(r)
	runtime.ReadMemStats(&after)
	if r.Title != "2021年某某区人民政府信息公开工作年度报告" || r.TitleSpan.End != (Pos{Line: 2, Col: 5}) {
		t.Errorf("title %q at %+v, want the wrapped title ending at 2:5", r.Title, r.TitleSpan)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(len(cells)) {
		t.Errorf("finding the title allocated %d bytes, more than the %d of a long line", got, len(cells))
	}
}
