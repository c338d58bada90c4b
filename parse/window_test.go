package parse

import (
	"bytes"
	"context"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/reportlint/reportlint/decode"
)

// testReports are the reports of testdata in every format this machine can
// decode: the files themselves and the reports inside the txtar cases.
func testReports(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	patterns := []string{"*.txt", "*.md", "*.html", "*.docx"}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		patterns = append(patterns, "*.pdf")
	}
	for _, p := range patterns {
		paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*", p))
		for _, path := range paths {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			out[path] = data
		}
	}
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*.txtar"))
	for _, path := range cases {
		a, err := txtar.ParseFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if !strings.HasSuffix(f.Name, ".txt") && !strings.HasSuffix(f.Name, ".md") && !strings.HasSuffix(f.Name, ".html") {
				continue
			}
			out[path+"/"+f.Name] = f.Data
		}
	}
	if len(out) < 100 {
		t.Fatalf("%d test reports, want the testdata's 100 and more", len(out))
	}
	return out
}

// Every test report's tables read the same whatever the first window: one
// character (each window a line or a few, widened many times over) or a
// few hundred, against the one window that holds every line.
func TestWindowsReadTheSameTables(t *testing.T) {
	read, tables := 0, 0
	for name, data := range testReports(t) {
		txt, err := decode.Bytes(context.Background(), name, data, decode.Options{Marks: Marks})
		if err != nil {
			continue // not a report's text (the cases of unreadable input)
		}
		whole, err := parseWindowed(txt, 1<<30, maxTokens)
		if err != nil {
			continue
		}
		read++
		tables += len(whole.Tables)
		for _, w := range []int{1, 97, 1000} {
			r, err := parseWindowed(txt, w, maxTokens)
			if err != nil {
				t.Fatalf("%s: window %d: %v", name, w, err)
			}
			if !reflect.DeepEqual(r.Tables, whole.Tables) {
				t.Errorf("%s: first window of %d characters reads other tables than one window of all lines", name, w)
			}
		}
	}
	if read < 80 || tables < 150 {
		t.Fatalf("%d reports with %d tables compared, want 80 and 150 at least", read, tables)
	}
}

// A report of many reports run together (a body's collection, or a hostile
// file) reads its first report's tables from the first window's tokens:
// tokenizing every line was most of the parser's memory on such a file.
func TestWindowHoldsTheFirstTables(t *testing.T) {
	one, err := os.ReadFile("../testdata/corpus/009.txt")
	if err != nil {
		t.Fatal(err)
	}
	many := bytes.Repeat(append(one, '\n'), 64)
	first, err := parseBytes("009.txt", one)
	if err != nil {
		t.Fatal(err)
	}
	txt, err := decode.Bytes(context.Background(), "many.txt", many, decode.Options{Marks: Marks})
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(txt)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Tables) < 3 || !reflect.DeepEqual(r.Tables, first.Tables) {
		t.Fatalf("read %d tables of the run-together reports, want the first report's %d", len(r.Tables), len(first.Tables))
	}

	// a first window of 32,768 characters, two of these reports, as
	// tokenWindow is several of the longest reports
	from := firstTableLine(r)
	all := len(tokenize(nil, r.Text, from, r.BodyEnd, true))
	held, windows := 0, 0
	var buf []token
	readWindows(r, &buf, from, 1<<15, maxTokens, true, func(s *tokStream) []*Table {
		held = max(held, len(s.toks))
		windows++
		return readTemplateTables(s)
	})
	if windows != 1 || held*8 > all {
		t.Errorf("%d windows, the largest of %d tokens, of %d in all lines: want one window of an eighth of them at most", windows, held, all)
	}
}

// A reader that asks past the end of a cut window gets a wider one: the
// search for 表三 in a report whose 表三 stands far below its first table
// line reads window after window until it finds it.
func TestWindowWidensForALateTable(t *testing.T) {
	one, err := os.ReadFile("../testdata/corpus/009.txt")
	if err != nil {
		t.Fatal(err)
	}
	// 表二's title early, then a long stretch of prose, then the report
	filler := strings.Repeat("本机关认真落实政府信息公开各项工作要求，持续完善工作机制。\n", 4000)
	text := "2021年政府信息公开工作年度报告\n第二十条第（一）项\n" + filler + string(one)
	txt, err := decode.Bytes(context.Background(), "late.txt", []byte(text), decode.Options{Marks: Marks})
	if err != nil {
		t.Fatal(err)
	}
	whole, err := parseWindowed(txt, 1<<30, maxTokens)
	if err != nil {
		t.Fatal(err)
	}
	if whole.TablesOf(TableApplications) == nil {
		t.Fatal("表三 not read from the whole text")
	}
	windows := 0
	r, err := parseWindowed(txt, 1000, maxTokens)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Tables, whole.Tables) {
		t.Errorf("tables read in windows differ from the whole text's")
	}
	var buf []token
	readWindows(r, &buf, firstTableLine(r), 1000, maxTokens, true, func(s *tokStream) []*Table {
		windows++
		return readTemplateTables(s)
	})
	if windows < 3 {
		t.Errorf("%d windows, want several: 表三 stands some 100,000 characters below the first", windows)
	}
}

