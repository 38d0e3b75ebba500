// Package pdf writes a study guide as a printable PDF handout: a designed
// vector cover, a title and synopsis page, a printed table of contents
// with dot leaders and page numbers that link to their pages, the key
// quotes and block quotes as callouts, every section from a new page, and
// the FAQ appendix; running headers, page numbers, an outline, document
// metadata, A4 or US Letter, simplex or duplex.
//
// The work is done in five packages under this one, in the order a build
// runs them; this package holds the entry points (Build and its variants,
// the booklet, the worksheet, PageStarts, Unprintable) and the fpdf
// document's set-up and metadata:
//
//   - layout: where everything goes. Text is shaped (package typeset) and
//     broken into lines, blocks flow onto pages under the keep-together
//     rules, and every page's items are recorded (Layout).
//   - tags: the structure tree of the tagged PDF. The layout names the
//     elements (Node); drawing marks each piece of content as an element's
//     or an artifact (Tagger); the finishing pass writes the tree.
//   - fontembed: each face the layout draws, reduced to the glyphs drawn
//     (subset), numbered as CIDs, and its font objects.
//   - draw: the layout drawn into fpdf: its text operators (fpdf is given
//     no font), rules, links and outline; a booklet's pages imposed two-up.
//   - finish: the last pass over fpdf's output: content compacted and
//     compressed (each page as soon as it is drawn), the fonts and the
//     structure tree added, the page tree balanced, everything put in
//     object streams (PDF 1.5).
package pdf

import (
	"errors"
	"fmt"

	"codeberg.org/go-pdf/fpdf"
	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/export"
	"github.com/guidepress/guidepress/export/pdf/draw"
	"github.com/guidepress/guidepress/export/pdf/finish"
	"github.com/guidepress/guidepress/export/pdf/fontembed"
	"github.com/guidepress/guidepress/export/pdf/layout"
	"github.com/guidepress/guidepress/export/pdf/tags"
	theme "github.com/guidepress/guidepress/templates/pdf"
)

// Producer is written into every PDF's Info dictionary.
const Producer = "guidepress (go-pdf/fpdf v0.12.0)"

// Build writes g as a PDF. The diagnostics are warnings about what could
// not be printed as written (a character no embedded font has). The same
// guide and options give the same bytes (Options.Time honours
// SOURCE_DATE_EPOCH). Build is safe to call from many goroutines at once.
func Build(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	out, _, diags, err := buildDoc(g, opts, layout.GuideDoc, nil, false, nil)
	return out, diags, err
}

// BuildWithLayout is Build that also returns the recorded layout, for
// tests and tools that check pagination. The layout is kept whole until
// the file is written, which Build does not need (each page's items are
// let go once drawn).
func BuildWithLayout(g *content.Guide, opts export.Options) (out []byte, lay *Layout, diags []content.Diagnostic, err error) {
	return buildDoc(g, opts, layout.GuideDoc, func(*Layout) {}, true, nil)
}

// BuildWithPageStarts is Build that also gives where each page starts
// (Layout.PageStarts) to pages, once the guide is laid out and before it
// is drawn: a batch hands them to the EPUB's page list, which can then be
// built while the PDF is drawn. pages is not called when the layout fails.
func BuildWithPageStarts(g *content.Guide, opts export.Options, pages func([]export.PageStart)) (out []byte, diags []content.Diagnostic, err error) {
	out, _, diags, err = buildDoc(g, opts, layout.GuideDoc, func(lay *Layout) { pages(lay.PageStarts()) }, false, pages)
	return out, diags, err
}

// BuildWorksheet writes the guide's worksheet (NAME.worksheet.pdf): its
// title, a name/date/class line, every discussion question numbered with
// ruled answer lines sized to the question, then the key quotes as
// "explain this quotation" prompts. The questions are the guide's
// discussion sections' (content.RoleDiscussion: list items and
// paragraphs that ask), or else its FAQ questions. Tagged like the
// handout: the questions are a list (L > LI > Lbl + LBody), the rules
// artifacts.
//
// A guide with nothing to ask (no discussion question, FAQ or key quote)
// gets a warning: its worksheet holds only the name, date and class
// lines, and was written without a word.
func BuildWorksheet(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	out, _, diags, err := buildDoc(g, opts, layout.WorksheetDoc, nil, false, nil)
	if err == nil && len(g.Quotes) == 0 && len(layout.WorksheetQuestions(g)) == 0 {
		diags = append(diags, content.Diagnostic{Severity: content.Warning, Message: emptyWorksheet})
	}
	return out, diags, err
}

