package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/reportlint/reportlint/rules"
)

// repoRoot returns the repository's root as an absolute path; tests that
// change directory name the seeds through it.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// compileSchema reads a JSON schema from the repository, asserting formats.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(path, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, out string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not validate:\n%v", err)
	}
}

// compareGolden compares out with the file, or rewrites the file with
// -update.
func compareGolden(t *testing.T, file, out string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), out); diff != "" {
		t.Errorf("output differs from %s (-want +got):\n%s", file, diff)
	}
}

// TestFormatsGolden checks the whole JSON, SARIF and CSV output over the
// five seeds, run from the repository's root as CI runs it, against
// testdata/formats/seeds.*; English for SARIF and CSV too. The exit code is
// 1: three seeds have errors.
func TestFormatsGolden(t *testing.T) {
	t.Chdir(repoRoot(t))
	for _, c := range []struct{ format, lang, file string }{
		{"json", "zh", "seeds.json"},
		{"sarif", "zh", "seeds.sarif"},
		{"sarif", "en", "seeds.en.sarif"},
		{"csv", "zh", "seeds.csv"},
		{"csv", "en", "seeds.en.csv"},
	} {
		t.Run(c.file, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "--format", c.format, "--lang", c.lang, "testdata/seeds")
			if code != 1 || errs != "" {
				t.Errorf("exit %d, stderr %q; want 1 and nothing", code, errs)
			}
			compareGolden(t, filepath.Join("testdata/formats", c.file), out)
		})
	}
}

// TestSARIF validates the SARIF of the five seeds against the official
// SARIF 2.1.0 schema and checks that its results are the text output's
// findings: same file, line, column, level, message and rule.
func TestSARIF(t *testing.T) {
	t.Chdir(repoRoot(t))
	sch := compileSchema(t, "testdata/schemas/sarif-schema-2.1.0.json")
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			_, sarifOut, _ := runCLI(t, "", "--format", "sarif", "--min-level", "info", "--lang", lang, "testdata/seeds")
			validate(t, sch, sarifOut)
			_, text, _ := runCLI(t, "", "--lang", lang, "testdata/seeds")

			lineRe := regexp.MustCompile(`^(.+):(\d+):(\d+): (error|warning|info): (.*) \[([a-z-]+)\]$`)
			var want []string
			for _, l := range strings.Split(text, "\n") {
				if m := lineRe.FindStringSubmatch(l); m != nil {
					level := map[string]string{"error": "error", "warning": "warning", "info": "note"}[m[4]]
					want = append(want, strings.Join([]string{m[1], m[2], m[3], level, m[5], m[6]}, "|"))
				}
			}
			if len(want) != 11 {
				t.Fatalf("want the 11 findings of the seeds in the text output, got %d:\n%s", len(want), text)
			}

			var log sarifLog
			if err := json.Unmarshal([]byte(sarifOut), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 {
				t.Fatalf("want one run, got %d", len(log.Runs))
			}
			run := log.Runs[0]
			d := run.Tool.Driver
			if d.Name != "reportlint" || d.Version == "" || d.InformationURI == "" || len(d.Rules) != len(rules.All())+len(rules.InputRules()) {
				t.Errorf("driver: %+v", d)
			}
			if run.ColumnKind != "unicodeCodePoints" {
				t.Errorf("columnKind %q", run.ColumnKind)
			}
			var got []string
			for _, r := range run.Results {
				if r.RuleIndex < 0 || r.RuleIndex >= len(d.Rules) || d.Rules[r.RuleIndex].ID != r.RuleID {
					t.Errorf("result of %s has ruleIndex %d", r.RuleID, r.RuleIndex)
				}
				loc := r.Locations[0].PhysicalLocation
				if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.EndLine < loc.Region.StartLine {
					t.Errorf("location %+v", loc)
				}
				if len(r.PartialFingerprints["reportlintFinding/v1"]) < 32 {
					t.Errorf("result of %s has no fingerprint: %v", r.RuleID, r.PartialFingerprints)
				}
				got = append(got, strings.Join([]string{loc.ArtifactLocation.URI, itoa(loc.Region.StartLine), itoa(loc.Region.StartColumn), r.Level, r.Message.Text, r.RuleID}, "|"))
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("SARIF results differ from the text findings (-text +sarif):\n%s", diff)
			}
		})
	}
}

