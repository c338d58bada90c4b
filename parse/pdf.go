package parse

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"
)

// PDFToText is the command that extracts a PDF's text: poppler's
// pdftotext, whose -layout mode keeps a table's columns aligned.
var PDFToText = "pdftotext"

// PDFTimeout bounds one extraction, so that a hostile PDF cannot hang a run.
var PDFTimeout = 2 * time.Minute

// Errors of PDF input.
var (
	ErrNoPDFTool = errors.New("读取 PDF 需要 poppler 的 pdftotext 命令，但没有找到；请先安装（Debian/Ubuntu：apt-get install poppler-utils；macOS：brew install poppler）" +
		"(reading a PDF needs poppler's pdftotext, which was not found: install poppler-utils)")
	ErrPDFNoText = errors.New("PDF 中没有可提取的文字，可能是扫描图片 (the PDF has no text layer; it may be scanned images)")
)

// decodePDF runs pdftotext -layout over the PDF and reads its output as
// text, each line located by page and line on that page.
func decodePDF(name string, data []byte) (*Text, error) {
	tool, err := exec.LookPath(PDFToText)
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
	ctx, cancel := context.WithTimeout(context.Background(), PDFTimeout)
	defer cancel()
	out := &cappedBuffer{max: MaxInputBytes}
	errOut := &cappedBuffer{max: 4096}
	cmd := exec.CommandContext(ctx, tool, "-layout", "-enc", "UTF-8", tmp.Name(), "-")
	cmd.Stdout, cmd.Stderr = out, errOut
	err = cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("pdftotext 超过 %v 仍未完成 (pdftotext did not finish within %v)", PDFTimeout, PDFTimeout)
	case out.over:
		return nil, ErrTooLarge
	case err != nil:
		why := firstLine(errOut.String())
		if why == "" {
			why = err.Error()
		}
		return nil, fmt.Errorf("pdftotext 无法读取此 PDF (pdftotext cannot read this PDF): %s", why)
	}
	return pdfText(name, strings.ToValidUTF8(out.String(), "\uFFFD"))
}

// pdfText splits pdftotext's output into pages (form feeds) and lines.
func pdfText(name, s string) (*Text, error) {
	b := &renderer{}
	for p, page := range strings.Split(s, "\f") {
		lines := splitLines(page)
		for i, l := range lines {
			b.cur.add([]rune(l), Location{Page: p + 1, Line: i + 1, Col: 1})
			b.endLine(false)
		}
	}
	t := b.text(name, "UTF-8", FormatPDF)
	if !hasText(t) {
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
