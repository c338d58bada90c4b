package parse

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/decodetest"
)

// filledBody is a report's body without title or period: its headings
// and a 表三 with figures.
var filledBody = []string{
	"一、总体情况",
	"本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息120条。",
	"二、主动公开政府信息情况",
	"全年主动公开政府信息120条，其中规范性文件3件。",
	"三、收到和处理政府信息公开申请情况",
	"一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5",
	"二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0",
	"四、政府信息公开行政复议、行政诉讼情况",
	"未发生政府信息公开行政复议、行政诉讼。",
}

// plainReport parses lines of text as a plain-text file.
func plainReport(lines ...string) (*Report, error) {
	return Parse(source.Plain("t.txt", "UTF-8", lines, -1, Marks))
}

// TestNotReports: texts that speak of annual reports, or are shaped like
// one, without being one, are refused by the same body test that accepts
// a report without its title: the repository's README, a README-like
// page in English and in Chinese, the corpus's list of reports (a TSV of
// their titles), the blank national template (headings and the tables'
// labels, no year, no issuer, no figure), a 法治政府建设年度报告, a
// 部门决算, the corpus's letter about 工作要点落实情况 (105.txt), and the
// folder's own README.
func TestNotReports(t *testing.T) {
	files, _ := filepath.Glob("../testdata/notreports/*")
	files = append(files, "../README.md")
	if len(files) < 8 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		t.Run(strings.TrimPrefix(f, "../"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			r, err := parseBytes(f, data)
			if !errors.Is(err, ErrNotReport) {
				t.Fatalf("err %v, want ErrNotReport (title %q, evidence %+v)", err, reportTitle(r), reportEvidence(r))
			}
		})
	}
}

func reportTitle(r *Report) string {
	if r == nil {
		return ""
	}
	return r.Title
}

func reportEvidence(r *Report) Evidence {
	if r == nil {
		return Evidence{}
	}
	return r.Evidence
}

// TestEvidence: each signal alone is not enough, two strong ones are.
func TestEvidence(t *testing.T) {
	const (
		title   = "某某区人民政府2020年政府信息公开工作年度报告"
		period  = "本报告所列数据的统计期限自2020年1月1日至2020年12月31日。"
		heading = "一、总体情况"
		prose   = "2020年，我区认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1200条，受理政府信息公开申请30件，未发生行政复议、行政诉讼。"
		table   = "一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4"
	)
	cases := []struct {
		name  string
		lines []string
		want  bool
	}{
		{"title and period", []string{title, period}, true},
		{"title and a heading", []string{title, heading, prose}, true},
		{"title and a filled table", []string{title, "三、收到和处理政府信息公开申请情况", table}, true},
		{"no title: period, headings, prose", []string{period, heading, prose, "二、主动公开政府信息情况", prose, "五、存在的主要问题及改进情况", prose}, true},
		{"title alone", []string{title}, false},
		{"title and prose", []string{"正文", title, prose}, false},
		{"period and prose", []string{period, prose}, false},
		{"headings with nothing written under them", []string{"各地区、各部门编制本年度报告时，应按本格式由六个部分组成，全面反映主动公开、依申请公开、行政复议、行政诉讼等情况。",
			heading, "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}, false},
		{"headings named in a list", []string{"模板分为一、总体情况，二、主动公开政府信息情况，三、收到和处理政府信息公开申请情况，四、政府信息公开行政复议、行政诉讼情况。", prose}, false},
		{"title mentioned in quotes", []string{"下载的报告如“" + title + "”保存在一个目录中。", prose, period}, false},
		{"period mentioned in parentheses", []string{"统计期限（如" + period + "）原样保存。", heading, prose}, false},
		{"English prose naming the report", []string{"The report (" + title + ") states its period: " + period + " and more.", "It has the heading " + heading + " and the words 主动公开, 依申请公开, 行政复议 and 行政诉讼."}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := plainReport(c.lines...)
			if got := err == nil; got != c.want {
				t.Errorf("report %v, want %v (err %v, evidence %+v)", got, c.want, err, reportEvidence(r))
			}
		})
	}
}

// TestYearWithoutTitle: a report without its title takes its year from
// the period sentence, in each of its forms, the lost-character ones
// included; a span framed without a period word is taken only for a whole
// calendar year, and only when no other year is framed so.
func TestYearWithoutTitle(t *testing.T) {
	body := filledBody
	cases := []struct {
		sentence string
		year     int
	}{
		{"本报告所列数据的统计期限自2020年1月1日至2020年12月31日。", 2020},
		{"本报告所列数据统计期限从2019年1月1日到12月31日止。", 2019},
		{"所列数据的统计时间段为201611日至20161231日。", 2016},
		{"本报告中所列数据自2020年1月1日至2020年12月31日。", 2020},
		{"2021年1月1日至12月31日期间，我局共收到政府信息公开申请5件。", 2021},
		{"本报告所列数据从2018年1月1日起至2018年12月31日止。", 2018},
		{"本报告所列数据自201711日起至20171231日止。", 2017},
		{"2022年1月1日至2022年6月30日期间，我局共收到政府信息公开申请5件。", 0},                // not a year
		{"本报告所列数据为2020年1月1日至2020年12月31日的数据。", 0},                      // no frame
		{"自2020年1月1日至2020年12月31日，与自2019年1月1日至2019年12月31日相比，申请增加。", 0}, // two years
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			r, err := plainReport(append([]string{c.sentence}, body...)...)
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != "" {
				t.Fatalf("title %q", r.Title)
			}
			if r.Year != c.year {
				t.Errorf("year %d, want %d", r.Year, c.year)
			}
			if (r.Period != nil) != (c.year != 0) {
				t.Errorf("period %+v", r.Period)
			}
		})
	}
}

