package parse

// The joint step of the solver (see solve.go): rows whose own identity
// leaves several splits are decided by the column identities they share
// with the other rows.

// readingLimit is how many readings of one row are kept: a row with more
// is left unread rather than carried into the joint search.
const readingLimit = 64

// comboCap bounds the joint search: the product of the undecided rows'
// readings. Past it the rows stay unread ("too many readings").
const comboCap = 1 << 17

// columnSum is an identity that holds in every column of a table: the sum
// of the left rows equals the sum of the right rows.
type columnSum struct{ left, right []string }

// applicationSums are 表三's column identities for one variant: 本年新收 +
// 上年结转 = （七）总计 + 结转下年度, and （七）总计 = the outcomes.
func applicationSums(v Era) []columnSum {
	sums := []columnSum{{left: []string{"apply.new", "apply.carried"}, right: []string{"apply.result.total", "apply.forward"}}}
	if v == Era2019 || v == Era2021 {
		sums = append(sums, columnSum{left: []string{"apply.result.total"}, right: ApplicationOutcomeRows(v)})
	}
	return sums
}

// rowReading is what the solver knows of one row of a table.
type rowReading struct {
	row   *Row
	cands [][]Cell // the readings the row's own identity keeps
	glued bool     // the row's digits ran together
	// unbalanced: the digits split into the row's cells, but no split
	// makes the row's total add up
	unbalanced bool
	chosen     int // the reading taken, once one is
}

// jointResult is what the joint search found for the undecided rows.
type jointResult struct {
	undecided []*rowReading // rows with several readings of their own
	readings  int           // joint readings under which every identity holds
	over      bool          // too many to try
	first     []int         // the first such reading, a choice per undecided row
}

// solveJoint tries every combination of the undecided rows' readings
// against the column identities that involve them, and counts those under
// which all hold. An identity that needs a row not read (cells lost, text in
// a cell) is not evaluated in that column: it cannot decide anything.
func solveJoint(rows []*rowReading, sums []columnSum, ncol int) jointResult {
	byKey := map[string]*rowReading{}
	var res jointResult
	product := 1
	for _, r := range rows {
		byKey[r.row.Key] = r
		if len(r.cands) > 1 {
			res.undecided = append(res.undecided, r)
			product *= len(r.cands)
			if product > comboCap {
				res.over = true
			}
		}
	}
	if len(res.undecided) == 0 || res.over {
		return res
	}
	var relevant []columnSum
	for _, s := range sums {
		if involves(s, byKey) {
			relevant = append(relevant, s)
		}
	}
	choice := make([]int, len(res.undecided))
	for {
		for i, r := range res.undecided {
			r.chosen = choice[i]
		}
		if allHold(relevant, byKey, ncol) {
			res.readings++
			if res.first == nil {
				res.first = append([]int(nil), choice...)
			}
		}
		if !nextChoice(choice, res.undecided) {
			break
		}
	}
	return res
}

// involves reports an identity that names an undecided row.
func involves(s columnSum, byKey map[string]*rowReading) bool {
	for _, side := range [][]string{s.left, s.right} {
		for _, k := range side {
			if r := byKey[k]; r != nil && len(r.cands) > 1 {
				return true
			}
		}
	}
	return false
}

// nextChoice steps a mixed-radix counter over the rows' readings; false
// once every combination was visited.
func nextChoice(choice []int, rows []*rowReading) bool {
	for i := range choice {
		choice[i]++
		if choice[i] < len(rows[i].cands) {
			return true
		}
		choice[i] = 0
	}
	return false
}

// allHold checks every identity in every column where it can be evaluated.
func allHold(sums []columnSum, byKey map[string]*rowReading, ncol int) bool {
	for _, s := range sums {
		for c := 0; c < ncol; c++ {
			l, okL := sideSum(s.left, byKey, c)
			r, okR := sideSum(s.right, byKey, c)
			if okL && okR && l != r {
				return false
			}
		}
	}
	return true
}

// sideSum adds one side of an identity in column c; false when a row of it
// has no reading or its cell is not a whole number.
func sideSum(keys []string, byKey map[string]*rowReading, c int) (float64, bool) {
	var sum float64
	for _, k := range keys {
		r := byKey[k]
		if r == nil || len(r.cands) == 0 {
			return 0, false
		}
		cell := r.cands[r.chosen][c]
		if !cell.IsNumber() || !cell.Number.IsInt {
			return 0, false
		}
		sum += cell.Number.Value
	}
	return sum, true
}
