package parse

// The table readers read a token stream, and a token is large (64 bytes):
// the stream of a 50 MB report of a thousand reports run together was most
// of the parser's memory. Yet a reader reads the first table of its kind
// and stops, so the lines are tokenized a window at a time, from the first
// table's line on: the readers read the window's stream, and only when one
// of them asked past the window's last token, where more lines might have
// changed its answer, is a window four times as wide read again. A line's
// tokens depend on its text alone (and the next line's, never its tokens),
// so a window's stream is the start of the whole body's stream, and an
// answer that did not look past the window's end is the whole body's
// answer. A report's tables fit in the first window, a report of
// ordinary size is one window. No window holds more than maxTokens.

// tokenWindow is how many characters the first window holds at least: a
// long report's lines from its first table to its end, many times over.
const tokenWindow = 1 << 18

// maxTokens is the most tokens a window holds (32 MB of them). A real
// report's tables are a few thousand; a crafted file of numbers with a
// table's first label above them made millions, which a reader of the
// table read to the end (10 MB took 20 s and 2 GB). A reader that asks
// for more than this gets no more: the report says where its tables were
// read to (Report.TablesCut).
const maxTokens = 1 << 19

// tokStream is the token stream of a window of lines. Readers index toks
// freely below an index has(i) was true for, or that a token they read
// (of a line the window holds whole) bounds, and ask has(i) before they
// step to a token they have not seen: never len(toks), which would answer
// without saying that the window ended.
type tokStream struct {
	toks []token
	// cut: lines after the window's last are not tokenized
	cut bool
	// short: a reader asked for a token past the end of a cut window
	short bool
}

// has reports whether toks[i] exists; asked past the end of a cut window,
// it notes that the reader's answer might be different with more lines.
func (s *tokStream) has(i int) bool {
	if i < len(s.toks) {
		return true
	}
	if s.cut {
		s.short = true
	}
	return false
}

// windowEnd is the line after a window from line from that holds at least
// runes characters, or end.
func windowEnd(t *Text, from, end, runes int) int {
	n := 0
	for i := from; i < end; i++ {
		n += len(t.Norm[i])
		if n >= runes {
			return i + 1
		}
	}
	return end
}

// readWindows tokenizes the body's lines from line from on into the
// pooled buffer buf and reads them with read, window by window as the file
// comment says, until read did not ask past the window's end. The first
// window holds first characters at least, and none more than limit
// tokens: a reader that asks past limit tokens has its answer taken as it
// is, and r.TablesCut says where it stopped.
func readWindows[T any](r *Report, buf *[]token, from, first, limit int, merge bool, read func(*tokStream) T) T {
	for runes := first; ; runes *= 4 {
		to := windowEnd(r.Text, from, r.BodyEnd, runes)
		old := *buf
		toks, full := tokenizeUpTo(old[:0], r.Text, from, to, merge, limit)
		// the buffer keeps the longest stream's length in its array, for
		// putTokens to clear every token a window left there (an array
		// tokenize outgrew is dropped whole)
		*buf = toks
		if len(old) > len(toks) && sameArray(old, toks) {
			*buf = toks[:len(old)]
		}
		s := &tokStream{toks: toks, cut: to < r.BodyEnd || full}
		got := read(s)
		if !s.short {
			return got
		}
		if full {
			// as far as a report's tables are read: the answer stands,
			// and the report says where the reading stopped
			last := toks[len(toks)-1]
			r.TablesCut = Pos{Line: int(last.line) + 1, Col: int(last.end) + 1}
			return got
		}
	}
}

// sameArray reports slices that start at the same element.
func sameArray(a, b []token) bool {
	return cap(a) > 0 && cap(b) > 0 && &a[:1][0] == &b[:1][0]
}
