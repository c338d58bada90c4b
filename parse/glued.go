package parse

// Unbalanced is a place where a table's digits ran together and no split of
// them satisfies the table's own identities: the table as printed cannot
// balance. It is a finding about the text, not a guess at its numbers.
type Unbalanced struct {
	Rows []*Row
	// Digits are the rows' digits as printed, a space where the copy kept
	// cells apart.
	Digits []string
	// Examples are a few splits of the first row's digits, none of which
	// adds up (empty for a joint failure).
	Examples []string
	// Joint: each row splits to a total of its own, but no combination of
	// the rows' splits makes the columns balance.
	Joint bool
	Span  Span
}

// gluedSolve is the outcome of solving one table's glued rows.
type gluedSolve struct {
	recovered  int // rows read by the one split the identities leave
	ambiguous  int // rows left with several readings
	readings   int // the joint readings of those rows
	tooMany    int // rows whose splits were too many to try
	unreadable int // rows with fewer digits than cells
	unbalanced int // rows no split can make add up
	example    string
}

func (g *gluedSolve) any() bool {
	return g.recovered+g.ambiguous+g.tooMany+g.unreadable+g.unbalanced > 0
}

func (g *gluedSolve) unread() int { return g.ambiguous + g.tooMany + g.unreadable + g.unbalanced }

// solveGluedRows reads the glued rows of t: each row's splits into n cells
// that its own identity keeps (accept gives it, nil: any split), then the
// rows with several splits jointly under sums.
// Rows decided are given their cells; the others stay unread, and a row or
// a set of rows that cannot balance is noted in t.Unbalanced.
func solveGluedRows(t *Table, rows []*rowReading, sums []columnSum, n int, accept func(*Row) func([]Cell) bool) gluedSolve {
	var g gluedSolve
	steps := 0
	for _, r := range rows {
		if !r.glued {
			continue
		}
		cands, over := splitRow(r.row.Read, n, accept(r.row), readingLimit+1, &steps)
		switch {
		case over || len(cands) > readingLimit:
			g.tooMany++
			g.noteExample(r.row)
		case len(cands) > 0:
			r.cands = cands
		case canSplit(r.row.Read, n):
			r.unbalanced = true
			g.unbalanced++
			u := Unbalanced{Rows: []*Row{r.row}, Digits: []string{gluedDigits(r.row.Read)}, Span: readSpan(r.row)}
			if t.Kind == TableApplications {
				u.Examples = exampleSplits(r.row.Read, n, n, 2) // the splits nearest a matching total
			}
			t.Unbalanced = append(t.Unbalanced, u)
		default:
			g.unreadable++
			g.noteExample(r.row)
		}
	}
	groups := solveJoint(rows, sums, n)
	for _, r := range rows {
		if r.glued && len(r.cands) == 1 {
			takeReading(r.row, r.cands[0])
			g.recovered++
		}
	}
	g.readings = 1
	for _, joint := range groups {
		g.settle(t, joint)
	}
	if g.ambiguous == 0 {
		g.readings = 0
	}
	return g
}

// settle takes the reading one group of undecided rows leaves, notes the
// group as unbalanced when none is left, or counts its readings.
func (g *gluedSolve) settle(t *Table, joint jointResult) {
	if choice, ok := joint.decided(); ok {
		for i, r := range joint.undecided {
			takeReading(r.row, r.cands[choice[i]])
			g.recovered++
		}
		return
	}
	switch {
	case joint.over:
		g.tooMany += len(joint.undecided)
	case joint.readings == 0:
		u := Unbalanced{Joint: true, Span: readSpan(joint.undecided[0].row)}
		for _, r := range joint.undecided {
			u.Rows = append(u.Rows, r.row)
			u.Digits = append(u.Digits, gluedDigits(r.row.Read))
		}
		t.Unbalanced = append(t.Unbalanced, u)
		g.unbalanced += len(joint.undecided)
		return
	default:
		g.ambiguous += len(joint.undecided)
		g.readings *= joint.readings
	}
	g.noteExample(joint.undecided[0].row)
}

// takeReading gives a row the cells of its one reading.
func takeReading(row *Row, cells []Cell) {
	copy(row.Cells, cells)
	row.InferredColumns = true
}

func (g *gluedSolve) noteExample(row *Row) {
	if g.example == "" {
		g.example = gluedDigits(row.Read)
	}
}

// readSpan is the span of a row's read cells, or its label without them.
func readSpan(row *Row) Span {
	if len(row.Read) == 0 {
		return row.Span
	}
	return Span{row.Read[0].Span.Start, row.Read[len(row.Read)-1].Span.End}
}

// status says what could be read of a table with glued rows; certain is
// the number of rows read as printed, one cell a number.
func (g *gluedSolve) status(t *Table, certain, short int) {
	t.Inference = InferGluedIdentities
	read := certain + g.recovered
	switch {
	case read == 0:
		t.Status = TableUnchecked
	case g.unread()+short == 0:
		t.Status = TableRead
		return
	default:
		t.Status = TablePartial
	}
	t.doubt(Doubt{Kind: DoubtGlued, Glued: &GluedCounts{Recovered: g.recovered, Ambiguous: g.ambiguous, Readings: g.readings,
		TooMany: g.tooMany, Unreadable: g.unreadable, Unbalanced: g.unbalanced, Short: short, Columns: len(t.Columns), Example: g.example}})
}
