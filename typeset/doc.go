// Package typeset shapes text for print: the PDF and the cover set every
// word through it. It stands on github.com/go-text/typesetting (a Go port
// of HarfBuzz, with UAX #9 bidi and UAX #14 segmentation) and on the faces
// of package fonts.
//
// # What it does
//
//   - Font fallback (Pick, PickAfter): the text's family draws what it
//     has (Noto Sans Symbols draws arrows whatever the family); an emoji
//     goes to Noto Emoji; anything else to the first family of
//     fonts.Fallbacks, then of fonts.Scripts (Noto Sans Hebrew, Arabic,
//     Emoji, Devanagari), that has it, so a new family slots in by one
//     row of those tables. Marks and joiners stay in their base's face,
//     and a danda in the face of the letters before it.
//   - Shaping (Shape, Paragraph, AppendParagraph, Text): kerning,
//     standard ligatures (Literata's fi, ffi, fl), Arabic joining and
//     mark placement, Devanagari's conjuncts, reph and reordered vowel
//     signs, in thousandths of an em, a word at a time. A Latin
//     word in Literata or Atkinson is set from a table of what HarfBuzz
//     gives for every pair of its characters (latin.go, latin.bin); any
//     other word by HarfBuzz, through a cache shared by all callers.
//     Glyphs come in logical order with the characters they stand for
//     (Glyph.Start, Glyph.Runes), so that a PDF can give back the text a
//     ligature or a right-to-left word stands for; an Indic cluster's
//     characters are shared out among its glyphs in drawing order
//     (spread).
//   - Bidi (Levels, Reorder, Visual): embedding levels of a paragraph
//     (its direction from its first strong character); a line's glyphs in
//     visual order, the text staying in logical order for extraction.
//   - Line-break opportunities (Breaks): UAX #14, for text beyond Latin,
//     Greek and Cyrillic, whose opportunities are a space and after a
//     hyphen (the PDF's own rules, which also know URLs).
//   - Metrics read in place (Face.Advance, Face.VMetrics, Face.Glyph).
//
// # Use
//
//	gs, text, missing := typeset.Text("Never Let Me Go", fonts.Atkinson, fonts.Bold)
//	w := typeset.Width(gs)            // thousandths of an em: × size / 1000
//	for _, g := range typeset.Visual(gs) {
//		// draw g.ID of g.Face at pen + g.XOffset, g.YOffset; pen += g.Advance
//	}
//
// For mixed styles or per-character faces, pick a face per character
// (PickAfter), get Levels, and call Paragraph. Break a line only where
// Breaks (or a space) allows; reorder each line with Reorder or Visual.
//
// # Cost
//
// A face is parsed by go-text (1–9 ms) only when a word first needs
// HarfBuzz; its metrics and character map are read in place. A Latin
// word costs a table look-up per character and per pair (the seed guide
// needs HarfBuzz for no word at all); a word HarfBuzz shaped is cached
// per process (face, direction, script, word). latin.bin adds 164 KB to
// the binary. Everything is safe for concurrent use.
package typeset
