package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRuleSelection: --enable runs only the rules named, --disable turns
// rules off, both take comma-separated or repeated IDs; --fail-on sets the
// level that gives exit code 1; unknown IDs and levels are usage errors.
func TestRuleSelection(t *testing.T) {
	t.Chdir(repoRoot(t))
	const summary0 = "共检查 5 个文件：错误 0 个，警告 0 个，提示 0 个\n"
	cases := []struct {
		name     string
		args     []string
		code     int
		want     []string // substrings of the output
		wantNone []string
	}{
		{"disable", []string{"--disable", "cell-not-number", "testdata/seeds/001.txt"}, 0,
			[]string{"001.txt: 状态：2021年度", "共检查 1 个文件：错误 0 个，警告 0 个，提示 0 个\n"}, []string{"cell-not-number", "撤销"}},
		{"disable two, comma", []string{"--disable", "date-before-period-end,table-unchecked", "testdata/seeds"}, 1,
			[]string{"001.txt:66:9: error:", "共检查 5 个文件：错误 1 个，警告 6 个，提示 0 个\n"}, []string{"date-before-period-end", "table-unchecked"}},
		{"disable two, repeated", []string{"--disable", "date-before-period-end", "--disable", "table-unchecked", "testdata/seeds"}, 1,
			[]string{"共检查 5 个文件：错误 1 个，警告 6 个，提示 0 个\n"}, []string{"[date-before-period-end]", "[table-unchecked]"}},
		{"enable one", []string{"--enable", "date-before-period-end", "testdata/seeds"}, 1,
			[]string{"002.txt:61:103: error: 落款日期", "003.txt:106:46: error: 填报时间", "共检查 5 个文件：错误 2 个，警告 0 个，提示 0 个\n"}, []string{"cell-not-number", "table-unchecked"}},
		{"enable minus disable", []string{"--enable", "date-before-period-end,cell-not-number", "--disable", "date-before-period-end", "testdata/seeds"}, 1,
			[]string{"[cell-not-number]", "错误 1 个"}, []string{"[date-before-period-end]"}},
		{"enable an info rule", []string{"--enable", "table-unchecked", "testdata/seeds"}, 0,
			[]string{"004.txt:163:1: info: 表三部分核对", "错误 0 个，警告 0 个，提示 2 个"}, nil},
		{"fail-on info", []string{"--enable", "table-unchecked", "--fail-on", "info", "testdata/seeds"}, 1,
			[]string{"提示 2 个"}, nil},
		{"fail-on warning, infos only", []string{"--fail-on", "warning", "testdata/seeds/004.txt"}, 0,
			[]string{"提示 2 个"}, nil},
		{"fail-on warning, an error", []string{"--fail-on", "warning", "testdata/seeds/001.txt"}, 1,
			[]string{"错误 1 个"}, nil},
		{"enable a rule that finds nothing", []string{"--enable", "date-impossible", "testdata/seeds"}, 0,
			[]string{summary0}, []string{": error:", ": info:"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", c.args...)
			if code != c.code || errs != "" {
				t.Errorf("exit %d, stderr %q; want %d\n%s", code, errs, c.code, out)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("missing %q in\n%s", w, out)
				}
			}
			for _, w := range c.wantNone {
				if strings.Contains(out, w) {
					t.Errorf("must not print %q:\n%s", w, out)
				}
			}
		})
	}

	bad := []struct {
		args []string
		want string
	}{
		{[]string{"--disable", "no-such-rule", "x.txt"}, "reportlint: --disable: 未知的规则「no-such-rule」（reportlint rules 列出全部规则）\n"},
		{[]string{"--enable", "date-impossible,typo", "x.txt"}, "reportlint: --enable: 未知的规则「typo」"},
		{[]string{"--lang", "en", "--enable", "typo", "x.txt"}, "reportlint: --enable: unknown rule \"typo\" (reportlint rules lists them all)\n"},
		{[]string{"--fail-on", "fatal", "x.txt"}, "reportlint: --fail-on: 只能是 error、warning 或 info，不能是「fatal」\n"},
		{[]string{"--format", "xml", "x.txt"}, "reportlint: --format: 只能是 text、json、sarif、csv 或 html，不能是「xml」\n"},
	}
	for _, b := range bad {
		code, out, errs := runCLI(t, "", b.args...)
		if code != 2 || out != "" || !strings.HasPrefix(errs, b.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", b.args, code, out, errs, b.want)
		}
	}
}

