package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"

	"github.com/reportlint/reportlint/decode"
	"github.com/reportlint/reportlint/rules"
)

// configNames are the settings files looked for in the working directory
// and the directories above it, in this order within one directory.
var configNames = []string{".reportlint.yaml", ".reportlint.yml"}

// outputFormat is what --format names.
type outputFormat int

const (
	formatText outputFormat = iota
	formatJSON
	formatSARIF
	formatCSV
	formatHTML
)

var formatNames = []string{"text", "json", "sarif", "csv", "html"}

func (f outputFormat) String() string { return formatNames[f] }

func parseFormat(s string) (outputFormat, bool) {
	i := slices.Index(formatNames, s)
	return outputFormat(max(i, 0)), i >= 0
}

// config is a run's settings once read and checked: the flags, the
// settings file under them, and the defaults under both. Nothing in it
// is left to be validated later.
type config struct {
	en            bool
	color         bool
	format        outputFormat
	overview      bool
	pair, force   bool
	options       rules.Options
	rules         []*rules.Rule
	failOn        rules.Severity
	minLevel      rules.Severity
	baseline      string // --baseline
	writeBaseline string // --write-baseline
	jobs          int
	decoding      decode.Options
	exclude       []string
	root          string // what SARIF URIs and file identities are relative to
	stdinName     string // what standard input is called in the output
	fileTimeout   time.Duration
	settingsFile  string // the settings file read, "" for none
	verbose       bool
	cpuProfile    string
	output        string // -o: the results go to this file
	args          []string
}

// notInSettings are the flags a settings file may not set: they name a
// one-off action or the settings file itself, not a standing choice.
var notInSettings = map[string]bool{
	"config": true, "version": true, "help": true, "write-baseline": true,
	"stdin-filename": true, "cpuprofile": true, "pair": true, "force": true, "verbose": true, "output": true,
}

// settingsKeys lists the keys a settings file may hold: every other flag's
// long name.
func settingsKeys(flags *pflag.FlagSet) []string {
	var keys []string
	flags.VisitAll(func(f *pflag.Flag) {
		if !notInSettings[f.Name] && !f.Hidden {
			keys = append(keys, f.Name)
		}
	})
	return keys
}

// applySettingsFile reads the settings file (--config, or the first of
// configNames found upward from dir) into the flags that the command line
// left unset, and returns its path ("" when there is none).
func applySettingsFile(flags *pflag.FlagSet, configPath, dir string, en bool) (string, error) {
	p := configPath
	if p == "" {
		p = findConfig(dir)
	}
	if p == "" {
		return "", nil
	}
	data, err := readFileMax(p, maxSettingsBytes)
	if err != nil {
		return p, fmt.Errorf("%s: %w", p, unwrapPathError(err))
	}
	if err := parseConfig(data, flags, en); err != nil {
		return p, fmt.Errorf("%s%w", p, err)
	}
	return p, nil
}

// findConfig returns the first settings file in dir or a directory above
// it, or "".
func findConfig(dir string) string {
	for {
		for _, name := range configNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return p // let reading it report the problem
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			return ""
		}
		dir = up
	}
}

// parseConfig reads the YAML settings, a mapping from flag names (without
// the dashes) to values, into the flags the command line did not set: the
// command line overrides the file setting by setting. A list is given to a
// flag that takes several values as one comma-separated value. Unknown
// keys and bad values are errors beginning ":LINE: ", for the caller to put
// the file name before.
func parseConfig(data []byte, flags *pflag.FlagSet, en bool) error {
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
		f := flags.Lookup(k.Value)
		if f == nil || notInSettings[f.Name] || f.Hidden {
			known := strings.Join(settingsKeys(flags), say(en, "、", ", "))
			return fmt.Errorf(":%d: %s", k.Line, say(en,
				fmt.Sprintf("未知的设置项「%s」（可用：%s）", k.Value, known),
				fmt.Sprintf("unknown setting %q (known: %s)", k.Value, known)))
		}
		values, err := settingValues(v, f, en)
		for _, value := range values {
			if err == nil {
				err = checkSetting(f.Name, value, en)
			}
		}
		if err != nil {
			return fmt.Errorf(":%d: %s: %s", v.Line, k.Value, err)
		}
		if f.Changed {
			continue // given on the command line
		}
		for _, value := range values {
			if err := flags.Set(f.Name, value); err != nil {
				return fmt.Errorf(":%d: %s: %v", v.Line, k.Value, err)
			}
		}
		f.Changed = false // still the command line's to override
	}
	return nil
}

