package format

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
	"github.com/reportlint/reportlint/rules"
)

// Where a finding's places stand in the original file. A finding made in
// one report is located through that report's text, which the result it
// is printed with holds; a finding made across reports carries its places
// already located in their own files (rules.Finding.Loc, Operand.Loc,
// Location.Loc), and those are printed as they are.

// locate is where position p of a report's text stands in the file: loc
// when the rule located it, else through the report's text, else p itself.
func locate(r *parse.Report, p parse.Pos, loc parse.Location) parse.Location {
	switch {
	case loc.Known():
		return loc
	case r == nil || r.Text == nil || p.Line == 0:
		return parse.Location{Line: p.Line, Col: p.Col}
	}
	return r.Text.Locate(p)
}

// lineCol is the line and column that JSON and SARIF give for a position
// located at loc: the file's own in a text or HTML file. A DOCX or PDF has
// no lines of its own; there the position stays in the extracted text, and
// the text output names the paragraph, cell or page.
func lineCol(p parse.Pos, loc parse.Location) parse.Pos {
	if !loc.Known() || loc.Page > 0 || loc.Para > 0 || loc.Table > 0 {
		return p
	}
	return parse.Pos{Line: loc.Line, Col: loc.Col}
}

// findingStart and findingEnd are lineCol of a finding's span.
func findingStart(r *parse.Report, f rules.Finding) parse.Pos {
	return lineCol(f.Span.Start, locate(r, f.Span.Start, f.Loc))
}

func findingEnd(r *parse.Report, f rules.Finding) parse.Pos {
	end := spanEnd(f.Span)
	switch {
	case !f.Loc.Known():
		return lineCol(end, locate(r, end, parse.Location{}))
	case end == f.Span.End && f.EndLoc.Known():
		return lineCol(end, f.EndLoc)
	}
	// a span with no end: just after its first character
	loc := f.Loc
	loc.Col++
	return lineCol(end, loc)
}

// operandAt is lineCol of a number's place.
func operandAt(r *parse.Report, o rules.Operand) parse.Pos {
	return lineCol(o.Span.Start, locate(r, o.Span.Start, o.Loc))
}

// relatedEnd is lineCol of the end of a related place.
func relatedEnd(l rules.Location) parse.Pos {
	end := spanEnd(l.Span)
	if end == l.Span.End && l.EndLoc.Known() {
		return lineCol(end, l.EndLoc)
	}
	loc := l.Loc
	loc.Col++
	return lineCol(end, loc)
}

// Where says where a finding is, for the text output: always line:col, as
// problem matchers and editors read it — the file's own for text and HTML,
// the extracted text's for a DOCX or PDF (what JSON and SARIF give). r is
// the report the finding was made in, when at hand.
func Where(r *parse.Report, f rules.Finding) string {
	start := findingStart(r, f)
	return fmt.Sprintf("%d:%d", start.Line, start.Col)
}

// Place is where a finding is in a DOCX or PDF, in words (第4页第29行,
// 表3第4行第3格, 第31段第103字), which the text output adds to the message;
// "" for a text or HTML file, whose line:col are the file's own.
func Place(r *parse.Report, f rules.Finding, en bool) string {
	return placeWords(locate(r, f.Span.Start, f.Loc), en)
}

func placeWords(loc parse.Location, en bool) string {
	if loc.Page > 0 || loc.Para > 0 || loc.Table > 0 {
		return loc.String(en)
	}
	return ""
}

// relatedWhere and relatedPlace are Where and Place for a related place.
func relatedWhere(l rules.Location) string {
	start := lineCol(l.Span.Start, l.Loc)
	return fmt.Sprintf("%d:%d", start.Line, start.Col)
}

func relatedPlace(l rules.Location, en bool) string {
	return placeWords(locate(nil, l.Span.Start, l.Loc), en)
}

// withPlace adds a DOCX or PDF place in words to a message.
func withPlace(msg, place string) string {
	if place == "" {
		return msg
	}
	return msg + " (" + place + ")"
}
