package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// pairDir writes the reports of a testdata/pairs case into a folder, as a
// user would have them.
func pairDir(t *testing.T, name string) string {
	t.Helper()
	ar, err := txtar.ParseFile("../../testdata/pairs/" + name)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "want" {
			continue
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestCrossYearText: a folder with a body's 2021 and 2022 reports is paired
// without being asked, and 上年结转 that differs from last year's 结转下年度
// gives exactly one finding per differing column, naming both files' lines.
func TestCrossYearText(t *testing.T) {
	dir := pairDir(t, "carry-applications-differ.txtar")
	code, out, errs := runCLI(t, "", "--disable", "copied-prose", dir)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	cur, prev := filepath.Join(dir, "zuoling-2022.txt"), filepath.Join(dir, "zuoling-2021.txt")
	for _, want := range []string{
		cur + ":38:20: warning: 表三「自然人」列「上年结转」为 1，但按上一年度报告 " + prev + " 应为 0",
		cur + ":38:44: warning: 表三「总计」列「上年结转」为 1，但按上一年度报告 " + prev + " 应为 0",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if n := strings.Count(out, "[carry-applications]"); n != 2 {
		t.Errorf("%d carry-applications findings, want 2", n)
	}
}

// TestManyPairsInAnyOrder: the pairs of a collection are checked a few at
// a time; five bodies' pairs (testdata/pairs/carry-applications-differ
// with the body renamed) give each body's two findings, and the output is
// the same with one worker as with three.
func TestManyPairsInAnyOrder(t *testing.T) {
	src := pairDir(t, "carry-applications-differ.txtar")
	dir := t.TempDir()
	bodies := []string{"左岭街道", "豹澥街道", "龙泉街道", "滨湖街道", "花山街道"}
	for _, body := range bodies {
		for _, name := range []string{"zuoling-2021.txt", "zuoling-2022.txt"} {
			data, err := os.ReadFile(filepath.Join(src, name))
			if err != nil {
				t.Fatal(err)
			}
			renamed := strings.ReplaceAll(string(data), "左岭街道", body)
			if err := os.WriteFile(filepath.Join(dir, body+"-"+name), []byte(renamed), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	_, one, _ := runCLI(t, "", "--disable", "copied-prose,shared-prose", "-j", "1", dir)
	_, three, _ := runCLI(t, "", "--disable", "copied-prose,shared-prose", "-j", "3", dir)
	if one != three {
		t.Errorf("one worker:\n%s\nthree workers:\n%s", one, three)
	}
	for _, body := range bodies {
		cur := filepath.Join(dir, body+"-zuoling-2022.txt")
		want := cur + ":38:20: warning: 表三「自然人」列「上年结转」为 1，但按上一年度报告 " + filepath.Join(dir, body+"-zuoling-2021.txt") + " 应为 0"
		if !strings.Contains(one, want) {
			t.Errorf("missing %q in\n%s", want, one)
		}
	}
	if n := strings.Count(one, "[carry-applications]"); n != 2*len(bodies) {
		t.Errorf("%d carry-applications findings, want %d", n, 2*len(bodies))
	}
}

// TestCrossYearStdin: a report given on standard input is paired with a
// file in the text output too (it cannot be read again, so its report is
// kept), its places named "-".
func TestCrossYearStdin(t *testing.T) {
	dir := pairDir(t, "carry-applications-differ.txtar")
	prev, err := os.ReadFile(filepath.Join(dir, "zuoling-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	cur := filepath.Join(dir, "zuoling-2022.txt")
	_, out, errs := runCLI(t, string(prev), "--disable", "copied-prose", "-", cur)
	want := cur + ":38:20: warning: 表三「自然人」列「上年结转」为 1，但按上一年度报告 - 应为 0"
	if !strings.Contains(out, want) || errs != "" {
		t.Errorf("missing %q in\n%s\nstderr %q", want, out, errs)
	}
}

// TestCrossYearConsistent: the consistent pair gives no carry-over finding.
func TestCrossYearConsistent(t *testing.T) {
	dir := pairDir(t, "carry-applications-consistent.txtar")
	_, out, _ := runCLI(t, "", dir)
	if strings.Contains(out, "carry-") {
		t.Errorf("a consistent pair was reported:\n%s", out)
	}
}

// TestCrossYearJSONAndSARIF: JSON lists the pair and the finding's related
// place; SARIF carries it as a relatedLocation and still validates.
func TestCrossYearJSONAndSARIF(t *testing.T) {
	dir := pairDir(t, "carry-applications-differ.txtar")
	_, out, _ := runCLI(t, "", "--format", "json", dir)
	var doc struct {
		Pairs []struct{ Body, Previous, Current string }
		Files []struct {
			Findings []struct {
				Rule    string
				Related []struct {
					File   string
					Line   int
					Column int
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Pairs) != 1 || doc.Pairs[0].Body != "左岭街道" || !strings.HasSuffix(doc.Pairs[0].Previous, "zuoling-2021.txt") || !strings.HasSuffix(doc.Pairs[0].Current, "zuoling-2022.txt") {
		t.Errorf("pairs: %+v", doc.Pairs)
	}
	related := 0
	for _, f := range doc.Files {
		for _, x := range f.Findings {
			if x.Rule == "carry-applications" {
				if len(x.Related) != 1 || !strings.HasSuffix(x.Related[0].File, "zuoling-2021.txt") || x.Related[0].Line != 60 {
					t.Errorf("related: %+v", x.Related)
				}
				related++
			}
		}
	}
	if related != 2 {
		t.Errorf("%d carry-applications findings in JSON, want 2", related)
	}
	validate(t, compileSchema(t, "../../docs/report-schema.json"), out)

	_, sarifOut, _ := runCLI(t, "", "--format", "sarif", dir)
	validate(t, compileSchema(t, "../../testdata/schemas/sarif-schema-2.1.0.json"), sarifOut)
	if n := strings.Count(sarifOut, `"relatedLocations"`); n < 3 {
		t.Errorf("want relatedLocations on the pair findings, found %d", n)
	}
}

// TestExplicitPair: --pair checks the two files named, the earlier year
// first, whatever their names.
func TestExplicitPair(t *testing.T) {
	dir := pairDir(t, "carry-applications-differ.txtar")
	code, out, _ := runCLI(t, "", "--pair", "--disable", "copied-prose", filepath.Join(dir, "zuoling-2022.txt"), filepath.Join(dir, "zuoling-2021.txt"))
	if code != 1 || strings.Count(out, "[carry-applications]") != 2 {
		t.Errorf("exit %d\n%s", code, out)
	}
	code, _, errs := runCLI(t, "", "--pair", filepath.Join(dir, "zuoling-2022.txt"))
	if code != 2 || !strings.Contains(errs, "--pair") {
		t.Errorf("--pair with one file: exit %d, %q", code, errs)
	}
}

// TestOverviewCLI: the collection overview in text and CSV.
func TestOverviewCLI(t *testing.T) {
	dir := pairDir(t, "pairing.txtar")
	code, out, _ := runCLI(t, "", "--overview", dir)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"发布机关", "2019", "2022", "左岭街道", "缺", "株洲市芦淞区人民政府", "2份："} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	_, csvOut, _ := runCLI(t, "", "--overview", "--format", "csv", dir)
	if !strings.HasPrefix(csvOut, "\ufeff发布机关,2019,2020,2021,2022,2023\n") {
		t.Errorf("CSV header:\n%s", csvOut)
	}
	if code, _, _ := runCLI(t, "", "--overview", "--format", "sarif", dir); code != 2 {
		t.Errorf("--overview with sarif: exit %d, want 2", code)
	}
}

// TestCrossYearRealPDFs: 洪泽区's real 2023 and 2024 reports, as published
// (PDF). They pair across the city prefix (洪泽区人民政府 / 淮安市洪泽区人民政府);
// 2023 carries 0 forward and 2024 carries 0 in, and 行政规范性文件 in force
// goes 5 + 3 − 0 = 8, so no finding across the years. (2023's own 表四
// errors are true: its 总计 cells print 0.)
func TestCrossYearRealPDFs(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("REPORTLINT_REQUIRE_PDFTOTEXT") != "" {
			t.Fatal("pdftotext is required here")
		}
		t.Skip("pdftotext (poppler-utils) is not installed")
	}
	a, b := "../../testdata/corpus/pdf/hzq2023.pdf", "../../testdata/corpus/pdf/hzq2024.pdf"
	_, out, _ := runCLI(t, "", "--format", "json", a, b)
	var doc struct {
		Pairs []struct{ Body, Previous, Current string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Pairs) != 1 || !strings.HasSuffix(doc.Pairs[0].Previous, "hzq2023.pdf") || !strings.HasSuffix(doc.Pairs[0].Current, "hzq2024.pdf") {
		t.Fatalf("pairs: %+v", doc.Pairs)
	}
	_, text, _ := runCLI(t, "", a, b)
	for _, rule := range []string{"carry-applications", "carry-in-force", "copied-prose"} {
		if strings.Contains(text, rule) {
			t.Errorf("%s reported on a consistent real pair:\n%s", rule, text)
		}
	}
	if !strings.Contains(text, "hzq2023.pdf:149:23: error: 表四「行政复议」行：结果维持 10 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，但 总计 0；若其余数字无误，「总计」应为 11 (第4页第29行)") {
		t.Errorf("2023's own 表四 error is missing:\n%s", text)
	}
}
