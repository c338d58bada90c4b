package parse

import (
	"strings"
	"unicode/utf8"
)

// Measure says how a statistics row's numbers add up over time
// (DOMAIN.md §4.1, §7 item 1).
type Measure int

const (
	MeasureUnknown Measure = iota
	MeasureFlow            // events in a period: 上年累计 + 本年度 = 累计
	MeasureStock           // a count at a point in time: never added over years
)

// PartKind says how a row relates to its parent row.
type PartKind int

const (
	PartNone     PartKind = iota
	PartComplete          // the parent's breakdowns sum to it (channels, results)
	PartSubset            // a 其中 list: the parts never exceed the parent
)

// statDef is one row of the pre-2019 statistics tables. The forms differ by
// province and year (DOMAIN.md §4: a family, not one form), so a row is
// recognised by its words, and rows whose words are shared by several parents
// (维持具体行政行为数 under both 复议 and 诉讼) only under the right parent.
type statDef struct {
	key   string
	short string
	en    string
	any   []string
	// not: the label must not contain these (制发规范性文件总数 is not 主动公开
	// 规范性文件数).
	not     []string
	measure Measure
	parent  string
	part    PartKind
	// underParent: the label is ambiguous and matches only while the parent
	// is the current section.
	underParent bool
	// loose: filers fill this breakdown loosely (DOMAIN.md §5.4 item 14), so
	// a mismatch is a warning, not an error.
	loose bool
	group bool
}

