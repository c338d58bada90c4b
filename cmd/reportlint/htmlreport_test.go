package main

// The HTML collection report opened in a real browser: headless Chromium
// driven through the DevTools protocol (internal/browsertest), as
// web/page_test.go opens the page.
// Without a chromium binary these tests skip; with
// REPORTLINT_REQUIRE_BROWSER=1 they fail instead. REPORTLINT_CHROMIUM names
// the binary when it is not chromium, chromium-browser or google-chrome.
//
//	go test ./cmd/reportlint -run TestHTMLReport -args -html-screenshot ../../docs/report.png

import (
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/reportlint/reportlint/internal/browsertest"
)

var htmlScreenshot = flag.String("html-screenshot", "", "write a PNG of the HTML collection report to this file")

// collectionDir is a small collection like ../shared: the seed reports, the
// corpus reports (one body's 2012 and 2013 among them, which year-jump and
// carry-statistics link), a file that is not a report and an empty one.
func collectionDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for _, glob := range []string{"../../testdata/seeds/*.txt", "../../testdata/corpus/*.txt", "../../testdata/notreports/105.txt"} {
		m, _ := filepath.Glob(glob)
		files = append(files, m...)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(filepath.Dir(f)) + "-" + filepath.Base(f)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// browserTab is a headless Chromium tab (internal/browsertest).
type browserTab = browsertest.Tab

func openBrowserTab(t *testing.T) *browserTab {
	t.Helper()
	return browsertest.Open(t)
}

func evalIn[T any](tb *browserTab, js string) T {
	tb.T.Helper()
	return browsertest.Eval[T](tb, js)
}

// jsonRun is what the test reads of the JSON output of the same run.
type jsonRun struct {
	Files []struct {
		File   string `json:"file"`
		Error  *string
		Counts struct{ Error, Warning, Info int }
		Status *struct {
			IssuingBody string `json:"issuing_body"`
		}
		Findings []struct {
			Rule string `json:"rule"`
		}
	}
	Summary struct{ Error, Warning, Info int }
}

func TestHTMLReportInBrowser(t *testing.T) {
	dir := collectionDir(t)
	out := filepath.Join(t.TempDir(), "report.html")
	if code, _, errs := runCLI(t, "", "--format", "html", "--root", dir, "-o", out, dir); code != 3 || !strings.Contains(errs, "empty.txt") {
		t.Fatalf("exit %d (want 3: empty.txt cannot be checked), stderr %q", code, errs)
	}
	_, js, _ := runCLI(t, "", "--format", "json", dir)
	var run jsonRun
	if err := json.Unmarshal([]byte(js), &run); err != nil {
		t.Fatal(err)
	}
	tb := openBrowserTab(t)
	u := (&url.URL{Scheme: "file", Path: out}).String()
	tb.Do(chromedp.Navigate(u))
	tb.WaitFor(`window.reportlintReport && window.reportlintReport.ready`)

	// one tab for every check, in order: no subtests, whose failures the
	// tab's helpers could not stop
	checkMatrix(t, tb, run)
	checkCharts(t, tb, run)
	checkBenchmark(t, tb)
	checkReportOpens(t, tb)
	checkFilters(t, tb)
	evalIn[chromedp.Void](tb, `document.getElementById('lang').click()`)
	if got := evalIn[string](tb, `document.querySelector('h1').innerText`); !strings.HasPrefix(got, "Annual reports") {
		t.Errorf("after the switch the title reads %q", got)
	}
	evalIn[chromedp.Void](tb, `document.getElementById('lang').click()`)
	if *htmlScreenshot != "" {
		evalIn[chromedp.Void](tb, `window.scrollTo(0, 0)`)
		png, err := chromedp.Run(tb.Ctx, chromedp.CaptureScreenshot()) // the viewport: matrix and charts
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(*htmlScreenshot, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// nothing but the file itself was requested, and nothing went wrong
	// (a policy violation would be reported as an error)
	requests := tb.Requests()
	for _, r := range requests {
		if r != u && !strings.HasPrefix(r, u+"#") {
			t.Errorf("the report requested %s", r)
		}
	}
	if len(requests) == 0 {
		t.Error("no request seen at all: the listener is deaf")
	}
	for _, p := range tb.Problems() {
		t.Errorf("the report said: %s", p)
	}
}

// checkMatrix: every filled cell is coloured by the worst finding of the
// file it links to, as the JSON output counts them; the files that are not
// reports or cannot be read are listed below in their colours.
func checkMatrix(t *testing.T, tb *browserTab, run jsonRun) {
	worst := map[string]string{}
	for _, f := range run.Files {
		w := "clean"
		switch {
		case f.Error != nil:
			w = "error-file"
		case f.Counts.Error > 0:
			w = "error"
		case f.Counts.Warning > 0:
			w = "warning"
		case f.Counts.Info > 0:
			w = "info"
		}
		worst[filepath.Base(f.File)] = w
	}
	type cell struct {
		Class, Path, Text string
	}
	cells := evalIn[[]cell](tb, `[...document.querySelectorAll('.matrix td.cell')].map((td) => {
		const a = td.querySelector('a');
		const rep = a && document.getElementById(a.getAttribute('href').slice(1));
		return {class: td.className, path: rep ? rep.querySelector('.path').textContent : '', text: td.innerText};
	})`)
	filled, missing := 0, 0
	for _, c := range cells {
		if c.Path == "" {
			missing++
			if c.Class != "cell worst-missing" {
				t.Errorf("an empty cell has class %q", c.Class)
			}
			continue
		}
		filled++
		if strings.Contains(c.Text, "份") {
			continue // several files: the worst of them
		}
		if want := "cell worst-" + worst[filepath.Base(c.Path)]; c.Class != want {
			t.Errorf("cell of %s: class %q, want %q", c.Path, c.Class, want)
		}
	}
	if filled < 20 || missing == 0 {
		t.Errorf("%d filled cells and %d missing: the matrix is not laid out", filled, missing)
	}
	loose := evalIn[[]string](tb, `[...document.querySelectorAll('ul.loose li')].map((li) => li.className + ' ' + li.querySelector('a').textContent)`)
	joined := strings.Join(loose, "\n")
	for _, want := range []string{"cell worst-notreport notreports-105.txt", "cell worst-unreadable empty.txt"} {
		if !regexp.MustCompile(want).MatchString(joined) {
			t.Errorf("the files outside the matrix lack %q:\n%s", want, joined)
		}
	}
}

// checkCharts: the severity chart's numbers are the JSON summary's, and the
// rule chart's are the JSON findings counted by rule.
func checkCharts(t *testing.T, tb *browserTab, run jsonRun) {
	bars := func(id string) map[string]int {
		return evalIn[map[string]int](tb, fmt.Sprintf(`Object.fromEntries([...document.querySelectorAll('#chart-%s g.bar')].map((g) => [g.dataset.key, +g.dataset.n]))`, id))
	}
	sev := bars("by-severity")
	if sev["error"] != run.Summary.Error || sev["warning"] != run.Summary.Warning || sev["info"] != run.Summary.Info {
		t.Errorf("severity chart %v, JSON summary %+v", sev, run.Summary)
	}
	byRule := map[string]int{}
	for _, f := range run.Files {
		for _, fd := range f.Findings {
			byRule[fd.Rule]++
		}
	}
	got := bars("by-rule")
	if len(got) != len(byRule) {
		t.Errorf("rule chart has %d rules, the JSON %d", len(got), len(byRule))
	}
	for id, n := range byRule {
		if got[id] != n {
			t.Errorf("rule chart: %s %d, JSON %d", id, got[id], n)
		}
	}
	labels := evalIn[string](tb, `document.querySelector('#chart-by-severity svg text').textContent`)
	if labels != fmt.Sprint(run.Summary.Error) {
		t.Errorf("the error bar reads %q, want %d", labels, run.Summary.Error)
	}
}

// checkBenchmark: corpus 009 (2024) discloses 1362 of 3050 applications in
// its 表三 (（一）予以公开 and （七）总计 of the 总计 column): 44.7%.
func checkBenchmark(t *testing.T, tb *browserTab) {
	got := evalIn[string](tb, `(() => {
		const tr = [...document.querySelectorAll('table.rates tr')].find((r) => (r.dataset.id || '').endsWith('corpus-009.txt'));
		return tr ? tr.querySelector('td[data-rate="granted"]').textContent + ' ' + tr.querySelector('td[data-rate="granted"]').dataset.v : '';
	})()`)
	if want := fmt.Sprintf("44.7%% %.6f", 1362.0/3050); got != want {
		t.Errorf("granted rate of corpus 009: %q, want %q", got, want)
	}
	q := evalIn[string](tb, `document.querySelector('.rate[data-rate="granted"] .q').textContent`)
	if !strings.Contains(q, "Q1") || !strings.Contains(q, "Q3") {
		t.Errorf("no quartiles: %q", q)
	}
}

// checkReportOpens: a click on 平潭综合实验区's 2013 cell opens corpus 104
// with its findings and their marks; year-jump marks 72804 and links to the
// 2012 report, which opens in turn.
func checkReportOpens(t *testing.T, tb *browserTab) {
	evalIn[chromedp.Void](tb, `(() => {
		const row = [...document.querySelectorAll('.matrix tbody tr')].find((r) => r.querySelector('th').textContent === '平潭综合实验区管委会');
		const col = [...document.querySelectorAll('.matrix thead th')].findIndex((th) => th.textContent === '2013');
		row.children[col].querySelector('a').click();
	})()`)
	tb.WaitFor(`(() => { const r = document.querySelector('details.rep[open]'); return !!(r && r.querySelector('.finding')); })()`)
	path := evalIn[string](tb, `document.querySelector('details.rep[open] .path').textContent`)
	if !strings.HasSuffix(path, "corpus-104.txt") {
		t.Fatalf("the click opened %s", path)
	}
	marked := evalIn[string](tb, `(() => {
		const r = document.querySelector('details.rep[open]');
		const li = [...r.querySelectorAll('.finding')].find((f) => f.dataset.rule === 'year-jump');
		li.click();
		return [...r.querySelectorAll('.doc mark.f' + li.dataset.i + '.current')].map((m) => m.textContent).join('|');
	})()`)
	if marked != "72804" {
		t.Errorf("year-jump's mark reads %q, want 72804", marked)
	}
	if n := evalIn[int](tb, `document.querySelectorAll('details.rep[open] .doc mark.m').length`); n < 3 {
		t.Errorf("%d marks in the report's lines", n)
	}
	evalIn[chromedp.Void](tb, `[...document.querySelectorAll('details.rep[open] .finding')].find((f) => f.dataset.rule === 'year-jump').querySelector('.related a').click()`)
	tb.WaitFor(`[...document.querySelectorAll('details.rep[open] .path')].some((p) => p.textContent.endsWith('corpus-102.txt'))`)
}

// checkFilters: the rule filter leaves the reports with that rule, the
// search box those that name the words.
func checkFilters(t *testing.T, tb *browserTab) {
	shown := func() []string {
		return evalIn[[]string](tb, `[...document.querySelectorAll('details.rep:not(.hidden) .path')].map((p) => p.textContent)`)
	}
	set := func(id, v string) {
		evalIn[chromedp.Void](tb, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q; e.dispatchEvent(new Event(%q)); })()`,
			id, v, map[bool]string{true: "input", false: "change"}[id == "f-search"]))
	}
	// 2013's 72804 is five times 2012's 739, and 2014's 2543 under a fifth of it
	set("f-rule", "year-jump")
	if got := shown(); len(got) != 2 || !strings.HasSuffix(got[0], "corpus-104.txt") || !strings.HasSuffix(got[1], "corpus-106.txt") {
		t.Errorf("year-jump filter shows %v", got)
	}
	set("f-rule", "")
	set("f-search", "左岭街道")
	if got := shown(); len(got) == 0 || len(got) > 3 {
		t.Errorf("search shows %v", got)
	}
	set("f-search", "")
	set("f-sev", "unchecked")
	if got := shown(); len(got) != 2 {
		t.Errorf("the files not checked: %v", got)
	}
	set("f-sev", "")
}

// TestHTMLReportSameEveryRun: the report is byte for byte the same however
// many workers check the files, and from one run to the next.
func TestHTMLReportSameEveryRun(t *testing.T) {
	dir := collectionDir(t)
	var outs []string
	for _, j := range []string{"1", "3", "3"} {
		_, out, _ := runCLI(t, "", "--format", "html", "-j", j, dir)
		outs = append(outs, out)
	}
	if outs[0] != outs[1] || outs[1] != outs[2] {
		t.Error("the HTML report differs between runs")
	}
	if !strings.Contains(outs[0], "connect-src 'none'") || strings.Contains(outs[0], "http://") && !strings.Contains(outs[0], `xmlns="http://www.w3.org/2000/svg"`) {
		t.Error("the report's policy does not forbid connections")
	}
}
