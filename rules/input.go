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

// The two input rules below never run on a report: they are what a run
// says of a file it could not check, so that an unreadable file is a
// result in every format (code scanning shows SARIF results, not tool
// notifications) and not only a line on the error stream. They are always
// on: a file that was not checked must never pass silently.

// InputUnreadable is the finding of a file that could not be checked: not
// found, not readable, too large, a broken PDF or DOCX, too slow, or named
// explicitly though it is not a report.
var InputUnreadable = &Rule{
	ID: "input-unreadable", Name: "文件未能检查", NameEn: "File not checked", Severity: Error,
	Doc: Text{
		Zh: "文件无法读取（不存在、无权限、过大、PDF 或 DOCX 损坏、超过检查时限），或被点名检查却不是政府信息公开工作年度报告：其中的内容一概未核对。该文件使运行以退出码 3 结束，其余文件照常检查。",
		En: "The file could not be read (missing, no permission, too large, a broken PDF or DOCX, over the time allowed), or was named explicitly but is not a government information-disclosure annual report: nothing in it was checked. The run ends with exit code 3; the other files are checked as usual.",
	},
}

// InputNotReport is the note of a file found in a folder that is not a
// report (a README, a list of titles): skipped, not a failure.
var InputNotReport = &Rule{
	ID: "input-not-report", Name: "非年度报告，已跳过", NameEn: "Not a report, skipped", Severity: Info,
	Doc: Text{
		Zh: "在所给目录中找到的文件不是政府信息公开工作年度报告（如说明文件、标题清单、二进制文件），已跳过，不影响退出码。若确为年度报告，请单独点名检查它，reportlint 会说明为何不能识别；不想看到此提示，可用 --exclude 排除这些文件。",
		En: "A file found in a folder given is not a government information-disclosure annual report (a README, a list of titles, binary data): it is skipped and does not change the exit code. If it is a report, name it on its own and reportlint says why it was not recognised; --exclude leaves such files out.",
	},
}

// InputRules are the rules of files that could not be checked.
func InputRules() []*Rule { return []*Rule{InputUnreadable, InputNotReport} }
