package format

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/reportlint/reportlint/rules"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestOverview: bodies × years, with a year missing in the middle, a body
// with two reports for one year, a clean report, and an unreadable file.
func TestOverview(t *testing.T) {
	es := []OverviewEntry{
		{Path: "a/2019.txt", Body: "株洲市芦淞区人民政府", Key: "株洲市芦淞区政府", Year: 2019, Counts: [3]int{rules.Error: 2}},
		{Path: "a/2021.txt", Body: "株洲市芦淞区人民政府", Key: "株洲市芦淞区政府", Year: 2021},
		{Path: "b/2020.txt", Body: "左岭街道", Key: "左岭街道", Year: 2020, Counts: [3]int{rules.Warning: 1, rules.Info: 3}},
		{Path: "b/2020-copy.txt", Body: "左岭街道办事处", Key: "左岭街道", Year: 2020, Counts: [3]int{rules.Error: 1}},
		{Path: "c/broken.docx", Err: true},
	}
	for _, c := range []struct {
		golden string
		csv    bool
		en     bool
	}{{"overview.txt", false, false}, {"overview.en.txt", false, true}, {"overview.csv", true, false}} {
		var b bytes.Buffer
		if err := Overview(&b, es, c.csv, c.en); err != nil {
			t.Fatal(err)
		}
		path := "../testdata/overview/" + c.golden
		if *update {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.golden, diff)
		}
	}
}
