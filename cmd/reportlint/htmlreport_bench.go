package main

import (
	"bufio"
	"fmt"
	"html"
	"math"
	"sort"

	"github.com/reportlint/reportlint/parse"
)

// The benchmark view: evaluators compare bodies by the rates their tables
// give, and look first at the bodies outside the collection's middle half.

// rateKind is one benchmark rate: its name and how a report's figures make
// it (ok false where a figure was not read or the divisor is 0).
type rateKind struct {
	key, zh, en string
	of          func(tableFigures) (float64, bool)
}

var rateKinds = []rateKind{
	{"granted", "予以公开率", "share disclosed", func(f tableFigures) (float64, bool) {
		return ratio(f.Granted, f.Total) // 表三 （一）予以公开 / （七）总计
	}},
	{"rec", "复议纠正率", "reconsiderations corrected", func(f tableFigures) (float64, bool) {
		return ratio(f.RecCorrected, f.RecDone) // 表四 结果纠正 / 已审结
	}},
	{"suit", "诉讼纠正率", "lawsuits corrected", func(f tableFigures) (float64, bool) {
		return ratio(f.SuitCorrected, f.SuitDone)
	}},
	{"carry", "结转率", "carried forward", func(f tableFigures) (float64, bool) {
		return ratio(f.Forward, f.Total) // 表三 结转下年度继续办理 / （七）总计
	}},
}

func ratio(a, b float64) (float64, bool) {
	if a < 0 || b <= 0 {
		return 0, false
	}
	return a / b, true
}

// benchRate is one rate over the collection: its quartiles, and the
// reports below the first or above the third.
type benchRate struct {
	kind         rateKind
	n            int
	q1, med, q3  float64
	below, above []int // digest indexes, by rate then body
}

// quartile is the q-quantile of sorted values, interpolated between the
// two nearest (the usual method of spreadsheets, R's type 7).
func quartile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	h := q * float64(len(sorted)-1)
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(sorted) {
		return sorted[i]
	}
	return sorted[i] + (h-lo)*(sorted[i+1]-sorted[i])
}

func benchmarks(ds []reportDigest) []benchRate {
	var out []benchRate
	for _, k := range rateKinds {
		b := benchRate{kind: k}
		var vals []float64
		for _, d := range ds {
			if v, ok := k.of(d.Rates); ok && d.State == "report" {
				vals = append(vals, v)
			}
		}
		sort.Float64s(vals)
		b.n = len(vals)
		b.q1, b.med, b.q3 = quartile(vals, 0.25), quartile(vals, 0.5), quartile(vals, 0.75)
		for i, d := range ds {
			v, ok := k.of(d.Rates)
			switch {
			case !ok || d.State != "report":
			case v < b.q1:
				b.below = append(b.below, i)
			case v > b.q3:
				b.above = append(b.above, i)
			}
		}
		byRate := func(is []int) {
			sort.SliceStable(is, func(x, y int) bool {
				vx, _ := k.of(ds[is[x]].Rates)
				vy, _ := k.of(ds[is[y]].Rates)
				if vx != vy {
					return vx < vy
				}
				return ds[is[x]].ID < ds[is[y]].ID
			})
		}
		byRate(b.below)
		byRate(b.above)
		out = append(out, b)
	}
	return out
}

// maxListed bounds each list of bodies outside the quartiles; the table
// below still shows every report.
const maxListed = 50

