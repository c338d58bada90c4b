package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

var dateBeforePeriodEndRule = &Rule{
	ID: "date-before-period-end", Name: "落款或填报日期早于统计期末", NameEn: "Signed or filled-in date before the period ends", Severity: Error,
	Doc: Text{
		Zh: "落款日期和统计表的填报时间须在统计期限结束之后：年度报告报告的是上一年度的工作（《中华人民共和国政府信息公开条例》第四十九、五十条），年度数据不可能在年度结束前报出。统计期限未写明时按报告年度的12月31日。发布日期早于统计期末的报警告（网页日期可能不是报告本身的）。因复制丢字而能唯一还原的日期（如「2016220」= 2016年2月20日）照常核对；有多种读法的日期不作为依据。",
		En: "The signed (落款) date and a statistics table's 填报时间 must fall after the reporting period ends: the annual report covers the year before (Articles 49 and 50 of the 2019 Regulations, 国务院令第711号), and a year's figures cannot be reported before the year is over. Without a stated period, 31 December of the report year is used. A publication date before the period ends is a warning (a page date may not be the report's own). Dates whose 年/月 were lost are checked when only one reading is a valid date (2016220 = 2016-02-20); an ambiguous one never is.",
	},
	Run: checkDatesAfterPeriod,
}

func checkDatesAfterPeriod(p *Pass) {
	end, endFrom, ok := periodEnd(p.Report)
	if !ok {
		return
	}
	for _, d := range p.Report.Dates {
		var roleZh, roleEn string
		sev := Error
		switch d.Role {
		case parse.RoleSigned:
			roleZh, roleEn = "落款日期", "the signed date"
		case parse.RoleFilled:
			roleZh, roleEn = "填报时间", "the 填报时间 (date filled in)"
		case parse.RolePublished:
			roleZh, roleEn, sev = "发布日期", "the publication date", Warning
		default:
			continue
		}
		if !d.Sure() || !d.YMD().Before(end) {
			continue
		}
		got := d.YMD()
		zh := fmt.Sprintf("%s%s早于%s（%s）", roleZh, dateZh(d), endFrom, ymdZh(end))
		en := fmt.Sprintf("%s %s is before %s (%s)", roleEn, dateEn(d), endFromEn(endFrom), end)
		f := Finding{Span: d.Span, Key: dateKey(d)}
		if fix := (parse.YMD{Year: got.Year + 1, Month: got.Month, Day: got.Day}); got.Year == end.Year && end.Before(fix) {
			zh += fmt.Sprintf("；是否应为%s？", ymdZh(fix))
			en += fmt.Sprintf("; was %s meant?", fix)
		}
		f.Message = Text{Zh: zh, En: en}
		p.Add(f.At(sev))
	}
}

// periodEnd is the stated period's end, or 31 December of the report year.
func periodEnd(r *parse.Report) (parse.YMD, string, bool) {
	if r.Period != nil && r.Period.End.Sure() {
		return r.Period.End.YMD(), "统计期限结束", true
	}
	if r.Year > 0 {
		return parse.YMD{Year: r.Year, Month: 12, Day: 31}, "报告年度结束", true
	}
	return parse.YMD{}, "", false
}

func endFromEn(zh string) string {
	if zh == "统计期限结束" {
		return "the end of the stated period"
	}
	return "the end of the report year"
}

var dateImpossibleRule = &Rule{
	ID: "date-impossible", Name: "日期不存在", NameEn: "Date does not exist", Severity: Error,
	Doc: Text{
		Zh: "报告中写明的日期须真实存在：没有2月30日、4月31日、13月。只核对完整写出的日期，不核对因复制丢字而推断的日期。",
		En: "Every date printed in full must exist: there is no 30 February, 31 April or month 13. Only dates printed in full are checked, never ones recovered from lost characters.",
	},
	Run: func(p *Pass) {
		for _, d := range p.Report.Dates {
			if d.Valid || d.Certainty != parse.Exact || d.Month == 0 && d.Day == 0 {
				continue
			}
			why, whyEn := "月份不存在", "there is no such month"
			if d.Month >= 1 && d.Month <= 12 {
				y := d.Year
				if y == 0 {
					y = 2000
				}
				n := daysIn(y, d.Month)
				why, whyEn = fmt.Sprintf("%d月只有 %d 天", d.Month, n), fmt.Sprintf("month %d has %d days", d.Month, n)
				if d.Year > 0 {
					why = fmt.Sprintf("%d年", d.Year) + why
					whyEn += fmt.Sprintf(" in %d", d.Year)
				}
			}
			p.Add(Finding{Span: d.Span, Key: dateKey(d), Message: Text{
				Zh: fmt.Sprintf("日期「%s」不存在（%s）", d.Raw, why),
				En: fmt.Sprintf("the date %q does not exist (%s)", d.Raw, whyEn),
			}})
		}
	},
}

