package format

import (
	"context"
	"testing"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/parse"
)

// TestIssuingBody: the body is taken from the title's line — before the
// year, at the end of a sentence, on the line above a broken title, or
// between the year and 信息公开 — and is empty when the title names none.
func TestIssuingBody(t *testing.T) {
	const period = "\n本报告所列数据的统计期限自2019年1月1日至2019年12月31日。\n"
	cases := []struct{ text, want string }{
		{"咸嘉湖街道2019年政府信息公开工作年度报告" + period, "咸嘉湖街道"},
		{"# 沐阳县人民政府 2019 年 政府信息公开工作年度报告" + period, "沐阳县人民政府"},
		{"根据《条例》和有关文件要求,现将左岭街道2019年政府信息公开工作报告如下:" + period, "左岭街道"},
		{"洪泽区人民政府\n2019 年政府信息公开工作年度报告" + period, "洪泽区人民政府"},
		{"2019年上海市人民政府办公厅政府信息公开工作年度报告" + period, "上海市人民政府办公厅"},
		{"2019年度政府信息公开工作年度报告" + period, ""},
		{"正文\n2019年度政府信息公开工作年度报告" + period, ""},
	}
	for _, c := range cases {
		r, err := parseText(c.text)
		if err != nil {
			t.Fatalf("%q: %v", c.text, err)
		}
		if got := IssuingBody(r); got != c.want {
			t.Errorf("%q: body %q, want %q", c.text, got, c.want)
		}
	}
}

// The body on the line above a broken title is found however far above it
// stands (blank lines between): the model's issuer, which the outputs give.
func TestIssuingBodyAboveTitle(t *testing.T) {
	r, err := parseText("首页 > 信息公开\n洪泽区人民政府\n\n  \n2019年度政府信息公开工作年度报告\n本报告所列数据的统计期限自2019年1月1日至2019年12月31日。\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := IssuingBody(r); got != "洪泽区人民政府" || r.Issuer != got {
		t.Errorf("body %q (model %q), want 洪泽区人民政府", got, r.Issuer)
	}
}

// parseText reads a report's text as the command reads a file.
func parseText(s string) (*parse.Report, error) {
	txt, err := decode.Bytes(context.Background(), "t.txt", []byte(s), decode.Options{Marks: parse.Marks})
	if err != nil {
		return nil, err
	}
	return parse.Parse(txt)
}
