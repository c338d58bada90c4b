package format

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// OverviewEntry is one file of a collection, as the overview sees it.
type OverviewEntry struct {
	Path   string
	Body   string // the issuing body as printed; "" when unknown
	Key    string // parse.BodyKey(Body)
	Year   int
	Err    bool // the file could not be read
	Counts [3]int
}

// OverviewEntryOf summarises a checked file for the overview.
func OverviewEntryOf(res FileResult) OverviewEntry {
	e := OverviewEntry{Path: res.Path, Err: res.Err != nil || res.Report == nil}
	if res.Report != nil {
		e.Body, e.Year = res.Report.Issuer, res.Report.Year
		e.Key = parse.BodyKey(e.Body)
	}
	for _, f := range res.Findings {
		e.Counts[f.Severity]++
	}
	return e
}

// overview is the bodies × years table.
type overview struct {
	years  []int
	bodies []string          // display names, sorted by key
	cells  map[string][]cell // body → one cell per year
	loose  []OverviewEntry   // files with no body or year, or unreadable
}

type cell struct {
	entries []OverviewEntry
}

func buildOverview(es []OverviewEntry) overview {
	o := overview{cells: map[string][]cell{}}
	var keys []string
	for _, e := range es {
		keys = append(keys, e.Key)
	}
	group := rules.BodyGroups(keys)
	for i := range es {
		es[i].Key = group[es[i].Key]
	}
	yearSet := map[int]bool{}
	names := map[string]string{}
	byBody := map[string][]OverviewEntry{}
	for _, e := range es {
		if e.Err || e.Key == "" || e.Year == 0 {
			o.loose = append(o.loose, e)
			continue
		}
		yearSet[e.Year] = true
		byBody[e.Key] = append(byBody[e.Key], e)
		if len([]rune(e.Body)) > len([]rune(names[e.Key])) {
			names[e.Key] = e.Body
		}
	}
	for y := range yearSet {
		o.years = append(o.years, y)
	}
	sort.Ints(o.years)
	if n := len(o.years); n > 0 {
		// every year from the first to the last, so that a missing year shows
		full := make([]int, 0, o.years[n-1]-o.years[0]+1)
		for y := o.years[0]; y <= o.years[n-1]; y++ {
			full = append(full, y)
		}
		o.years = full
	}
	bodyKeys := make([]string, 0, len(byBody))
	for k := range byBody {
		bodyKeys = append(bodyKeys, k)
	}
	sort.Strings(bodyKeys)
	for _, k := range bodyKeys {
		row := make([]cell, len(o.years))
		for _, e := range byBody[k] {
			row[e.Year-o.years[0]].entries = append(row[e.Year-o.years[0]].entries, e)
		}
		o.bodies = append(o.bodies, names[k])
		o.cells[names[k]] = row
	}
	return o
}

// Grid is the overview's table for another rendering of it (the HTML
// collection report): the years from the first to the last, the bodies'
// names, each body's files of each year, and the files with no body or
// year or unreadable, as Overview prints them.
type Grid struct {
	Years  []int
	Bodies []string
	Cells  [][][]OverviewEntry // [body][year] → the files
	Loose  []OverviewEntry
}

// GridOf lays the entries out as Overview does.
func GridOf(es []OverviewEntry) Grid {
	o := buildOverview(es)
	g := Grid{Years: o.years, Bodies: o.bodies, Loose: o.loose}
	for _, b := range o.bodies {
		row := make([][]OverviewEntry, len(o.years))
		for i, c := range o.cells[b] {
			row[i] = c.entries
		}
		g.Cells = append(g.Cells, row)
	}
	return g
}

// word says what a cell holds: 缺 (missing), 无问题 (checked, clean), or the
// counts by severity; several files of one body and year are all counted.
func (c cell) word(en bool) string {
	if len(c.entries) == 0 {
		if en {
			return "missing"
		}
		return "缺"
	}
	var n [3]int
	for _, e := range c.entries {
		for s := range n {
			n[s] += e.Counts[s]
		}
	}
	prefix := ""
	if len(c.entries) > 1 {
		prefix = pick(en, fmt.Sprintf("%d files: ", len(c.entries)), fmt.Sprintf("%d份：", len(c.entries)))
	}
	if n[rules.Error]+n[rules.Warning]+n[rules.Info] == 0 {
		return prefix + pick(en, "clean", "无问题")
	}
	if en {
		return prefix + fmt.Sprintf("E%d W%d I%d", n[rules.Error], n[rules.Warning], n[rules.Info])
	}
	return prefix + fmt.Sprintf("错%d 警%d 提%d", n[rules.Error], n[rules.Warning], n[rules.Info])
}

// Overview writes the collection as a table of issuing bodies × years: each
// cell says 无问题 (checked clean), the findings by severity, or 缺 (no
// report for that year); files that could not be read or name no body or
// year are listed after it. With csvOut the table is CSV for a spreadsheet.
func Overview(w io.Writer, es []OverviewEntry, csvOut, en bool) error {
	o := buildOverview(es)
	header := []string{pick(en, "issuing body", "发布机关")}
	for _, y := range o.years {
		header = append(header, fmt.Sprint(y))
	}
	rows := [][]string{header}
	for _, b := range o.bodies {
		row := []string{b}
		for _, c := range o.cells[b] {
			row = append(row, c.word(en))
		}
		rows = append(rows, row)
	}
	for _, e := range o.loose {
		why := pick(en, "no issuing body or year recognised", "未认出发布机关或年度")
		if e.Err {
			why = pick(en, "could not be read", "无法读取")
		}
		rows = append(rows, append([]string{e.Path}, why))
	}
	if csvOut {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		cw := csv.NewWriter(w)
		if err := cw.WriteAll(rows); err != nil {
			return err
		}
		return cw.Error()
	}
	return writeColumns(w, rows)
}

// writeColumns aligns a table for a terminal; Chinese characters are two
// columns wide.
func writeColumns(w io.Writer, rows [][]string) error {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			if n := displayWidth(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(b.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
