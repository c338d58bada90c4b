package main

import (
	"bufio"
	"fmt"
	"html"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/format"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// The summary of the HTML collection report, made of the files' digests:
// the bodies × years matrix, the charts and the benchmark rates.

type summary struct {
	ds     []reportDigest
	byID   map[string]int // a digest by file identity
	grid   format.Grid
	rules  []ruleCount // findings by rule, most first
	bench  []benchRate
	lang   []*rules.Rule
	totals [3]int
}

type ruleCount struct {
	ID string
	N  int
}

func summarise(ds []reportDigest, run format.Run) summary {
	s := summary{ds: ds, byID: map[string]int{}, lang: run.Rules}
	var es []format.OverviewEntry
	perRule := map[string]int{}
	for i, d := range ds {
		s.byID[d.ID] = i
		es = append(es, format.OverviewEntry{Path: d.ID, Body: d.Body, Key: parse.BodyKey(d.Body), Year: d.Year,
			Err: d.State != "report", Counts: d.Counts})
		for id, n := range d.Rules {
			perRule[id] += n
		}
		for k, n := range d.Counts {
			s.totals[k] += n
		}
	}
	s.grid = format.GridOf(es)
	for id, n := range perRule {
		s.rules = append(s.rules, ruleCount{id, n})
	}
	sort.Slice(s.rules, func(i, j int) bool {
		if s.rules[i].N != s.rules[j].N {
			return s.rules[i].N > s.rules[j].N
		}
		return s.rules[i].ID < s.rules[j].ID
	})
	s.bench = benchmarks(ds)
	return s
}

func writeSummary(w *bufio.Writer, s summary) {
	writeMatrix(w, s)
	writeCharts(w, s)
	writeBenchmarks(w, s)
}

// ---- the matrix -------------------------------------------------------

func writeMatrix(w *bufio.Writer, s summary) {
	w.WriteString(`<section id="matrix"><h2>` + both("发布机关 × 年度", "Issuing bodies × years") + `</h2>`)
	w.WriteString(`<p class="legend">` + legend() + `</p>`)
	w.WriteString(`<div class="scroll"><table class="matrix"><thead><tr><th>` + both("发布机关", "issuing body") + `</th>`)
	for _, y := range s.grid.Years {
		fmt.Fprintf(w, "<th>%d</th>", y)
	}
	w.WriteString("</tr></thead><tbody>\n")
	for b, body := range s.grid.Bodies {
		fmt.Fprintf(w, `<tr><th scope="row">%s</th>`, html.EscapeString(body))
		for y, files := range s.grid.Cells[b] {
			writeCell(w, s, files, s.grid.Years[y])
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody></table></div>")
	if len(s.grid.Loose) > 0 {
		w.WriteString(`<h3>` + both("未放入表中的文件", "Files not in the table") + `</h3><ul class="loose">`)
		for _, e := range s.grid.Loose {
			d := s.ds[s.byID[e.Path]]
			why := both("未认出发布机关或年度", "no issuing body or year recognised")
			switch d.State {
			case "notreport":
				why = both("不是年度报告", "not a report")
			case "unreadable":
				why = both("无法读取", "unreadable")
			}
			fmt.Fprintf(w, `<li class="cell worst-%s"><a href="#%s">%s</a> — %s</li>`, worstOf(d), anchorOf(d.ID), html.EscapeString(d.ID), why)
		}
		w.WriteString("</ul>")
	}
	w.WriteString("</section>\n")
}

func legend() string {
	var b strings.Builder
	for _, k := range []struct{ cls, zh, en string }{
		{"error", "有错误", "errors"}, {"warning", "有警告", "warnings"}, {"info", "仅提示", "notes only"},
		{"clean", "无问题", "clean"}, {"missing", "缺", "missing"}, {"notreport", "不是年度报告", "not a report"},
		{"unreadable", "无法读取", "unreadable"},
	} {
		fmt.Fprintf(&b, `<span class="key worst-%s">%s</span> `, k.cls, both(k.zh, k.en))
	}
	return b.String()
}

// writeCell writes a body's cell of a year: coloured by the worst of its
// files, linking to the first.
func writeCell(w *bufio.Writer, s summary, files []format.OverviewEntry, year int) {
	if len(files) == 0 {
		fmt.Fprintf(w, `<td class="cell worst-missing" data-year="%d">%s</td>`, year, both("缺", "missing"))
		return
	}
	worst, counts := "clean", [3]int{}
	rank := map[string]int{"clean": 0, "info": 1, "warning": 2, "error": 3}
	for _, e := range files {
		d := s.ds[s.byID[e.Path]]
		if rank[worstOf(d)] > rank[worst] {
			worst = worstOf(d)
		}
		for k, n := range d.Counts {
			counts[k] += n
		}
	}
	words := both("无问题", "clean")
	if counts != [3]int{} {
		words = both(fmt.Sprintf("错%d 警%d 提%d", counts[rules.Error], counts[rules.Warning], counts[rules.Info]),
			fmt.Sprintf("E%d W%d I%d", counts[rules.Error], counts[rules.Warning], counts[rules.Info]))
	}
	if len(files) > 1 {
		words = both(fmt.Sprintf("%d份 ", len(files)), fmt.Sprintf("%d files ", len(files))) + words
	}
	fmt.Fprintf(w, `<td class="cell worst-%s" data-year="%d"><a href="#%s">%s</a></td>`, worst, year, anchorOf(files[0].Path), words)
}

// ---- the charts -------------------------------------------------------

// bar is one bar of a chart: its label, and its value in parts (a stacked
// bar) with their classes.
type bar struct {
	key    string // data-key, for a test to find it
	label  string // HTML
	values []int
	cls    []string
}

func writeCharts(w *bufio.Writer, s summary) {
	w.WriteString(`<section id="charts"><h2>` + both("统计图", "Charts") + `</h2><div class="charts">`)
	sev := []bar{
		{"error", both("错误", "errors"), []int{s.totals[rules.Error]}, []string{"worst-error"}},
		{"warning", both("警告", "warnings"), []int{s.totals[rules.Warning]}, []string{"worst-warning"}},
		{"info", both("提示", "notes"), []int{s.totals[rules.Info]}, []string{"worst-info"}},
	}
	writeChart(w, "by-severity", both("问题数（按级别）", "Findings by severity"), sev, false)
	var byRule []bar
	for _, rc := range s.rules {
		byRule = append(byRule, bar{rc.ID, html.EscapeString(rc.ID), []int{rc.N}, []string{"worst-" + ruleSeverity(rc.ID)}})
	}
	writeChart(w, "by-rule", both("问题数（按规则）", "Findings by rule"), byRule, false)
	writeChart(w, "by-year", both("问题数（按报告年度）", "Findings by report year"), yearBars(s.ds), false)
	writeChart(w, "tables", both("表三、表四核对情况（2019年及以后模板的报告）", "Tables 3 and 4 checked (reports of the 2019 and 2021 templates)"), tableBars(s.ds), true)
	w.WriteString("</div></section>\n")
}

func ruleSeverity(id string) string {
	if r := rules.Lookup(id); r != nil {
		return r.Severity.String()
	}
	return "info"
}

// yearBars are the findings of each report year, stacked by severity.
func yearBars(ds []reportDigest) []bar {
	by := map[int][3]int{}
	for _, d := range ds {
		if d.State != "report" {
			continue
		}
		c := by[d.Year]
		for k, n := range d.Counts {
			c[k] += n
		}
		by[d.Year] = c
	}
	years := make([]int, 0, len(by))
	for y := range by {
		years = append(years, y)
	}
	slices.Sort(years)
	var out []bar
	for _, y := range years {
		c := by[y]
		label := fmt.Sprint(y)
		if y == 0 {
			label = both("年度不明", "year unknown")
		}
		out = append(out, bar{fmt.Sprint(y), label, []int{c[rules.Error], c[rules.Warning], c[rules.Info]},
			[]string{"worst-error", "worst-warning", "worst-info"}})
	}
	return out
}

// tableBars are, for 表三 and 表四, how many reports had them checked
// fully, partly, not at all, or had none.
func tableBars(ds []reportDigest) []bar {
	states := []string{"read", "partial", "unchecked", "missing"}
	var out []bar
	for _, kind := range []struct{ key, zh, en string }{{"applications", "表三", "Table 3"}, {"review", "表四", "Table 4"}} {
		n := make([]int, len(states))
		for _, d := range ds {
			if st, ok := d.Tables[kind.key]; ok {
				n[slices.Index(states, st)]++
			}
		}
		out = append(out, bar{kind.key, both(kind.zh, kind.en), n, []string{"tb-read", "tb-partial", "tb-unchecked", "tb-missing"}})
	}
	return out
}

// writeChart draws horizontal bars as inline SVG, each with its number;
// shares draws each bar as the whole (100%) with its parts' percentages.
func writeChart(w *bufio.Writer, id, title string, bars []bar, shares bool) {
	const labelW, barW, rowH = 150, 260, 22
	most := 1
	for _, b := range bars {
		most = max(most, sum(b.values))
	}
	fmt.Fprintf(w, `<figure class="chart" id="chart-%s"><figcaption>%s</figcaption>`, id, title)
	if len(bars) == 0 {
		w.WriteString(`<p class="none">` + both("无", "none") + `</p></figure>`)
		return
	}
	fmt.Fprintf(w, `<div class="labels">`)
	for _, b := range bars {
		fmt.Fprintf(w, `<div class="label">%s</div>`, b.label)
	}
	h := rowH * len(bars)
	fmt.Fprintf(w, `</div><svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img">`, barW+130, h, barW+130, h)
	for i, b := range bars {
		total := sum(b.values)
		scale := float64(barW) / float64(most)
		if shares {
			scale = float64(barW) / math.Max(1, float64(total))
		}
		x := 0.0
		fmt.Fprintf(w, `<g class="bar" data-key="%s" data-n="%d">`, html.EscapeString(b.key), total)
		for k, v := range b.values {
			wd := float64(v) * scale
			fmt.Fprintf(w, `<rect class="%s" x="%.1f" y="%d" width="%.1f" height="%d" data-n="%d"><title>%d</title></rect>`,
				b.cls[k], x, i*rowH+3, wd, rowH-6, v, v)
			x += wd
		}
		fmt.Fprintf(w, `<text x="%.1f" y="%d">%s</text></g>`, x+4, i*rowH+rowH/2+4, barWords(b, shares))
	}
	w.WriteString("</svg></figure>\n")
}

func barWords(b bar, shares bool) string {
	if !shares {
		return fmt.Sprint(sum(b.values))
	}
	total := max(1, sum(b.values))
	var parts []string
	for _, v := range b.values[:3] {
		parts = append(parts, fmt.Sprintf("%.0f%%", 100*float64(v)/float64(total)))
	}
	return strings.Join(parts, " / ")
}

func sum(vs []int) int {
	n := 0
	for _, v := range vs {
		n += v
	}
	return n
}

// ---- the filters ------------------------------------------------------

func writeFilters(w *bufio.Writer, s summary) {
	w.WriteString(`<div class="filters"><label>` + both("级别", "severity") + ` <select id="f-sev">`)
	w.WriteString(`<option value="">` + both("全部", "all") + `</option>`)
	for _, o := range []struct{ v, zh, en string }{{"error", "有错误", "with errors"}, {"warning", "有警告", "with warnings"},
		{"info", "有提示", "with notes"}, {"clean", "无问题", "clean"}, {"unchecked", "未能检查", "not checked"}} {
		fmt.Fprintf(w, `<option value="%s">%s</option>`, o.v, html.EscapeString(o.zh+" / "+o.en))
	}
	w.WriteString(`</select></label> <label>` + both("规则", "rule") + ` <select id="f-rule"><option value="">` + both("全部", "all") + `</option>`)
	for _, rc := range s.rules {
		fmt.Fprintf(w, `<option value="%s">%s (%d)</option>`, html.EscapeString(rc.ID), html.EscapeString(rc.ID), rc.N)
	}
	w.WriteString(`</select></label> <label>` + both("搜索", "search") + ` <input id="f-search" type="search" autocomplete="off"></label> <span id="f-count"></span></div>` + "\n")
}
