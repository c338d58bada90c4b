package recall

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/parse"
)

// -recall.dirs points the test at other reports, for instance the shared
// corpus: go test ./internal/recall -run TestRecall -v -recall.dirs=../../../shared/seeds,../../../shared/corpus/raw,../../../shared/corpus/pdf
var dirs = flag.String("recall.dirs", "../../testdata/corpus,../../testdata/corpus/pdf,../../testdata/seeds", "comma-separated directories of reports to change")

// TestRecall changes every number of 表三, 表四 and the statistics tables of
// the real reports in the test data, one at a time, and asserts that
// reportlint notices at least 95% of the changes in 表三 and in 表四 that it
// reads (tables it says it could not check are counted apart, in the
// printed summary). With -v it prints the recall per table shape and the
// changes it missed.
func TestRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("changes every table number of every test report")
	}
	var all []Table
	for _, dir := range strings.Split(*dirs, ",") {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if st, err := os.Stat(f); err != nil || st.IsDir() || filepath.Base(f) == "README.md" || strings.HasSuffix(f, ".golden") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := File(context.Background(), f, data, decode.Options{})
			if err != nil {
				t.Logf("%s: %v", f, err)
				continue
			}
			for _, r := range res {
				t.Logf("%-48s %-12s %-9v %-30s %4d/%-4d %s", filepath.Base(r.File), r.Kind, r.Status, r.Shape, r.Noticed, r.Cells, strings.Join(r.Missed, "; "))
			}
			all = append(all, res...)
		}
	}
	t.Logf("\n%s", Summary(all))
	for _, kind := range []parse.TableKind{parse.TableApplications, parse.TableReview} {
		cells, noticed := 0, 0
		for _, r := range all {
			if r.Kind == kind && r.Status != parse.TableUnchecked {
				cells += r.Cells
				noticed += r.Noticed
			}
		}
		if cells == 0 {
			t.Errorf("%v: no table was changed", kind)
			continue
		}
		if p := Percent(noticed, cells); p < 95 {
			t.Errorf("%v: %d of %d changes noticed (%.1f%%), want at least 95%%", kind, noticed, cells, p)
		}
	}
}
