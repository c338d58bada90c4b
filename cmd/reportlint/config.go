package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/rules"
)

// configName is the settings file looked for in the working directory and
// the directories above it.
const configName = ".reportlint.yaml"

// settings choose the rules and the level that fails the run. They come
// from the command line, else from the settings file, else the defaults.
type settings struct {
	enable  []string // when set, only these rules run
	disable []string
	failOn  string
}

// loadSettings reads the settings file (--config, or .reportlint.yaml found
// upward from dir) and lets the flags given on the command line override
// what it says, setting by setting.
func loadSettings(flags *pflag.FlagSet, configPath, dir string, en bool) (settings, error) {
	s := settings{failOn: "error"}
	path := configPath
	if path == "" {
		path = findConfig(dir)
	}
	if path != "" {
		data, err := readFileMax(path, maxSettingsBytes)
		if err != nil {
			return s, fmt.Errorf("%s: %w", path, unwrapPathError(err))
		}
		if err := parseConfig(data, &s, en); err != nil {
			return s, fmt.Errorf("%s%w", path, err)
		}
	}
	if flags.Changed("enable") {
		s.enable, _ = flags.GetStringSlice("enable")
	}
	if flags.Changed("disable") {
		s.disable, _ = flags.GetStringSlice("disable")
	}
	if flags.Changed("fail-on") {
		s.failOn, _ = flags.GetString("fail-on")
	}
	return s, nil
}

// findConfig returns the first .reportlint.yaml in dir or a directory above
// it, or "".
func findConfig(dir string) string {
	for {
		p := filepath.Join(dir, configName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return p // let reading it report the problem
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// parseConfig reads the YAML settings: a mapping with the keys enable,
// disable (a list of rule IDs, or one comma-separated string) and fail-on.
// Any other key is an error. The error begins with ":LINE: " for the caller
// to put the file name before.
func parseConfig(data []byte, s *settings, en bool) error {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf(": %s: %v", say(en, "不是有效的 YAML", "not valid YAML"), err)
	}
	if len(doc.Content) == 0 {
		return nil // an empty file changes nothing
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return fmt.Errorf(":%d: %s", m.Line, say(en, "应为「设置项: 值」的映射", "must be a mapping of settings"))
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		switch k.Value {
		case "enable", "disable":
			ids, err := idList(v, en)
			if err != nil {
				return fmt.Errorf(":%d: %s: %s", v.Line, k.Value, err)
			}
			for _, id := range ids {
				if rules.Lookup(id) == nil {
					return fmt.Errorf(":%d: %s: %s", v.Line, k.Value, unknownRule(id, en))
				}
			}
			if k.Value == "enable" {
				s.enable = ids
			} else {
				s.disable = ids
			}
		case "fail-on":
			if _, ok := rules.ParseSeverity(v.Value); !ok || v.Kind != yaml.ScalarNode {
				return fmt.Errorf(":%d: fail-on: %s", v.Line, badLevel(v.Value, en))
			}
			s.failOn = v.Value
		default:
			return fmt.Errorf(":%d: %s", k.Line, say(en,
				fmt.Sprintf("未知的设置项「%s」（可用：enable、disable、fail-on）", k.Value),
				fmt.Sprintf("unknown setting %q (known: enable, disable, fail-on)", k.Value)))
		}
	}
	return nil
}

// idList reads a list of rule IDs: a YAML sequence, or one string that may
// hold several IDs separated by commas, as on the command line.
func idList(v *yaml.Node, en bool) ([]string, error) {
	var raw []string
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag != "!!null" {
			raw = append(raw, v.Value)
		}
	case yaml.SequenceNode:
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				return nil, errors.New(say(en, "应为规则 ID 的列表", "must be a list of rule IDs"))
			}
			raw = append(raw, item.Value)
		}
	default:
		return nil, errors.New(say(en, "应为规则 ID 的列表", "must be a list of rule IDs"))
	}
	var ids []string
	for _, r := range raw {
		for _, id := range strings.Split(r, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}
	return ids, nil
}

// selectRules turns the settings into the rules to run and the level that
// fails the run. Unknown rule IDs and levels are errors.
func selectRules(s settings, en bool) ([]*rules.Rule, rules.Severity, error) {
	failOn, ok := rules.ParseSeverity(s.failOn)
	if !ok {
		return nil, 0, fmt.Errorf("--fail-on: %s", badLevel(s.failOn, en))
	}
	for _, set := range []struct {
		name string
		ids  []string
	}{{"--enable", s.enable}, {"--disable", s.disable}} {
		for _, id := range set.ids {
			if rules.Lookup(id) == nil {
				return nil, 0, fmt.Errorf("%s: %s", set.name, unknownRule(id, en))
			}
		}
	}
	enabled := map[string]bool{}
	for _, id := range s.enable {
		enabled[id] = true
	}
	disabled := map[string]bool{}
	for _, id := range s.disable {
		disabled[id] = true
	}
	var out []*rules.Rule
	for _, r := range rules.All() {
		if (len(s.enable) == 0 || enabled[r.ID]) && !disabled[r.ID] {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		// a run with no rule would say nothing and pass: a mistake in the
		// settings, not a clean report
		return nil, 0, errors.New(say(en, "--enable 与 --disable 之后没有任何规则可运行", "--enable and --disable leave no rule to run"))
	}
	return out, failOn, nil
}

func unknownRule(id string, en bool) string {
	return say(en,
		fmt.Sprintf("未知的规则「%s」（reportlint rules 列出全部规则）", id),
		fmt.Sprintf("unknown rule %q (reportlint rules lists them all)", id))
}

func badLevel(v string, en bool) string {
	return say(en,
		fmt.Sprintf("只能是 error、warning 或 info，不能是「%s」", v),
		fmt.Sprintf("must be error, warning or info, not %q", v))
}

// say picks the message in the user's language.
func say(en bool, zh, eng string) string {
	if en {
		return eng
	}
	return zh
}
