package parse

// cellSlab hands out the cell slices of a table's rows cut from larger
// blocks: every row needs a few cells twice (as read, then by column), and
// an allocation for each was a good part of the parser's.
type cellSlab struct{ free []Cell }

// cellBlock is how many cells a block holds: a 2021 application table
// reads about 30 rows of 7.
const cellBlock = 128

// take returns an empty slice of zero cells with room for n; appending
// past n moves it out of the slab, as append does.
func (s *cellSlab) take(n int) []Cell {
	if len(s.free) < n {
		s.free = make([]Cell, max(n, cellBlock))
	}
	c := s.free[:0:n]
	s.free = s.free[n:]
	return c
}

// row returns n zero cells.
func (s *cellSlab) row(n int) []Cell { return s.take(n)[:n] }