// TestConfig: .reportlint.yaml in the working directory or above, or the
// file --config names, holds the same settings as the flags; the flags
// override it setting by setting; unknown keys and rule IDs are errors.
func TestConfig(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	sub := filepath.Join(dir, "reports", "2021")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	copySeeds(t, root, sub, "001", "004")
	write := func(path, s string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// found two directories up from where reportlint runs
	write(filepath.Join(dir, ".reportlint.yaml"), "# reviewers' settings\ndisable:\n  - cell-not-number\nfail-on: info\n")
	t.Chdir(sub)

	code, out, errs := runCLI(t, "", "001.txt")
	if code != 0 || errs != "" || strings.Contains(out, "cell-not-number") || !strings.HasSuffix(out, "错误 0 个，警告 0 个，提示 0 个\n") {
		t.Errorf("config disables cell-not-number: exit %d, stderr %q\n%s", code, errs, out)
	}
	code, out, _ = runCLI(t, "", "004.txt")
	if code != 1 || !strings.Contains(out, "提示 2 个") {
		t.Errorf("config fail-on info: exit %d\n%s", code, out)
	}
	// flags override the file, setting by setting
	code, out, _ = runCLI(t, "", "--disable", "table-unchecked", "001.txt", "004.txt")
	if code != 1 || !strings.Contains(out, "001.txt:66:9: error:") || strings.Contains(out, "table-unchecked") {
		t.Errorf("--disable replaces the file's disable: exit %d\n%s", code, out)
	}
	code, _, _ = runCLI(t, "", "--fail-on", "error", "004.txt")
	if code != 0 {
		t.Errorf("--fail-on error overrides the file's info: exit %d", code)
	}

	// --config names another file; enable as one comma-separated string
	other := filepath.Join(dir, "only-dates.yaml")
	write(other, "enable: date-before-period-end, date-impossible\n")
	code, out, _ = runCLI(t, "", "--config", other, "001.txt", "004.txt")
	if code != 0 || strings.Contains(out, "[") || !strings.HasSuffix(out, "共检查 2 个文件：错误 0 个，警告 0 个，提示 0 个\n") {
		t.Errorf("--config: exit %d\n%s", code, out)
	}

	for _, c := range []struct{ yaml, want string }{
		{"disable: [cell-not-number]\nfail_on: info\n", ".reportlint.yaml:2: 未知的设置项「fail_on」（可用：baseline、color、disable、enable、exclude、fail-on、file-timeout、format、jobs、lang、min-level、overview、pdftotext、root、township-deadline）\n"},
		{"enable:\n  - apply-balance\n  - apply-balanse\n", ".reportlint.yaml:2: enable: 未知的规则「apply-balanse」"},
		{"fail-on: sometimes\n", ".reportlint.yaml:1: fail-on: 只能是 error、warning 或 info，不能是「sometimes」\n"},
		{"- cell-not-number\n", ".reportlint.yaml:1: 应为「设置项: 值」的映射\n"},
		{"disable: [a\n", ".reportlint.yaml: 不是有效的 YAML: "},
	} {
		write(filepath.Join(dir, ".reportlint.yaml"), c.yaml)
		code, out, errs := runCLI(t, "", "001.txt")
		if code != 2 || out != "" || !strings.HasPrefix(errs, "reportlint: "+dir+string(filepath.Separator)) || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 and %q", c.yaml, code, out, errs, c.want)
		}
	}
	write(filepath.Join(dir, ".reportlint.yaml"), "colour: never\n")
	_, _, errs = runCLI(t, "", "--lang", "en", "001.txt")
	if !strings.Contains(errs, ".reportlint.yaml:1: unknown setting \"colour\" (known: baseline, color, disable, enable, exclude, fail-on, file-timeout, format, jobs, lang, min-level, overview, pdftotext, root, township-deadline)\n") {
		t.Errorf("English: %q", errs)
	}
	if code, _, errs := runCLI(t, "", "--config", filepath.Join(dir, "nope.yaml"), "001.txt"); code != 2 || !strings.Contains(errs, "nope.yaml: ") {
		t.Errorf("missing --config file: exit %d, %q", code, errs)
	}
	// an empty file changes nothing
	write(filepath.Join(dir, ".reportlint.yaml"), "")
	if code, _, _ := runCLI(t, "", "001.txt"); code != 1 {
		t.Errorf("empty config: exit %d, want 1", code)
	}
}

// TestREADMEConfigExample keeps the settings file shown in the README valid.
func TestREADMEConfigExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const open = "```yaml\n# .reportlint.yaml\n"
	i := strings.Index(string(readme), open)
	if i < 0 {
		t.Fatal("the README shows no .reportlint.yaml")
	}
	block := string(readme[i+len(open):])
	block = block[:strings.Index(block, "```")]
	fs := newFlagSet()
	if err := parseConfig([]byte(block), fs, false); err != nil {
		t.Fatalf("the README's settings file: %v", err)
	}
	disable, _ := fs.GetStringSlice("disable")
	enable, _ := fs.GetStringSlice("enable")
	failOn, _ := fs.GetString("fail-on")
	if strings.Join(disable, ",") != "date-ambiguous" || len(enable) != 0 || failOn != "warning" {
		t.Errorf("read disable %v, enable %v, fail-on %q", disable, enable, failOn)
	}
}
