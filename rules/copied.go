package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/reportlint/reportlint/parse"
)

// CopiedShareThreshold is the share of a report's prose, in characters,
// that may stand word for word (numbers aside) in another report before the
// report is said to copy it. Evaluators single out 内容雷同 reports; template
// sentences every report shares are left out before counting. Measured on
// the corpus: a body's rewritten reports share about 30-36% (洪泽区 2023 and
// 2024), copied ones 74-84% (平潭县 2011-2013), so half is the line.
const CopiedShareThreshold = 0.5

// minSentence is the shortest sentence (after masking) that counts: shorter
// ones are headings and stock phrases.
const minSentence = 12

// maxSentence is the longest sentence that counts. No prose sentence comes
// near it (the longest in the corpus, table text a crawler ran into one
// line, is 1,089 characters); a crafted file's line of 50 million
// characters without a stop was masked whole for the run's digests, 4 s
// and 300 MB.
const maxSentence = 4096

var copiedProseRule = &Rule{
	ID: "copied-prose", Name: "正文与上年报告雷同", NameEn: "Prose copied from last year", Severity: Warning,
	Doc: Text{
		Zh: "同一机关相邻两年的报告：今年报告的正文（数字不计）有一半以上（50%）的文字逐句照搬上一年报告的，报警告（内容雷同），并给出比例和最长的照搬段落。模板规定的套话（统计期限、联系方式、各部分标题等）和少于12个字的句子不计。",
		En: "For a body's reports of consecutive years: when half (50%) or more of this year's prose (numbers masked) repeats last year's sentence for sentence, it is a warning (内容雷同), with the share and the longest copied passage. Template sentences (the period, contacts, section headings) and sentences under 12 characters are left out.",
	},
	RunPair: func(p *PairPass) {
		share, passage, at, prevAt, ok := copiedShare(p.Pair.Cur.Report, p.Pair.Prev.Report)
		if !ok || share < CopiedShareThreshold {
			return
		}
		prev := p.Pair.Prev
		p.Add(Finding{
			Span:    at,
			Related: []Location{relatedIn(prev, prevAt, Text{Zh: "上一年报告中的相同段落", En: "the same passage in last year's report"})},
			Message: Text{
				Zh: fmt.Sprintf("正文 %.0f%% 的文字（数字不计）与上一年度报告 %s 逐句相同（内容雷同）；最长的相同段落：「%s」", share*100, prev.Path, excerptRunes(passage, 60)),
				En: fmt.Sprintf("%.0f%% of the prose (numbers aside) repeats last year's report %s sentence for sentence; the longest copied passage: %q", share*100, prev.Path, excerptRunes(passage, 60)),
			},
		})
	},
}

var sharedProseRule = &Rule{
	ID: "shared-prose", Name: "正文与他机关同年报告雷同", NameEn: "Prose shared with another body", Severity: Warning,
	Doc: Text{
		Zh: "同一年度两个不同机关的报告，正文（数字不计）有一半以上（50%）逐句相同的，报警告，并给出比例和第一处相同句子的位置；计法同 copied-prose，但在二十份以上报告中都出现的句子视为行业套话，不计。",
		En: "Two different bodies' reports of the same year whose prose (numbers masked) is half (50%) or more the same sentence for sentence give a warning with the share and where the first shared sentence stands; counted as for copied-prose, except that a sentence found in more than twenty reports is a stock phrase and does not count.",
	},
}

// sentenceKeys returns the report's prose sentences with numbers masked, in
// order, with their positions; template sentences are left out.
func sentenceKeys(r *parse.Report) []keyedSentence {
	var out []keyedSentence
	eachMaskedSentence(r, func(key []rune, span parse.Span) {
		out = append(out, keyedSentence{key: string(key), span: span})
	})
	return out
}

type keyedSentence struct {
	key  string
	span parse.Span
}

// eachMaskedSentence calls f with every prose sentence of the body that
// counts for the copied-prose checks: masked (see maskRunes), at least
// minSentence characters, at most maxSentence before masking, not a
// template sentence. key is only valid during the call. Every report of a
// run goes through here for its digest, so it reuses one buffer and never
// builds a string.
func eachMaskedSentence(r *parse.Report, f func(key []rune, span parse.Span)) {
	var buf []rune
	for _, sp := range r.Sentences { // cut once, by parse
		if sp.End-sp.Start > maxSentence {
			continue
		}
		rs := r.Text.Norm[sp.Line-1]
		buf = maskRunes(buf[:0], rs[sp.Start:sp.End])
		if len(buf) >= minSentence && !isTemplateSentence(buf) {
			f(buf, sp.Span())
		}
	}
}

