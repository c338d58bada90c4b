package decode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/reportlint/reportlint/decode/source"
	"github.com/reportlint/reportlint/internal/bilingual"
)

// Errors of PDF input.
var (
	ErrNoPDFTool = bilingual.New("读取 PDF 需要 poppler 的 pdftotext 命令，但没有找到；请先安装（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler）",
		"reading a PDF needs poppler's pdftotext, which was not found: install poppler-utils (Debian/Ubuntu) or poppler (macOS)")
	ErrPDFNoText = bilingual.New("PDF 中没有可提取的文字，可能是扫描图片", "the PDF has no text layer; it may be scanned images")
	// ErrPDFTool is the kind of error pdftotext's own failures are: it ran,
	// and could not read the file or did not finish in time.
	ErrPDFTool = bilingual.New("pdftotext 无法读取此 PDF", "pdftotext cannot read this PDF")
)

// decodePDF runs pdftotext -layout over the PDF and reads its output as
// text, each line located by page and line on that page.
func decodePDF(ctx context.Context, name string, data []byte, opt Options) (*source.Text, error) {
	tool, err := exec.LookPath(opt.pdfToText())
	if err != nil {
		return nil, ErrNoPDFTool
	}
	tmp, err := os.CreateTemp("", "reportlint-*.pdf")
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp.Name())
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return nil, werr
	}
	limit := opt.pdfTimeout()
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	out := &cappedBuffer{max: MaxInputBytes}
	errOut := &cappedBuffer{max: 4096}
	cmd := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", tmp.Name(), "-")
	cmd.Stdout, cmd.Stderr = out, errOut
	// stopped (the run interrupted, the time limit past), the converter
	// dies with all it started, and the wait for its output ends soon
	// after even if something still holds the pipe
	ownProcessGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	err = cmd.Run()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, bilingual.Of(ErrPDFTool, fmt.Sprintf("pdftotext 超过 %v 仍未完成", limit), fmt.Sprintf("pdftotext did not finish within %v", limit))
	case ctx.Err() != nil:
		return nil, ctx.Err() // the run was stopped
	case out.over:
		return nil, errExpandsTooLarge
	case err != nil:
		why := firstLine(errOut.String())
		if why == "" {
			why = err.Error()
		}
		return nil, bilingual.Of(ErrPDFTool, "pdftotext 无法读取此 PDF："+why, "pdftotext cannot read this PDF: "+why)
	}
	return pdfText(name, strings.ToValidUTF8(out.String(), "\uFFFD"), opt.Marks)
}

// pdfText splits pdftotext's output into pages (form feeds) and lines.
func pdfText(name, s string, m *source.Marks) (*source.Text, error) {
	b := &renderer{marks: m}
	for p, page := range strings.Split(s, "\f") {
		lines := splitLines(page)
		for i, l := range lines {
			b.cur.add([]rune(l), Location{Page: p + 1, Line: i + 1, Col: 1})
			b.endLine(false)
		}
	}
	t := b.text(name, "UTF-8", source.FormatPDF)
	if !t.HasText() {
		return nil, ErrPDFNoText
	}
	return t, nil
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

// cappedBuffer keeps at most max bytes and notes that more came.
type cappedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (c *cappedBuffer) Write(p []byte) (int, error) {
	if room := c.max - c.Len(); len(p) > room {
		c.over = true
		if room > 0 {
			c.Buffer.Write(p[:room])
		}
		return len(p), nil
	}
	return c.Buffer.Write(p)
}
