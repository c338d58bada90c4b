package parse

import (
	"fmt"
	"strings"
	"testing"
)

// TestHeadings reads every top-level heading of real reports, whatever its
// number: markdown headings (## 一、…) read through their #, 表三's numbered
// rows (一、本年新收…, ### 三、本年度办理结果, 三 、本 年 度办 理 结果) left out,
// wording variants known by their keywords (存在的主要问题及整改措施).
func TestHeadings(t *testing.T) {
	for _, tc := range []struct {
		file string
		want string
	}{
		{"../testdata/seeds/001.txt", "1:1@2 2:2@16 3:3@32 4:4@61 5:5@67 6:6@72"},
		{"../testdata/corpus/204.md", "1:1@8 2:2@53 3:3@77 4:4@158 5:5@175 6:6@184"},
		{"../testdata/corpus/006.txt", "1:1@10 2:2@40 3:3@98 4:4@392 5:5@452 6:6@466"},
		{"../testdata/corpus/301.html", "1:1@16 2:2@28 3:3@43 4:4@72 5:5@77 6:6@80"},
		// sections missing: 五's heading lost after 表四 (203); 六 on the
		// next page (seed 004)
		{"../testdata/corpus/203.md", "1:1@15 2:2@77 3:3@103 4:4@171 6:6@214"},
		{"../testdata/seeds/004.txt", "1:1@11 2:2@29 3:3@139 4:4@309 5:5@379"},
		// parts of 一 numbered 一 to 六, then the template's sections
		// numbered again from 一
		{"../testdata/corpus/202.md", "1:1@13 2:0@23 3:2@30 4:3@41 5:0@48 6:0@55 1:2@73 2:3@91 3:4@180 5:6@205"},
	} {
		r := decodeFile(t, tc.file)
		var got []string
		for _, h := range r.Headings {
			got = append(got, fmt.Sprintf("%d:%d@%d", h.Number, h.Kind, h.Span.Start.Line))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("%s: headings\n got %s\nwant %s", tc.file, g, tc.want)
		}
	}
}