// maskRunes appends s to dst without spaces and punctuation and with every
// run of digits turned into one #, so that a sentence copied with this
// year's numbers still matches.
func maskRunes(dst, s []rune) []rune {
	inDigits := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if !inDigits {
				dst = append(dst, '#')
			}
			inDigits = true
			continue
		case r >= 0x4E00 && r <= 0x9FFF: // CJK ideographs, nearly every rune of a report
			dst = append(dst, r)
		case r == '、' || r == '“' || r == '”' || r == '《' || r == '》' || r == '「' || r == '」' || r == '【' || r == '】' || r == '〔' || r == '〕' || r == '…' || r == '—' || r == '·':
			// the common Chinese punctuation, without the Unicode tables
		case r < 0x80: // ASCII: letters stay; spaces, punctuation and symbols go
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r < 0x20 && !unicode.IsSpace(r) || r == 0x7F {
				dst = append(dst, r)
			}
		case unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || strings.ContainsRune("，、：；“”《》（）", r):
		default:
			dst = append(dst, r)
		}
		inDigits = false
	}
	return dst
}

// templateWords mark sentences every report of a template shares, and
// crawler or page metadata.
var templateWords = [][]rune{
	[]rune("统计期限"), []rune("统计时间"), []rune("电子版"), []rune("有任何疑问"), []rune("联系电话"), []rune("邮编"),
	[]rune("根据中华人民共和国政府信息公开条例"), []rune("本报告由"), []rune("全文包括"), []rune("报告全文"),
	[]rune("年度报告"), []rune("工作报告"), []rune("http"), []rune("www"), []rune("链接"), []rune("本地目录"),
	[]rune("标题"), []rune("发布时间"), []rune("发布日期"), []rune("当前位置"), []rune("文号"), []rune("栏目"),
}

// templateByFirst indexes templateWords by their first rune, so that a
// sentence is searched for all of them in one pass; templateFirst is a
// bitset of those runes that spares most runes the map lookup.
var templateByFirst, templateFirst = func() (map[rune][][]rune, *[1024]uint64) {
	m := map[rune][][]rune{}
	var bits [1024]uint64
	for _, w := range templateWords {
		m[w[0]] = append(m[w[0]], w)
		bits[(w[0]&0xFFFF)>>6] |= 1 << (w[0] & 63)
	}
	return m, &bits
}()

// isTemplateSentence: does the masked sentence hold a template word?
func isTemplateSentence(key []rune) bool {
	for i, r := range key {
		if templateFirst[(r&0xFFFF)>>6]&(1<<(r&63)) == 0 {
			continue
		}
		for _, w := range templateByFirst[r] {
			if hasRunePrefix(key[i:], w) {
				return true
			}
		}
	}
	return false
}

func hasRunePrefix(s, prefix []rune) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i, r := range prefix {
		if s[i] != r {
			return false
		}
	}
	return true
}

// copiedShare measures how much of cur's prose stands in prev: the share of
// cur's sentence characters found among prev's sentences, and the longest
// run of consecutive copied sentences. The run is kept as a range of
// sentences and joined once at the end: joined as it grew, a report copied
// whole (tens of megabytes of prose in one run) took quadratic time.
func copiedShare(cur, prev *parse.Report) (float64, string, parse.Span, parse.Span, bool) {
	a, b := sentenceKeys(cur), sentenceKeys(prev)
	if len(a) == 0 || len(b) == 0 {
		return 0, "", parse.Span{}, parse.Span{}, false
	}
	inPrev := map[string]parse.Span{}
	for _, s := range b {
		if _, ok := inPrev[s.key]; !ok {
			inPrev[s.key] = s.span
		}
	}
	const stop = len("。")
	var total, copied int
	runStart, runLen := -1, 0 // the current run: its first sentence, its length joined
	bestStart, bestEnd, bestLen := 0, 0, 0
	var bestPrev, runPrev parse.Span
	for i, s := range a {
		total += utf8.RuneCountInString(s.key)
		ps, ok := inPrev[s.key]
		if !ok {
			runStart = -1
			continue
		}
		copied += utf8.RuneCountInString(s.key)
		if runStart < 0 {
			runStart, runLen, runPrev = i, 0, ps
		}
		runLen += len(s.key) + stop
		if runLen > bestLen {
			bestStart, bestEnd, bestLen, bestPrev = runStart, i+1, runLen, runPrev
		}
	}
	if total == 0 {
		return 0, "", parse.Span{}, parse.Span{}, false
	}
	var best strings.Builder
	best.Grow(bestLen)
	for _, s := range a[bestStart:bestEnd] {
		best.WriteString(s.key)
		best.WriteString("。")
	}
	var bestAt parse.Span
	if bestEnd > bestStart {
		bestAt = a[bestStart].span
	}
	return float64(copied) / float64(total), best.String(), bestAt, bestPrev, true
}

