package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

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
			Related: []Location{{Path: prev.Path, Span: prevAt, Message: Text{Zh: "上一年报告中的相同段落", En: "the same passage in last year's report"}}},
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
// minSentence characters, not a template sentence. key is only valid during
// the call. Every report of a run goes through here for its digest, so it
// reuses one buffer and never builds a string.
func eachMaskedSentence(r *parse.Report, f func(key []rune, span parse.Span)) {
	var buf []rune
	for i := r.BodyStart; i < r.BodyEnd; i++ {
		rs := r.Text.Norm[i]
		start := 0
		for k := 0; k <= len(rs); k++ {
			if k < len(rs) && !endsSentence(rs[k]) {
				continue
			}
			buf = maskRunes(buf[:0], rs[start:k])
			if len(buf) >= minSentence && !isTemplateSentence(buf) {
				f(buf, parse.Span{Start: parse.Pos{Line: i + 1, Col: start + 1}, End: parse.Pos{Line: i + 1, Col: k + 1}})
			}
			start = k + 1
		}
	}
}

func endsSentence(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?'
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
// run of consecutive copied sentences.
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
	var total, copied int
	var best, run string
	var bestAt, runAt, bestPrev, runPrev parse.Span
	for _, s := range a {
		n := len([]rune(s.key))
		total += n
		ps, ok := inPrev[s.key]
		if !ok {
			run = ""
			continue
		}
		copied += n
		if run == "" {
			runAt, runPrev = s.span, ps
		}
		run += s.key + "。"
		if len(run) > len(best) {
			best, bestAt, bestPrev = run, runAt, runPrev
		}
	}
	if total == 0 {
		return 0, "", parse.Span{}, parse.Span{}, false
	}
	return float64(copied) / float64(total), best, bestAt, bestPrev, true
}

// maxSharers: a sentence found in more reports than this is a phrase of the
// trade, not a sign that two bodies copied each other.
const maxSharers = 20

// SharedProse compares the reports of different bodies for one year and
// returns a finding for each pair whose prose is mostly the same. It works
// on digests through an index of sentence hashes, so a run over thousands
// of reports compares only reports that share sentences.
func SharedProse(ms []Member) []Finding {
	var ds []Digest
	for _, m := range ms {
		if m.Report != nil {
			ds = append(ds, DigestOf(m.Path, m.Report))
		}
	}
	return SharedProseDigests(ds)
}

// SharedProseDigests is SharedProse over digests.
func SharedProseDigests(ds []Digest) []Finding {
	index := map[uint64][]int{}
	seen := map[uint64]bool{}
	for i, d := range ds {
		clear(seen)
		for _, s := range d.Sentences {
			if !seen[s.Hash] {
				seen[s.Hash] = true
				index[s.Hash] = append(index[s.Hash], i)
			}
		}
	}
	var out []Finding
	shared := map[int]int{} // other report → characters of b found in it
	for j, b := range ds {
		clear(shared)
		for _, s := range b.Sentences {
			owners := index[s.Hash]
			if len(owners) > maxSharers {
				continue
			}
			for _, i := range owners {
				if i != j {
					shared[i] += s.Len
				}
			}
		}
		total := 0
		for _, s := range b.Sentences {
			total += s.Len
		}
		if total == 0 || b.Year == 0 {
			continue
		}
		// only the earlier reports b shares a sentence with, in order: a
		// loop over every earlier report would make a run quadratic in
		// the number of files
		for _, i := range earlierSharers(shared, j) {
			a := &ds[i]
			if a.Year != b.Year || a.Key == b.Key || float64(shared[i])/float64(total) < CopiedShareThreshold {
				continue
			}
			out = append(out, sharedFinding(*a, b, float64(shared[i])/float64(total)))
		}
	}
	return out
}

// earlierSharers lists, in ascending order, the reports before j that hold
// a sentence of j.
func earlierSharers(shared map[int]int, j int) []int {
	var is []int
	for i := range shared {
		if i < j {
			is = append(is, i)
		}
	}
	slices.Sort(is)
	return is
}

func sharedFinding(a, b Digest, share float64) Finding {
	inA := map[uint64]parse.Span{}
	for _, s := range a.Sentences {
		if _, ok := inA[s.Hash]; !ok {
			inA[s.Hash] = s.Span
		}
	}
	var at, otherAt parse.Span
	for _, s := range b.Sentences {
		if sp, ok := inA[s.Hash]; ok {
			at, otherAt = s.Span, sp
			break
		}
	}
	return settle(sharedProseRule, Finding{
		Path: b.Path, Span: at,
		Related: []Location{{Path: a.Path, Span: otherAt, Message: Text{Zh: "另一机关报告中的相同段落", En: "the same passage in the other body's report"}}},
		Message: Text{
			Zh: fmt.Sprintf("正文 %.0f%% 的文字（数字不计）与「%s」同年度报告 %s 逐句相同（第一处相同的句子在 %s:%d）", share*100, a.Issuer, a.Path, a.Path, otherAt.Start.Line),
			En: fmt.Sprintf("%.0f%% of the prose (numbers aside) is the same, sentence for sentence, as %q's report of the same year %s (the first shared sentence is at %s:%d)", share*100, a.Issuer, a.Path, a.Path, otherAt.Start.Line),
		},
	})
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
