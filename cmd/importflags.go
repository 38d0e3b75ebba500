package cmd

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/guidepress/guidepress/batch"
	"github.com/guidepress/guidepress/content/importer"
	"github.com/guidepress/guidepress/internal/lazyre"
	"github.com/spf13/pflag"
)

// importFlags are the flags every command that reads guides shares.
type importFlags struct {
	Lang    string
	NoSmart bool
	MaxSize string
	Format  string
}

func (f *importFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.Lang, "lang", "", "language of the guide as a BCP 47 tag (default: what a JSON guide or Markdown front matter says, else read from the text, else en)")
	fs.BoolVar(&f.NoSmart, "no-smart", false, "keep straight quotes, -- and ... as typed (no typographic punctuation)")
	fs.StringVar(&f.Format, "input-format", "", "read the input as text, markdown or json instead of detecting it (.md/.markdown are Markdown; JSON by content)")
	fs.StringVar(&f.MaxSize, "max-size", batch.FormatSize(batch.DefaultMaxBytes), "largest input file to read (e.g. 64MiB)")
}

func (f *importFlags) options() (importer.Options, int64, error) {
	max, err := parseSize(f.MaxSize)
	if err != nil {
		return importer.Options{}, 0, usagef("--max-size: %v", err)
	}
	if err := checkLang(f.Lang); err != nil {
		return importer.Options{}, 0, err
	}
	if f.Format != "" && !slices.Contains(importer.Formats, f.Format) {
		return importer.Options{}, 0, usagef("--input-format: %q is not an input format; use %s", f.Format, strings.Join(importer.Formats, ", "))
	}
	return importer.Options{Language: f.Lang, NoSmart: f.NoSmart, MaxBytes: max, Format: f.Format}, max, nil
}

// parseSize reads sizes such as "16MiB", "500k", "2MB" or "1048576".
// Decimal and binary suffixes are both taken as binary: for a safety limit
// the difference does not matter and users type either.
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"gib", 1 << 30}, {"gb", 1 << 30}, {"g", 1 << 30}, {"mib", 1 << 20}, {"mb", 1 << 20}, {"m", 1 << 20}, {"kib", 1 << 10}, {"kb", 1 << 10}, {"k", 1 << 10}, {"bytes", 1}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSuffix(t, u.suffix), u.m
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return 0, fmt.Errorf("%q is not a size such as 16MiB, 500KiB or 1048576", s)
	}
	return n * mult, nil
}

// languageTag is the shape content.Validate accepts for a guide's language
// (EPUB requires a well-formed BCP 47 tag). --lang is checked here so that
// a mistyped flag is one usage error, not a failure of every input.
var languageTag = lazyre.New(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

func checkLang(lang string) error {
	if lang == "" || languageTag.MatchString(lang) {
		return nil
	}
	hint := ""
	if fixed := strings.ReplaceAll(lang, "_", "-"); fixed != lang && languageTag.MatchString(fixed) {
		hint = fmt.Sprintf(" (did you mean %s?)", fixed)
	}
	return usagef("--lang: %q is not a BCP 47 language tag%s; use one such as en, en-GB or fr-CA", lang, hint)
}
