#!/usr/bin/env bash
# The largest guides a build accepts, measured: one 4 MiB guide of each
# shape scripts/bigguides writes (prose, one-line sections and
# subsections, lists, callouts, FAQ, a table, Markdown, JSON…), built
# EPUB+PDF together and each format alone on one core (taskset -c 0, so
# GOMAXPROCS is 1), with /usr/bin/time: wall s, user s, sys s, peak RSS.
# Issue 9's target: any 4 MiB guide in ≤ 10 s and ≤ 512 MiB.
#
# Env: BIN (a guidepress binary; default: built from this tree), SHAPES
# (names, default all), FORMATS (default "epub,pdf epub pdf"), LIMIT (kill
# a build after this many seconds, default 300), SIZE (default 4 MiB).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
BIN=${BIN:-}
if [ -z "$BIN" ]; then
  CGO_ENABLED=0 go build -trimpath -o "$tmp/guidepress" ./cmd/guidepress
  BIN=$tmp/guidepress
fi
go run ./scripts/bigguides -o "$tmp/guides" -size "${SIZE:-4194304}" >"$tmp/sizes"
export SOURCE_DATE_EPOCH=1700000000
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the start; $(nproc) cores; one core (taskset -c 0); the target is 10 s of CPU (user + sys): wall time depends on the load"
printf '%-12s %-9s %8s %8s %8s %8s %s\n' shape format wall_s user_s sys_s MiB status
for f in $(cut -f1 "$tmp/sizes"); do
  shape=$(basename "${f%.*}")
  if [ -n "${SHAPES:-}" ] && [[ " $SHAPES " != *" $shape "* ]]; then continue; fi
  for fmt in ${FORMATS:-epub,pdf epub pdf}; do
    rm -rf "$tmp/out"
    status=ok
    echo "- - - 0" >"$tmp/time"
    timeout -s KILL "${LIMIT:-300}" taskset -c 0 /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' \
      "$BIN" build "$f" -o "$tmp/out" --format "$fmt" >/dev/null 2>"$tmp/err" || status="failed: $(tail -c 200 "$tmp/err" | tr '\n' ' ')"
    read -r wall user sys kb < <(tail -1 "$tmp/time")
    printf '%-12s %-9s %8s %8s %8s %8d %s\n' "$shape" "$fmt" "$wall" "$user" "$sys" $((kb / 1024)) "$status"
  done
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end"
