package parse

import "testing"

// proseOf parses a one-sentence report body and returns its prose.
func proseOf(t *testing.T, body string) []Sentence {
	t.Helper()
	r, err := parseBytes("o.txt", []byte("某某区人民政府2021年政府信息公开工作年度报告\n一、总体情况\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return r.Prose
}

// A list's part on another dimension (a topic, or several years) may
// overlap its fellows: parse marks it, and only the parts.
func TestOtherDimensionPart(t *testing.T) {
	prose := proseOf(t, "共受理申请30件，其中涉及征地的12件，网上申请20件，累计办理15件。")
	if len(prose) != 1 || len(prose[0].Lists) != 1 {
		t.Fatalf("want one sentence with one list, got %+v", prose)
	}
	want := map[float64]bool{30: false, 12: true, 20: false, 15: true}
	for _, c := range prose[0].Claims {
		if w, ok := want[c.Value]; !ok || c.OtherDimension != w {
			t.Errorf("%v (%s): OtherDimension %v, want %v", c.Value, c.Subject, c.OtherDimension, w)
		}
	}
}