func writeBenchmarks(w *bufio.Writer, s summary) {
	w.WriteString(`<section id="bench"><h2>` + both("对标：各机关各年度的比率", "Benchmarks: each body's rates by year") + `</h2>`)
	w.WriteString(`<p class="note">` + both("予以公开率 = 表三（一）予以公开 ÷（七）总计；复议纠正率、诉讼纠正率 = 表四结果纠正 ÷ 已审结（总计 − 尚未审结）；结转率 = 结转下年度继续办理 ÷（七）总计。四分位数按全部报告计算；低于下四分位数或高于上四分位数的标色。",
		"Share disclosed = Table 3 (1) disclosed ÷ (7) total; reconsiderations and lawsuits corrected = Table 4 corrected ÷ concluded (total − pending); carried forward = carried forward to next year ÷ (7) total. Quartiles over every report; rates below the first quartile or above the third are coloured.") + `</p>`)
	w.WriteString(`<div class="quartiles">`)
	for _, b := range s.bench {
		fmt.Fprintf(w, `<div class="rate" data-rate="%s"><h3>%s</h3>`, b.kind.key, both(b.kind.zh, b.kind.en))
		if b.n == 0 {
			w.WriteString(`<p>` + both("没有可计算的报告", "no report gives it") + `</p></div>`)
			continue
		}
		fmt.Fprintf(w, `<p class="q">n = %d · Q1 <b class="q1">%s</b> · %s <b class="med">%s</b> · Q3 <b class="q3">%s</b></p>`,
			b.n, pct(b.q1), both("中位数", "median"), pct(b.med), pct(b.q3))
		writeOutside(w, s, b, b.below, both("低于下四分位数", "below the first quartile"), "low")
		writeOutside(w, s, b, b.above, both("高于上四分位数", "above the third quartile"), "high")
		w.WriteString(`</div>`)
	}
	w.WriteString(`</div>`)
	writeRateTable(w, s)
	w.WriteString("</section>\n")
}

func writeOutside(w *bufio.Writer, s summary, b benchRate, is []int, title, cls string) {
	fmt.Fprintf(w, `<details class="outside %s"><summary>%s（%d）</summary><ul>`, cls, title, len(is))
	for n, i := range is {
		if n == maxListed {
			w.WriteString(`<li>` + both(fmt.Sprintf("另有 %d 个，见下表", len(is)-maxListed), fmt.Sprintf("%d more: see the table below", len(is)-maxListed)) + `</li>`)
			break
		}
		d := s.ds[i]
		v, _ := b.kind.of(d.Rates)
		fmt.Fprintf(w, `<li><a href="#%s">%s %d</a> %s</li>`, anchorOf(d.ID), html.EscapeString(orDash(d.Body)), d.Year, pct(v))
	}
	w.WriteString(`</ul></details>`)
}

// writeRateTable lists every report that gives a rate, by body and year.
func writeRateTable(w *bufio.Writer, s summary) {
	var rows []int
	for i, d := range s.ds {
		if d.State != "report" {
			continue
		}
		for _, k := range rateKinds {
			if _, ok := k.of(d.Rates); ok {
				rows = append(rows, i)
				break
			}
		}
	}
	sort.SliceStable(rows, func(x, y int) bool {
		a, b := s.ds[rows[x]], s.ds[rows[y]]
		if ka, kb := parse.BodyKey(a.Body), parse.BodyKey(b.Body); ka != kb {
			return ka < kb
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.ID < b.ID
	})
	w.WriteString(`<div class="scroll"><table class="rates"><thead><tr><th>` + both("发布机关", "issuing body") + `</th><th>` + both("年度", "year") + `</th>`)
	for _, k := range rateKinds {
		w.WriteString(`<th>` + both(k.zh, k.en) + `</th>`)
	}
	w.WriteString("</tr></thead><tbody>\n")
	for _, i := range rows {
		d := s.ds[i]
		fmt.Fprintf(w, `<tr data-id="%s"><th scope="row"><a href="#%s">%s</a></th><td>%d</td>`, html.EscapeString(d.ID), anchorOf(d.ID), html.EscapeString(orDash(d.Body)), d.Year)
		for j, k := range rateKinds {
			v, ok := k.of(d.Rates)
			if !ok {
				w.WriteString(`<td class="na">—</td>`)
				continue
			}
			cls := ""
			switch b := s.bench[j]; {
			case v < b.q1:
				cls = "low"
			case v > b.q3:
				cls = "high"
			}
			fmt.Fprintf(w, `<td class="%s" data-rate="%s" data-v="%.6f">%s</td>`, cls, k.key, v, pct(v))
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody></table></div>")
}

func pct(v float64) string {
	return fmt.Sprintf("%.1f%%", 100*v)
}