// settingValues are a YAML value as the flag's text, to be set in turn: a
// scalar as written; for a flag of rule IDs (a slice), a list or a
// comma-separated string joined into one value; for a flag of globs (an
// array, since a glob may hold a comma), each item of a list.
func settingValues(v *yaml.Node, f *pflag.Flag, en bool) ([]string, error) {
	kind := f.Value.Type()
	slice, array := strings.HasSuffix(kind, "Slice"), strings.HasSuffix(kind, "Array")
	var items []string
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return nil, nil
	case v.Kind == yaml.ScalarNode:
		items = []string{v.Value}
	case v.Kind == yaml.SequenceNode && (slice || array):
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				return nil, errors.New(say(en, "应为值的列表", "must be a list of values"))
			}
			items = append(items, item.Value)
		}
	default:
		return nil, errors.New(say(en, "应为单个值", "must be a single value"))
	}
	if slice {
		var ids []string
		for _, it := range items {
			ids = append(ids, splitList(it)...)
		}
		return []string{strings.Join(ids, ",")}, nil
	}
	return items, nil
}

// checkSetting validates the settings whose values are names, so that a
// settings file's mistake is reported at its line.
func checkSetting(name, value string, en bool) error {
	switch name {
	case "enable", "disable":
		for _, id := range splitList(value) {
			if len(matchRules(id)) == 0 {
				return errors.New(unknownRule(id, en))
			}
		}
	case "fail-on", "min-level":
		if _, ok := rules.ParseSeverity(value); !ok {
			return errors.New(badLevel(value, en))
		}
	case "format":
		if _, ok := parseFormat(value); !ok {
			return errors.New(badFormat(value, en))
		}
	case "exclude":
		if !doublestar.ValidatePattern(filepath.ToSlash(value)) {
			return errors.New(badGlob(value, en))
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// matchRules returns the rules an ID or a glob (carry-*) names.
func matchRules(pattern string) []*rules.Rule {
	var out []*rules.Rule
	for _, r := range rules.All() {
		if ok, _ := path.Match(pattern, r.ID); ok {
			out = append(out, r)
		}
	}
	return out
}

// selectRules turns --enable and --disable (IDs or globs) into the rules
// to run. Unknown IDs, and a selection that leaves no rule, are errors.
func selectRules(enable, disable []string, en bool) ([]*rules.Rule, error) {
	pick := func(flag string, ids []string) (map[string]bool, error) {
		set := map[string]bool{}
		for _, id := range ids {
			matched := matchRules(id)
			if len(matched) == 0 {
				return nil, fmt.Errorf("%s: %s", flag, unknownRule(id, en))
			}
			for _, r := range matched {
				set[r.ID] = true
			}
		}
		return set, nil
	}
	enabled, err := pick("--enable", enable)
	if err != nil {
		return nil, err
	}
	disabled, err := pick("--disable", disable)
	if err != nil {
		return nil, err
	}
	var out []*rules.Rule
	for _, r := range rules.All() {
		if (len(enable) == 0 || enabled[r.ID]) && !disabled[r.ID] {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		// a run with no rule would say nothing and pass: a mistake in the
		// settings, not a clean report
		return nil, errors.New(say(en, "--enable 与 --disable 之后没有任何规则可运行", "--enable and --disable leave no rule to run"))
	}
	return out, nil
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

func badFormat(v string, en bool) string {
	last := len(formatNames) - 1
	return say(en,
		fmt.Sprintf("只能是 %s 或 %s，不能是「%s」", strings.Join(formatNames[:last], "、"), formatNames[last], v),
		fmt.Sprintf("must be %s or %s, not %q", strings.Join(formatNames[:last], ", "), formatNames[last], v))
}

func badGlob(g string, en bool) string {
	return say(en, fmt.Sprintf("「%s」不是有效的通配模式", g), fmt.Sprintf("%q is not a valid glob", g))
}

// say picks the message in the user's language.
func say(en bool, zh, eng string) string {
	if en {
		return eng
	}
	return zh
}