// statDefs is the row vocabulary of the statistics tables: the national form
// of 国办发〔2014〕32号 as in seed 003, the Changsha form of seed 000, and the
// Pingtan form of the corpus.
var statDefs = []statDef{
	// 一、主动公开
	{key: "active.total", short: "主动公开政府信息数", en: "items published proactively", any: []string{"主动公开政府信息数", "主动公开信息数", "主动公开政府信息(新增和变更)数量", "主动公开文件数"}, not: []string{"规范性文件"}, measure: MeasureFlow, loose: true},
	{key: "active.normative", short: "其中：主动公开规范性文件数", en: "of which normative documents", any: []string{"主动公开规范性文件数"}, measure: MeasureFlow, parent: "active.total", part: PartSubset},
	{key: "active.normative_made", short: "制发规范性文件总数", en: "normative documents issued", any: []string{"制发规范性文件"}, measure: MeasureFlow},
	{key: "active.channel.gazette", short: "政府公报公开政府信息数", en: "published in the gazette", any: []string{"政府公报公开"}, measure: MeasureFlow},
	{key: "active.channel.website", short: "政府信息公开网站公开政府信息数", en: "published on the website", any: []string{"网站公开"}, measure: MeasureFlow},
	{key: "active.channel.weibo", short: "政务微博公开政府信息数", en: "published on Weibo", any: []string{"政务微博公开"}, measure: MeasureFlow},
	{key: "active.channel.wechat", short: "政务微信公开政府信息数", en: "published on WeChat", any: []string{"政务微信公开"}, measure: MeasureFlow},
	{key: "active.channel.other", short: "其他方式公开政府信息数", en: "published by other means", any: []string{"其他方式公开"}, measure: MeasureFlow},
	// Changsha: categories of the items published, which sum to the total
	{key: "active.category.functions", short: "机构职能类", en: "functions", any: []string{"机构职能类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.leaders", short: "领导信息类", en: "leaders", any: []string{"领导信息类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.policy", short: "政策法规类", en: "policies and rules", any: []string{"政策法规类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.work", short: "工作动态类", en: "work news", any: []string{"工作动态类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.notices", short: "通知公告类", en: "notices", any: []string{"通知公告类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.plans", short: "规划计划类", en: "plans", any: []string{"规划计划类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.personnel", short: "人事信息类", en: "personnel", any: []string{"人事信息类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.funds", short: "资金信息类", en: "funds", any: []string{"资金信息类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.procurement", short: "政府采购类", en: "procurement", any: []string{"政府采购类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.emergency", short: "应急管理类", en: "emergencies", any: []string{"应急管理类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.statistics", short: "统计数据类", en: "statistics", any: []string{"统计数据类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.services", short: "办事事项类", en: "services", any: []string{"办事事项类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.supervision", short: "监管信息类", en: "supervision", any: []string{"监管信息类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.projects", short: "重大项目类", en: "major projects", any: []string{"重大项目类"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	{key: "active.category.other", short: "其他信息类", en: "other", any: []string{"其他信息类", "其他类信息"}, measure: MeasureFlow, parent: "active.total", part: PartComplete},
	// 二、回应解读
	{key: "respond.total", short: "回应公众关注热点或重大舆情数", en: "responses to public concerns", any: []string{"回应公众关注热点", "重大舆情数"}, measure: MeasureFlow},
	{key: "respond.press", short: "参加或举办新闻发布会总次数", en: "press conferences", any: []string{"新闻发布会总次数", "举办新闻发布会"}, not: []string{"主要负责同志"}, measure: MeasureFlow},
	{key: "respond.press.leaders", short: "其中：主要负责同志参加新闻发布会次数", en: "of which attended by leaders", any: []string{"主要负责同志参加新闻发布会"}, measure: MeasureFlow, parent: "respond.press", part: PartSubset},
	{key: "respond.interview", short: "政府网站在线访谈次数", en: "online interviews", any: []string{"在线访谈次数"}, not: []string{"主要负责同志"}, measure: MeasureFlow},
	{key: "respond.interview.leaders", short: "其中：主要负责同志参加政府网站在线访谈次数", en: "of which with leaders", any: []string{"主要负责同志参加政府网站在线访谈"}, measure: MeasureFlow, parent: "respond.interview", part: PartSubset},
	{key: "respond.articles", short: "政策解读稿件发布数", en: "policy explanations", any: []string{"政策解读稿件"}, measure: MeasureFlow},
	{key: "respond.weibo", short: "微博微信回应事件数", en: "responses on Weibo/WeChat", any: []string{"微博微信回应"}, measure: MeasureFlow},
	{key: "respond.other", short: "其他方式回应事件数", en: "responses by other means", any: []string{"其他方式回应"}, measure: MeasureFlow},
	// 三、依申请公开
	{key: "req.received", short: "收到申请数", en: "requests received", any: []string{"收到申请数", "收到政府信息公开申请数量", "受理依申请公开信息总数", "受理申请数", "申请总数"}, measure: MeasureFlow, loose: true},
	{key: "req.received.in_person", short: "当面申请数", en: "in person", any: []string{"当面申请", "现场书面申请"}, measure: MeasureFlow, parent: "req.received", part: PartComplete},
	{key: "req.received.fax", short: "传真申请数", en: "by fax", any: []string{"传真申请"}, measure: MeasureFlow, parent: "req.received", part: PartComplete},
	{key: "req.received.email", short: "电子邮件申请数", en: "by e-mail", any: []string{"电子邮件申请"}, measure: MeasureFlow, parent: "req.received", part: PartComplete},
	{key: "req.received.online", short: "网络申请数", en: "online", any: []string{"网络申请", "网上申请"}, measure: MeasureFlow, parent: "req.received", part: PartComplete},
	{key: "req.received.letter", short: "信函申请数", en: "by letter", any: []string{"信函申请"}, measure: MeasureFlow, parent: "req.received", part: PartComplete},
	{key: "req.received.other", short: "其他形式申请数", en: "other forms", any: []string{"其他形式申请", "其它形式申请"}, measure: MeasureFlow, parent: "req.received", part: PartComplete},
	{key: "req.closed", short: "申请办结数", en: "requests closed", any: []string{"申请办结数"}, measure: MeasureFlow},
	{key: "req.closed.on_time", short: "按时办结数", en: "closed on time", any: []string{"按时办结"}, measure: MeasureFlow, parent: "req.closed", part: PartComplete},
	{key: "req.closed.extended", short: "延期办结数", en: "closed after extension", any: []string{"延期办结"}, measure: MeasureFlow, parent: "req.closed", part: PartComplete},
	{key: "req.answered", short: "申请答复数", en: "requests answered", any: []string{"申请答复数", "对申请的答复总数", "对申请的答复数"}, measure: MeasureFlow, loose: true},
	{key: "req.answered.already_public", short: "属于已主动公开范围数", en: "already public", any: []string{"已主动公开范围"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.answered.granted", short: "同意公开答复数", en: "disclosure agreed", any: []string{"同意公开答复"}, not: []string{"部分", "不同意"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.answered.partial", short: "同意部分公开答复数", en: "partly agreed", any: []string{"同意部分公开答复"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.answered.refused", short: "不同意公开答复数", en: "refused", any: []string{"不同意公开答复", "否决公开答复", "不予公开答复"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.refused.state_secret", short: "其中：涉及国家秘密", en: "of which state secrets", any: []string{"涉及国家秘密"}, measure: MeasureFlow, parent: "req.answered.refused", part: PartSubset},
	{key: "req.refused.commercial", short: "涉及商业秘密", en: "commercial secrets", any: []string{"涉及商业秘密"}, measure: MeasureFlow, parent: "req.answered.refused", part: PartSubset},
	{key: "req.refused.privacy", short: "涉及个人隐私", en: "privacy", any: []string{"涉及个人隐私"}, measure: MeasureFlow, parent: "req.answered.refused", part: PartSubset},
	{key: "req.refused.security", short: "危及国家安全、公共安全、经济安全和社会稳定", en: "security and stability", any: []string{"危及国家安全"}, measure: MeasureFlow, parent: "req.answered.refused", part: PartSubset},
	{key: "req.refused.not_gov_info", short: "不是《条例》所指政府信息", en: "not government information", any: []string{"所指政府信息"}, measure: MeasureFlow, parent: "req.answered.refused", part: PartSubset},
	{key: "req.refused.other_law", short: "法律法规规定的其他情形", en: "other legal grounds", any: []string{"法律法规规定的其他情形"}, measure: MeasureFlow, parent: "req.answered.refused", part: PartSubset},
	{key: "req.answered.not_ours", short: "不属于本行政机关公开数", en: "not this body's", any: []string{"不属于本行政机关"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.answered.not_exist", short: "申请信息不存在数", en: "information does not exist", any: []string{"申请信息不存在"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.answered.amend", short: "告知作出更改补充数", en: "told to amend", any: []string{"更改补充"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	{key: "req.answered.other_way", short: "告知通过其他途径办理数", en: "told to use another procedure", any: []string{"其他途径办理"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	// the Pingtan form's fourth answer type
	{key: "req.answered.other_type", short: "其他类型答复数", en: "other answers", any: []string{"其他类型答复"}, measure: MeasureFlow, parent: "req.answered", part: PartComplete},
	// 四、五 复议 and 诉讼: the same child words under two parents
	{key: "review.total", short: "行政复议数量", en: "reconsiderations", any: []string{"行政复议数量", "行政复议数", "行政复议申请数量"}, not: []string{"办结"}, measure: MeasureFlow},
	{key: "review.upheld", short: "维持具体行政行为数", en: "upheld", any: []string{"维持具体行政行为"}, measure: MeasureFlow, parent: "review.total", part: PartComplete, underParent: true},
	{key: "review.corrected", short: "被依法纠错数", en: "corrected", any: []string{"被依法纠错"}, measure: MeasureFlow, parent: "review.total", part: PartComplete, underParent: true},
	{key: "review.other", short: "其他情形数", en: "other outcomes", any: []string{"其他情形数"}, measure: MeasureFlow, parent: "review.total", part: PartComplete, underParent: true},
	{key: "suit.total", short: "行政诉讼数量", en: "lawsuits", any: []string{"行政诉讼数量", "行政诉讼数", "行政诉讼的数量"}, not: []string{"办结"}, measure: MeasureFlow},
	{key: "suit.upheld", short: "维持具体行政行为或者驳回原告诉讼请求数", en: "upheld or dismissed", any: []string{"维持具体行政行为", "驳回原告"}, measure: MeasureFlow, parent: "suit.total", part: PartComplete, underParent: true},
	{key: "suit.corrected", short: "被依法纠错数", en: "corrected", any: []string{"被依法纠错"}, measure: MeasureFlow, parent: "suit.total", part: PartComplete, underParent: true},
	{key: "suit.other", short: "其他情形数", en: "other outcomes", any: []string{"其他情形数"}, measure: MeasureFlow, parent: "suit.total", part: PartComplete, underParent: true},
	{key: "complaints", short: "举报投诉数量", en: "complaints", any: []string{"举报投诉数量", "申诉、举报数", "申诉举报数"}, measure: MeasureFlow},
	{key: "fees", short: "依申请公开信息收取的费用", en: "fees charged", any: []string{"收取的费用"}, measure: MeasureFlow},
	// 八、机构建设: stocks, never added over years
	{key: "org.units", short: "政府信息公开工作专门机构数", en: "dedicated offices", any: []string{"专门机构数"}, measure: MeasureStock},
	{key: "org.points", short: "设置政府信息公开查阅点数", en: "reading points", any: []string{"查阅点数"}, measure: MeasureStock},
	{key: "org.staff", short: "从事政府信息公开工作人员数", en: "staff", any: []string{"工作人员数"}, not: []string{"专职", "兼职"}, measure: MeasureStock, loose: true},
	{key: "org.staff.full", short: "专职人员数", en: "full-time staff", any: []string{"专职人员数"}, measure: MeasureStock, parent: "org.staff", part: PartComplete},
	{key: "org.staff.part", short: "兼职人员数", en: "part-time staff", any: []string{"兼职人员数"}, measure: MeasureStock, parent: "org.staff", part: PartComplete},
	{key: "org.budget", short: "政府信息公开专项经费", en: "dedicated budget", any: []string{"专项经费"}, measure: MeasureFlow},
	// 九、会议和培训
	{key: "training.meetings", short: "召开政府信息公开工作会议或专题会议数", en: "meetings held", any: []string{"专题会议数", "工作会议或专题会议"}, measure: MeasureFlow},
	{key: "training.classes", short: "举办各类培训班数", en: "training classes", any: []string{"培训班数"}, measure: MeasureFlow},
	{key: "training.people", short: "接受培训人员数", en: "people trained", any: []string{"接受培训人员"}, measure: MeasureFlow},
	// Changsha: consultations, with their channels
	{key: "consult.total", short: "受理政府信息公开咨询", en: "consultations", any: []string{"受理政府信息公开咨询"}, measure: MeasureFlow, loose: true},
	{key: "consult.onsite", short: "现场咨询", en: "on site", any: []string{"现场咨询"}, measure: MeasureFlow, parent: "consult.total", part: PartComplete},
	{key: "consult.phone", short: "电话咨询", en: "by phone", any: []string{"电话咨询"}, measure: MeasureFlow, parent: "consult.total", part: PartComplete},
	{key: "consult.online", short: "网上咨询", en: "online", any: []string{"网上咨询"}, measure: MeasureFlow, parent: "consult.total", part: PartComplete},
	{key: "consult.other", short: "其他形式咨询", en: "other forms", any: []string{"其他形式咨询"}, measure: MeasureFlow, parent: "consult.total", part: PartComplete},
}

// statColumns are the column sets of the statistics forms.
var (
	statColsJiangsu = []Column{{"prev", "上年累计", "cumulative to last year"}, {"year", "本年度", "this year"}, {"cumul", "累计", "cumulative"}}
	statColsYearCum = []Column{{"year", "本年度", "this year"}, {"cumul", "历年累计", "cumulative"}}
	statColsSingle  = []Column{{"year", "本年度", "this year"}}
)

func (d statDef) matches(label string) bool { return d.matchesKey(compact(label)) }

// matchesKey matches a label already compacted. The patterns are compacted
// once, in init.
func (d *statDef) matchesKey(c string) bool {
	found := false
	for _, w := range d.any {
		if containsStr(c, w) {
			found = true
			break
		}
	}
	if !found {
		return false // most labels name no row: the exclusions need not be read
	}
	for _, w := range d.not {
		if containsStr(c, w) {
			return false
		}
	}
	return true
}

func init() {
	for i := range statDefs {
		for k, w := range statDefs[i].any {
			statDefs[i].any[k] = compact(w)
		}
	}
	if len(statDefs) > len(statHits{})*64 {
		panic("parse: more statistics rows than statHits holds")
	}
	statWordsByFirst = map[rune][]statWord{}
	for i := range statDefs {
		for _, w := range statDefs[i].any {
			if w == "" {
				panic("parse: a statistics row word compacts to nothing: " + statDefs[i].key)
			}
			first, _ := utf8.DecodeRuneInString(w)
			statWordsByFirst[first] = append(statWordsByFirst[first], statWord{def: i, word: w})
			statFirst[(first&0xFFFF)>>6] |= 1 << (first & 63)
		}
	}
}

// statHits marks the statistics rows (by index in statDefs) one of whose
// words a label holds.
type statHits [4]uint64

func (h *statHits) set(i int)      { h[i/64] |= 1 << (i % 64) }
func (h *statHits) has(i int) bool { return h[i/64]&(1<<(i%64)) != 0 }

type statWord struct {
	def  int
	word string
}

// statWordsByFirst indexes every row's words by their first character, so
// that a label is searched for all of them in one pass instead of one
// search per word.
var statWordsByFirst map[rune][]statWord

// statFirst is a bitset of the words' first characters (by their low 16
// bits), which spares most characters the map lookup.
var statFirst [1024]uint64

// statHitsIn finds the rows whose words the compacted label holds.
func statHitsIn(c string) statHits {
	var h statHits
	for off, r := range c {
		if statFirst[(r&0xFFFF)>>6]&(1<<(r&63)) == 0 {
			continue // no row's word begins with r: most characters
		}
		for _, w := range statWordsByFirst[r] {
			if strings.HasPrefix(c[off:], w.word) {
				h.set(w.def)
			}
		}
	}
	return h
}

// excluded: the label holds one of the row's exclusions.
func (d *statDef) excluded(c string) bool {
	for _, w := range d.not {
		if containsStr(c, w) {
			return true
		}
	}
	return false
}

// StatRowKey returns the canonical key of the statistics row a label names
// (for prose that lists the same categories as the table), or "".
func StatRowKey(label string) string {
	c := compact(label)
	for _, d := range statDefs {
		if !d.underParent && d.matchesKey(c) {
			return d.key
		}
	}
	return ""
}