var periodCalendarYearRule = &Rule{
	ID: "period-not-calendar-year", Name: "统计期限不是报告年度", NameEn: "Period is not the report year", Severity: Error,
	Doc: Text{
		Zh: "统计期限须为报告年度的1月1日至12月31日，年度取自标题（年度报告按公历年度统计：《政府信息公开条例》第五十条及国办公开办函〔2021〕30号模板）。第二个日期省略年份（「至12月31日」）时沿用第一个日期的年份。有多种读法的日期不作为依据。",
		En: "The stated period must run from 1 January to 31 December of the report year named in the title (reports cover a calendar year: Article 50 of the 2019 Regulations and the 国办公开办函〔2021〕30号 template). A second date without a year (至12月31日) takes the first date's year. Ambiguous dates are never the basis of a finding.",
	},
	Run: func(p *Pass) {
		r := p.Report
		if r.Period == nil || r.Year == 0 || !r.Period.Start.Sure() || !r.Period.End.Sure() {
			return
		}
		want0 := parse.YMD{Year: r.Year, Month: 1, Day: 1}
		want1 := parse.YMD{Year: r.Year, Month: 12, Day: 31}
		got0, got1 := r.Period.Start.YMD(), r.Period.End.YMD()
		if got0 == want0 && got1 == want1 {
			return
		}
		p.Add(Finding{Span: r.Period.Span, Key: "period", Message: Text{
			Zh: fmt.Sprintf("统计期限为 %s 至 %s，不是报告年度 %d 年的 %s 至 %s", ymdZh(got0), ymdZh(got1), r.Year, ymdZh(want0), ymdZh(want1)),
			En: fmt.Sprintf("the stated period runs %s to %s, not %s to %s of the report year %d", got0, got1, want0, want1, r.Year),
		}})
	},
}

var dateAmbiguousRule = &Rule{
	ID: "date-ambiguous", Name: "日期有多种读法", NameEn: "Date has several readings", Severity: Info,
	Doc: Text{
		Zh: "复制时丢了「年」「月」的日期（如「2016111」），若有多种合法读法（2016年1月11日或11月1日），不据此作任何核对，只作提示。",
		En: "A date whose 年/月 were lost (2016111) and that reads as more than one valid date (11 January or 1 November) is not used for any check; this note says so.",
	},
	Run: func(p *Pass) {
		for _, d := range p.Report.Dates {
			if d.Certainty != parse.Ambiguous || d.Role == parse.RoleOther {
				continue
			}
			var zh, en []string
			for _, x := range d.Readings {
				zh = append(zh, ymdZh(x))
				en = append(en, x.String())
			}
			p.Add(Finding{Span: d.Span, Key: dateKey(d), Message: Text{
				Zh: fmt.Sprintf("日期「%s」可读作 %s，无法确定，未据此核对", d.Raw, joinOr(zh, "或")),
				En: fmt.Sprintf("the date %q reads as %s; it was not used for any check", d.Raw, joinOr(en, "or")),
			}})
		}
	},
}

func joinOr(xs []string, or string) string {
	s := ""
	for i, x := range xs {
		switch {
		case i == 0:
		case i == len(xs)-1:
			s += " " + or + " "
		default:
			s += "、"
		}
		s += x
	}
	return s
}

// dateKey identifies a date finding without its position: the date's role
// and its text as printed.
func dateKey(d parse.Date) string { return d.Role.String() + ":" + d.Raw }

func ymdZh(d parse.YMD) string { return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day) }

// dateZh prints a date as found, with its reading when characters were lost.
func dateZh(d parse.Date) string {
	if d.Certainty == parse.Recovered {
		return fmt.Sprintf("「%s」（按%s读取）", d.Raw, ymdZh(d.YMD()))
	}
	return " " + ymdZh(d.YMD()) + " "
}

func dateEn(d parse.Date) string {
	if d.Certainty == parse.Recovered {
		return fmt.Sprintf("%q (read as %s)", d.Raw, d.YMD())
	}
	return d.YMD().String()
}

func daysIn(y, m int) int {
	return [...]int{31, 28 + leap(y), 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
}

func leap(y int) int {
	if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		return 1
	}
	return 0
}
