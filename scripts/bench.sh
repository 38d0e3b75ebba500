#!/usr/bin/env bash
# make bench: the Go benchmarks, then whole-process figures for one guide and
# a batch, and the side-by-side comparison with pandoc (EPUB) + WeasyPrint
# (PDF) on the same content. The last line is the speed ratio.
#
# Env: RUNS (default 7), GUIDE (default the seed when ../shared is present,
# else the bundled example), BATCH (default 1000), SKIP_GO_BENCH=1.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
BATCH=${BATCH:-1000}
GUIDE=${GUIDE:-../shared/seed/never-let-me-go.txt}
[ -f "$GUIDE" ] || GUIDE=examples/frankenstein.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo), $(go version | awk '{print $3}')"

if [ "${SKIP_GO_BENCH:-}" != 1 ]; then
  echo "== go test -bench (ns/op, B/op, allocs/op)"
  go test -run='^$' -bench=. -benchmem -count=1 ./... 2>&1 | grep -E '^(Benchmark|ok|FAIL|pkg:)' || true
fi

command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is needed (apt-get install time)"; exit 2; }
go build -trimpath -o "$tmp/guidepress" ./cmd/guidepress
export SOURCE_DATE_EPOCH=1700000000

# median of the first column of a file of numbers
median() { sort -n "$1" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f\n", (b-a)/1e6}'; }

echo "== one guide: $GUIDE ($(wc -c <"$GUIDE") bytes), $RUNS runs each"
: >"$tmp/gp.ms"; : >"$tmp/gp.rss"
for _ in $(seq "$RUNS"); do
  t0=$(now)
  /usr/bin/time -f "%M" -o "$tmp/rss1" "$tmp/guidepress" build "$GUIDE" -o "$tmp/gp" -q
  t1=$(now)
  ms "$t0" "$t1" >>"$tmp/gp.ms"; cat "$tmp/rss1" >>"$tmp/gp.rss"
done
gp=$(median "$tmp/gp.ms")
rss=$(sort -n "$tmp/gp.rss" | tail -1)
epub=$(ls "$tmp"/gp/*.epub); pdf=$(ls "$tmp"/gp/*.pdf)
printf 'guidepress build (EPUB+PDF): median %s ms, peak RSS %.1f MiB (target <= 40)\n' "$gp" "$(awk -v k="$rss" 'BEGIN{print k/1024}')"
printf 'sizes: EPUB %.1f KB (target <= 60), PDF %.1f KB (target <= 100)\n' "$(awk -v b="$(wc -c <"$epub")" 'BEGIN{print b/1000}')" "$(awk -v b="$(wc -c <"$pdf")" 'BEGIN{print b/1000}')"

echo "== batch: $BATCH guides from testdata/guides and examples, -j $(nproc)"
mkdir -p "$tmp/batch"
srcs=(testdata/guides/*.txt examples/*.txt)
for i in $(seq "$BATCH"); do cp "${srcs[$(( i % ${#srcs[@]} ))]}" "$tmp/batch/g$i.txt"; done
t0=$(now)
"$tmp/guidepress" build "$tmp/batch" -o "$tmp/batch-out" -q || true
t1=$(now)
built=$(ls "$tmp/batch-out" 2>/dev/null | grep -c '\.pdf$' || true)
awk -v n="$built" -v a="$t0" -v b="$t1" 'BEGIN {s=(b-a)/1e9; printf "batch: %d guides (EPUB+PDF) in %.2f s = %.0f guides/s (target >= 100)\n", n, s, n/s}'

if ! command -v pandoc >/dev/null || ! command -v weasyprint >/dev/null; then
  echo "comparison skipped: pandoc and weasyprint are not installed (apt-get install pandoc weasyprint, or ../shared/tools/install-checkers.sh --with-weasyprint)"
  exit 0
fi
go run ./scripts/tomd "$GUIDE" >"$tmp/guide.md"
echo "== pandoc $(pandoc --version | head -1 | awk '{print $2}') EPUB + WeasyPrint $(weasyprint --version | awk '{print $NF}') PDF, same content as Markdown, $RUNS runs"
: >"$tmp/pd.ms"
for _ in $(seq "$RUNS"); do
  t0=$(now)
  pandoc "$tmp/guide.md" -s --toc -o "$tmp/pd.epub"
  pandoc "$tmp/guide.md" -s --toc --pdf-engine=weasyprint -o "$tmp/pd.pdf" 2>/dev/null
  t1=$(now)
  ms "$t0" "$t1" >>"$tmp/pd.ms"
done
pd=$(median "$tmp/pd.ms")
echo "pandoc+weasyprint: median $pd ms"
awk -v a="$pd" -v b="$gp" 'BEGIN {printf "ratio: guidepress is %.1fx faster than pandoc+WeasyPrint on one guide (%s ms vs %s ms; target >= 40x)\n", a/b, b, a}'
