package rules_test

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// A crafted file whose 表三 never ends (its first row's label, then a
// million numbers) is read to the token limit and no further: its findings
// are the table that could not be checked and where the reading stopped,
// as notes, and nothing about the numbers themselves.
func TestTablesCutNoted(t *testing.T) {
	numbers := strings.Repeat(strings.Repeat("1 2 3 4 5 6 7 8 9 0 ", 50)+"\n", 2000) // a million values
	text := "2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\n" + numbers
	rep, err := parseBytes("crafted.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if rep.TablesCut.Line == 0 {
		t.Fatal("the reading of the tables did not stop")
	}
	got := describe(rules.CheckWith(rep, rules.All(), rules.Options{}))
	for _, want := range []string{
		"2:1 info table-unchecked 表三未核对：单元格顺序错乱：「本年新收」行读到 524287 个数（应为 7 个），无法确定各数所属的行和列",
		"1051:574 info table-unchecked 从第一个表格起的内容过长，超出任何报告的表格所能有的长度：表格只读到此处，其后未读取、未核对",
	} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("no finding %q in:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		if !strings.Contains(line, " info ") {
			t.Errorf("a finding above a note on a file that was not read to its end: %s", line)
		}
	}
}
