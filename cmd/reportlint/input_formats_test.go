package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// findingsOnly strips what differs between copies of one report (the file
// name and the place in it) and keeps, line by line, the severity, the
// message and the rule, then the status and summary lines.
func findingsOnly(out string) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if m := findingRe.FindStringSubmatch(l); m != nil {
			lines = append(lines, placeWordsRe.ReplaceAllString(m[1], ""))
			continue
		}
		if i := strings.Index(l, ": 状态："); i >= 0 {
			l = l[i+2:]
		} else if i := strings.Index(l, ": status: "); i >= 0 {
			l = l[i+2:]
		}
		lines = append(lines, l)
	}
	return lines
}

var findingRe = regexp.MustCompile(`: ((?:error|warning|info): .*)$`)

// placeWordsRe is a DOCX or PDF place in words after a message, which the
// same report in text or HTML has not.
var placeWordsRe = regexp.MustCompile(` \((?:第\d+页第\d+行|第\d+段第\d+字|表\d+第\d+行第\d+格|page \d+ line \d+|paragraph \d+ char \d+|table \d+ row \d+ cell \d+)\)`)

// TestFormatsGiveSameFindings: each seed saved as HTML, as DOCX and in GBK
// (testdata/formats, made by make.sh there) gives the same findings, rule
// for rule, as its text, in Chinese and in English.
func TestFormatsGiveSameFindings(t *testing.T) {
	variants, _ := filepath.Glob("../../testdata/formats/[0-9][0-9][0-9].*")
	counts := map[string]int{}
	for _, v := range variants {
		name := filepath.Base(v)
		ext := name[strings.Index(name, "."):]
		if ext == ".go" || ext == ".sh" {
			continue
		}
		counts[ext]++
		seed := "../../testdata/seeds/" + name[:3] + ".txt"
		for _, lang := range []string{"zh", "en"} {
			t.Run(name+"/"+lang, func(t *testing.T) {
				codeText, want, _ := runCLI(t, "", "--lang", lang, seed)
				code, got, errs := runCLI(t, "", "--lang", lang, v)
				if errs != "" {
					t.Fatalf("stderr: %s", errs)
				}
				if code != codeText {
					t.Errorf("exit code %d, the text gives %d", code, codeText)
				}
				if diff := cmp.Diff(findingsOnly(want), findingsOnly(got)); diff != "" {
					t.Errorf("findings differ from %s (-text +%s):\n%s", seed, name, diff)
				}
			})
		}
	}
	for ext, want := range map[string]int{".html": 5, ".docx": 5, ".gbk.txt": 5, ".gb2312.html": 1, ".nocharset.html": 1} {
		if counts[ext] != want {
			t.Errorf("%d files *%s in testdata/formats, want %d", counts[ext], ext, want)
		}
	}
}

// TestFormatLocations: a finding points where a person finds it: the line
// and column of the HTML file; for a DOCX the line and column of the
// extracted text (always path:line:col, for problem matchers and editors)
// and the table cell or paragraph in words after the message.
func TestFormatLocations(t *testing.T) {
	for _, c := range []struct {
		file, lang, want string
	}{
		{"001.html", "zh", "001.html:81:29: error: 表四「行政复议」行「其他结果」列的单元格填写了文字「撤销」"},
		{"001.docx", "zh", "001.docx:67:11: error: 表四「行政复议」行「其他结果」列的单元格填写了文字「撤销」，应填数字；涉及此格的勾稽核对已跳过 (表3第4行第3格) [cell-not-number]"},
		{"001.docx", "en", "001.docx:67:11: error: Table 4 (review and litigation), row \"administrative reconsideration\", column \"other result\": the cell holds text \"撤销\" where a number belongs; the identities using it were skipped (table 3 row 4 cell 3) [cell-not-number]"},
		{"002.docx", "zh", "002.docx:31:103: error: 落款日期 2017年3月18日 早于统计期限结束（2017年12月31日）；是否应为2018年3月18日？ (第31段第103字) [date-before-period-end]"},
		{"002.docx", "en", "002.docx:31:103: error: the signed date 2017-03-18 is before the end of the stated period (2017-12-31); was 2018-03-18 meant? (paragraph 31 char 103) [date-before-period-end]"},
		{"002.gb2312.html", "zh", "002.gb2312.html:40:106: error: 落款日期 2017年3月18日"},
		{"003.gbk.txt", "zh", "003.gbk.txt:106:46: error: 填报时间「2016220」"},
	} {
		_, out, _ := runCLI(t, "", "--lang", c.lang, "../../testdata/formats/"+c.file)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s: want %q in\n%s", c.file, c.want, out)
		}
	}
	// JSON carries the cell and the paragraph beside the text's line
	for file, want := range map[string]string{
		"001.docx": `"end_column": 13,
          "table_cell": {
            "table": 3,
            "row": 4,
            "cell": 3
          },`,
		"002.docx": `"paragraph": 31,`,
	} {
		_, out, _ := runCLI(t, "", "--format", "json", "../../testdata/formats/"+file)
		if !strings.Contains(out, want) {
			t.Errorf("%s: want %s in the JSON\n%s", file, want, out)
		}
	}
}

