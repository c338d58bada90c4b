//go:build ignore

// seed2html writes a seed report as the HTML page a government site would
// publish: prose as paragraphs, the template's tables as real <table>
// elements (rowspan over group labels such as （三）不予公开, colspan where
// a row has fewer cells than the table), and a little site chrome around
// it. It is how testdata/formats/*.html were made (see make.sh); the DOCX
// copies are LibreOffice's conversion of these pages.
//
// Usage: go run seed2html.go SEED.txt > SEED.html
package main

import (
	"bufio"
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run seed2html.go SEED.txt > SEED.html")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprint(w, pageHead)
	for i := 0; i < len(lines); {
		switch {
		case isPipeRow(lines[i]):
			j := i
			for j < len(lines) && isPipeRow(lines[j]) {
				j++
			}
			writeTable(w, pipeRows(lines[i:j]))
			i = j
		case startsCellTable(lines, i):
			j := cellRunEnd(lines, i)
			writeTable(w, cellRows(lines[i:j]))
			i = j
		default:
			if t := strings.TrimSpace(lines[i]); t != "" {
				fmt.Fprintf(w, "<p>%s</p>\n", html.EscapeString(lines[i]))
			}
			i++
		}
	}
	fmt.Fprint(w, pageFoot)
}

const pageHead = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>政府信息公开年报</title>
<style>td { border: 1px solid #000; }</style>
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwgk/nb/">政府信息公开年报</a></div>
<div class="article">
`

const pageFoot = `</div>
<div class="footer"><a href="/about">关于我们</a> <a href="/map">网站地图</a></div>
</body>
</html>
`

// A row is its cells; a cell spans rows below it (rowspan) or columns.
type cell struct {
	text             string
	rowspan, colspan int
}

func isPipeRow(l string) bool { return strings.Contains(l, "|") }

// pipeRows splits "a | b | ||" rows. Trailing empty cells are the padding
// of merged cells in the copy and become the colspan of the cell before
// them; a group label (（三）不予公开 before 1.属于国家秘密) spans the rows of
// its numbered children.
func pipeRows(lines []string) [][]cell {
	var rows [][]cell
	for _, l := range lines {
		var row []cell
		for _, c := range strings.Split(l, "|") {
			row = append(row, cell{text: strings.TrimSpace(c), rowspan: 1, colspan: 1})
		}
		for len(row) > 1 && row[len(row)-1].text == "" {
			row = row[:len(row)-1]
		}
		rows = append(rows, row)
	}
	for i, row := range rows {
		if len(row) < 3 || !isLabel(row[0].text) || !isLabel(row[1].text) || !subNumberRe.MatchString(row[1].text) {
			continue
		}
		n := 1
		for i+n < len(rows) && subNumberRe.MatchString(rows[i+n][0].text) && !isLabel(rows[i+n][1].text) {
			n++
		}
		rows[i][0].rowspan = n
	}
	return rows
}

var (
	subNumberRe  = regexp.MustCompile(`^[0-9]+[.、]`)
	valueRe      = regexp.MustCompile(`^[增减+\-]?[0-9][0-9,.]*(万|元|万元|%)?$`)
	headingRe    = regexp.MustCompile(`^[一二三四五六七八九十]+、.*(情况|问题|事项)`)
	cellStartRes = []*regexp.Regexp{regexp.MustCompile(`^第二十条第`), regexp.MustCompile(`^\(本列数据的勾稽关系`)}
)

func isValue(s string) bool {
	s = strings.TrimSpace(s)
	return valueRe.MatchString(s) || s == "无" || s == "/" || s == "-" || s == "—"
}

func isLabel(s string) bool { return s != "" && !isValue(s) }

// startsCellTable finds a table the copy printed one cell per line: the
// 第二十条 blocks, 表三's header note, and 表四's header (行政复议 then
// 行政诉讼 on the next non-empty line).
func startsCellTable(lines []string, i int) bool {
	t := strings.TrimSpace(lines[i])
	for _, re := range cellStartRes {
		if re.MatchString(t) {
			return true
		}
	}
	if t == "行政复议" {
		for j := i + 1; j < len(lines); j++ {
			if n := strings.TrimSpace(lines[j]); n != "" {
				return n == "行政诉讼"
			}
		}
	}
	return false
}

// cellRunEnd is the first line after the table: a section heading, a long
// line of prose, or the end.
func cellRunEnd(lines []string, i int) int {
	j := i + 1
	for ; j < len(lines); j++ {
		t := strings.TrimSpace(lines[j])
		if t == "" {
			continue
		}
		if headingRe.MatchString(t) || utf8.RuneCountInString(t) > 60 {
			break
		}
	}
	return j
}

// cellRows makes rows of one-cell-per-line text: a row is a run of label
// lines followed by a run of values.
func cellRows(lines []string) [][]cell {
	var rows [][]cell
	var row []cell
	lastValue := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		v := isValue(t)
		if !v && lastValue {
			rows = append(rows, row)
			row = nil
		}
		row = append(row, cell{text: t, rowspan: 1, colspan: 1})
		lastValue = v
	}
	if row != nil {
		rows = append(rows, row)
	}
	return rows
}

// writeTable writes the rows, widening each row's last cell so that every
// row spans the table's full width, as a word processor's table would.
func writeTable(w *bufio.Writer, rows [][]cell) {
	covered := make([]int, len(rows)) // columns taken by rowspans from above
	width := 0
	for i, row := range rows {
		n := covered[i]
		for _, c := range row {
			n += c.colspan
			for k := 1; k < c.rowspan && i+k < len(rows); k++ {
				covered[i+k] += c.colspan
			}
		}
		if n > width {
			width = n
		}
	}
	fmt.Fprint(w, "<table>\n")
	for i, row := range rows {
		n := covered[i]
		for _, c := range row {
			n += c.colspan
		}
		row[len(row)-1].colspan += width - n
		fmt.Fprint(w, "<tr>")
		for _, c := range row {
			fmt.Fprint(w, "<td")
			if c.rowspan > 1 {
				fmt.Fprintf(w, ` rowspan="%d"`, c.rowspan)
			}
			if c.colspan > 1 {
				fmt.Fprintf(w, ` colspan="%d"`, c.colspan)
			}
			fmt.Fprintf(w, ">%s</td>", html.EscapeString(c.text))
		}
		fmt.Fprint(w, "</tr>\n")
	}
	fmt.Fprint(w, "</table>\n")
}
