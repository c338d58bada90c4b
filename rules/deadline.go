package rules

import (
	"fmt"

	"github.com/reportlint/reportlint/parse"
)

var deadlineRule = &Rule{
	ID: "deadline", Name: "公布期限", NameEn: "Publication deadline", Severity: Error,
	Doc: Text{
		Zh: "年度报告须在法定期限前公布。2018年及以前的报告（2008年《条例》第三十一条）：次年3月31日前。2019年及以后（2019年《条例》第四十九条）：县级以上人民政府部门次年1月31日前，县级以上地方人民政府的报告次年3月31日前。乡镇、街道没有法定期限，不核对，除非用 --township-deadline 设定本地期限。用发布日期，没有发布日期时用落款日期；期限当日公布不算逾期。机关类别看不出（办公室、管委会等，或报告没有标题、找不到发布机关）时只作提示。发布日期晚于期限一年以上的，可能是转载日期，降为警告。",
		En: "The report must be published by the legal deadline. Reports for 2018 and earlier (2008 Regulations, art. 31): 31 March of the next year. From 2019 (2019 Regulations, art. 49): 31 January for departments of governments at county level and above, 31 March for those governments' own reports. Townships and streets have no statutory deadline and are not checked unless --township-deadline sets a local one. The publication date is used, or the signed date when there is none; publishing on the day itself is on time. When the kind of body cannot be told (an office, a 管委会, or a report without a title that names no body) this is only an info. A publication date more than a year late may be a re-post's, so it is a warning.",
	},
	Run: checkDeadline,
}

func checkDeadline(p *Pass) {
	r := p.Report
	if r.Year == 0 {
		return
	}
	date, roleZh, roleEn, ok := publicationDate(r)
	if !ok {
		return
	}
	deadline, basisZh, basisEn, known := deadlineFor(r, p.Options)
	got := date.YMD()
	if !known {
		if r.Year >= 2019 && r.IssuerKind == parse.IssuerUnknown {
			zh := fmt.Sprintf("无法从标题判断发布机关「%s」是政府还是部门", r.Issuer)
			en := fmt.Sprintf("cannot tell from the title whether %q is a government or a department", r.Issuer)
			switch {
			case r.Issuer == "" && r.Title == "":
				zh, en = "报告没有标题，找不到发布机关，无法判断是政府还是部门", "the report has no title and names no issuing body, so whether it is a government's or a department's cannot be told"
			case r.Issuer == "":
				zh, en = "标题没有写明发布机关，无法判断是政府还是部门", "the title names no issuing body, so whether it is a government's or a department's cannot be told"
			}
			p.Add(Finding{Span: date.Span, Message: Text{
				Zh: zh + fmt.Sprintf("（部门应于%d年1月31日前、县级以上政府应于%d年3月31日前公布），公布期限未核对", r.Year+1, r.Year+1),
				En: en + fmt.Sprintf(" (departments publish by 31 January %d, governments at county level and above by 31 March %d); the deadline was not checked", r.Year+1, r.Year+1),
			}}.At(Info))
		}
		return
	}
	if !deadline.Before(got) {
		return
	}
	f := Finding{Span: date.Span, Message: Text{
		Zh: fmt.Sprintf("%s %s 晚于法定公布期限 %s（%s）", roleZh, ymdZh(got), ymdZh(deadline), basisZh),
		En: fmt.Sprintf("%s %s is after the legal deadline %s (%s)", roleEn, got, deadline, basisEn),
	}}
	sev := Error
	if (parse.YMD{Year: deadline.Year + 1, Month: deadline.Month, Day: deadline.Day}).Before(got) {
		sev = Warning
		f.Message.Zh += "；相差一年以上，可能是转载日期"
		f.Message.En += "; more than a year late, it may be a re-post's date"
	}
	p.Add(f.At(sev))
}

// publicationDate is the page's publication date, or the signed date.
func publicationDate(r *parse.Report) (parse.Date, string, string, bool) {
	for _, d := range r.DatesWithRole(parse.RolePublished) {
		if d.Sure() {
			return d, "发布日期", "the publication date", true
		}
	}
	for _, d := range r.DatesWithRole(parse.RoleSigned) {
		if d.Sure() {
			return d, "落款日期", "the signed date", true
		}
	}
	return parse.Date{}, "", "", false
}

// deadlineFor gives the deadline for the report's regime and issuing body,
// and what it rests on; known is false where no deadline can be applied.
func deadlineFor(r *parse.Report, opt Options) (parse.YMD, string, string, bool) {
	next := r.Year + 1
	switch {
	case r.Year <= 2018:
		return parse.YMD{Year: next, Month: 3, Day: 31}, "2008年《政府信息公开条例》第三十一条：每年3月31日前", "2008 Regulations art. 31: by 31 March", true
	case r.IssuerKind == parse.IssuerDepartment:
		return parse.YMD{Year: next, Month: 1, Day: 31}, "《政府信息公开条例》第四十九条：县级以上人民政府部门每年1月31日前", "Regulations art. 49: departments by 31 January", true
	case r.IssuerKind == parse.IssuerGovernment:
		return parse.YMD{Year: next, Month: 3, Day: 31}, "《政府信息公开条例》第四十九条：县级以上地方人民政府每年3月31日前", "Regulations art. 49: governments at county level and above by 31 March", true
	case r.IssuerKind == parse.IssuerTownship && opt.TownshipDeadline.Month > 0:
		d := opt.TownshipDeadline
		return parse.YMD{Year: next, Month: d.Month, Day: d.Day}, "本地规定的乡镇、街道期限（--township-deadline）", "the local deadline for townships and streets (--township-deadline)", true
	}
	return parse.YMD{}, "", "", false
}
