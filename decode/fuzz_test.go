package decode

import (
	"context"
	"testing"
	"time"

	"github.com/reportlint/reportlint/internal/decodetest"
)

// FuzzBytes decodes arbitrary bytes under every name the format sniffing
// looks at: no panic, no hang, and every text it returns keeps its
// promises (a normalised rune for each character, every line located in
// the file). Seeded with the test reports in each format; run it with
//
//	go test ./decode -run '^$' -fuzz FuzzBytes -fuzztime 10m -fuzzminimizetime 5s
func FuzzBytes(f *testing.F) {
	// a PDF would start pdftotext for each input: the fuzzer checks the
	// error path, the real PDFs are tested on their own
	opt := Options{PDFToText: "/nonexistent/pdftotext", Marks: testMarks}
	decodetest.AddFiles(f, "../testdata/seeds/*.txt", "../testdata/formats/*")
	for _, s := range []string{
		"<table><tr><td rowspan=3>一<td>1<td>0</table>", "<p>a&amp;b<br>c</p>", "\xff\xfe2\x000\x00", "\xef\xbb\xbf年\r\n报\r告",
		"%PDF-1.4", "PK\x03\x04", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		wd := time.AfterFunc(10*time.Second, func() { panic("one input took over 10 s: decoding hangs") })
		defer wd.Stop()
		for _, name := range []string{"r.txt", "r.html", "r.docx"} {
			txt, err := Bytes(context.Background(), name, data, opt)
			if err != nil {
				continue
			}
			decodetest.CheckText(t, txt)
		}
	})
}
