package parse

import "testing"

func TestParseCell(t *testing.T) {
	cases := []struct {
		in    string
		kind  CellKind
		value float64
		isInt bool
		unit  string
	}{
		{"11", CellNumber, 11, true, ""},
		{"１１", CellNumber, 11, true, ""},
		{"1,234", CellNumber, 1234, true, ""},
		{"3,985,758", CellNumber, 3985758, true, ""},
		{"96171.6", CellNumber, 96171.6, false, ""},
		{"14246.73万", CellNumber, 14246.73, false, "万"},
		{"251000元", CellNumber, 251000, true, "元"},
		{"增9", CellNumber, 9, true, ""},
		{"减61", CellNumber, -61, true, ""},
		{"+1036", CellNumber, 1036, true, ""},
		{"-3", CellNumber, -3, true, ""},
		{"30.45%", CellNumber, 30.45, false, "%"},
		{"", CellBlank, 0, false, ""},
		{"\u00a0", CellBlank, 0, false, ""},
		{"—", CellDash, 0, false, ""},
		{"-", CellDash, 0, false, ""},
		{"——", CellDash, 0, false, ""},
		{"/", CellSlash, 0, false, ""},
		{"／", CellSlash, 0, false, ""},
		{"无", CellNone, 0, false, ""},
		{"撤销", CellText, 0, false, ""},
		{"1.", CellText, 0, false, ""},
		{"12,34", CellText, 0, false, ""},
		{"1.属于国家秘密", CellText, 0, false, ""},
	}
	for _, c := range cases {
		k, n := ParseCell(c.in)
		if k != c.kind {
			t.Errorf("%q: kind %v, want %v", c.in, k, c.kind)
			continue
		}
		if k == CellNumber && (n.Value != c.value || n.IsInt != c.isInt || n.Unit != c.unit) {
			t.Errorf("%q: %+v, want value %v int %v unit %q", c.in, n, c.value, c.isInt, c.unit)
		}
	}
}

func TestNormalizeKeepsColumns(t *testing.T) {
	in := "（七）总计｜２\u3000０"
	if got, want := len([]rune(Normalize(in))), len([]rune(in)); got != want {
		t.Errorf("normalising changed the length: %d vs %d", got, want)
	}
	if got := Normalize(in); got != "(七)总计|2 0" {
		t.Errorf("Normalize = %q", got)
	}
}

func TestStripNumbering(t *testing.T) {
	for in, want := range map[string]string{
		"一、本年新收政府信息公开申请数量": "本年新收政府信息公开申请数量",
		"（三）不予公开":          "不予公开",
		"3.其他":             "其他",
		"(七)总计":            "总计",
		"1、当面申请数":          "当面申请数",
		"其他":               "其他",
	} {
		if got := stripNumbering(in); got != want {
			t.Errorf("stripNumbering(%q) = %q, want %q", in, got, want)
		}
	}
}
