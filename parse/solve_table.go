package parse

// The joint step of the solver (see solve.go): rows whose own identity
// leaves several splits are decided by the column identities they share
// with the other rows.

// readingLimit is how many readings of one row are kept: a row with more
// is left unread rather than carried into the joint search.
const readingLimit = 64

// comboCap bounds the joint search: the product of the undecided rows'
// readings. Past it the rows stay unread ("too many readings").
const comboCap = 1 << 12

// columnSum is an identity that holds in every column of a table: the sum
// of the left rows equals the sum of the right rows. A loose one (a
// breakdown filers fill loosely) never rules a reading out: it only picks
// one among several that the strict identities leave.
type columnSum struct {
	left, right []string
	loose       bool
}

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
	readings  int           // joint readings under which every strict identity holds
	over      bool          // too many to try
	first     []int         // the first such reading, a choice per undecided row
	// the readings under which the loose identities hold too, and the
	// first of them
	looseReadings int
	firstLoose    []int
}

// decided returns the one reading the search leaves, by the strict
// identities or else by the loose ones among several strict readings.
func (res jointResult) decided() ([]int, bool) {
	switch {
	case res.readings == 1:
		return res.first, true
	case res.readings > 1 && res.looseReadings == 1:
		return res.firstLoose, true
	}
	return nil, false
}

// solveJoint splits the undecided rows (several readings of their own)
// into groups that share an identity, and searches each group alone: rows
// that no identity links cannot decide each other, and searching them
// together would multiply their readings.
func solveJoint(rows []*rowReading, sums []columnSum, ncol int) []jointResult {
	byKey := map[string]*rowReading{}
	var undecided []*rowReading
	for _, r := range rows {
		byKey[r.row.Key] = r
		if len(r.cands) > 1 {
			undecided = append(undecided, r)
		}
	}
	var out []jointResult
	for _, group := range linkedGroups(undecided, sums) {
		out = append(out, searchGroup(group, sums, byKey, ncol))
	}
	return out
}

// linkedGroups partitions the undecided rows by the identities that name
// them together, in the rows' order.
func linkedGroups(undecided []*rowReading, sums []columnSum) [][]*rowReading {
	index := map[string]int{}
	parent := make([]int, len(undecided))
	for i, r := range undecided {
		index[r.row.Key] = i
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for _, s := range sums {
		first := -1
		for _, k := range append(append([]string(nil), s.left...), s.right...) {
			i, ok := index[k]
			if !ok {
				continue
			}
			if first < 0 {
				first = i
			} else {
				parent[find(i)] = find(first)
			}
		}
	}
	var groups [][]*rowReading
	slot := map[int]int{}
	for i, r := range undecided {
		root := find(i)
		g, ok := slot[root]
		if !ok {
			g = len(groups)
			slot[root] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], r)
	}
	return groups
}

// searchGroup tries every combination of a group's readings against the
// identities that involve it, and counts those under which all hold. An
// identity that needs a row not read (cells lost, text in a cell) is not
// evaluated in that column: it cannot decide anything.
func searchGroup(group []*rowReading, sums []columnSum, byKey map[string]*rowReading, ncol int) jointResult {
	res := jointResult{undecided: group}
	product := 1
	for _, r := range group {
		product *= len(r.cands)
		if product > comboCap {
			res.over = true
			return res
		}
	}
	var strict, loose []columnSum
	for _, s := range sums {
		switch {
		case !involves(s, group):
		case s.loose:
			loose = append(loose, s)
		default:
			strict = append(strict, s)
		}
	}
	choice := make([]int, len(group))
	for {
		for i, r := range group {
			r.chosen = choice[i]
		}
		if allHold(strict, byKey, ncol) {
			res.readings++
			if res.first == nil {
				res.first = append([]int(nil), choice...)
			}
			if allHold(loose, byKey, ncol) {
				res.looseReadings++
				if res.firstLoose == nil {
					res.firstLoose = append([]int(nil), choice...)
				}
			}
		}
		if !nextChoice(choice, group) {
			break
		}
	}
	return res
}

// involves reports an identity that names a row of the group.
func involves(s columnSum, group []*rowReading) bool {
	for _, r := range group {
		for _, side := range [][]string{s.left, s.right} {
			for _, k := range side {
				if k == r.row.Key {
					return true
				}
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
