package parse

import "strings"

// Span is a range of the report's decoded text; End is the position just
// after the last character.
type Span struct {
	Start Pos
	End   Pos
}

// Era is the template a report follows.
type Era int

const (
	EraUnknown Era = iota
	EraPre2019     // 2008 Regulations, statistics table of the province's own form
	Era2019        // 国办公开办函〔2019〕60号 trial template
	Era2021        // 国办公开办函〔2021〕30号 template
)

func (e Era) String() string {
	return [...]string{"unknown", "pre-2019", "2019", "2021"}[e]
}

// Zh names the era for messages.
func (e Era) Zh() string {
	return [...]string{"未识别", "2019年以前（统计表）", "2019年模板（国办公开办函〔2019〕60号）", "2021年模板（国办公开办函〔2021〕30号）"}[e]
}

// Report is the model of one annual report.
type Report struct {
	Text *Text

	Title     string
	TitleSpan Span
	// Issuer is the body that issues the report, as the title names it
	// (株洲市芦淞区人民政府), and IssuerKind what kind of body it is.
	Issuer     string
	IssuerKind IssuerKind
	// Year is the report year Y, from the title; in a report without one,
	// from the period, else the statistics table's title, else the year
	// its sentences open with (findYear).
	Year int
	// Evidence is what the text was recognised as a report by: the
	// signals weighed until the score was reached (recognise.go).
	Evidence Evidence
	Era      Era
	// EraEvidence says what the era was recognised by.
	EraEvidence string

	// BodyStart and BodyEnd are the 0-based line range of the report proper:
	// the page chrome before the title and after the end is not read.
	BodyStart, BodyEnd int

	Period *Period
	Dates  []Date

	Sections []Section
	// Headings are all the lines that read as top-level headings, in
	// order, whatever their numbers (findHeadings); Sections are those
	// whose numbers run in sequence.
	Headings []Section
	Tables   []*Table
	// TablesCut is where the table readers stopped without reading on:
	// the lines from the first table on held more words and numbers than
	// any report's tables (window.go's maxTokens), and a reader asked for
	// more. Tables past it were not read. The zero Pos when the readers
	// read all they asked for.
	TablesCut Pos
	// Sentences are the places of every sentence of the body, cut once at
	// 。！？ (table text too: a reader of prose skips what it does not
	// want); Prose holds those outside the tables that state numbers, read.
	Sentences []SentenceSpan
	Prose     []Sentence
}

// SentenceSpan is where a sentence stands: its 1-based line and the
// 0-based characters [Start, End) of the normalised line, in twelve bytes
// (a long report has tens of thousands).
type SentenceSpan struct{ Line, Start, End int32 }

// Span is the sentence's place as a Span.
func (s SentenceSpan) Span() Span {
	return Span{Pos{Line: int(s.Line), Col: int(s.Start) + 1}, Pos{Line: int(s.Line), Col: int(s.End) + 1}}
}

// Period is the statistical period (统计期限) the report states.
type Period struct {
	Start, End Date
	Span       Span
}

// DatesWithRole returns the report's dates of one role, in order.
func (r *Report) DatesWithRole(role DateRole) []Date {
	var out []Date
	for _, d := range r.Dates {
		if d.Role == role {
			out = append(out, d)
		}
	}
	return out
}

// TablesOf returns the report's tables of one kind.
func (r *Report) TablesOf(kind TableKind) []*Table {
	var out []*Table
	for _, t := range r.Tables {
		if t.Kind == kind {
			out = append(out, t)
		}
	}
	return out
}

// SectionKind identifies the six sections of the 2019 and 2021 templates.
type SectionKind int

const (
	SectionOther      SectionKind = iota
	SectionOverview               // 一、总体情况
	SectionActive                 // 二、主动公开政府信息情况
	SectionRequests               // 三、收到和处理政府信息公开申请情况
	SectionReview                 // 四、政府信息公开行政复议、行政诉讼情况
	SectionProblems               // 五、存在的主要问题及改进情况
	SectionOtherItems             // 六、其他需要报告的事项
)

// Section is a top-level heading (一、… 十、) and the lines under it.
type Section struct {
	Number int // 1 for 一、
	Title  string
	Kind   SectionKind
	Span   Span // the heading
	// EndLine is the 0-based line where the next section (or the body) ends.
	EndLine int
}

// TableKind is what a table is.
type TableKind int

