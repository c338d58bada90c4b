package parse

import "testing"

// TestEraFromAWrappedCitation: a 2020 report that says it follows the
// 国办公开办函〔2021〕30号 template is of that template, also when the
// citation is wrapped over two lines and the first holds no 号 (PDF
// text wraps where it likes).
func TestEraFromAWrappedCitation(t *testing.T) {
	for name, cite := range map[string]string{
		"one line": "本报告按照国务院办公厅政府信息与政务公开办公室《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕30号）要求编制。\n",
		"wrapped":  "本报告按照国务院办公厅政府信息与政务公开办公室《关于印发中华人民共和国政府信息公开工作年度报告格式的通知》（国办公开办函〔2021〕\n30号）要求编制。\n",
	} {
		text := "某某区人民政府2020年政府信息公开工作年度报告\n" + cite +
			"本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。\n" +
			"一、总体情况\n2020年，我区认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1200条。\n" +
			"二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n" +
			"五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。\n"
		r := parseText(t, text)
		if r.Era != Era2021 || r.EraEvidence != "引用国办公开办函〔2021〕30号" {
			t.Errorf("%s: era %v (%s), want the 2021 template from the citation", name, r.Era, r.EraEvidence)
		}
	}
}
