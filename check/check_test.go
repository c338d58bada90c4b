package check

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/internal/golden"
)

// TestSeedsSameAsCommandLine checks each seed report and compares the
// findings and the status line with the command line's golden output, in
// both languages.
func TestSeedsSameAsCommandLine(t *testing.T) {
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(seeds) != 5 {
		t.Fatalf("want the 5 seed reports, found %d", len(seeds))
	}
	for _, seed := range seeds {
		t.Run(filepath.Base(seed), func(t *testing.T) {
			data, err := os.ReadFile(seed)
			if err != nil {
				t.Fatal(err)
			}
			res := Bytes(filepath.Base(seed), data)
			if res.Error != nil {
				t.Fatalf("error %+v", res.Error)
			}
			cliPath := "../../testdata/seeds/" + filepath.Base(seed) // as the CLI's test named it
			for _, lang := range []string{"zh", "en"} {
				g := strings.TrimSuffix(seed, ".txt") + ".golden"
				if lang == "en" {
					g = strings.TrimSuffix(seed, ".txt") + ".en.golden"
				}
				want, err := golden.Read(g, cliPath)
				if err != nil {
					t.Fatal(err)
				}
				var got []golden.Finding
				for _, f := range res.Findings {
					msg := f.Message.Zh
					if lang == "en" {
						msg = f.Message.En
					}
					got = append(got, golden.Finding{Line: f.Span.Start.Line, Col: f.Span.Start.Col, Severity: f.Severity, Message: msg, Rule: f.Rule})
				}
				if diff := cmp.Diff(want.Findings, got); diff != "" {
					t.Errorf("%s: findings differ from the command line (-want +got):\n%s", lang, diff)
				}
				status := res.Status.Zh
				if lang == "en" {
					status = res.Status.En
				}
				if status != want.Status {
					t.Errorf("%s: status %q, command line says %q", lang, status, want.Status)
				}
			}
		})
	}
}

// TestSeed004Tables: no errors or warnings, and every table is listed with
// how far it was checked (the 表二 at line 113 and 表三 only partly).
func TestSeed004Tables(t *testing.T) {
	data, err := os.ReadFile("../testdata/seeds/004.txt")
	if err != nil {
		t.Fatal(err)
	}
	res := Bytes("004.txt", data)
	if want := (Counts{Info: 2}); res.Counts != want {
		t.Errorf("counts %+v, want %+v", res.Counts, want)
	}
	var got []string
	for _, tb := range res.Tables {
		got = append(got, strings.Join([]string{tb.Kind, tb.Status, tb.StatusZh, itoa(tb.Line)}, " "))
	}
	want := []string{
		"items read 已核对 31",
		"items read 已核对 61",
		"items read 已核对 87",
		"items partial 部分核对 113",
		"items read 已核对 125",
		"applications partial 部分核对 163",
		"review read 已核对 311",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
	if r := res.Tables[5].Reason.Zh; !strings.Contains(r, "丢失了空白单元格") {
		t.Errorf("表三 reason %q does not say the empty cells were lost", r)
	}
	if strings.Join(res.Lines, "\n") != strings.TrimSuffix(string(data), "\n") {
		t.Errorf("the lines returned are not the file's lines")
	}
}

// TestMissingTables: a 2019 template report without 表三 and 表四 lists
// them as not found, so that the page can say they were not checked.
func TestMissingTables(t *testing.T) {
	res := Bytes("r.txt", txtarFile(t, "../testdata/rules/date-impossible.txtar", "report.txt"))
	var got []string
	for _, tb := range res.Tables {
		if tb.Status == "missing" {
			got = append(got, tb.Kind+" "+tb.StatusZh)
		}
	}
	if diff := cmp.Diff([]string{"applications 未找到", "review 未找到"}, got); diff != "" {
		t.Errorf("missing tables (-want +got):\n%s", diff)
	}
}

// TestOperandsAndExpected: an identity finding carries the numbers on both
// sides and the value that would balance; JSON has "expected" only then.
func TestOperandsAndExpected(t *testing.T) {
	res := Bytes("r.txt", txtarFile(t, "../testdata/rules/apply-balance.txtar", "report.txt"))
	if len(res.Findings) < 1 || res.Findings[0].Rule != "apply-balance" {
		t.Fatalf("first finding %+v, want apply-balance", res.Findings)
	}
	f := res.Findings[0]
	var ops []string
	for _, o := range f.Operands {
		ops = append(ops, o.Label+"="+ftoa(o.Value)+"@"+itoa(o.Span.Start.Line))
	}
	want := []string{"本年新收=3@6", "上年结转=0@7", "办理结果总计=2@29", "结转下年度继续办理=0@30"}
	if diff := cmp.Diff(want, ops); diff != "" {
		t.Errorf("operands (-want +got):\n%s", diff)
	}
	if f.Expected == nil || *f.Expected != 3 {
		t.Errorf("expected %v, want 3", f.Expected)
	}
	if f.RuleName != "表三勾稽关系" || f.SeverityZh != "错误" {
		t.Errorf("rule name %q, severity %q", f.RuleName, f.SeverityZh)
	}
	var raw struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal(JSON("r.txt", txtarFile(t, "../testdata/rules/apply-balance.txtar", "report.txt")), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Findings[0]["expected"] != 3.0 {
		t.Errorf("JSON expected = %v, want 3", raw.Findings[0]["expected"])
	}
	last := raw.Findings[len(raw.Findings)-1]
	if _, has := last["expected"]; has || last["rule"] != "cell-not-number" {
		t.Errorf("cell-not-number finding %v should have no expected value", last)
	}
}

// TestUnreadable: what cannot be checked says why, in both languages, and
// has no findings.
func TestUnreadable(t *testing.T) {
	for _, c := range []struct {
		data   string
		zh, en string
	}{
		{"", "文件为空", "empty file"},
		{"会议通知\n请各单位于3月1日前报送材料。\n", "不是政府信息公开工作年度报告", "not recognisably a government information-disclosure annual report"},
		{"PK\x03\x04\x00\x00\x00\x00\x01\x02", "DOCX 文件已损坏或不完整", "the DOCX file is damaged or truncated"},
	} {
		res := Bytes("x", []byte(c.data))
		if res.Error == nil || res.Error.Zh != c.zh || res.Error.En != c.en {
			t.Errorf("%q: error %+v, want %q / %q", c.data, res.Error, c.zh, c.en)
		}
		if len(res.Findings) != 0 || len(res.Lines) != 0 {
			t.Errorf("%q: findings or lines on an unreadable file", c.data)
		}
	}
}

func txtarFile(t *testing.T, path, name string) []byte {
	t.Helper()
	a, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range a.Files {
		if f.Name == name {
			return f.Data
		}
	}
	t.Fatalf("%s has no %s", path, name)
	return nil
}

func itoa(n int) string { return ftoa(float64(n)) }

func ftoa(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}
