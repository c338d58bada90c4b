package format

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// A slim report prints as the whole one does, in every format: the test
// reports of every form (their findings, statuses, tables read in part,
// issuing bodies, places in HTML and DOCX files), and the IssuingBody
// cases, whose bodies come from the lines around the title.
func TestSlimPrintsTheSame(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../testdata/seeds/*.txt", "../testdata/corpus/*", "../testdata/formats/*.html", "../testdata/formats/*.docx", "../testdata/formats/*.gbk.txt"} {
		ps, _ := filepath.Glob(pattern)
		paths = append(paths, ps...)
	}
	var whole, slim []FileResult
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue // a folder
		}
		r, err := parse.ParseBytes(p, data)
		if err != nil {
			continue
		}
		fs := rules.CheckWith(r, rules.All(), rules.Options{})
		whole = append(whole, FileResult{Path: p, ID: p, Report: r, Findings: fs, Fingerprints: rules.Fingerprints(p, fs)})
		slim = append(slim, SlimResult(FileResult{Path: p, ID: p, Report: r, Findings: fs, Fingerprints: rules.Fingerprints(p, fs)}))
	}
	if len(whole) < 25 {
		t.Fatalf("only %d test reports", len(whole))
	}
	print := func(results []FileResult) map[string]string {
		out := map[string]string{}
		for name, write := range map[string]func(*bytes.Buffer, Run) error{
			"json":  func(b *bytes.Buffer, run Run) error { return JSON(b, run) },
			"sarif": func(b *bytes.Buffer, run Run) error { return SARIF(b, run) },
			"csv":   func(b *bytes.Buffer, run Run) error { return CSV(b, run) },
			"text":  func(b *bytes.Buffer, run Run) error { return Text(b, run.Results, Options{}) },
		} {
			for _, en := range []bool{false, true} {
				var b bytes.Buffer
				if err := write(&b, Run{Tool: Tool{Name: "reportlint"}, Rules: rules.All(), Results: results, English: en}); err != nil {
					t.Fatal(err)
				}
				out[name+map[bool]string{false: "", true: " en"}[en]] = b.String()
			}
		}
		for _, r := range results {
			out["body "+r.Path] = IssuingBody(r.Report)
		}
		return out
	}
	want, got := print(whole), print(slim)
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%s differs with slim reports", k)
		}
	}
	if !bytes.Contains([]byte(want["json"]), []byte(`"rows_not_read": [`+"\n")) {
		t.Error("no table read in part among the test reports: the slim rows go untested")
	}
}
