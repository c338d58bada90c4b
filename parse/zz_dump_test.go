package parse

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDump(t *testing.T) {
	p := os.Getenv("ZZDUMP")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	txt, err := Decode(p, data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(txt)
	fmt.Println("err", err, "body", r.BodyStart, r.BodyEnd)
	for i, l := range txt.Lines {
		fmt.Printf("%3d %s\n", i, l)
	}
}

func TestZZStat(t *testing.T) {
	p := os.Getenv("ZZDUMP")
	if p == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(p)
	txt, _ := Decode(p, data)
	r, _ := Parse(txt)
	for _, tb := range r.Tables {
		fmt.Println(tb.Kind, tb.Columns, tb.Span)
		for _, row := range tb.Rows {
			fmt.Println(row.Key, cellValues(row.Cells), row.Span)
		}
	}
}