// Crafted files whose table never ends: a table's first label, then
// numbers, or one line of cells, millions of them. The readers read one
// table and stop at its end; here a reader asks for token after token to
// the file's end, and every token was held (10 MB of numbers took 20 s and
// 2 GB). The stream holds at most the limit, the tables read from it
// stand, and the report says where the reading stopped.
func TestTokenLimitStopsReading(t *testing.T) {
	const limit = 3000
	numbers := strings.Repeat(strings.Repeat("1 2 3 4 5 6 7 8 9 0 ", 10)+"\n", 400) // 40,000 values
	shapes := []struct {
		name, text string
		kind       TableKind
	}{
		{"表三's first row, then numbers", "2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量\n" + numbers, TableApplications},
		{"表二's block, then numbers", "2021年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 " + numbers, TableItems},
		{"one pipe line of cells", "2021年政府信息公开工作年度报告\n一、本年新收政府信息公开申请数量 " + strings.Repeat("|1", 40000) + "|\n", TableApplications},
		{"one flattened line", "2021年政府信息公开工作年度报告\n" + strings.Repeat("一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000", 5000) + "\n", TableApplications},
		{"a statistics table's rows", "2012年政府信息公开工作年度报告\n2012年政府信息公开情况统计表\n指标名称 单位 数量\n主动公开政府信息数 条 " + numbers, TableStatistics},
	}
	for _, s := range shapes {
		txt, err := decode.Bytes(context.Background(), "crafted.txt", []byte(s.text), decode.Options{Marks: Marks})
		if err != nil {
			t.Fatal(err)
		}
		r, err := parseWindowed(txt, 1000, limit)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if len(r.TablesOf(s.kind)) == 0 {
			t.Errorf("%s: no %v table read", s.name, s.kind)
		}
		if r.TablesCut.Line < 2 || r.TablesCut.Line > len(txt.Lines) {
			t.Errorf("%s: reading stopped at %+v, want a place in the text", s.name, r.TablesCut)
		}
		held := 0
		var buf []token
		from := firstTableLine(r)
		read := func(s *tokStream) []*Table {
			held = max(held, len(s.toks))
			return readTemplateTables(s)
		}
		if s.kind == TableStatistics {
			from = statTitleLine(r)
			readWindows(r, &buf, from, 1000, limit, false, func(s *tokStream) *Table {
				held = max(held, len(s.toks))
				return readStatistics(s)
			})
		} else {
			readWindows(r, &buf, from, 1000, limit, true, read)
		}
		if held > limit || held < limit/2 {
			t.Errorf("%s: a window of %d tokens, want the limit %d at most (and near it)", s.name, held, limit)
		}
	}
}

// A report whose tables fit under the limit is read as without one, and
// says nothing of a stop.
func TestTokenLimitLeavesReportsAlone(t *testing.T) {
	for name, data := range testReports(t) {
		txt, err := decode.Bytes(context.Background(), name, data, decode.Options{Marks: Marks})
		if err != nil {
			continue
		}
		whole, err := parseWindowed(txt, 1<<30, math.MaxInt)
		if err != nil {
			continue
		}
		r, err := Parse(txt)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.TablesCut != (Pos{}) || !reflect.DeepEqual(r.Tables, whole.Tables) {
			t.Errorf("%s: read otherwise under the token limit (stopped at %+v)", name, r.TablesCut)
		}
	}
}

// A token buffer a crafted file grew (up to maxTokens, 32 MB and more with
// its growth) is not kept for the next report: the pool held it after the
// file was done. A buffer of a report's size is kept.
func TestLargeTokenBufferNotPooled(t *testing.T) {
	large := make([]token, 0, maxPooledTokens+1)
	putTokens(&large)
	for k := 0; k < 4; k++ {
		got := tokenBuffers.Get().(*[]token)
		if cap(*got) == cap(large) {
			t.Fatalf("the pool gave back the buffer of %d tokens", cap(large))
		}
	}
}