const (
	TableUnknown      TableKind = iota
	TableItems                  // 表二: 第二十条 items (2019, 2021)
	TableApplications           // 表三: 收到和处理政府信息公开申请情况
	TableReview                 // 表四: 行政复议、行政诉讼
	TableStatistics             // pre-2019 statistics table
)

func (k TableKind) String() string {
	return [...]string{"unknown", "items", "applications", "review", "statistics"}[k]
}

// The names of each kind of table, in one place: every output names tables
// through these methods.

// Zh is the table's full Chinese name, as headings give it.
func (k TableKind) Zh() string { return k.Full(false) }

// Full is the table's full name: 表三（收到和处理政府信息公开申请）, "table 3
// (applications received and handled)".
func (k TableKind) Full(en bool) string {
	if en {
		return [...]string{"unrecognised table", "table 2 (article 20 items)", "table 3 (applications received and handled)", "table 4 (administrative review and litigation)", "statistics table"}[k]
	}
	return [...]string{"未识别表格", "表二（第二十条主动公开）", "表三（收到和处理政府信息公开申请）", "表四（行政复议、行政诉讼）", "统计表"}[k]
}

// Short is the table's name in a list: 表三, "table 3".
func (k TableKind) Short(en bool) string {
	if en {
		return [...]string{"table", "table 2", "table 3", "table 4", "statistics table"}[k]
	}
	return [...]string{"表格", "表二", "表三", "表四", "统计表"}[k]
}

// Named is the table's name at the start of a finding's message: 表三,
// "Table 3 (applications)".
func (k TableKind) Named(en bool) string {
	if en {
		return [...]string{"", "Table 2 (art. 20 items)", "Table 3 (applications)", "Table 4 (review and litigation)", "statistics table"}[k]
	}
	return k.Short(false)
}

// TableStatus says whether the rules could read a table's cells.
type TableStatus int

const (
	TableRead      TableStatus = iota // every row's columns are certain
	TablePartial                      // some rows or columns are uncertain
	TableUnchecked                    // nothing can be checked
)

func (s TableStatus) String() string {
	return [...]string{"read", "partial", "unchecked"}[s]
}

// Column is one data column of a table.
type Column struct {
	Key   string // canonical, e.g. "natural"
	Label string // as the template prints it, e.g. 自然人
	En    string
}

// Table is a table of the report read into canonical rows and columns.
type Table struct {
	Kind    TableKind
	Variant Era // the template the table follows, from its own rows
	Title   string
	Span    Span
	Columns []Column
	Rows    []*Row
	Status  TableStatus
	// Doubts say why the table or some of its rows could not be read with
	// certainty (rules.TableReason words them).
	Doubts []Doubt
	// Inference says how inferred cells were placed, for the findings that
	// use them.
	Inference Inference
	// Unbalanced notes where the digits ran together and no split of them
	// lets the table's identities hold (see solve.go).
	Unbalanced []Unbalanced
}

// Row returns the row with the canonical key, or nil.
func (t *Table) Row(key string) *Row {
	for _, r := range t.Rows {
		if r.Key == key {
			return r
		}
	}
	return nil
}

// Row is a table row under its canonical key.
type Row struct {
	Key   string // e.g. apply.result.denied.state_secret
	Label string // as printed
	Short string // short Chinese name for messages
	En    string // short English name for messages
	Span  Span   // the printed label
	// Cells holds one cell per table column. A cell whose column is not
	// certain is CellMissing.
	Cells []Cell
	// Read holds the cells in the order they were read, before any column
	// was assigned.
	Read []Cell
	// InferredColumns is set when columns were assigned by an inference (the
	// copy dropped empty cells; see the table's Doubts).
	InferredColumns bool
	// ReadSumDiffers: in a row that lost its blank cells, the last number
	// (read as 总计) is not the sum of the numbers before it.
	ReadSumDiffers bool
	// Group marks a label row that carries no numbers by design
	// (（三）不予公开 over its eight reasons).
	Group bool

	// Statistics tables: the row this one breaks down, how, whether the row
	// is a flow or a stock, and whether filers fill its breakdown loosely.
	Parent  string
	Part    PartKind
	Measure Measure
	Loose   bool
	// PartsUnsure: a row the reader could not name stands among this
	// row's parts, so the sum of its known parts is not its breakdown.
	PartsUnsure bool
}

// Cell is one table cell.
type Cell struct {
	Raw    string
	Kind   CellKind
	Number Number
	Span   Span
	// Inferred is set when the cell's column was inferred, not read.
	Inferred bool
	// glued: read from a run of digits that may hold several cells.
	glued bool
}

