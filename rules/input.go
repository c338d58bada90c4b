package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/parse"
)

var inputRepairedRule = &Rule{
	ID: "input-repaired", Name: "文件含无效字节", NameEn: "Invalid bytes in the file", Severity: Info,
	Doc: Text{
		Zh: "UTF-8 文本中夹有少数不是 UTF-8 的字节（网页抓取时截断的半个字、一个杂散字节）时，不把整份报告当作二进制拒收，而把这些字节换成替换字符「\uFFFD」照常核对，并在此说明共几处、首处在哪里：那里原有的文字已缺失，涉及的数字请对照原件。",
		En: "A UTF-8 text holding a few bytes that are not UTF-8 (half a character cut off by a crawler, a stray byte) is not refused as binary: those bytes are read as the replacement character \uFFFD, the report is checked as usual, and this note says how many there are and where the first one is, since the text there is lost; check any number near it against the original.",
	},
	Run: checkRepairedInput,
}

func checkRepairedInput(p *Pass) {
	txt := p.Report.Text
	if txt.Encoding != decode.EncodingUTF8Repaired {
		return
	}
	count, first := 0, parse.Pos{}
	for i, line := range txt.Lines {
		n := strings.Count(line, "\uFFFD")
		if n > 0 && count == 0 {
			col := utf8.RuneCountInString(line[:strings.Index(line, "\uFFFD")]) + 1
			first = parse.Pos{Line: i + 1, Col: col}
		}
		count += n
	}
	if count == 0 {
		return
	}
	p.Add(Finding{
		Span: parse.Span{Start: first, End: parse.Pos{Line: first.Line, Col: first.Col + 1}},
		Key:  "utf8",
		Message: Text{
			Zh: fmt.Sprintf("文件中有 %d 处字节不是有效的 UTF-8（首处在此），已按替换字符「\uFFFD」读取，其余照常核对；这些位置原有的文字已缺失", count),
			En: fmt.Sprintf("the file holds bytes that are not valid UTF-8 in %d places (the first here); they were read as the replacement character \uFFFD and the rest was checked as usual; the text at those places is lost", count),
		},
	})
}