// A report's own title that names a body is its title; the name of a
// notice it cites, 《关于做好2016年政府信息公开年度报告编制工作的通知》, is
// not, nor is its body a name (做好).
func TestCitedNameIsNoTitle(t *testing.T) {
	r, err := plainReport(
		"本年报根据《中华人民共和国政府信息公开条例》和区政府《关于做好2016年政府信息公开年度报告编制工作的通知》编制，所列数据的统计时间段为201611日至20161231日。",
		"一、概述", "2016年，我街道主动公开政府信息1169条。",
		"二、主动公开政府信息情况", "全年主动公开政府信息1169条，其中规范性文件3件。",
		"三、政府信息依申请公开办理情况", "全年未收到政府信息公开申请。")
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "" || r.Issuer != "" || r.Year != 2016 {
		t.Errorf("title %q, issuer %q, year %d; want none, none, 2016", r.Title, r.Issuer, r.Year)
	}
	r, err = plainReport("关于印发《某某区2016年政府信息公开工作年度报告》的通知", "本报告所列数据的统计期限自2016年1月1日至2016年12月31日。")
	if err != nil || r.Year != 2016 {
		t.Errorf("year %d, err %v; want 2016 from the title a notice prints", reportYear(r), err)
	}
}

func reportYear(r *Report) int {
	if r == nil {
		return 0
	}
	return r.Year
}

// TestProseYear: with neither title nor period, the year the sentences
// open with is taken when it clearly leads and nothing in the report
// disagrees: not when a signed date is not of the next year, not when the
// tables follow a template of other years.
func TestProseYear(t *testing.T) {
	body := []string{
		"一、总体情况", "2021年以来，我街道依法推进政府信息公开。2021年，我街道主动公开政府信息300条。",
		"二、主动公开政府信息情况", "2021年，我街道办理行政许可1837人次。",
		"三、收到和处理政府信息公开申请情况", "2021年，我街道共收到政府信息公开申请2件。",
		"一、本年新收政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2",
		"五、存在的主要问题及改进情况", "2022年，我街道将进一步加强政务公开工作。",
	}
	cases := []struct {
		name  string
		extra []string
		want  int
	}{
		{"sentences", nil, 2021},
		{"signed in the next year", []string{"某某街道办事处", "2022年1月20日"}, 2021},
		{"signed in the same year", []string{"某某街道办事处", "2021年12月20日"}, 0},
		{"a 2019 template's table", []string{"第二十条第（一）项", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量", "规章 | 0 | 0 | 0", "规范性文件 | 1 | 1 | 5"}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// the extra lines after 二、: a table of 表二 stands there
			lines := append(append(append([]string{}, body[:4]...), c.extra...), body[4:]...)
			r, err := plainReport(lines...)
			if err != nil {
				t.Fatal(err)
			}
			if r.Year != c.want {
				t.Errorf("year %d, want %d", r.Year, c.want)
			}
		})
	}
}

// TestAnchor: a report without a title is anchored at its first line of
// text, never at line 0.
func TestAnchor(t *testing.T) {
	r, err := plainReport(append([]string{"", "  "}, filledBody...)...)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Anchor(); got.Start != (Pos{Line: 3, Col: 1}) {
		t.Errorf("anchor %+v, want line 3", got)
	}
	r, err = plainReport("某某区人民政府2020年政府信息公开工作年度报告", "本报告所列数据的统计期限自2020年1月1日至2020年12月31日。")
	if err != nil {
		t.Fatal(err)
	}
	if r.Anchor() != r.TitleSpan {
		t.Errorf("anchor %+v, want the title %+v", r.Anchor(), r.TitleSpan)
	}
}

// TestCorpusWithoutTitle: every corpus report that is a report stays one
// when the line the parser takes as its title is deleted, with the same
// year; its evidence without the title still reaches ReportScore.
func TestCorpusWithoutTitle(t *testing.T) {
	for _, f := range corpusReports(t) {
		t.Run(strings.TrimPrefix(f, "../testdata/"), func(t *testing.T) {
			r := decodeFile(t, f)
			if r.Title == "" {
				t.Fatal("no title")
			}
			src := decodetest.DropLine(r.Text.Text, r.TitleSpan.Start.Line-1)
			r2, err := Parse(src)
			if err != nil {
				t.Fatalf("without its title line %d: %v", r.TitleSpan.Start.Line, err)
			}
			if r2.Year != r.Year {
				t.Errorf("year %d, want %d", r2.Year, r.Year)
			}
		})
	}
}

// corpusReports are the real reports kept in testdata.
func corpusReports(t *testing.T) []string {
	var out []string
	for _, p := range []string{"../testdata/seeds/*.txt", "../testdata/corpus/*.txt", "../testdata/corpus/*.md", "../testdata/corpus/*.html"} {
		m, _ := filepath.Glob(p)
		for _, f := range m {
			if !strings.HasSuffix(f, "README.md") {
				out = append(out, f)
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("only %d reports", len(out))
	}
	return out
}