type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name           string `json:"name"`
				Version        string `json:"version"`
				InformationURI string `json:"informationUri"`
				Rules          []struct {
					ID                   string `json:"id"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind string `json:"columnKind"`
		Results    []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
						EndLine     int `json:"endLine"`
						EndColumn   int `json:"endColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level   string `json:"level"`
				Message struct {
					Text string `json:"text"`
				} `json:"message"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
	} `json:"runs"`
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestJSONSchema validates the JSON output against docs/report-schema.json:
// the seeds, an unreadable file beside them, and a run with a baseline.
func TestJSONSchema(t *testing.T) {
	root := repoRoot(t)
	sch := compileSchema(t, filepath.Join(root, "docs/report-schema.json"))
	dir := t.TempDir()
	t.Chdir(dir)
	copySeeds(t, root, dir, "001", "004")
	if err := os.WriteFile("notreport.txt", []byte("今天天气很好。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "", "--format", "json", filepath.Join(root, "testdata/seeds"), "notreport.txt")
	if code != 3 {
		t.Errorf("exit %d, want 3 (one file named is not a report)", code)
	}
	validate(t, sch, out)
	var doc struct {
		Files []struct {
			File   string  `json:"file"`
			Error  *string `json:"error"`
			Status *struct {
				Tables []struct {
					Status      string `json:"status"`
					RowsNotRead []struct {
						Row string `json:"row"`
					} `json:"rows_not_read"`
				} `json:"tables"`
			} `json:"status"`
		} `json:"files"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 6 || doc.Files[5].Error == nil || doc.Files[5].Status != nil {
		t.Errorf("want the 5 seeds and notreport.txt with an error and no status")
	}
	if doc.Summary["files"] != 5 || doc.Summary["unreadable"] != 1 || doc.Summary["error"] != 3 || doc.Summary["info"] != 2 {
		t.Errorf("summary %v", doc.Summary)
	}
	// seed 004: 表二 第二十条第(八)项 is partly read, its 行政事业性收费 row not
	if tb := doc.Files[4].Status.Tables[3]; tb.Status != "partial" || len(tb.RowsNotRead) != 1 || tb.RowsNotRead[0].Row != "items.fees" {
		t.Errorf("seed 004's fourth table: %+v", tb)
	}

	if code, _, _ := runCLI(t, "", "--write-baseline", "reviewed.json", "001.txt"); code != 0 {
		t.Fatalf("--write-baseline: exit %d", code)
	}
	_, out, _ = runCLI(t, "", "--format", "json", "--baseline", "reviewed.json", "001.txt", "004.txt")
	validate(t, sch, out)
	if !strings.Contains(out, `"baseline": {`) || !strings.Contains(out, `"suppressed": 1`) {
		t.Errorf("no baseline section:\n%s", out)
	}
}

// TestDeterministic: two runs over the same reports give the same bytes.
func TestDeterministic(t *testing.T) {
	t.Chdir(repoRoot(t))
	for _, f := range []string{"json", "sarif", "csv", "text"} {
		_, a, _ := runCLI(t, "", "--format", f, "testdata/seeds")
		// another order (a file named twice is checked once)
		_, b, _ := runCLI(t, "", "--format", f, "testdata/seeds/003.txt", "testdata/seeds")
		_, c, _ := runCLI(t, "", "--format", f, "testdata/seeds")
		if a != c {
			t.Errorf("%s: two runs differ", f)
		}
		if a == b {
			t.Errorf("%s: a run over another set of files gave the same output", f)
		}
	}
}

