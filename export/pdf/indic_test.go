package pdf

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/internal/checkers"
	"golang.org/x/text/unicode/norm"
)

// indicWord is a word of the scripts of India that guidepress prints
// (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil), without the danda,
// a hyphenated compound (बाप-बेटा) as one.
var indicWord = regexp.MustCompile(`[\x{0900}-\x{0963}\x{0966}-\x{0BFF}]+(?:-[\x{0900}-\x{0963}\x{0966}-\x{0BFF}]+)*`)

// indicGuide has a paragraph in each of the other Indic scripts printed:
// Bengali (two-part vowel signs: ো ৌ), Gurmukhi, Gujarati and Tamil
// (ொ ோ, the pulli: ற்ற).
const indicGuide = `---
title: Four Indian classics — a reading list
author: A school library
---

# Four Indian classics — a reading list

## গীতাঞ্জলি

রবীন্দ্রনাথ ঠাকুরের গীতাঞ্জলি ১৯১০ সালে প্রকাশিত হয়। এই কবিতাগুলো ঈশ্বর, প্রকৃতি আর মানুষের ভালোবাসার কথা বলে। কবি ১৯১৩ সালে নোবেল পুরস্কার পান, আর তাঁর গৌরব সারা পৃথিবীতে ছড়িয়ে পড়ে।

## ਸੁੰਦਰੀ

ਭਾਈ ਵੀਰ ਸਿੰਘ ਦਾ ਨਾਵਲ ਸੁੰਦਰੀ ਪੰਜਾਬੀ ਦਾ ਪਹਿਲਾ ਨਾਵਲ ਮੰਨਿਆ ਜਾਂਦਾ ਹੈ। ਇਹ ਇੱਕ ਬਹਾਦਰ ਕੁੜੀ ਦੀ ਕਹਾਣੀ ਹੈ।

## સત્યના પ્રયોગો

ગાંધીજીની આત્મકથા સત્યના પ્રયોગો ૧૯૨૭માં પ્રગટ થઈ. તેમાં તેઓ પોતાના જીવનની ભૂલો પણ પ્રામાણિકપણે લખે છે.

## பாரதியார் கவிதைகள்

சுப்பிரமணிய பாரதியின் பாடல்கள் தமிழ் மக்களின் விடுதலைக் கனவைப் பாடுகின்றன. அவர் பெண்களின் கல்வியையும் சமத்துவத்தையும் போற்றினார், கொடுமையை எதிர்த்தார்.
`

// TestIndicPrints builds the Hindi fixture (an original guide to
// Premchand's stories: conjuncts, the i-sign drawn before its consonant,
// reph, nukta, candrabindu, Devanagari digits, the danda) and a guide in
// Bengali, Gurmukhi, Gujarati and Tamil, and reads them back page by
// page with pdftotext: every word of those scripts in the guide as read
// comes back as typed, and pdftotext finds no word the guide does not
// have (a word cut in two where a vowel sign set back under or over its
// consonant ended its box before the next letter: "दे ने", "कु त्ते"; or a
// cluster's text put apart by /ActualText: "क़र्ज़" on a line of its own).
// No character is reported unprintable, no glyph drawn is .notdef, the
// faces are embedded with a ToUnicode map, and the PDF/UA checker, qpdf
// and MuPDF read the files cleanly.
func TestIndicPrints(t *testing.T) {
	for _, tc := range []struct {
		name  string
		g     *content.Guide
		words int // at least
		faces []string
	}{
		{"premchand-kahaniyan-hi", loadFile(t, filepath.Join(checkers.RepoRoot(), "testdata", "guides", "premchand-kahaniyan-hi.md")), 200,
			[]string{"notosansdevanagari", "notosansdevanagariB"}},
		{"indic", loadText(t, "indic.md", indicGuide), 60,
			[]string{"notosansbengali", "notosansbengaliB", "notosansgurmukhi", "notosansgujarati", "notosanstamil", "notosanstamilB"}},
	} {
		t.Run(tc.name, func(t *testing.T) { indicPrints(t, tc.name, tc.g, tc.words, tc.faces) })
	}
}

func indicPrints(t *testing.T, name string, g *content.Guide, words int, faces []string) {
	out, lay, diags := build(t, g, export.Options{})
	for _, d := range diags {
		if strings.Contains(d.Message, "cannot be printed") || strings.Contains(d.Message, "no embedded font") {
			t.Errorf("diagnostic: %s", d.Message)
		}
	}
	for _, pg := range lay.Pages {
		for _, it := range pg.Items {
			for _, r := range it.Runs {
				for _, gl := range r.Glyphs {
					if gl.GID == 0 {
						t.Errorf("page %d: .notdef drawn in %s for %q", pg.Number, r.Face, r.Text)
					}
				}
			}
		}
	}
	model, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, w := range indicWord.FindAllString(norm.NFC.String(string(model)), -1) {
		want[w] = true
	}
	if len(want) < words {
		t.Fatalf("only %d words of the scripts of India in the guide", len(want))
	}
	p := write(t, name, out)
	got := map[string]bool{}
	for n, page := range pagesText(t, p) {
		if n == 0 {
			continue
		}
		if strings.ContainsRune(page, layout.Replacement) {
			t.Errorf("page %d shows %q:\n%s", n, layout.Replacement, page)
		}
		for _, w := range indicWord.FindAllString(page, -1) {
			got[w] = true
			// pdftotext joins a compound hyphenated at a line's end
			// (घटते-घटते read as घटतेघटते); a word of the guide's, not
			// a piece of one.
			if !want[w] && !joined(want, w) {
				t.Errorf("page %d: pdftotext gives %q, which the guide does not have (a word cut apart?)", n, w)
			}
		}
	}
	for w := range want {
		if !got[w] && !got[strings.ReplaceAll(w, "-", "")] {
			t.Errorf("pdftotext does not give %q", w)
		}
	}
	fonts := runTool(t, "pdffonts", p)
	for _, f := range faces {
		if !regexp.MustCompile(`(?m)^\S*` + f + `\s.*\byes\s+(?:yes|no)\s+yes\s+\d+\s+\d+\s*$`).MatchString(fonts) {
			t.Errorf("pdffonts: %s not embedded with ToUnicode:\n%s", f, fonts)
		}
	}
	checkClean(t, name, out)
	// MuPDF draws every page without a complaint (a glyph it cannot find,
	// a broken font); a MuPDF built without colour management says so,
	// which is not about this file.
	msg := runTool(t, "mutool", "draw", "-q", "-o", filepath.Join(t.TempDir(), "p%d.png"), "-r", "50", p)
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		if l != "" && !strings.Contains(l, "ICC support is not available") {
			t.Errorf("mutool draw: %s", l)
		}
	}
}

// joined reports whether w is a hyphenated compound of want written
// without its hyphen.
func joined(want map[string]bool, w string) bool {
	for k := range want {
		if strings.Contains(k, "-") && strings.ReplaceAll(k, "-", "") == w {
			return true
		}
	}
	return false
}
