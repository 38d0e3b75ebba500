package marc

import (
	"strings"

	"github.com/guidepress/guidepress/export/opf"
)

// Accessibility fields from the EPUB's EPUB Accessibility 1.1 metadata,
// following the W3C "Schema.org Accessibility Properties Crosswalk"
// (a11y-discov-vocab/crosswalk, MARC 21 column) and MARC 21 Bibliographic
// 341/532:
//
//   - schema:accessMode → 341 0_ $a (content access mode), one field per
//     mode, with the accessibilityFeature values that assist that mode:
//     textual features in $b, visual features in $c; $2 sapdv (the
//     Schema.org Accessibility Properties for Discoverability Vocabulary);
//   - schema:accessibilitySummary → 532 8_ $a;
//   - schema:accessibilityHazard → 532 8_ $a as a sentence;
//   - dcterms:conformsTo → 532 8_ $a as a sentence.
//
// schema:accessModeSufficient has no MARC 21 equivalent in the crosswalk
// (w3c/publ-a11y#781) and is left out.

// visualContentFeatures are features that give another mode of access to
// visual content (images): the textual alternatives that assist it.
var visualContentFeatures = map[string]bool{
	"alternativeText": true, "longDescription": true, "describedMath": true,
}

// visualFeatures adapt how text is seen.
var visualFeatures = map[string]bool{
	"displayTransformability": true, "highContrastDisplay": true, "largePrint": true,
}

func accessibility(m opf.Meta, add func(tag, ind1, ind2 string, subs ...string)) {
	features := m.Properties["schema:accessibilityFeature"]
	for _, mode := range m.Properties["schema:accessMode"] {
		subs := []string{"a", mode}
		var visual []string
		for _, f := range features {
			switch mode {
			case "textual":
				if visualFeatures[f] {
					visual = append(visual, "c", f)
				} else if !visualContentFeatures[f] {
					subs = append(subs, "b", f)
				}
			case "visual":
				if visualContentFeatures[f] {
					subs = append(subs, "b", f)
				}
			}
		}
		subs = append(append(subs, visual...), "2", "sapdv")
		add("341", "0", " ", subs...)
	}
}

func accessibilityNotes(m opf.Meta, add func(tag, ind1, ind2 string, subs ...string)) {
	if s := m.Property("schema:accessibilitySummary"); s != "" {
		add("532", "8", " ", "a", s)
	}
	if hz := m.Properties["schema:accessibilityHazard"]; len(hz) > 0 {
		if len(hz) == 1 && hz[0] == "none" {
			add("532", "8", " ", "a", "No accessibility hazards (flashing, motion simulation, sound).")
		} else {
			add("532", "8", " ", "a", "Accessibility hazards: "+strings.Join(hz, ", ")+".")
		}
	}
	if c := m.Property("dcterms:conformsTo"); c != "" {
		add("532", "8", " ", "a", "Conforms to "+c+".")
	}
}