// maxSharers: a sentence found in more reports than this is a phrase of the
// trade, not a sign that two bodies copied each other.
const maxSharers = 20

// SharedProse compares the reports of different bodies for one year and
// returns a finding for each pair whose prose is mostly the same (tests and
// small runs: a run of many files fills a ProseIndex as it goes).
func SharedProse(ms []Member) []Finding {
	x := NewProseIndex(DefaultProseIndexLimit)
	var ds []Digest
	reports := map[string]*parse.Report{}
	for _, m := range ms {
		if m.Report != nil {
			d := DigestOf(m.Path, m.Report)
			x.Add(len(ds), &d)
			ds = append(ds, d)
			reports[m.Path] = m.Report
		}
	}
	return x.Findings(ds, func(path string) *parse.Report { return reports[path] })
}

// ProseIndex holds the masked sentences of a run's reports for
// shared-prose: 16 bytes a sentence in blocks, no list per report, and
// no more than its limit, so that the memory of a run stays bounded
// whatever the number of files. Reports past the limit are not compared,
// and the findings say so.
type ProseIndex struct {
	// blocks fill one after another, each sorted by hash when the next is
	// started, and are merged group by group for Findings: one growing
	// array was copied at every growth, into fresh pages the memory limit
	// had just given back (5% of a 10,000-file run, in the run's one
	// serial goroutine)
	blocks [][]proseEntry
	n      int // entries in all the blocks
	limit  int
	full   int // the first report left out because the index was full; -1 while there is room
}

type proseEntry struct {
	hash uint64
	doc  uint32 // the report: its index among the run's digests
	n    uint32 // the sentence's length in characters
}

// proseBlock is the number of entries in a block: 256 KB.
const proseBlock = 1 << 14

// DefaultProseIndexLimit is a run's limit: a million sentences, 16 MB,
// about 12,000 reports of the corpus's mix.
const DefaultProseIndexLimit = 1 << 20

// NewProseIndex makes an index of at most limit sentences.
func NewProseIndex(limit int) *ProseIndex {
	return &ProseIndex{limit: limit, full: -1}
}

// Add indexes the sentences of the run's doc'th digest (digests are added
// in order); the digest may drop them afterwards.
func (x *ProseIndex) Add(doc int, d *Digest) {
	if x.full >= 0 {
		return
	}
	if x.n+len(d.Sentences) > x.limit {
		x.full = doc
		return
	}
	for _, s := range d.Sentences {
		last := len(x.blocks) - 1
		if last < 0 || len(x.blocks[last]) == proseBlock {
			if last >= 0 {
				sortByHash(x.blocks[last])
			}
			x.blocks = append(x.blocks, make([]proseEntry, 0, proseBlock))
			last++
		}
		x.blocks[last] = append(x.blocks[last], proseEntry{hash: s.Hash, doc: uint32(doc), n: uint32(s.Len)})
	}
	x.n += len(d.Sentences)
}

// sortByHash sorts entries by hash alone: a group of equal hashes is put
// in report order when it is read, and most are of one entry.
func sortByHash(es []proseEntry) {
	slices.SortFunc(es, func(a, b proseEntry) int { return cmp.Compare(a.hash, b.hash) })
}