// TestUTF16WithoutBOM: UTF-16 text is recognised by its zero bytes when it
// has no byte-order mark.
func TestUTF16WithoutBOM(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/seeds/002.txt")
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := runCLI(t, string(seed), "-")
	for _, be := range []bool{false, true} {
		var b []byte
		for _, r := range string(seed) {
			if r > 0xFFFF {
				t.Fatal("seed has a rune outside the BMP")
			}
			if be {
				b = append(b, byte(r>>8), byte(r))
			} else {
				b = append(b, byte(r), byte(r>>8))
			}
		}
		_, got, errs := runCLI(t, string(b), "-")
		if got != want || errs != "" {
			t.Errorf("UTF-16 (big endian %v) gives\n%s%s\nwant\n%s", be, got, errs, want)
		}
	}
}

// TestPDFCommand: `reportlint file.pdf` on the published PDFs. hzq2023's
// 表四 prints 10, 1, 0, 0 and a 总计 of 0 for 复议 (and 5 and 0 for 复议后起诉):
// two true errors, located by page and line. szfgs2024 gives the same
// findings as its pdftotext -layout copy in the corpus (009.txt). Without
// pdftotext, a PDF is a one-line error and exit code 2.
func TestPDFCommand(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("REPORTLINT_REQUIRE_PDFTOTEXT") != "" {
			t.Fatalf("pdftotext is required: %v", err)
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	dir := "../../testdata/corpus/"
	code, out, _ := runCLI(t, "", dir+"pdf/hzq2023.pdf", dir+"pdf/hzq2024.pdf")
	for _, want := range []string{
		"hzq2023.pdf:149:23: error: 表四「行政复议」行：结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，但 总计 0；若其余数字无误，「总计」应为 11 (第4页第29行) [review-total]",
		"hzq2023.pdf:149:67: error: 表四「行政诉讼·复议后起诉」行：结果维持 5 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 5，但 总计 0",
		"hzq2023.pdf: 状态：2023年度，2021年模板（国办公开办函〔2021〕30号）；表二已核对；表三已核对；表四已核对",
		"hzq2024.pdf: 状态：2024年度，2021年模板（国办公开办函〔2021〕30号）；表二已核对；表三已核对；表四已核对",
		"共检查 2 个文件：错误 2 个，警告 0 个，提示 0 个",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	_, fromPDF, _ := runCLI(t, "", dir+"pdf/szfgs2024.pdf")
	_, fromText, _ := runCLI(t, "", dir+"009.txt")
	if diff := cmp.Diff(findingsOnly(fromText), findingsOnly(fromPDF)); diff != "" {
		t.Errorf("szfgs2024.pdf and its text copy differ (-text +pdf):\n%s", diff)
	}
	if !strings.Contains(fromPDF, "表三已核对；表四已核对") {
		t.Errorf("szfgs2024.pdf: %s", fromPDF)
	}

	// the error in the language asked for, and only in it
	code, out, _ = runCLI(t, "", "--pdftotext", "/nonexistent/pdftotext", dir+"pdf/hzq2024.pdf")
	if code != 3 || unreadableLine(out, dir+"pdf/hzq2024.pdf", "读取 PDF 需要 poppler 的 pdftotext") == "" || strings.Contains(out, "reading a PDF") {
		t.Errorf("without pdftotext: exit %d, %q", code, out)
	}
	code, out, _ = runCLI(t, "", "--lang", "en", "--pdftotext", "/nonexistent/pdftotext", dir+"pdf/hzq2024.pdf")
	if code != 3 || unreadableLine(out, dir+"pdf/hzq2024.pdf", "reading a PDF needs poppler's pdftotext") == "" || strings.Contains(out, "读取") {
		t.Errorf("without pdftotext, --lang en: exit %d, %q", code, out)
	}
}

// TestPDFTextNotChecked: pdftotext's default mode (corpus 006.txt, of
// hzq2023.pdf) prints the cells in reading order with the empty ones
// dropped; the tables are said not checked, with why, and no error is
// built on them.
func TestPDFTextNotChecked(t *testing.T) {
	code, out, _ := runCLI(t, "", "../../testdata/corpus/006.txt")
	for _, want := range []string{
		"info: 表三未核对：单元格顺序错乱：「办理结果总计」行读到 14 个数（应为 7 个），无法确定各数所属的行和列 [table-unchecked]",
		"info: 表四未核对：表头文字与数字交错（PDF 转出的文字顺序），无法确定各数所属的列 [table-unchecked]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if code != 0 || strings.Contains(out, ": error:") || strings.Contains(out, ": warning:") {
		t.Errorf("exit %d, errors or warnings built on unreadable tables:\n%s", code, out)
	}
}
