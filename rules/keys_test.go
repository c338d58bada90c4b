package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/reportlint/reportlint/parse"
)

// A rule that names a row or column the parser never gives a table never
// fires: a misspelt key silently skips its check. Every key an identity
// names, and every row-key literal in the rules' sources, must be one of
// the templates' (parse.TemplateKeys).
func TestKeysExistInTemplates(t *testing.T) {
	rows, cols := parse.TemplateKeys()
	ids := []Identity{applyBalance, applyRowTotal, applyOutcome2019, applyOutcome2021, reviewTotal, statFlow}
	for _, id := range ids {
		refs := append(append([]ref{id.Fix}, id.Left...), id.Right...)
		for _, r := range refs {
			if r.row != "" && !rows[id.Table][r.row] {
				t.Errorf("identity %s names row %q, which %v has not", id.Rule, r.row, id.Table)
			}
		}
		for _, c := range id.Columns {
			if !cols[id.Table][c] {
				t.Errorf("identity %s names column %q, which %v has not", id.Rule, c, id.Table)
			}
		}
	}

	// any row key anywhere in the rules' code
	prefixes := map[string]bool{}
	allRows, allCols := map[string]bool{}, map[string]bool{}
	for _, m := range rows {
		for k := range m {
			allRows[k] = true
			prefixes[strings.SplitN(k, ".", 2)[0]] = true
		}
	}
	for _, m := range cols {
		for k := range m {
			allCols[k] = true
		}
	}
	keyShape := regexp.MustCompile(`^[a-z]+(\.[a-z_]+)+$`)
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	seen := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				s, err := strconv.Unquote(n.Value)
				if err != nil || n.Kind != token.STRING || !keyShape.MatchString(s) || !prefixes[strings.SplitN(s, ".", 2)[0]] {
					return true
				}
				seen++
				if !allRows[s] {
					t.Errorf("%s: row key %q is in no template", fset.Position(n.Pos()), s)
				}
			case *ast.CallExpr:
				// cellValue and numberCell(report, kind, row, column)
				if id, ok := n.Fun.(*ast.Ident); ok && (id.Name == "cellValue" || id.Name == "numberCell") && len(n.Args) == 4 {
					if lit, ok := n.Args[3].(*ast.BasicLit); ok {
						if s, _ := strconv.Unquote(lit.Value); !allCols[s] {
							t.Errorf("%s: column key %q is in no template", fset.Position(lit.Pos()), s)
						}
					}
				}
			}
			return true
		})
	}
	if seen < 10 {
		t.Errorf("only %d row keys found in the rules' sources: the scan is broken", seen)
	}
}
