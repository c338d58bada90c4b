package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNotReportsRefused: texts that name annual reports without being one
// are refused with exit code 2 and one error line each, by what their
// body holds, not by a title string: the repository's README, README-like
// pages in English and Chinese, the corpus's list of reports (a TSV of
// their titles), the blank national template, a 法治政府建设年度报告, a
// 部门决算 and a letter filed under the 年报 column.
func TestNotReportsRefused(t *testing.T) {
	files := []string{
		"../../README.md",
		"../../testdata/notreports/readme.md",
		"../../testdata/notreports/readme-zh.md",
		"../../testdata/notreports/manifest.tsv",
		"../../testdata/notreports/template-2021.txt",
		"../../testdata/notreports/rule-of-law-2022.txt",
		"../../testdata/notreports/final-accounts-2022.txt",
		"../../testdata/notreports/105.txt",
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, errs := runCLI(t, "", "--format", "text", f)
			if code != 3 || errs != "" || unreadableLine(out, f, "不是政府信息公开工作年度报告") == "" {
				t.Errorf("--format text: exit %d, stdout %q; want 3 and the line", code, out)
			}
			code, _, errs = runCLI(t, "", "--format", "sarif", f)
			if code != 3 || errs != "reportlint: "+f+": 不是政府信息公开工作年度报告\n" {
				t.Errorf("--format sarif: exit %d, stderr %q; want 3 and the one line", code, errs)
			}
		})
	}
}

// TestReportWithoutTitle: a report whose title line a crawl lost is
// checked all the same. Seed 004 without it is still the 2019 report of
// its figures; with no issuer, the deadline is only an info. Seed 001
// without its opening sentence (its title) and without its 表三 has a
// finding about the report as a whole (表三 not found), which points at
// the report's first line, never at line 0: its SARIF validates.
func TestReportWithoutTitle(t *testing.T) {
	dir := t.TempDir()
	seed004, err := os.ReadFile("../../testdata/seeds/004.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed004), "\n")
	if !strings.Contains(lines[2], "株洲市芦淞区人民政府2019年政府信息公开年度报告") {
		t.Fatalf("line 3 of seed 004 is %q", lines[2])
	}
	bare004 := filepath.Join(dir, "004-bare.txt")
	write(t, bare004, append(lines[:2:2], lines[3:]...))
	code, out, errs := runCLI(t, "", bare004)
	for _, want := range []string{
		"004-bare.txt:4:6: info: 报告没有标题，找不到发布机关，无法判断是政府还是部门（部门应于2020年1月31日前、县级以上政府应于2020年3月31日前公布），公布期限未核对 [deadline]",
		"004-bare.txt: 状态：2019年度，2019年模板（国办公开办函〔2019〕60号）；表二部分核对；表三部分核对；表四已核对",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if code != 0 || errs != "" || strings.Contains(out, ": error:") {
		t.Errorf("exit %d, stderr %q:\n%s", code, errs, out)
	}

	seed001, err := os.ReadFile("../../testdata/seeds/001.txt")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	inTable3 := false
	for i, l := range strings.Split(string(seed001), "\n") {
		switch {
		case i == 0: // the opening sentence, which holds the title
			continue
		case strings.HasPrefix(l, "三、收到和处理政府信息公开申请情况"):
			inTable3 = true
		case strings.HasPrefix(l, "四、政府信息公开行政复议、行政诉讼情况"):
			inTable3 = false
		case inTable3:
			continue
		}
		kept = append(kept, l)
	}
	bare001 := filepath.Join(dir, "001-bare.txt")
	write(t, bare001, kept)
	_, out, errs = runCLI(t, "", bare001)
	if want := "001-bare.txt:1:1: info: 未找到表三（收到和处理政府信息公开申请情况）的数据行，表三未核对（可能以图片发布） [table-unchecked]"; !strings.Contains(out, want) || errs != "" {
		t.Errorf("missing %q in\n%s%s", want, out, errs)
	}
	_, sarifOut, _ := runCLI(t, "", "--format", "sarif", bare001, bare004)
	validate(t, compileSchema(t, "../../testdata/schemas/sarif-schema-2.1.0.json"), sarifOut)
	if regexp.MustCompile(`"start(Line|Column)": 0\b`).MatchString(sarifOut) {
		t.Errorf("a region at line or column 0:\n%s", sarifOut)
	}
	_, jsonOut, _ := runCLI(t, "", "--format", "json", bare001, bare004)
	if regexp.MustCompile(`"line": 0\b`).MatchString(jsonOut) {
		t.Errorf("a finding at line 0:\n%s", jsonOut)
	}
}

func write(t *testing.T, path string, lines []string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}
