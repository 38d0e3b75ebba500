package layout

import (
	"errors"
	"sync/atomic"

	"github.com/guidepress/guidepress/content"
	"github.com/guidepress/guidepress/fonts"
)

// Paragraphs set ahead. A one-guide build of the PDF alone (--format
// pdf) lays it out on one goroutine while the other core waits. (Beside
// the EPUB the other core draws the EPUB's cover meanwhile, and the whole
// build measured no faster beyond the noise: batch.renderAll.) With a
// core to spare (export.Options.SpareCore) a
// worker goroutine sets the guide's plain paragraphs (setText: shaping,
// line breaking, the lines' runs) from the last one back, while the flow
// lays the guide out from the front and takes each paragraph the worker
// has set rather than setting it itself; where they meet, whichever comes
// first to a paragraph sets it. Setting a paragraph needs nothing of the
// flow: the same text, width and size give the same lines wherever they
// are set, and its warnings (characters no face has) are recorded and
// given again in the flow's order, so the output is the same bytes as
// without the worker.
//
// Measured on the seed, --format pdf: the whole process 44.8 → 40.5 ms
// (21 alternating runs under chrt, load 3, medians; task-clock 51.6 →
// 51.0 ms); in-process (31 runs, load 24) the layout 7.1 → 4.4 ms, the
// worker setting 54 of the 99 paragraphs. The worker costs ~150 KB (its
// scratch) and 118 allocations a layout, no measurable CPU.
//
// Only paragraphs without links are set ahead: a link is a segment and
// a structure element, which the flow numbers and creates in order.

// Slot states: free, being set by the worker, set by the worker, claimed
// by the flow (which sets it itself), taken by the flow.
const (
	slotFree int32 = iota
	slotWorking
	slotSet
	slotMine
	slotTaken
)

type aheadSlot struct {
	t     content.Text
	state atomic.Int32
	done  chan struct{} // closed when the worker is done with it
	set   []setLine
	adds  []report
	err   error
}

// aheadFirst, set by a test, has the worker set every paragraph before
// the flow starts, so that the flow takes each one from it.
var aheadFirst bool

// aheadTaken, set by a test, is told how many paragraphs the flow took
// from the worker, of how many it had to set.
var aheadTaken func(taken, slots int)

// ahead is the paragraphs set ahead and the worker setting them.
type ahead struct {
	slots []aheadSlot
	// index finds a paragraph's slot by its first span, which identifies
	// the paragraph in the guide; made before the worker starts and only
	// read after.
	index map[*content.Span]int32
	size  float64 // the body text's size and the text block's width
	w     float64
	stop  atomic.Bool
	done  chan struct{} // closed when the worker has returned
	taken int           // paragraphs the flow took from the worker (tests)
}

// startAhead starts the worker setting b's guide's paragraphs, or
// returns nil when the guide has none to set.
func startAhead(b *builder) *ahead {
	a := &ahead{index: map[*content.Span]int32{}, size: b.th.Body.Size, w: b.geo.TextW(), done: make(chan struct{})}
	add := func(t content.Text) {
		if len(t) == 0 || hasLink(t) {
			return
		}
		if _, dup := a.index[&t[0]]; dup {
			return
		}
		a.index[&t[0]] = int32(len(a.slots))
		a.slots = append(a.slots, aheadSlot{t: t, done: make(chan struct{})})
	}
	// In the order the flow meets them (build): the synopsis, the key
	// quotes' explanations, the sections' paragraphs and quotations'
	// explanations, the FAQ's answers.
	g := b.g
	for _, p := range g.Synopsis {
		add(p)
	}
	for _, q := range g.Quotes {
		for _, e := range q.Explanation {
			add(e)
		}
	}
	var walk func(s content.Section)
	walk = func(s content.Section) {
		for _, bl := range s.Blocks {
			switch bl.Kind {
			case content.Paragraph:
				add(bl.Text)
			case content.BlockQuote:
				for _, e := range bl.Explanation {
					add(e)
				}
			}
		}
		for _, sub := range s.Subsections {
			walk(sub)
		}
	}
	for _, s := range g.Sections {
		walk(s)
	}
	for _, e := range g.FAQ {
		for _, p := range e.Answer {
			add(p)
		}
	}
	if len(a.slots) == 0 {
		return nil
	}
	sh := &shaper{th: b.sh.th, rep: newReporter()}
	go a.work(sh)
	return a
}

func hasLink(t content.Text) bool {
	for _, s := range t {
		if s.Href != "" {
			return true
		}
	}
	return false
}

// work sets the paragraphs no one has claimed, from the last back.
func (a *ahead) work(sh *shaper) {
	defer close(a.done)
	for i := len(a.slots) - 1; i >= 0 && !a.stop.Load(); i-- {
		s := &a.slots[i]
		if !s.state.CompareAndSwap(slotFree, slotWorking) {
			continue
		}
		if !a.setSlot(sh, s) {
			return // the shaper's state is not to be trusted after a panic
		}
	}
}

// setSlot sets one paragraph as builder.para does. A panic leaves the
// paragraph to the flow, which sets it again and meets the panic on the
// build's own goroutine, where it is turned into an error.
func (a *ahead) setSlot(sh *shaper, s *aheadSlot) (ok bool) {
	defer func() {
		if recover() != nil {
			s.set, s.adds, s.err = nil, nil, errAhead
		}
		s.state.Store(slotSet)
		close(s.done)
	}()
	sh.rec = &s.adds
	s.set, s.err = setText(sh, Line, inlineSpans(s.t, fonts.Regular), fonts.Literata, a.size, a.w, "", nil)
	sh.rec = nil
	return true
}

// errAhead marks a paragraph the worker failed to set.
var errAhead = errors.New("layout: a paragraph set ahead failed")

// take gives paragraph t's lines and warnings as the worker set them, at
// body size and the text block's width; ok is false when the flow is to
// set it itself (the worker never reached it, or failed).
func (a *ahead) take(t content.Text, size, w float64) (set []setLine, adds []report, ok bool) {
	if a == nil || len(t) == 0 || size != a.size || w != a.w {
		return nil, nil, false
	}
	i, found := a.index[&t[0]]
	if !found || len(a.slots[i].t) != len(t) {
		return nil, nil, false
	}
	s := &a.slots[i]
	if s.state.CompareAndSwap(slotFree, slotMine) {
		return nil, nil, false
	}
	if st := s.state.Load(); st == slotMine || st == slotTaken {
		return nil, nil, false // met before: set where it was met
	}
	<-s.done // the worker has it: set, or being set
	if s.err != nil || !s.state.CompareAndSwap(slotSet, slotTaken) {
		return nil, nil, false
	}
	set, adds = s.set, s.adds
	s.set, s.adds = nil, nil
	a.taken++
	return set, adds, true
}

// finish stops the worker and waits for it: nothing of a build runs on
// after it.
func (a *ahead) finish() {
	if a == nil {
		return
	}
	a.stop.Store(true)
	<-a.done
}
