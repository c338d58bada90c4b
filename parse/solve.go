package parse

import (
	"math"
	"sort"
	"strings"
)

// Crawler copies run a row's cells together: 「640020470」 is the seven cells
// of a 表三 row with nothing between them. The digits alone do not say where
// one cell ends, but the table does: every row's 总计 is the sum of its
// applicant columns, every column balances, each 表四 block's 总计 is the sum
// of its four results. The solver enumerates the ways a row's digits split
// into its cells (no leading zero except a lone 0) and keeps the splits under
// which the table's own identities hold. One reading left: it is read, its
// cells marked inferred. None left: the table as printed cannot balance,
// which is a finding about the text. Several: not checked.

// splitBudget bounds the splits tried for one table: a row of n digits has
// up to C(n-1, k-1) splits into k cells, and a damaged row could hold many
// digits. Past the budget the table is "too many readings".
const splitBudget = 50_000

// maxCellDigits is the longest number a split gives a cell: no count in
// these tables comes near a billion.
const maxCellDigits = 9

// splitter enumerates the splits of a row's read cells into n cells. A glued
// cell (a run of digits) may become several cells; any other read cell stays
// one. accept is asked after each cell is placed, with the cells so far, and
// prunes the prefix when it returns false; it decides itself at which
// lengths it has something to check.
type splitter struct {
	read   []Cell
	digits []string // the ASCII digits of each glued cell, "" for the others
	n      int
	accept func(prefix []Cell) bool
	steps  int  // splits tried so far, against splitBudget
	over   bool // the budget ran out
	limit  int  // stop after this many readings
	out    [][]Cell
	cells  []Cell
}

// splitRow returns the readings of read as n cells that accept keeps, at
// most limit of them; over reports that the search stopped at its budget.
// steps is shared by every row of a table, so that the table's budget holds.
func splitRow(read []Cell, n int, accept func([]Cell) bool, limit int, steps *int) (out [][]Cell, over bool) {
	s := &splitter{read: read, n: n, accept: accept, limit: limit, steps: *steps}
	s.digits = make([]string, len(read))
	for i, c := range read {
		if c.glued {
			if d, ok := asciiDigits(c.Raw); ok {
				s.digits[i] = d
			}
		}
	}
	s.cells = make([]Cell, 0, n)
	s.walk(0, 0)
	*steps = s.steps
	return s.out, s.over
}

// walk places the cells from read[p], digit o of it when it is glued.
func (s *splitter) walk(p, o int) {
	if s.over || len(s.out) >= s.limit {
		return
	}
	s.steps++
	if s.steps > splitBudget {
		s.over = true
		return
	}
	if p == len(s.read) {
		if len(s.cells) == s.n {
			s.out = append(s.out, append([]Cell(nil), s.cells...))
		}
		return
	}
	if !s.room(p, o) {
		return
	}
	d := s.digits[p]
	if d == "" {
		s.place(s.read[p], p+1, 0)
		return
	}
	longest := min(len(d)-o, maxCellDigits)
	if d[o] == '0' {
		longest = 1 // no leading zero: a 0 is a cell of its own
	}
	for l := 1; l <= longest; l++ {
		next, nextO := p, o+l
		if nextO == len(d) {
			next, nextO = p+1, 0
		}
		s.place(digitCell(s.read[p], o, l, d[o:o+l]), next, nextO)
	}
}

// place adds one cell and goes on from (p, o) if accept keeps the prefix.
// Every cell of a split row is inferred, a digit read apart too: its column
// rests on the split.
func (s *splitter) place(c Cell, p, o int) {
	c.Inferred, c.glued = true, false
	s.cells = append(s.cells, c)
	if s.accept == nil || s.accept(s.cells) {
		s.walk(p, o)
	}
	s.cells = s.cells[:len(s.cells)-1]
}

