package rules

import (
	"fmt"
	"strings"

	"github.com/reportlint/reportlint/parse"
)

var claimRateRule = &Rule{
	ID: "claim-rate", Name: "正文办结率、答复率", NameEn: "Prose completion and reply rates", Severity: Error,
	Doc: Text{
		Zh: "正文所述办结率、按时办结率、答复率等须等于同一句所述办结（答复）数除以受理（收到）数，按所示位数四舍五入或截断均算对：「共受理审批事项117件，办结171件，办结率100%」中 171 ÷ 117 = 146%，办结数多于受理数时不可能为 100%，报错误；办结数不多于受理数而比率不符的报警告（比率可能只计应办结的申请）。只有同一句里恰好各有一个同单位的受理数与办结数时才核对；百分号因复制丢失（「办结率为97，」）时照常核对。",
		En: "A completion, on-time or reply rate stated in prose (办结率, 按时办结率, 答复率) must equal the count done (or answered) over the count received in the same sentence, rounded or truncated to the digits shown: in 共受理审批事项117件，办结171件，办结率100% the rate is 171 / 117 = 146%, and 100% cannot go with more done than received: an error. A rate that does not match fewer done than received is a warning (it may count only the requests due). Checked only when the sentence states exactly one count received and one done in the same unit; a rate whose % sign was lost in the copy (办结率为97，) is checked all the same.",
	},
	Run: checkRates,
}

// rateWords: what a rate's numerator and denominator are called. The
// longest rate name first, so that 按时办结率 is not read as 办结率.
var rateWords = []struct {
	rate, done string
}{
	{"按时办结率", "按时办结"}, {"按期办结率", "按期办结"}, {"办结率", "办结"},
	{"按时答复率", "按时答复"}, {"答复率", "答复"}, {"回复率", "回复"},
}

// receivedWords name the count a rate is of.
var receivedWords = []string{"受理", "收到", "接收", "申请"}

func checkRates(p *Pass) {
	for _, s := range p.Report.Prose {
		for k, c := range s.Claims {
			if c.Kind != parse.ClaimRate {
				continue
			}
			done, received, ok := rateTerms(s.Claims[:k], c.Of)
			if !ok || received.Value <= 0 {
				continue
			}
			exact := done.Value / received.Value * 100
			if shareMatches(exact, c.Value, c.Decimals) {
				continue
			}
			zh := fmt.Sprintf("应为 %.*f%%", c.Decimals, roundTo(exact, c.Decimals))
			en := fmt.Sprintf("it should be %.*f%%", c.Decimals, roundTo(exact, c.Decimals))
			if done.Value > received.Value {
				zh, en = "所述办结（答复）数多于受理数，其中至少一个数有误", "more are said to be done than were received: one of the counts is wrong"
			}
			// more done than received is impossible whatever the rate
			// counts: an error; a rate that does not match fewer done may
			// count only the requests due (those carried forward left out):
			// a warning
			severity := Warning
			if done.Value > received.Value {
				severity = Error
			}
			p.Add(Finding{
				Span: c.Span,
				Operands: []Operand{
					{Label: done.Subject, LabelEn: "done", Value: done.Value, Span: done.Span},
					{Label: received.Subject, LabelEn: "received", Value: received.Value, Span: received.Span},
				},
				Expected: roundTo(exact, c.Decimals), HasExpected: done.Value <= received.Value,
				Message: Text{
					Zh: fmt.Sprintf("%s %s%% 与数字不符：%s %s ÷ %s %s = %s%%；%s", c.Of, num(c.Value), shortSubject(done.Subject), num(done.Value), shortSubject(received.Subject), num(received.Value), trimFloat(exact, 4), zh),
					En: fmt.Sprintf("the rate %s %s%% does not match the numbers: %s done / %s received = %s%%; %s", c.Of, num(c.Value), num(done.Value), num(received.Value), trimFloat(exact, 4), en),
				},
			}.At(severity))
		}
	}
}

// rateTerms finds, among the counts before a rate in its sentence, the one
// count done and the one count received in the same unit; false when
// either is missing or there are several.
func rateTerms(before []parse.Claim, rate string) (done, received parse.Claim, ok bool) {
	doneWord := ""
	for _, w := range rateWords {
		if strings.HasSuffix(rate, w.rate) {
			doneWord = w.done
			break
		}
	}
	if doneWord == "" {
		return done, received, false
	}
	var dones, receiveds []parse.Claim
	for _, c := range before {
		if c.Kind != parse.ClaimCount || c.Cumulative || c.Negated {
			continue
		}
		switch {
		case strings.Contains(c.Subject, doneWord):
			dones = append(dones, c)
		case hasAnyWord(c.Subject, receivedWords):
			receiveds = append(receiveds, c)
		}
	}
	if len(dones) != 1 {
		return done, received, false
	}
	done = dones[0]
	var same []parse.Claim
	for _, c := range receiveds {
		if c.Unit == done.Unit && c.Unit != "" {
			same = append(same, c)
		}
	}
	if len(same) != 1 {
		return done, received, false
	}
	return done, same[0], true
}
