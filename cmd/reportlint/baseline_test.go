package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestBaseline walks a reviewer through recording findings, giving a
// reason, hiding them, a report changing under them, and the stale list.
func TestBaseline(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	t.Chdir(dir)
	copySeeds(t, root, dir, "001", "002", "004")

	// 1. record the current findings
	code, out, errs := runCLI(t, "", "--write-baseline", "reviewed.json", ".")
	if code != 0 || errs != "" || out != "已将 4 个问题记录到 reviewed.json；可在每条的 reason 中写明接受的理由\n" {
		t.Fatalf("--write-baseline: exit %d, stderr %q, stdout %q", code, errs, out)
	}
	b := readBaselineForTest(t, "reviewed.json")
	var got []string
	for _, e := range b.Findings {
		got = append(got, e.File+" "+e.Rule+" "+e.Table+"/"+e.Row+"/"+e.Column+" "+e.Reason)
	}
	want := []string{
		"001.txt cell-not-number review/review.reconsideration/other ",
		"002.txt date-before-period-end // ",
		"004.txt table-unchecked items// ",
		"004.txt table-unchecked applications// ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("recorded:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// 2. the reviewer writes a reason for the 撤销 cell
	data, _ := os.ReadFile("reviewed.json")
	data = []byte(strings.Replace(string(data), `"reason": ""`, `"reason": "已发布，复议结果为撤销，据实填写"`, 1))
	if err := os.WriteFile("reviewed.json", data, 0o644); err != nil {
		t.Fatal(err)
	}

	// 3. the recorded findings are hidden: nothing left at error level
	code, out, _ = runCLI(t, "", "--baseline", "reviewed.json", ".")
	if code != 0 || strings.Contains(out, ": error:") || strings.Contains(out, ": info:") ||
		!strings.HasSuffix(out, "共检查 3 个文件：错误 0 个，警告 0 个，提示 0 个；按 reviewed.json 隐藏已审阅的问题 4 个，已不再出现 0 个\n") {
		t.Errorf("--baseline: exit %d\n%s", code, out)
	}

	// 4. lines move in 001 (a blank line at the top) and 002 is corrected:
	// 001's finding stays hidden; 002's record is stale
	data, _ = os.ReadFile("001.txt")
	if err := os.WriteFile("001.txt", append([]byte("\n"), data...), 0o644); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile("002.txt")
	if err := os.WriteFile("002.txt", []byte(strings.Replace(string(data), "2017年3月18日", "2018年3月18日", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, "", "--baseline", "reviewed.json", ".")
	if code != 0 || strings.Contains(out, ": error:") ||
		!strings.Contains(out, "reviewed.json：已审阅的问题 ") ||
		!strings.Contains(out, " [date-before-period-end]（002.txt）不再出现：落款日期 2017年3月18日 早于统计期限结束") ||
		!strings.HasSuffix(out, "按 reviewed.json 隐藏已审阅的问题 3 个，已不再出现 1 个\n") {
		t.Errorf("after the changes: exit %d\n%s", code, out)
	}
	_, out, _ = runCLI(t, "", "--lang", "en", "--baseline", "reviewed.json", ".")
	if !strings.Contains(out, "[date-before-period-end] in 002.txt no longer occurs: the signed date 2017-03-18") ||
		!strings.HasSuffix(out, "; 3 reviewed findings hidden by reviewed.json, 1 no longer occurs\n") {
		t.Errorf("English:\n%s", out)
	}
	// the stale record is in the JSON and the SARIF too
	_, out, _ = runCLI(t, "", "--format", "json", "--baseline", "reviewed.json", ".")
	if !strings.Contains(out, `"stale": [`) || !strings.Contains(out, `"rule": "date-before-period-end"`) {
		t.Errorf("JSON baseline:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "--format", "sarif", "--baseline", "reviewed.json", ".")
	if !strings.Contains(out, `"level": "note"`) || !strings.Contains(out, "不再出现") || !strings.Contains(out, `"results": []`) {
		t.Errorf("SARIF baseline: want a note and no results\n%s", out)
	}

	// 5. a file not checked in this run leaves its records alone
	code, out, _ = runCLI(t, "", "--baseline", "reviewed.json", "004.txt")
	if code != 0 || !strings.HasSuffix(out, "隐藏已审阅的问题 2 个，已不再出现 0 个\n") {
		t.Errorf("one file: exit %d\n%s", code, out)
	}

	// 6. a new finding is not hidden and fails the run
	data, _ = os.ReadFile("004.txt")
	if err := os.WriteFile("004.txt", []byte(strings.Replace(string(data), "2019年1月1日至2019年12月31日", "2019年1月1日至2019年6月30日", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runCLI(t, "", "--baseline", "reviewed.json", "004.txt")
	if code != 1 || !strings.Contains(out, "error: 统计期限为 2019年1月1日 至 2019年6月30日") {
		t.Errorf("new finding: exit %d\n%s", code, out)
	}

	// 7. recording again keeps the reviewer's reason and drops the stale record
	code, _, _ = runCLI(t, "", "--write-baseline", "reviewed.json", ".")
	if code != 0 {
		t.Fatalf("rewrite: exit %d", code)
	}
	b = readBaselineForTest(t, "reviewed.json")
	var reasons, rulesSeen []string
	for _, e := range b.Findings {
		rulesSeen = append(rulesSeen, e.File+":"+e.Rule)
		if e.Reason != "" {
			reasons = append(reasons, e.File+":"+e.Reason)
		}
	}
	if strings.Join(reasons, ",") != "001.txt:已发布，复议结果为撤销，据实填写" {
		t.Errorf("reasons after rewriting: %v", reasons)
	}
	if strings.Join(rulesSeen, ",") != "001.txt:cell-not-number,004.txt:period-not-calendar-year,004.txt:table-unchecked,004.txt:table-unchecked" {
		t.Errorf("recorded after rewriting: %v", rulesSeen)
	}

	// 8. a damaged file or unknown field is a usage error
	for _, bad := range []string{`{"schema_version": 1, "findings": [{"file": "001.txt"}]}`, `{"schema_version": 1, "findings": [], "extra": 1}`, `{"schema_version": 2, "findings": []}`, `[`} {
		if err := os.WriteFile("bad.json", []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runCLI(t, "", "--baseline", "bad.json", ".")
		if code != 2 || out != "" || !strings.HasPrefix(errs, "reportlint: bad.json: ") {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", bad, code, out, errs)
		}
	}
	if code, _, errs := runCLI(t, "", "--baseline", "missing.json", "."); code != 2 || !strings.Contains(errs, "missing.json: ") {
		t.Errorf("missing baseline: exit %d, %q", code, errs)
	}
}

func readBaselineForTest(t *testing.T, path string) baselineFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	if b.SchemaVersion != 1 {
		t.Errorf("schema_version %d", b.SchemaVersion)
	}
	return b
}
