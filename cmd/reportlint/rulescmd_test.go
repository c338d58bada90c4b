package main

import (
	"strings"
	"testing"

	"github.com/reportlint/reportlint/rules"
)

// TestRulesCommand: `reportlint rules` lists every rule with its ID,
// default severity, name and doc, in the language asked for.
func TestRulesCommand(t *testing.T) {
	code, out, errs := runCLI(t, "", "rules")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	_, outEn, _ := runCLI(t, "", "rules", "--lang", "en")
	for _, r := range rules.All() {
		if !strings.Contains(out, r.ID+" ["+r.Severity.String()+"] "+r.Name+"\n  "+r.Doc.Zh+"\n") {
			t.Errorf("rules lacks %s in Chinese", r.ID)
		}
		if !strings.Contains(outEn, r.ID+" ["+r.Severity.String()+"] "+r.NameEn+"\n  "+r.Doc.En+"\n") {
			t.Errorf("rules --lang en lacks %s in English", r.ID)
		}
	}
	if !strings.HasPrefix(out, "apply-balance [error] 表三勾稽关系\n") {
		t.Errorf("first rule:\n%s", out)
	}
	if code, _, _ := runCLI(t, "", "rules", "extra"); code != 2 {
		t.Errorf("rules extra: exit %d, want 2", code)
	}
}

// TestExplain: `reportlint explain RULE` prints the rule's doc, its example
// excerpt with line numbers and what the rule reports on it.
func TestExplain(t *testing.T) {
	code, out, errs := runCLI(t, "", "explain", "date-before-period-end")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	want := "date-before-period-end [error] 落款或填报日期早于统计期末\n\n" +
		rules.Lookup("date-before-period-end").Doc.Zh + "\n\n" +
		"示例（报告片段）：\n" +
		"   1 | 站前街道2017年政府信息公开工作年度报告\n" +
		"   2 | 本年度报告中所列数据的统计期限自2017年1月1日起至2017年12月31日止。\n" +
		"   3 | ……\n" +
		"   4 | 站前街道办事处\n" +
		"   5 | 2017年3月18日\n\n" +
		"reportlint 报告（行:列）：\n" +
		"  5:1: error: 落款日期 2017年3月18日 早于统计期限结束（2017年12月31日）；是否应为2018年3月18日？\n"
	if out != want {
		t.Errorf("explain:\n%s\nwant:\n%s", out, want)
	}
	_, out, _ = runCLI(t, "", "explain", "--lang", "en", "review-total")
	if !strings.HasPrefix(out, "review-total [error] Table 4 totals\n\nIn each of Table 4's three blocks") ||
		!strings.HasSuffix(out, "reportlint reports (line:column):\n  13:19: error: Table 4 (review and litigation), row \"administrative reconsideration\": upheld 1 + corrected 0 + other result 0 + pending 0 = 1, but total 2; if the other numbers are right, \"total\" should be 1\n") {
		t.Errorf("explain --lang en:\n%s", out)
	}
	for _, args := range [][]string{{"explain"}, {"explain", "no-such-rule"}, {"explain", "a", "b"}} {
		if code, out, errs := runCLI(t, "", args...); code != 2 || out != "" || errs == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	_, _, errs = runCLI(t, "", "explain", "no-such-rule")
	if errs != "reportlint explain: 未知的规则「no-such-rule」（reportlint rules 列出全部规则）\n" {
		t.Errorf("unknown rule: %q", errs)
	}
}