// eachGroup calls f with each group of the entries of one hash, in the
// order of the hashes. It merges the blocks (each sorted by hash when the
// next one was started, the last one here) through a heap of the blocks'
// remaining entries ordered by their first hash, so that the serial end of
// a run only merges (sorting a 10,000-file run's 600,000 entries there
// took 80 ms) and no array of every entry is made beside the blocks (it
// would double the index's memory at its limit). f gets a copy it may
// reorder; the blocks keep their entries.
func (x *ProseIndex) eachGroup(f func(group []proseEntry)) {
	if len(x.blocks) == 0 {
		return
	}
	sortByHash(x.blocks[len(x.blocks)-1])
	heap := make([][]proseEntry, 0, len(x.blocks))
	for _, b := range x.blocks {
		if len(b) > 0 {
			heap = append(heap, b)
		}
	}
	for i := len(heap)/2 - 1; i >= 0; i-- {
		siftDown(heap, i)
	}
	var group []proseEntry
	for len(heap) > 0 {
		e := heap[0][0]
		if len(group) > 0 && group[0].hash != e.hash {
			f(group)
			group = group[:0]
		}
		group = append(group, e)
		if len(heap[0]) > 1 {
			heap[0] = heap[0][1:]
		} else {
			heap[0] = heap[len(heap)-1]
			heap = heap[:len(heap)-1]
		}
		siftDown(heap, 0)
	}
	if len(group) > 0 {
		f(group)
	}
}

// siftDown moves heap[i] down to where its first hash is no greater than
// its children's.
func siftDown(heap [][]proseEntry, i int) {
	for {
		least := i
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < len(heap) && heap[c][0].hash < heap[least][0].hash {
				least = c
			}
		}
		if least == i {
			return
		}
		heap[i], heap[least] = heap[least], heap[i]
		i = least
	}
}

// Findings compares the indexed reports: for each report, the share of its
// sentence characters found in each earlier report of another body and the
// same year, a sentence found in more than maxSharers reports left out.
// The entries are taken in the order of their hashes, so that the reports
// sharing a sentence stand together; only those are ever compared. load
// reads a report again, for the places of the first shared sentence (nil
// if it cannot).
func (x *ProseIndex) Findings(ds []Digest, load func(path string) *parse.Report) []Finding {
	shared := map[[2]uint32]int{} // earlier, later report → characters of the later found in the earlier
	var owners []proseEntry       // the reports holding one sentence, its lengths in each summed
	x.eachGroup(func(group []proseEntry) {
		if len(group) < 2 {
			return
		}
		slices.SortFunc(group, func(a, b proseEntry) int { return cmp.Compare(a.doc, b.doc) })
		owners = owners[:0]
		for _, e := range group {
			if n := len(owners); n > 0 && owners[n-1].doc == e.doc {
				owners[n-1].n += e.n // the sentence again in the same report
				continue
			}
			owners = append(owners, e)
		}
		if len(owners) < 2 || len(owners) > maxSharers {
			return
		}
		for j := 1; j < len(owners); j++ {
			for i := 0; i < j; i++ {
				shared[[2]uint32{owners[i].doc, owners[j].doc}] += int(owners[j].n)
			}
		}
	})
	var pairs [][2]uint32
	for k, n := range shared {
		a, b := &ds[k[0]], &ds[k[1]]
		if b.ProseLen == 0 || b.Year == 0 || a.Year != b.Year || a.Key == b.Key || float64(n)/float64(b.ProseLen) < CopiedShareThreshold {
			continue
		}
		pairs = append(pairs, k)
	}
	// in the order of the later report, then of the earlier
	slices.SortFunc(pairs, func(p, q [2]uint32) int {
		return cmp.Or(cmp.Compare(p[1], q[1]), cmp.Compare(p[0], q[0]))
	})
	var out []Finding
	for _, k := range pairs {
		a, b := ds[k[0]], ds[k[1]]
		out = append(out, sharedFinding(a, b, float64(shared[k])/float64(b.ProseLen), load))
	}
	if x.full >= 0 {
		out = append(out, x.fullNote(ds))
	}
	return out
}

// fullNote says which reports the index left out.
func (x *ProseIndex) fullNote(ds []Digest) Finding {
	d := ds[x.full]
	return settle(sharedProseRule, Finding{
		Path: d.Path, Span: d.Title, Loc: d.TitleLoc, EndLoc: d.TitleEndLoc,
		Message: Text{
			Zh: fmt.Sprintf("同年报告雷同（shared-prose）只比较了本次检查的前 %d 份报告：句子索引已满（%d 句，为限制内存），本报告及其后的 %d 份报告未参与比较；可分批检查", x.full, x.limit, len(ds)-x.full-1),
			En: fmt.Sprintf("shared-prose compared the first %d reports of this run only: its sentence index is full (%d sentences, to bound memory), and this report and the %d after it were not compared; check them in smaller batches", x.full, x.limit, len(ds)-x.full-1),
		},
	}.At(Info))
}