// IsNumber reports a cell that holds a number.
func (c Cell) IsNumber() bool { return c.Kind == CellNumber }

// Glued reports a cell recovered from a run of digits that crawler text ran
// together: its split is an inference, never a reading.
func (c Cell) Glued() bool { return c.glued }

// IssuerKind is what kind of body issues a report, which decides its legal
// deadline (DOMAIN.md §6.1).
type IssuerKind int

const (
	IssuerUnknown    IssuerKind = iota
	IssuerGovernment            // a people's government at county level or above
	IssuerDepartment            // a department of such a government
	IssuerTownship              // 乡镇人民政府, 街道办事处
)

func (k IssuerKind) String() string {
	return [...]string{"unknown", "government", "department", "township"}[k]
}

// issuerKind classifies a body by the end of its name. An office (办公室,
// 办公厅) may publish its own report or its government's, and a 管委会 is
// neither a government nor a department, so both stay unknown.
func issuerKind(name string) IssuerKind {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return IssuerUnknown
	case hasSuffixAny(n, "街道办事处", "街道", "街", "办事处", "乡人民政府", "镇人民政府", "乡政府", "镇政府", "乡", "镇"):
		return IssuerTownship
	case hasSuffixAny(n, "办公室", "办公厅", "管委会", "管理委员会"):
		return IssuerUnknown
	case hasSuffixAny(n, "人民政府", "区政府", "县政府", "市政府", "州政府", "盟政府", "旗政府"):
		return IssuerGovernment
	case hasSuffixAny(n, "局", "委员会", "委", "厅", "中心", "院", "署", "办"):
		return IssuerDepartment
	}
	return IssuerUnknown
}

func hasSuffixAny(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// BodyKey normalises an issuing body's name so that two reports of the same
// body match: spacing and punctuation go, 人民政府 is 政府, 街道办事处 and
// 办事处 are 街道, a 管委会 is its zone.
func BodyKey(name string) string {
	k := compact(name)
	for _, r := range [][2]string{{"人民政府", "政府"}, {"街道办事处", "街道"}, {"办事处", "街道"}, {"管理委员会", ""}, {"管委会", ""}} {
		k = strings.ReplaceAll(k, r[0], r[1])
	}
	return k
}

// Anchor is where a finding about the report as a whole points: its title,
// or, in a report without one, the first line of its body that holds text.
// It is never line 0, which no editor and no SARIF viewer can show.
func (r *Report) Anchor() Span {
	if r.Title != "" && r.TitleSpan.Start.Line > 0 {
		return r.TitleSpan
	}
	if r.Text != nil {
		for i := r.BodyStart; i < r.BodyEnd && i < len(r.Text.Norm); i++ {
			rs := r.Text.Norm[i]
			a, b := 0, len(rs)
			for a < b && (rs[a] == ' ' || rs[a] == '|') {
				a++
			}
			for b > a && (rs[b-1] == ' ' || rs[b-1] == '|') {
				b--
			}
			if a < b {
				return Span{Pos{Line: i + 1, Col: a + 1}, Pos{Line: i + 1, Col: b + 1}}
			}
		}
	}
	return Span{Pos{Line: 1, Col: 1}, Pos{Line: 1, Col: 1}}
}

// MissingTables are the tables the report's template requires and the
// report does not have: 表三 and 表四 of a 2019 or 2021 report. (表二's
// blocks are often merged into prose, and the pre-2019 statistics table
// was never one form, so their absence says nothing.) Every output that
// says a table is missing asks here.
func (r *Report) MissingTables() []TableKind {
	if r.Era < Era2019 {
		return nil
	}
	var out []TableKind
	for _, k := range []TableKind{TableApplications, TableReview} {
		if len(r.TablesOf(k)) == 0 {
			out = append(out, k)
		}
	}
	return out
}

// NumberCell returns a cell of the report's tables of a kind, by row and
// column key, when it holds a number (read or inferred), with the table it
// is in; tables that could not be read at all are passed over.
func (r *Report) NumberCell(kind TableKind, row, col string) (Cell, *Table, bool) {
	for _, t := range r.TablesOf(kind) {
		if t.Status == TableUnchecked {
			continue
		}
		rw := t.Row(row)
		if rw == nil {
			continue
		}
		for i, c := range t.Columns {
			if c.Key == col && i < len(rw.Cells) && rw.Cells[i].IsNumber() {
				return rw.Cells[i], t, true
			}
		}
	}
	return Cell{}, nil, false
}
