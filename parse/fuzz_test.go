package parse_test

import (
	"context"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/decodetest"
	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// FuzzParseBytes feeds the decoder, the parser and the rules any bytes,
// read as each kind of file, and checks that nothing panics or hangs and
// that what comes out is consistent: every normalised line as long as its
// line, every position of the model and of the findings inside the text,
// and every position mappable to the original file. The seed corpus is the
// repository's test reports in every form (testdata/seeds, formats,
// corpus) and a few small made-up inputs; run it with
//
//	go test ./parse -run '^$' -fuzz FuzzParseBytes -fuzztime 10m -fuzzminimizetime 5s
//
// (-fuzzminimizetime: the default minute spent shrinking each new input
// stalls the run on inputs this size.)
func FuzzParseBytes(f *testing.F) {
	// a PDF would start pdftotext for each input: its decoder is tested
	// on the real PDFs, the fuzzer checks the error path
	opt := decode.Options{PDFToText: "/nonexistent/pdftotext", Marks: parse.Marks}
	decodetest.AddFiles(f, "../testdata/seeds/*.txt", "../testdata/formats/*.html", "../testdata/formats/*.docx",
		"../testdata/formats/*.gbk.txt", "../testdata/corpus/*.txt", "../testdata/corpus/*.md", "../testdata/corpus/201.html")
	for _, s := range []string{
		"<table><tr><td rowspan=3>一、本年新收政府信息公开申请数量<td>1<td>0</table>",
		"<p>2021年政府信息公开工作年度报告</p><table><tr><td colspan=999999>x</td></tr><tr><td rowspan=-1>",
		"2021年度政府信息公开报告\n一、本年新收政府信息公开申请数量640020470二、上年结转政府信息公开申请数量0000000" +
			"三、本年度办理结果（一）予以公开270020130四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持总计10203",
		"\xff\xfe2\x000\x002\x001\x00",
		"%PDF-1.4",
		"PK\x03\x04",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// the fuzzer catches panics, not hangs: an input that takes this
		// long crashes the worker, and the fuzzer keeps it
		wd := time.AfterFunc(10*time.Second, func() { panic("one input took over 10 s: decoding or parsing hangs") })
		defer wd.Stop()
		for _, name := range []string{"r.txt", "r.html"} {
			txt, err := decode.Bytes(context.Background(), name, data, opt)
			if err != nil {
				continue
			}
			decodetest.CheckText(t, txt)
			rep, err := parse.Parse(txt)
			if err != nil {
				continue
			}
			checkReport(t, rep)
			// the tables read the same in windows of a few characters
			// (window.go): no reader answers without asking for the
			// token past a window's end
			if small, err := parse.ParseWindowed(txt, 7, parse.MaxTokens); err != nil || !reflect.DeepEqual(small.Tables, rep.Tables) {
				t.Fatalf("tables read in windows of 7 characters differ from the whole text's (%v)", err)
			}
			for _, fd := range rules.Check(rep, rules.All()) {
				checkSpan(t, txt, fd.Span, "finding "+fd.Rule)
				if !utf8.ValidString(fd.Message.Zh) || !utf8.ValidString(fd.Message.En) {
					t.Fatalf("finding %s: message not UTF-8", fd.Rule)
				}
			}
		}
	})
}

func checkReport(t *testing.T, r *parse.Report) {
	t.Helper()
	for _, tb := range r.Tables {
		checkSpan(t, r.Text.Text, tb.Span, "table")
		for _, row := range tb.Rows {
			if len(row.Cells) != len(tb.Columns) {
				t.Fatalf("%v row %s: %d cells for %d columns", tb.Kind, row.Key, len(row.Cells), len(tb.Columns))
			}
			for _, c := range row.Cells {
				if c.Kind != parse.CellMissing {
					checkSpan(t, r.Text.Text, c.Span, "cell")
				}
			}
		}
	}
	for _, d := range r.Dates {
		checkSpan(t, r.Text.Text, d.Span, "date")
	}
}

// checkSpan: a span starts on a line of the text, at a column no further
// than one past its end.
func checkSpan(t *testing.T, txt *source.Text, s parse.Span, what string) {
	t.Helper()
	p := s.Start
	if p.Line == 0 && p.Col == 0 {
		return // a whole-report finding may have no place
	}
	if p.Line < 1 || p.Line > len(txt.Lines) || p.Col < 1 || p.Col > len(txt.Norm[p.Line-1])+1 {
		t.Fatalf("%s at %+v outside the text (%d lines)", what, p, len(txt.Lines))
	}
	txt.Locate(p)
}