// emptyWorksheet is the warning for a worksheet with nothing to ask.
const emptyWorksheet = "worksheet: the guide has no discussion questions, FAQ or key quotes, so its worksheet holds only the name, date and class lines; " +
	"add a section such as \"Discussion Questions\" whose list items (or paragraphs ending in \"?\") are the questions, or an FAQ"

// BuildAnswers writes the teacher's key (NAME.answers.pdf): every FAQ
// question, numbered as the worksheet numbers it when the worksheet asks
// the FAQ, with its answer. A guide without an FAQ has no key: BuildAnswers
// returns nil bytes and no error.
func BuildAnswers(g *content.Guide, opts export.Options) ([]byte, []content.Diagnostic, error) {
	if g == nil || len(g.FAQ) == 0 {
		return nil, nil, nil
	}
	out, _, diags, err := buildDoc(g, opts, layout.AnswersDoc, nil, false, nil)
	return out, diags, err
}

// buildDoc builds the document; laidOut, when not nil, is given the whole
// layout before it is drawn. With keep, the layout is returned whole;
// without, each page's items are let go once drawn, and a long guide
// (Streams) is laid out twice and drawn page by page, never whole: then
// starts, when not nil, is given where its pages start instead of
// laidOut the layout.
func buildDoc(g *content.Guide, opts export.Options, doc layout.DocKind, laidOut func(*Layout), keep bool, starts func([]export.PageStart)) (out []byte, lay *Layout, diags []content.Diagnostic, err error) {
	if g == nil {
		return nil, nil, nil, errors.New("pdf: no guide")
	}
	// The deferred function holds the title, not the guide: a long
	// guide is let go once drawn (drawPlanned) when the caller holds it
	// no more (batch: the last format).
	title := g.Title
	defer func() {
		// fpdf panics on some malformed input rather than recording an
		// error; a build must fail cleanly instead.
		if r := recover(); r != nil {
			out, lay, diags = nil, nil, nil
			err = fmt.Errorf("pdf: internal error building %q (please report it): %v", title, r)
		}
	}()
	th, geo, p, err := prepare(g, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	if doc == layout.GuideDoc && !keep && Streams(g) {
		pd, err := plan(g, opts, th, geo, starts != nil)
		if err != nil {
			return nil, nil, nil, err
		}
		if starts != nil {
			// Let go before they are given: the caller renders the
			// EPUB inside the call (batch's renderInside), which takes
			// them and drops them once its pages are listed; held here
			// too, they were live beside its container (4 MiB of
			// one-line sections: 35 MB at its peak).
			s := pd.plan.Starts
			pd.plan.Starts = nil
			starts(s)
		}
		out, diags, err = drawPlanned(p, g, opts, pd)
		return out, nil, diags, err
	}
	lay, dests, rep, err := layout.Guide(g, opts, th, geo, doc, probe)
	if err != nil {
		return nil, nil, nil, err
	}
	if laidOut != nil {
		laidOut(lay)
	}
	spill := opts.Spill
	if keep {
		spill = nil // BuildWithLayout's callers want the bytes
	}
	return render(p, th, lay, dests, rep, !keep, spill)
}

// render draws a layout into p and writes the finished PDF. With release,
// each page's items are let go once drawn (the layout returned is then
// not whole): with the pages' content compressed as they are drawn
// (finish.PageStreams), the layout is what a long document's memory goes to.
//
// A long document written to a spool is given to spill, when not nil,
// rather than joined (export.Options.Spill): out is then nil.
func render(p *fpdf.Fpdf, th theme.Theme, lay *Layout, dests []layout.Dest, rep *layout.Reporter, release bool, spill func(export.Spilled)) (out []byte, _ *Layout, diags []content.Diagnostic, err error) {
	fs, toUnicode, err := fontembed.UsedFaces(lay)
	if err != nil {
		return nil, nil, nil, err
	}
	tg := tags.New()
	tg.Labels = layout.PageLabels(lay)
	// The fonts and then each page as it is drawn are compressed on
	// another goroutine (finish.PageStreams); Optimize waits for them.
	st := newPageStreams()
	defer st.Close() // never leave the compressing running after a failure
	if len(lay.Pages) > chunkPages {
		st.Spool() // a long document's compressed pages wait in a temporary file
	}
	st.Fast(len(lay.Pages)) // a long document's pages at a faster level
	st.Fonts(fs, toUnicode)
	probe("laid out")
	err = draw.Render(p, lay, dests, tg, th.Text.LetterSpacing, st, release, fs, probe)
	if err != nil {
		return nil, nil, nil, err
	}
	pk := &finish.Packed{}
	defer pk.Close() // a failure's: OptimizePacked takes it over
	if len(lay.Pages) > chunkPages {
		p.SetOutputChunks(fpdfChunk, pk.Add)
	}
	raw, err := p.OutputChunks()
	if err != nil {
		return nil, nil, nil, fmt.Errorf("pdf: writing: %w", err)
	}
	p = nil
	probe("written by fpdf")
	out, err = optimizePacked(spill, pk, raw, fs, toUnicode, tg, st)
	if err != nil {
		return nil, nil, nil, err
	}
	probe("optimized")
	return out, lay, rep.Diagnostics(), nil
}

// optimizePacked is finish.OptimizePacked, but for a PDF written to a
// spool when spill is set (export.Options.Spill): that is given to
// spill, and no bytes are returned. Nothing may fail after it is given.
func optimizePacked(spill func(export.Spilled), pk *finish.Packed, raw [][]byte, fs []fontembed.Font, toUnicode []byte, tg *tags.Tagger, st *finish.PageStreams) ([]byte, error) {
	if spill == nil {
		return finish.OptimizePacked(pk, raw, fs, toUnicode, tg, st)
	}
	out, s, err := finish.OptimizeSpill(pk, raw, fs, toUnicode, tg, st)
	if s != nil {
		spill(s)
	}
	return out, err
}

// prepare is what a build sets up before the layout: the guide checked,
// the style's theme, the page geometry, and the fpdf document the layout
// measures with and render draws into.
func prepare(g *content.Guide, opts export.Options) (th theme.Theme, geo layout.Geometry, p *fpdf.Fpdf, err error) {
	if err := g.Validate(); err != nil {
		return th, geo, nil, fmt.Errorf("pdf: the guide is not valid: %w", err)
	}
	th, err = theme.Named(opts.Style)
	if err != nil {
		return th, geo, nil, fmt.Errorf("pdf: %w", err)
	}
	if opts.NoTint {
		th.Pages.Tint = nil
	}
	geo, size, err := layout.PageGeometry(opts, th)
	if err != nil {
		return th, geo, nil, err
	}

	p = fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size.Name, Size: size.Size})
	// Page contents are compressed by optimize, after fpdf has written them.
	p.SetCompression(false)
	p.SetCatalogSort(true) // deterministic object order (FONTS.md §6)
	t := opts.Time()
	p.SetCreationDate(t)
	p.SetModificationDate(t)
	p.SetMargins(0, 0, 0)
	p.SetAutoPageBreak(false, 0) // the layout breaks pages, never fpdf
	if opts.Duplex {
		p.SetDisplayMode("default", "TwoPageRight")
	}
	metadata(p, g, opts, true)
	if err := p.Error(); err != nil {
		return th, geo, nil, fmt.Errorf("pdf: %w", err)
	}

	if err := layout.FitMeasure(&geo, th); err != nil {
		return th, geo, nil, err
	}
	return th, geo, p, nil
}

// fpdf writes the file of a document of more than chunkPages pages in
// parts of about fpdfChunk bytes (fpdf.SetOutputChunks), which
// finish.Optimize lets go of as it copies them: in one buffer, grown by
// doubling, a 4 MiB guide of one-line sections made 192 MB of it while it
// grew from 64 to 128 MB, beside everything fpdf and the structure tree
// hold, and then held it whole until the end. Each part but the last is
// kept deflated as fpdf cuts it (finish.Packed) and inflated once more
// only as finish.OptimizePacked reads it: raw, the parts were the 124 MB
// most live heap of that guide's build once fpdf had written them. A test
// lowers both.
var chunkPages, fpdfChunk = 2000, 4 << 20

// newPageStreams is finish.NewPageStreams; a test makes it give none, so
// that Optimize compresses every stream itself, and compares the bytes.
var newPageStreams = finish.NewPageStreams

// probe, when a test sets it, is called at the stages of a build where
// memory could pile up: once laid out, every probePages pages drawn, and
// once fpdf has written its part (TestMemoryBound).
var probe = func(stage string) {}
