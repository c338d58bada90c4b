package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// oddFolder makes a folder as reviewers' folders are: two reports, the
// repository's README, a list of titles saved as .txt, and a broken DOCX.
func oddFolder(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	dir := filepath.Join(t.TempDir(), "reports")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copySeeds(t, root, dir, "001", "002")
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"README.md":   readme,
		"titles.txt":  []byte("标题\t年份\n洪泽区2011年政府信息公开工作年度报告\t2011\n洪泽区2012年政府信息公开工作年度报告\t2012\n"),
		"broken.docx": []byte("PK\x03\x04 not a whole archive"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestSARIFOfAnOddFolder: the SARIF of a folder holding a README, a TSV
// list, a broken file and reports validates against the SARIF 2.1.0
// schema; the broken file is a result (input-unreadable, error) that code
// scanning shows, located at the file with no line; no region has line 0;
// no URI climbs out with "..", though the folder was named with ../; the
// README and the list are notes only at --min-level info; exit code 3.
func TestSARIFOfAnOddFolder(t *testing.T) {
	sch := compileSchema(t, filepath.Join(repoRoot(t), "testdata/schemas/sarif-schema-2.1.0.json"))
	dir := oddFolder(t)
	sub := filepath.Join(filepath.Dir(dir), "work")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(sub)
	for _, level := range []string{"", "info"} {
		args := []string{"--format", "sarif", "../reports"}
		if level != "" {
			args = append([]string{"--min-level", level}, args...)
		}
		code, out, errs := runCLI(t, "", args...)
		if code != 3 || !strings.Contains(errs, "broken.docx: DOCX 文件已损坏或不完整") {
			t.Errorf("%v: exit %d, stderr %q; want 3 naming broken.docx", args, code, errs)
		}
		validate(t, sch, out)
		if strings.Contains(out, `"startLine": 0`) || strings.Contains(out, "..") {
			t.Errorf("%v: a line 0 or a .. in the log", args)
		}
		var log sarifLog
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		byRule := map[string][]string{}
		for _, r := range log.Runs[0].Results {
			uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
			byRule[r.RuleID] = append(byRule[r.RuleID], uri+" "+r.Level)
			if line := r.Locations[0].PhysicalLocation.Region.StartLine; line < 1 && !strings.HasPrefix(r.RuleID, "input-") {
				t.Errorf("%s: line %d", r.RuleID, line) // the input results have no region
			}
		}
		broken := "file://" + filepath.ToSlash(filepath.Join(dir, "broken.docx")) + " error"
		if got := byRule["input-unreadable"]; len(got) != 1 || got[0] != broken {
			t.Errorf("%v: input-unreadable results %q, want [%q]", args, got, broken)
		}
		notes := byRule["input-not-report"]
		if level == "" && len(notes) != 0 || level == "info" && len(notes) != 2 {
			t.Errorf("%v: input-not-report results %q", args, notes)
		}
		if len(byRule["cell-not-number"]) != 1 || len(byRule["date-before-period-end"]) != 1 {
			t.Errorf("%v: the reports' findings are missing: %v", args, byRule)
		}
	}
}

// TestExitCodes: 0 nothing at --fail-on, 1 findings, 2 a usage error, 3 a
// file not checked (the others were); a file that is not a report is a
// failure only when named, not when a folder holds it.
func TestExitCodes(t *testing.T) {
	dir := oddFolder(t)
	seeds := filepath.Join(repoRoot(t), "testdata/seeds")
	cases := []struct {
		name string
		args []string
		code int
	}{
		{"clean", []string{filepath.Join(seeds, "004.txt")}, 0},
		{"findings", []string{filepath.Join(seeds, "001.txt")}, 1},
		{"usage", []string{"--min-level", "loud", filepath.Join(seeds, "001.txt")}, 2},
		{"a folder's README skipped", []string{"--exclude", "broken.docx", dir}, 1},
		{"README named", []string{filepath.Join(dir, "README.md"), filepath.Join(seeds, "004.txt")}, 3},
		{"broken file in the folder", []string{dir}, 3},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, "", c.args...)
		if code != c.code {
			t.Errorf("%s: exit %d, want %d\n%s%s", c.name, code, c.code, out, errs)
		}
	}
	// the summary counts the files given, checked and not
	_, out, _ := runCLI(t, "", dir)
	if !strings.HasSuffix(out, "共 5 个文件：已检查 2 个，未能检查 1 个，非年度报告已跳过 2 个；错误 2 个，警告 0 个，提示 0 个\n") ||
		!strings.Contains(out, filepath.Join(dir, "README.md")+": info: 不是政府信息公开工作年度报告，已跳过 [input-not-report]\n") {
		t.Errorf("summary:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "--lang", "en", dir)
	if !strings.HasSuffix(out, "5 files given: 2 checked, 1 not checked, 2 not reports (skipped); 2 errors, 0 warnings, 0 infos\n") {
		t.Errorf("summary in English:\n%s", out)
	}
}

// TestExclude: a glob without a slash matches a name anywhere in the
// path, one with a slash the path; the settings file's exclude too.
func TestExclude(t *testing.T) {
	dir := oddFolder(t)
	t.Chdir(filepath.Dir(dir))
	for _, c := range []struct {
		args []string
		want []string // the files the run names
	}{
		{[]string{"--exclude", "*.md", "--exclude", "titles.txt", "reports"}, []string{"001.txt", "002.txt", "broken.docx"}},
		{[]string{"--exclude", "reports/0*.txt", "reports"}, []string{"README.md", "broken.docx", "titles.txt"}},
		{[]string{"--exclude", "reports", "reports"}, nil},
		{[]string{"--exclude", "**/*.docx", "reports/broken.docx", "reports/001.txt"}, []string{"001.txt"}},
	} {
		_, out, _ := runCLI(t, "", append([]string{"--format", "csv"}, c.args...)...)
		var got []string
		for _, row := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			got = append(got, filepath.Base(strings.SplitN(row, ",", 2)[0]))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%v: files %v, want %v", c.args, got, c.want)
		}
	}
	if err := os.WriteFile(".reportlint.yml", []byte("exclude: [README.md, titles.txt, '*.docx']\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "-v", "reports")
	if code != 1 || strings.Contains(out, "README") || errs != "reportlint: 设置文件： "+filepath.Join(filepath.Dir(dir), ".reportlint.yml")+"\n" {
		t.Errorf("settings exclude: exit %d, stderr %q\n%s", code, errs, out)
	}
}

// TestMinLevel: --min-level hides the findings below it, and in text the
// status lines; a level that would hide what fails the run is refused.
func TestMinLevel(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "testdata/seeds")
	_, out, _ := runCLI(t, "", "--min-level", "warning", seeds)
	if strings.Contains(out, ": info:") || strings.Contains(out, "状态：") || !strings.Contains(out, ": warning:") || !strings.HasSuffix(out, "共检查 5 个文件：错误 3 个，警告 6 个，提示 0 个\n") {
		t.Errorf("--min-level warning:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "--min-level", "error", "--format", "json", seeds)
	var doc struct {
		Files []struct {
			Status   *struct{ Era string } `json:"status"`
			Findings []struct{ Severity string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, f := range doc.Files {
		if f.Status == nil {
			t.Errorf("the JSON status is kept whatever the level")
		}
		for _, fd := range f.Findings {
			if fd.Severity != "error" {
				t.Errorf("a %s at --min-level error", fd.Severity)
			}
		}
	}
	code, _, errs := runCLI(t, "", "--min-level", "error", "--fail-on", "warning", seeds)
	if code != 2 || !strings.Contains(errs, "--min-level error 会隐藏 --fail-on warning 所计的问题") {
		t.Errorf("conflict: exit %d, %q", code, errs)
	}
}

// TestSettingsSetEveryFlag: the settings file sets any standing flag by
// its name; the command line still overrides it.
func TestSettingsSetEveryFlag(t *testing.T) {
	dir := t.TempDir()
	copySeeds(t, repoRoot(t), dir, "001")
	t.Chdir(dir)
	if err := os.WriteFile(".reportlint.yaml", []byte("format: csv\nlang: en\njobs: 1\nmin-level: warning\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ := runCLI(t, "", "001.txt")
	if !strings.HasPrefix(out, "\ufefffile,issuing_body,") {
		t.Errorf("format and lang from the settings: %q", out)
	}
	_, out, _ = runCLI(t, "", "--format", "text", "001.txt")
	if !strings.Contains(out, "001.txt:66:9: error: Table 4") {
		t.Errorf("--format overrides the settings: %q", out)
	}
	for yaml, want := range map[string]string{
		"jobs: many\n":           `.reportlint.yaml:1: jobs: invalid argument "many"`,
		"config: other.yaml\n":   `未知的设置项「config」`,
		"format: [json, csv]\n":  `.reportlint.yaml:1: format: 应为单个值`,
		"enable: 'carry-*'\n":    ``,
		"enable: 'nothing-*'\n":  `.reportlint.yaml:1: enable: 未知的规则「nothing-*」`,
		"exclude: ['[bad']\n":    `.reportlint.yaml:1: exclude: 「[bad」不是有效的通配模式`,
		"min-level: verbose\n":   `.reportlint.yaml:1: min-level: 只能是 error、warning 或 info`,
		"township-deadline: x\n": `--township-deadline 应为 月-日`,
	} {
		if err := os.WriteFile(".reportlint.yaml", []byte(yaml), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, errs := runCLI(t, "", "001.txt")
		if want == "" {
			if code == 2 {
				t.Errorf("%q: refused: %s", yaml, errs)
			}
			continue
		}
		if code != 2 || !strings.Contains(errs, want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", yaml, code, errs, want)
		}
	}
}

// TestRuleGlobs: --enable and --disable take globs.
func TestRuleGlobs(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "testdata/seeds")
	_, out, _ := runCLI(t, "", "--format", "json", "--enable", "date-*", seeds)
	var doc struct {
		Tool struct{ Rules []string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if strings.Join(doc.Tool.Rules, ",") != "date-before-period-end,date-impossible,date-ambiguous" {
		t.Errorf("--enable 'date-*' ran %v", doc.Tool.Rules)
	}
	if code, _, errs := runCLI(t, "", "--disable", "*", seeds); code != 2 || !strings.Contains(errs, "没有任何规则可运行") {
		t.Errorf("--disable '*': exit %d, %q", code, errs)
	}
}

// TestPairRefusesUnrelatedReports: --pair refuses two bodies' reports, or
// years that are not consecutive, in either language, unless --force;
// a file named twice, or through a link, is checked once.
func TestPairRefusesUnrelatedReports(t *testing.T) {
	seeds := filepath.Join(repoRoot(t), "testdata/seeds")
	s002, s003 := filepath.Join(seeds, "002.txt"), filepath.Join(seeds, "003.txt")
	code, out, errs := runCLI(t, "", "--pair", s003, s002)
	if code != 2 || out != "" || !strings.Contains(errs, "不是同一机关；确要对照请加 --force") {
		t.Errorf("two bodies: exit %d, stderr %q", code, errs)
	}
	code, _, errs = runCLI(t, "", "--lang", "en", "--pair", s003, filepath.Join(seeds, "001.txt"))
	if code != 2 || !strings.Contains(errs, "not consecutive years; add --force to pair them anyway") {
		t.Errorf("years apart: exit %d, stderr %q", code, errs)
	}
	if code, _, errs = runCLI(t, "", "--pair", "--force", s003, s002); code == 2 {
		t.Errorf("--force: exit %d, stderr %q", code, errs)
	}
	link := filepath.Join(t.TempDir(), "link.txt")
	if err := os.Symlink(s002, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, out, _ = runCLI(t, "", s002, link, s002)
	if n := strings.Count(out, "状态："); n != 1 {
		t.Errorf("002 checked %d times:\n%s", n, out)
	}
}

// TestBaselineFromAnotherFolder: the baseline's paths are relative to its
// own folder, so a run from elsewhere still matches every entry.
func TestBaselineFromAnotherFolder(t *testing.T) {
	dir := t.TempDir()
	reports := filepath.Join(dir, "reports")
	if err := os.Mkdir(reports, 0o755); err != nil {
		t.Fatal(err)
	}
	copySeeds(t, repoRoot(t), reports, "001", "002")
	t.Chdir(dir)
	if code, _, errs := runCLI(t, "", "--write-baseline", "reviewed.json", "reports"); code != 0 {
		t.Fatalf("--write-baseline: exit %d, %s", code, errs)
	}
	data, err := os.ReadFile("reviewed.json")
	if err != nil || !strings.Contains(string(data), `"file": "reports/001.txt"`) {
		t.Fatalf("the baseline names the file from its own folder: %s", data)
	}
	t.Chdir(reports)
	code, out, _ := runCLI(t, "", "--baseline", "../reviewed.json", ".")
	if code != 0 || !strings.Contains(out, "隐藏已审阅的问题 2 个，已不再出现 0 个") {
		t.Errorf("run from the reports' folder: exit %d\n%s", code, out)
	}
}

// TestFileTimeout: a file over its time is "too slow to check", exit 3,
// and the other files are still checked.
func TestFileTimeout(t *testing.T) {
	seed := filepath.Join(repoRoot(t), "testdata/seeds/001.txt")
	code, out, _ := runCLI(t, "", "--file-timeout", "1ns", seed)
	if code != 3 || unreadableLine(out, seed, "检查超时（超过 1ns），未检查；可用 --file-timeout 放宽") == "" {
		t.Errorf("exit %d\n%s", code, out)
	}
}

// TestVersionFromTheBuild: a release's version set at build time is the
// one printed; otherwise the build's (a test binary's is devel).
func TestVersionFromTheBuild(t *testing.T) {
	if v := programVersion(); !strings.HasPrefix(v, "devel") && !strings.HasPrefix(v, "v") {
		t.Errorf("version %q", v)
	}
	old := version
	version = "v1.2.3"
	defer func() { version = old }()
	if _, out, _ := runCLI(t, "", "version"); out != "reportlint v1.2.3\n" {
		t.Errorf("version: %q", out)
	}
}

// TestStatusFollowsTheRulesThatRan: a table none of whose rules ran is
// "not checked (its rules are off)", never "checked".
func TestStatusFollowsTheRulesThatRan(t *testing.T) {
	seed := filepath.Join(repoRoot(t), "testdata/seeds/001.txt")
	_, out, _ := runCLI(t, "", "--enable", "date-before-period-end,deadline", seed)
	if !strings.Contains(out, "状态：2021年度，2021年模板（国办公开办函〔2021〕30号）；表二未核对（规则未启用）；表三未核对（规则未启用）；表四未核对（规则未启用）\n") {
		t.Errorf("status:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "--lang", "en", "--enable", "review-total", "--format", "csv", seed)
	if !strings.Contains(out, "table 2 not checked (its rules are off); table 3 not checked (its rules are off); table 4 checked") {
		t.Errorf("CSV:\n%s", out)
	}
}

// TestOutputFile: -o writes the results into the file at the end of the
// run; a run that fails leaves the file as it was (not empty, not cut
// short), and no temporary file beside it.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	seed := filepath.Join(repoRoot(t), "testdata/seeds/001.txt")
	out := filepath.Join(dir, "results.json")
	if code, stdout, _ := runCLI(t, "", "--format", "json", "-o", out, seed); code != 1 || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(data), `"rule": "cell-not-number"`) {
		t.Fatalf("results: %v\n%s", err, data)
	}
	if code, _, _ := runCLI(t, "", "--format", "json", "-o", out, "--baseline", filepath.Join(dir, "missing.json"), seed); code != 2 {
		t.Fatalf("a failed run: exit %d", code)
	}
	again, _ := os.ReadFile(out)
	entries, _ := os.ReadDir(dir)
	if string(again) != string(data) || len(entries) != 1 {
		t.Errorf("a failed run changed the results or left a file: %d files", len(entries))
	}
}