// room reports that the cells still to place can come out of what is left
// to read: each read cell left gives at least one cell (a glued one enough
// cells to hold its digits, maxCellDigits a cell) and a glued one at most
// one a digit. Without the first bound the search would wander through
// prefixes that leave too many digits for too few cells.
func (s *splitter) room(p, o int) bool {
	least, most := 0, 0
	for i := p; i < len(s.read); i++ {
		d := s.digits[i]
		if d == "" {
			least++
			most++
			continue
		}
		left := len(d)
		if i == p {
			left -= o
		}
		least += (left + maxCellDigits - 1) / maxCellDigits
		most += left
	}
	left := s.n - len(s.cells)
	return left >= least && left <= most
}

// digitCell is the cell made of digits o to o+l of a glued cell.
func digitCell(c Cell, o, l int, digits string) Cell {
	s := c.Span
	s.Start.Col += o
	s.End = Pos{Line: s.Start.Line, Col: s.Start.Col + l}
	var v float64
	for i := 0; i < len(digits); i++ {
		v = v*10 + float64(digits[i]-'0')
	}
	return Cell{Raw: digits, Kind: CellNumber, Number: Number{Value: v, IsInt: true}, Span: s, Inferred: true}
}

// asciiDigits returns s's digits in ASCII when s is only digits (full-width
// ones too, as a web copy may print them).
func asciiDigits(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		default:
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// gluedDigits is a row's glued reading as printed, for messages: the
// digits of its read cells, a space between cells read apart.
func gluedDigits(read []Cell) string {
	parts := make([]string, len(read))
	for i, c := range read {
		parts[i] = c.Raw
	}
	return strings.Join(parts, " ")
}

// canSplit reports that read has at least one split into n cells, whatever
// the numbers: fewer digits than cells (blank cells lost as well) is not a
// table that cannot balance, only one that cannot be read.
func canSplit(read []Cell, n int) bool {
	steps := 0
	out, over := splitRow(read, n, nil, 1, &steps)
	return len(out) > 0 && !over
}

// exampleSplits returns up to k splits of read into n cells for a message
// about digits no split balances: the ones nearest to balancing, by how
// far each block's total is from the sum of its other cells, so that the
// reader sees the split a filer most likely meant.
func exampleSplits(read []Cell, n, blockLen, k int) []string {
	steps := 0
	out, _ := splitRow(read, n, nil, exampleLimit, &steps)
	gaps := make([]float64, len(out))
	order := make([]int, len(out))
	for i, cells := range out {
		gaps[i], order[i] = blockGap(cells, blockLen), i
	}
	sort.SliceStable(order, func(i, j int) bool { return gaps[order[i]] < gaps[order[j]] })
	sorted := make([][]Cell, len(out))
	for i, k := range order {
		sorted[i] = out[k]
	}
	out = sorted
	var ex []string
	for _, cells := range out[:min(k, len(out))] {
		parts := make([]string, len(cells))
		for i, c := range cells {
			parts[i] = c.Raw
		}
		ex = append(ex, strings.Join(parts, "|"))
	}
	return ex
}

// exampleLimit bounds the splits exampleSplits ranks.
const exampleLimit = 512

// blockGap is how far, summed over the blocks of blockLen cells, each
// block's last cell is from the sum of the others.
func blockGap(cells []Cell, blockLen int) float64 {
	var gap float64
	for b := 0; b+blockLen <= len(cells); b += blockLen {
		block := cells[b : b+blockLen]
		var sum float64
		for _, c := range block[:blockLen-1] {
			sum += c.Number.Value
		}
		gap += math.Abs(block[blockLen-1].Number.Value - sum)
	}
	return gap
}

// sumAt accepts a prefix whose cells at the given ends close blocks that add
// up: at each end e in ends, cell e-1 is the sum of the cells since the last
// end. A cell that is not a whole number makes its block unknown, not
// wrong: the rules report it.
func sumAt(blockLen int) func([]Cell) bool {
	return func(prefix []Cell) bool {
		k := len(prefix)
		if k%blockLen != 0 {
			return true
		}
		block := prefix[k-blockLen:]
		for _, c := range block {
			if !c.IsNumber() || !c.Number.IsInt {
				return true
			}
		}
		return lastIsSum(block)
	}
}