// sharedFinding reports b's prose found in a. The places of the first
// shared sentence are found again in the two reports; a report that
// cannot be read again is located at its title.
func sharedFinding(a, b Digest, share float64, load func(string) *parse.Report) Finding {
	at, otherAt := b.Title, a.Title
	atFile, atEnd := b.TitleLoc, b.TitleEndLoc
	other := a.titleLocation()
	if a.ProseLen+b.ProseLen > leanSharedProse {
		// large reports: one model at a time, not two and a map of every
		// sentence (three 50 MB reports sharing prose took 600 MB here)
		if f, ok := sharedPlaces(a, b, load); ok {
			at, atFile, atEnd, other = f.at, f.atFile, f.atEnd, f.other
		}
	} else if ra, rb := load(a.Path), load(b.Path); ra != nil && rb != nil {
		inA := map[uint64]parse.Span{}
		eachMaskedSentence(ra, func(key []rune, span parse.Span) {
			if h := hashKey(key); inA[h] == (parse.Span{}) {
				inA[h] = span
			}
		})
		found := false
		eachMaskedSentence(rb, func(key []rune, span parse.Span) {
			if sp, ok := inA[hashKey(key)]; ok && !found {
				at, otherAt, found = span, sp, true
			}
		})
		if found {
			// located in their files while the two reports are at hand
			atFile, atEnd = placeIn(rb, at)
			other = relatedIn(Member{Path: a.Path, Report: ra}, otherAt, Text{})
		}
	}
	other.Message = Text{Zh: "另一机关报告中的相同段落", En: "the same passage in the other body's report"}
	whose, whoseEn := fmt.Sprintf("「%s」", a.Issuer), fmt.Sprintf("%q's", a.Issuer)
	if a.Issuer == "" {
		// a report without a title names no body: it is named by its file
		whose, whoseEn = "", "the"
	}
	return settle(sharedProseRule, Finding{
		Path: b.Path, Span: at, Loc: atFile, EndLoc: atEnd,
		Related: []Location{other},
		Message: Text{
			Zh: fmt.Sprintf("正文 %.0f%% 的文字（数字不计）与%s同年度报告 %s 逐句相同（第一处相同的句子见相关位置）", share*100, whose, a.Path),
			En: fmt.Sprintf("%.0f%% of the prose (numbers aside) is the same, sentence for sentence, as %s report of the same year %s (the first shared sentence: see the related location)", share*100, whoseEn, a.Path),
		},
	})
}

// leanSharedProse is the prose, in characters of the two reports, past
// which sharedFinding reads one report at a time (a variable for tests).
var leanSharedProse = 1 << 20

// sharedPlace is where sharedPlaces found the first shared sentence.
type sharedPlace struct {
	at            parse.Span
	atFile, atEnd parse.Location
	other         Location
}

// sharedPlaces finds the first sentence of b that a holds, and where it
// stands in each, with one report read at a time: a's sentences' hashes,
// sorted; b's first sentence among them, located in b; that sentence's
// first place in a, read again. The answer is sharedFinding's; false if a
// report cannot be read again or changed meanwhile.
func sharedPlaces(a, b Digest, load func(string) *parse.Report) (sharedPlace, bool) {
	var p sharedPlace
	ra := load(a.Path)
	if ra == nil {
		return p, false
	}
	var hashes []uint64
	eachMaskedSentence(ra, func(key []rune, _ parse.Span) { hashes = append(hashes, hashKey(key)) })
	slices.Sort(hashes)
	rb := load(b.Path)
	if rb == nil {
		return p, false
	}
	var h uint64
	found := false
	eachMaskedSentence(rb, func(key []rune, span parse.Span) {
		if k := hashKey(key); !found {
			if _, ok := slices.BinarySearch(hashes, k); ok {
				p.at, h, found = span, k, true
			}
		}
	})
	if !found {
		return p, false
	}
	p.atFile, p.atEnd = placeIn(rb, p.at)
	if ra = load(a.Path); ra == nil {
		return p, false
	}
	var otherAt parse.Span
	found = false
	eachMaskedSentence(ra, func(key []rune, span parse.Span) {
		if !found && hashKey(key) == h {
			otherAt, found = span, true
		}
	})
	if !found {
		return p, false
	}
	p.other = relatedIn(Member{Path: a.Path, Report: ra}, otherAt, Text{})
	return p, true
}

// hashKey is FNV-1a over a masked sentence's runes.
func hashKey(key []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range key {
		h ^= uint64(r)
		h *= 1099511628211
	}
	return h
}

func excerptRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}
