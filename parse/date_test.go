package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in        string
		want      YMD
		certainty Certainty
		readings  []YMD
		valid     bool
	}{
		{"2017年3月18日", YMD{2017, 3, 18}, Exact, nil, true},
		{"２０１７年３月１８日", YMD{2017, 3, 18}, Exact, nil, true},
		{"2025 年 1 月 1 日", YMD{2025, 1, 1}, Exact, nil, true},
		{"2018-03-19", YMD{2018, 3, 19}, Exact, nil, true},
		{"2020/2/22", YMD{2020, 2, 22}, Exact, nil, true},
		{"2019.12.31", YMD{2019, 12, 31}, Exact, nil, true},
		// 年 and 月 lost in the copy: exactly one valid reading
		{"2016220", YMD{2016, 2, 20}, Recovered, nil, true},
		{"2017227", YMD{2017, 2, 27}, Recovered, nil, true},
		{"201611日", YMD{2016, 1, 1}, Recovered, nil, true},
		{"20161231日", YMD{2016, 12, 31}, Recovered, nil, true},
		{"20160220", YMD{2016, 2, 20}, Recovered, nil, true},
		{"2021926", YMD{2021, 9, 26}, Recovered, nil, true},
		{"2016年1231日", YMD{2016, 12, 31}, Recovered, nil, true},
		// several valid readings: ambiguous, no reading chosen
		{"2016111", YMD{}, Ambiguous, []YMD{{2016, 1, 11}, {2016, 11, 1}}, true},
		{"2016123", YMD{}, Ambiguous, []YMD{{2016, 1, 23}, {2016, 12, 3}}, true},
		// printed in full but impossible
		{"2021年2月30日", YMD{}, Exact, nil, false},
		{"2019年2月29日", YMD{}, Exact, nil, false},
		{"2020年2月29日", YMD{2020, 2, 29}, Exact, nil, true},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			d, ok := ParseDate(c.in)
			if !ok {
				t.Fatalf("not read as a date")
			}
			if d.Certainty != c.certainty || d.Valid != c.valid {
				t.Errorf("certainty %v valid %v, want %v %v", d.Certainty, d.Valid, c.certainty, c.valid)
			}
			if d.YMD() != c.want {
				t.Errorf("reading %v, want %v", d.YMD(), c.want)
			}
			if diff := cmp.Diff(c.readings, d.Readings); diff != "" {
				t.Errorf("readings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	for _, in := range []string{"", "12345", "0731-82358010", "1169", "2016", "20161399", "3270条", "1899年1月1日"} {
		if d, ok := ParseDate(in); ok {
			t.Errorf("%q read as a date: %+v", in, d)
		}
	}
}

// TestLostFormsOnlyInContext: a run of digits in prose is not a date; the
// lost forms are read only where a date is expected.
func TestLostFormsOnlyInContext(t *testing.T) {
	rs := []rune(Normalize("平台于2016329日试运行，2016年3月29日正式运行"))
	ds := datesIn(rs, false, 0)
	if len(ds) != 1 || ds[0].YMD() != (YMD{2016, 3, 29}) || ds[0].Certainty != Exact {
		t.Errorf("prose dates: %+v", ds)
	}
}

// periodIndex finds what indexAny finds.
func TestPeriodIndex(t *testing.T) {
	for _, s := range []string{
		"", "统计", "本报告统计期限自2021年", "数据统计期为", "统计数据统计期为2021年", "统计时间段统计期限",
		"统计统计周期", "数据统计统计时限", "abc统计时段", "统计区间统计期间", "无关文字",
	} {
		if got, want := periodIndex(s), indexAny(s, periodWords); got != want {
			t.Errorf("periodIndex(%q) = %d, indexAny %d", s, got, want)
		}
	}
}
