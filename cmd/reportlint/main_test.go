package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runCLI runs the command as a user would and returns its exit code and
// outputs. Colour is off: the tests do not run on a terminal.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestSeedsGolden checks the whole text output on each seed report against
// testdata/seeds/NNN.golden (Chinese) and NNN.en.golden (English).
func TestSeedsGolden(t *testing.T) {
	seeds, _ := filepath.Glob("../../testdata/seeds/*.txt")
	if len(seeds) != 5 {
		t.Fatalf("want the 5 seed reports, found %d", len(seeds))
	}
	for _, seed := range seeds {
		for _, lang := range []string{"zh", "en"} {
			golden := strings.TrimSuffix(seed, ".txt") + ".golden"
			if lang == "en" {
				golden = strings.TrimSuffix(seed, ".txt") + ".en.golden"
			}
			t.Run(filepath.Base(golden), func(t *testing.T) {
				_, out, errs := runCLI(t, "", "--lang", lang, seed)
				if errs != "" {
					t.Errorf("stderr: %s", errs)
				}
				compareGolden(t, golden, out)
			})
		}
	}
}

// TestSeedFindings asserts what issue 3 requires of each seed, finding by
// finding, including what must not be reported.
func TestSeedFindings(t *testing.T) {
	cases := []struct {
		seed     string
		code     int
		want     []string // substrings of lines that must be present
		wantNone []string // substrings that must not appear
	}{
		{"000", 0, []string{
			"000.txt:36:24: warning: 正文列举的各类主动公开信息之和为 1168，但统计表总数为 1169；正文漏列：统计数据类 1 [claim-categories]",
			"000.txt:258:25: warning: 统计表「受理政府信息公开咨询」行「本年度」列的单元格为空白，应填数字（无则填 0）；其分项 现场咨询 351 + 电话咨询 502 + 网上咨询 0 + 其他形式咨询 0 = 853",
		}, []string{": error:", "2017227", "30.45", "51.5"}},
		{"001", 1, []string{
			"001.txt:66:9: error: 表四「行政复议」行「其他结果」列的单元格填写了文字「撤销」",
		}, []string{"apply-balance", "apply-row-total", "apply-outcome-total", "review-total"}},
		{"002", 1, []string{
			"002.txt:61:103: error: 落款日期 2017年3月18日 早于统计期限结束（2017年12月31日）；是否应为2018年3月18日？ [date-before-period-end]",
		}, []string{"2018-03-19", "发布日期"}},
		{"003", 1, []string{
			"003.txt:106:46: error: 填报时间「2016220」（按2016年2月20日读取）早于统计期限结束（2016年12月31日）",
			"003.txt:308:1: warning: 统计表「上年累计」列：收到申请数 37，但 当面申请数 4 + 传真申请数 0 + 网络申请数 5 + 信函申请数 25 = 34",
			"003.txt:312:1: warning: 统计表「累计」列：收到申请数 47，但 当面申请数 4 + 传真申请数 0 + 网络申请数 5 + 信函申请数 35 = 44",
			"003.txt:372:1: warning: 统计表「上年累计」列：申请答复数 37，但 各分项之和 = 36",
			"003.txt:376:1: warning: 统计表「累计」列：申请答复数 47，但 各分项之和 = 46",
		}, []string{"period-not-calendar-year", "2016329", "424日", "专门机构数", "查阅点数", "人员数", "stat-flow", "0.7", "2.89", "56.5", "13.04"}},
		{"004", 0, []string{"表四已核对", "表三部分核对"}, []string{": error:", ": warning:", "2023", "2024", "05-07"}},
	}
	for _, c := range cases {
		t.Run(c.seed, func(t *testing.T) {
			code, out, _ := runCLI(t, "", "../../testdata/seeds/"+c.seed+".txt")
			if code != c.code {
				t.Errorf("exit code %d, want %d\n%s", code, c.code, out)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("missing %q in\n%s", w, out)
				}
			}
			for _, w := range c.wantNone {
				if strings.Contains(out, w) {
					t.Errorf("must not report %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestBadInput: every kind of unusable input named on the command line gets
// exit code 3 and a line in the results naming the file (rule
// input-unreadable), and the other files are still checked.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"empty.txt":     {},
		"blank.txt":     []byte(" \n\r\n\u3000\n"),
		"binary.txt":    {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0xff, 0xfe, 0},
		"notreport.txt": []byte("今天天气很好，我们去公园散步。\n"),
		"newslist.txt":  []byte("政务公开\n株洲服装服饰协会来茶陵考察05-07\n"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			code, out, errs := runCLI(t, "", path, "../../testdata/seeds/004.txt")
			if code != 3 || errs != "" {
				t.Errorf("exit code %d, stderr %q; want 3 and nothing", code, errs)
			}
			if unreadableLine(out, path, "") == "" {
				t.Errorf("want one line naming %s, got %q", path, out)
			}
			if !strings.Contains(out, "004.txt: 状态") {
				t.Errorf("the good file was not checked:\n%s", out)
			}
		})
	}
	t.Run("missing", func(t *testing.T) {
		path := filepath.Join(dir, "nope.txt")
		code, out, _ := runCLI(t, "", path)
		if code != 3 || unreadableLine(out, path, "文件不存在") == "" {
			t.Errorf("exit %d, stdout %q", code, out)
		}
	})
	t.Run("usage", func(t *testing.T) {
		if code, _, _ := runCLI(t, ""); code != 2 {
			t.Errorf("no arguments: exit %d, want 2", code)
		}
		if code, _, errs := runCLI(t, "", "--lang", "fr", "x.txt"); code != 2 || !strings.Contains(errs, "--lang") {
			t.Errorf("bad --lang: exit %d, %q", code, errs)
		}
		if code, _, _ := runCLI(t, "", "--color", "sometimes", "x.txt"); code != 2 {
			t.Errorf("bad --color: exit %d", code)
		}
		if code, _, errs := runCLI(t, "", "--colour", "never", "x.txt"); code != 2 || errs != "reportlint: 命令行有误：unknown flag: --colour（reportlint --help 列出全部选项）\n" {
			t.Errorf("unknown flag: exit %d, stderr %q", code, errs)
		}
		if code, _, errs := runCLI(t, "", "--lang", "en", "--colour", "never", "x.txt"); code != 2 || errs != "reportlint: unknown flag: --colour\n" {
			t.Errorf("unknown flag, English: exit %d, stderr %q", code, errs)
		}
	})
}

func TestStdinAndEncodings(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seeds/002.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, string(seed), "-")
	if code != 1 || !strings.Contains(out, "-:61:103: error: 落款日期") {
		t.Errorf("stdin: exit %d\n%s", code, out)
	}
	// the same report with a BOM and CRLF line ends gives the same finding
	crlf := "\ufeff" + strings.ReplaceAll(string(seed), "\n", "\r\n")
	_, out2, _ := runCLI(t, crlf, "-")
	if out2 != out {
		t.Errorf("BOM+CRLF changed the output:\n%s\nvs\n%s", out2, out)
	}
}

func TestEnglishAndColour(t *testing.T) {
	_, out, _ := runCLI(t, "", "--lang", "en", "../../testdata/seeds/001.txt")
	if !strings.Contains(out, "001.txt:66:9: error: Table 4 (review and litigation), row \"administrative reconsideration\", column \"other result\": the cell holds text \"撤销\"") {
		t.Errorf("English message:\n%s", out)
	}
	_, col, _ := runCLI(t, "", "--color", "always", "../../testdata/seeds/001.txt")
	if !strings.Contains(col, "\x1b[") {
		t.Errorf("--color always printed no colour")
	}
	t.Setenv("NO_COLOR", "1")
	_, plain, _ := runCLI(t, "", "--color", "auto", "../../testdata/seeds/001.txt")
	if strings.Contains(plain, "\x1b[") {
		t.Errorf("NO_COLOR ignored")
	}
}

func TestFolder(t *testing.T) {
	code, out, _ := runCLI(t, "", "../../testdata/seeds")
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	if n := strings.Count(out, ": 状态："); n != 5 {
		t.Errorf("want 5 files checked, got %d\n%s", n, out)
	}
	if !strings.HasSuffix(out, "共检查 5 个文件：错误 3 个，警告 6 个，提示 2 个\n") {
		t.Errorf("summary:\n%s", out)
	}
}

// The results are buffered, but when standard output and error share one
// file their lines keep the order of the files: the line saying that the
// second file was not checked stands between the first file's lines and
// the third's.
func TestOutputAndErrorsKeepOrder(t *testing.T) {
	var both bytes.Buffer
	missing := filepath.Join(t.TempDir(), "missing.txt")
	code := run([]string{"../../testdata/seeds/004.txt", missing, "../../testdata/seeds/002.txt"}, strings.NewReader(""), &both, &both)
	if code != 3 {
		t.Errorf("exit code %d, want 3", code)
	}
	out := both.String()
	first, err, third := strings.Index(out, "004.txt: 状态"), strings.Index(out, missing+": error: "), strings.Index(out, "002.txt:")
	if first < 0 || err < 0 || third < 0 || !(first < err && err < third) {
		t.Errorf("the lines are out of order (004 at %d, the error at %d, 002 at %d):\n%s", first, err, third, out)
	}
}

// failingWriter refuses every write, as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

// A failed write of the results is an error of the run, said on standard
// error, in every format.
func TestOutputWriteFails(t *testing.T) {
	for _, format := range []string{"text", "json", "sarif", "csv"} {
		var errb bytes.Buffer
		code := run([]string{"--format", format, "../../testdata/seeds/004.txt"}, strings.NewReader(""), failingWriter{}, &errb)
		if code != 2 || !strings.Contains(errb.String(), "broken pipe") {
			t.Errorf("%s: exit %d, stderr %q; want 2 and the write error", format, code, errb.String())
		}
	}
}

// TestCommandLineConventions: help is an answer, on standard output
// (--help, -h and the help subcommand); version is a subcommand too; a
// -j below 1 and a rule selection that leaves nothing to run are usage
// errors (exit 2), not a silent pass.
func TestCommandLineConventions(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, errs := runCLI(t, "", args...)
		if code != exitClean || !strings.Contains(out, "用法 usage: reportlint") || !strings.Contains(out, "--jobs") || errs != "" {
			t.Errorf("%v: exit %d, stdout %.80q, stderr %q", args, code, out, errs)
		}
	}
	if code, out, _ := runCLI(t, "", "version"); code != exitClean || !strings.HasPrefix(out, "reportlint ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	// the language flag before a subcommand
	for _, args := range [][]string{{"--lang", "en", "explain", "claim-rate"}, {"--lang=en", "explain", "claim-rate"}} {
		if code, out, errs := runCLI(t, "", args...); code != exitClean || !strings.Contains(out, "Prose completion and reply rates") {
			t.Errorf("%v: exit %d, stdout %.60q, stderr %q", args, code, out, errs)
		}
	}
	for args, want := range map[string]string{
		"-j -3 x.txt": "-j 至少为 1",
		"-j 0 x.txt":  "-j 至少为 1",
		"--enable deadline --disable deadline ../../testdata/seeds/001.txt": "没有任何规则可运行",
	} {
		code, out, errs := runCLI(t, "", strings.Fields(args)...)
		if code != exitUsage || out != "" || !strings.Contains(errs, want) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want 2 and %q", args, code, out, errs, want)
		}
	}
	if code, out, errs := runCLI(t, ""); code != exitUsage || out != "" || !strings.Contains(errs, "用法 usage") {
		t.Errorf("no file: exit %d, stdout %q, stderr %.60q", code, out, errs)
	}
}

// unreadableLine returns the results' line saying that path was not
// checked (rule input-unreadable), holding want; "" when there is none.
func unreadableLine(out, path, want string) string {
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, path+": error: ") && strings.HasSuffix(l, " [input-unreadable]") && strings.Contains(l, want) {
			return l
		}
	}
	return ""
}