// TestFingerprintsSurviveMovedLines inserts a blank line at the top of two
// reports: every finding moves one line down and keeps its fingerprint, in
// SARIF and in JSON.
func TestFingerprintsSurviveMovedLines(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	t.Chdir(dir)
	copySeeds(t, root, dir, "001", "002", "004")
	type fp struct {
		rule string
		line int
		fp   string
	}
	collect := func() []fp {
		_, out, _ := runCLI(t, "", "--format", "sarif", "--min-level", "info", ".")
		var log sarifLog
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatal(err)
		}
		var fps []fp
		for _, r := range log.Runs[0].Results {
			fps = append(fps, fp{r.RuleID, r.Locations[0].PhysicalLocation.Region.StartLine, r.PartialFingerprints["reportlintFinding/v1"]})
		}
		_, jout, _ := runCLI(t, "", "--format", "json", ".")
		var doc struct {
			Files []struct {
				Findings []struct {
					Fingerprint string `json:"fingerprint"`
				} `json:"findings"`
			} `json:"files"`
		}
		if err := json.Unmarshal([]byte(jout), &doc); err != nil {
			t.Fatal(err)
		}
		i := 0
		for _, f := range doc.Files {
			for _, g := range f.Findings {
				if i >= len(fps) || g.Fingerprint != fps[i].fp {
					t.Errorf("JSON and SARIF fingerprints differ at finding %d", i)
				}
				i++
			}
		}
		return fps
	}
	before := collect()
	if len(before) != 4 {
		t.Fatalf("want 4 findings (001, 002, and two in 004), got %v", before)
	}
	for _, name := range []string{"001.txt", "002.txt", "004.txt"} {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, append([]byte("\n"), data...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := collect()
	if len(after) != len(before) {
		t.Fatalf("findings changed: %v then %v", before, after)
	}
	for i := range before {
		if after[i].line != before[i].line+1 {
			t.Errorf("%s: line %d then %d; the blank line did not move it", before[i].rule, before[i].line, after[i].line)
		}
		if after[i].fp != before[i].fp {
			t.Errorf("%s: fingerprint %s became %s when its line moved", before[i].rule, before[i].fp, after[i].fp)
		}
	}
}

// copySeeds copies seed reports NNN.txt into dir.
func copySeeds(t *testing.T, root, dir string, seeds ...string) {
	t.Helper()
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join(root, "testdata/seeds", s+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, s+".txt"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestCSV: one row per report with the counts and rules that fired, so the
// collection sorts by what is wrong; an unreadable file gets a row with why.
func TestCSV(t *testing.T) {
	root := repoRoot(t)
	dir := t.TempDir()
	t.Chdir(dir)
	copySeeds(t, root, dir, "001", "004")
	if err := os.WriteFile("empty.txt", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "", "--format", "csv", ".")
	if code != 3 || !strings.Contains(errs, "empty.txt") {
		t.Errorf("exit %d, stderr %q; want 3 naming empty.txt", code, errs)
	}
	if !strings.HasPrefix(out, "\ufeff") {
		t.Errorf("no byte order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"文件", "发文机关", "报告年度", "模板", "表格", "错误", "警告", "提示", "规则", "备注"},
		{"001.txt", "左岭街道", "2021", "2021年模板（国办公开办函〔2021〕30号）", "表二已核对；表三已核对；表四已核对", "1", "0", "0", "cell-not-number", ""},
		{"004.txt", "株洲市芦淞区人民政府", "2019", "2019年模板（国办公开办函〔2019〕60号）", "表二部分核对；表三部分核对；表四已核对", "0", "0", "2", "table-unchecked", ""},
		{"empty.txt", "", "", "", "", "", "", "", "", "empty.txt: 文件为空 (empty file)"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("CSV (-want +got):\n%s", diff)
	}
	// the rule selection and the exit code apply to CSV as to text
	code, out, _ = runCLI(t, "", "--format", "csv", "--lang", "en", "--disable", "cell-not-number", "001.txt")
	if code != 0 || !strings.Contains(out, "001.txt,左岭街道,2021,2021,table 2 checked; table 3 checked; table 4 checked,0,0,0,,\n") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
