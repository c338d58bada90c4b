package parse

// A Doubt is one reason a table, or some of its rows, could not be read
// with certainty: what the reader found (its kind, how many rows or cells,
// an example as printed), never a sentence. The rules render it in either
// language (rules.TableReason), so that what the parser knows and how a
// reviewer is told stay apart.
type Doubt struct {
	Kind DoubtKind
	// Rows is how many rows the doubt concerns; Want and Got count cells or
	// numbers (Want: as many as the template has).
	Rows, Want, Got int
	// Example is a row's digits or text as printed.
	Example string
	// Row names the row concerned, when there is one (Column too, for an
	// empty cell); Short and En name a template row the table lacks.
	Row    *Row
	Column *Column
	Short  string
	En     string
	// Glued holds what the solver made of digits run together (DoubtGlued).
	Glued *GluedCounts
}

// DoubtKind is what kept a table, or some of its rows, from being read.
type DoubtKind int

const (
	DoubtNone DoubtKind = iota
	// a label with digits run into it, which the reader could not cut
	DoubtGluedLabel
	// a row read with more numbers than the table has columns
	DoubtOutOfOrder
	// a copy that lost its blank cells, its last numbers read as 总计
	DoubtLostBlanksTotals
	// rows with fewer numbers than columns (Rows of them, Want columns)
	DoubtShortRows
	// no complete data row at all
	DoubtNoRows
	// digits run together: GluedCounts says what the solver read
	DoubtGlued
	// 表二: a header that names no template's columns
	DoubtUnknownHeader
	// 表二: rows without as many cells as columns
	DoubtItemRowsShort
	// 表四: header words among its numbers (PDF text order)
	DoubtInterleaved
	// 表四: more cells than its fifteen
	DoubtExtraCells
	// 表四: fewer cells than its fifteen (Got of Want)
	DoubtFewCells
	// 表四 digits run together, Example: no split adds up, too many
	// splits, Got splits that all add up, fewer digits than cells
	DoubtReviewUnbalanced
	DoubtReviewTooMany
	DoubtReviewReadings
	DoubtReviewFewDigits
	// statistics table: no row recognised; rows without Want numbers
	DoubtStatNoRows
	DoubtStatShortRows
	// markdown copies: rows of numbers with no label (Rows), template rows
	// not read (Rows, the first Short/En), an empty cell (Row, Column);
	// DoubtSkipped closes the list: the identities using them were skipped
	DoubtUnplaced
	DoubtRowsMissing
	DoubtEmptyCell
	DoubtSkipped
)

// GluedCounts is what the solver made of a table's rows whose digits ran
// together (solve.go): rows read by the one split left, rows left with
// several readings (and how many joint readings), with too many splits to
// try, with fewer digits than cells, that cannot balance, and rows short of
// numbers beside them.
type GluedCounts struct {
	Recovered, Ambiguous, Readings, TooMany, Unreadable, Unbalanced, Short int
	Columns                                                                int
	Example                                                                string
}

// Inference says how a table's inferred cells were placed, for the
// findings that rest on them.
type Inference int

const (
	// the copy lost blank cells and the columns were inferred
	InferLostBlanks Inference = iota
	// digits run together, split the one way the table's identities allow
	InferGluedIdentities
	// 表四's digits run together, split the one way each block's total allows
	InferGluedBlocks
)

// doubt notes one reason the table is not wholly read.
func (t *Table) doubt(d Doubt) { t.Doubts = append(t.Doubts, d) }
