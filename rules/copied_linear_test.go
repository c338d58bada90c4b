package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/reportlint/reportlint/parse"
)

// TestCopiedShareLinear: a report copied whole from last year's is one
// long run of copied sentences; measuring it takes time linear in the
// prose (the run was once joined as it grew: a 50 MB pair of reports took
// over 27 minutes). 8× the prose must take under 32× the time.
func TestCopiedShareLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("times copied-prose on large crafted reports")
	}
	reportOf := func(year, n int) *parse.Report {
		var b strings.Builder
		fmt.Fprintf(&b, "某某区人民政府%d年政府信息公开工作年度报告\n本报告所列数据的统计期限自%d年1月1日至%d年12月31日。\n一、总体情况\n", year, year, year)
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "我区第%d项工作持续推进政务公开标准化规范化建设，不断完善信息发布机制和解读回应机制。\n", i)
		}
		r, err := parseBytes("r.txt", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	timeOf := func(n int) time.Duration {
		cur, prev := reportOf(2022, n), reportOf(2021, n)
		best := time.Duration(1 << 62)
		for k := 0; k < 3; k++ {
			start := time.Now()
			if share, run, _, _, ok := copiedShare(cur, prev); !ok || share < 0.9 || run == "" {
				t.Fatalf("n=%d: share %v, ok %v: the reports are copies", n, share, ok)
			}
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := timeOf(4000), timeOf(32000)
	t.Logf("copiedShare: %v for 4,000 sentences, %v for 32,000", small, large)
	if large > 32*small+50*time.Millisecond {
		t.Errorf("8× the prose took %v against %v: not linear", large, small)
	}
}

// A "sentence" of more characters than any prose sentence (a crafted
// line of millions of characters without a stop) is left out of the
// sentences the copied-prose checks and a run's digests compare: it was
// masked whole, seconds and hundreds of megabytes for one line. The
// sentences around it count as before.
func TestLongSentenceLeftOut(t *testing.T) {
	prose := "我区持续推进政务公开标准化规范化建设，不断完善信息发布机制。\n"
	text := "某某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n" + prose +
		strings.Repeat("|1", maxSentence) + "\n" + prose
	r, err := parseBytes("r.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	long := false
	for _, sp := range r.Sentences {
		long = long || sp.End-sp.Start > maxSentence
	}
	if !long {
		t.Fatal("the long line is no sentence of the parse: the test tests nothing")
	}
	d := DigestOf("r.txt", r)
	if len(d.Sentences) != 2 {
		t.Errorf("%d sentences digested, want the 2 of prose", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		if s.Len > maxSentence {
			t.Errorf("a sentence of %d characters digested", s.Len)
		}
	}
}
