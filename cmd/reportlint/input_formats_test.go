package main

import (
	"os"
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
			lines = append(lines, m[1])
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
// and column of the HTML file, the table cell or paragraph of a DOCX.
func TestFormatLocations(t *testing.T) {
	for _, c := range []struct {
		file, lang, want string
	}{
		{"001.html", "zh", "001.html:81:29: error: 表四「行政复议」行「其他结果」列的单元格填写了文字「撤销」"},
		{"001.docx", "zh", "001.docx:表3第4行第3格: error: 表四「行政复议」行「其他结果」列的单元格填写了文字「撤销」"},
		{"001.docx", "en", "001.docx:table 3 row 4 cell 3: error: Table 4 (review and litigation), row \"administrative reconsideration\""},
		{"002.docx", "zh", "002.docx:第31段第103字: error: 落款日期 2017年3月18日"},
		{"002.docx", "en", "002.docx:paragraph 31 char 103: error: "},
		{"002.gb2312.html", "zh", "002.gb2312.html:40:106: error: 落款日期 2017年3月18日"},
		{"003.gbk.txt", "zh", "003.gbk.txt:106:46: error: 填报时间「2016220」"},
	} {
		_, out, _ := runCLI(t, "", "--lang", c.lang, "../../testdata/formats/"+c.file)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s: want %q in\n%s", c.file, c.want, out)
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
