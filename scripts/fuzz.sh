#!/usr/bin/env bash
# Runs every `func FuzzX` in the module for FUZZTIME each (default 20s).
# go test -fuzz takes one target in one package at a time.
#
# Go 1.26's fuzz coordinator can report a bare "context deadline exceeded"
# exactly when a duration -fuzztime runs out (golang/go#75804, fixed in Go
# 1.27): a worker still busy on a loaded machine races the deadline. Nothing
# was found in that case, so no failing input is written. A run counts as
# failed when it wrote a failing input, or failed any other way; the bare
# deadline report is retried once and, if it recurs without a failing input,
# reported as that upstream race and not counted. `fuzz.sh --classify LOG NEW`
# prints the verdict for a saved log (NEW = files the run added to the
# target's testdata/fuzz directory); scripts/fuzz_test.sh tests it.
set -euo pipefail
cd "$(dirname "$0")/.."

# classify LOG NEWFILES -> prints pass | race | fail
classify() {
  local log=$1 newfiles=$2
  if grep -qE '^(ok|PASS)' "$log" && ! grep -q -- '--- FAIL' "$log"; then
    echo pass; return
  fi
  if [ "$newfiles" -gt 0 ] || grep -qE 'Failing input written|panic:|fuzzing process hung|terminated unexpectedly' "$log"; then
    echo fail; return
  fi
  # The race leaves exactly one message under the FAIL line.
  local msgs
  msgs=$(awk '/^--- FAIL/{f=1; next} f && /^[[:space:]]/{print} f && !/^[[:space:]]/{f=0}' "$log" | sed 's/^[[:space:]]*//' | sort -u)
  if [ "$msgs" = "context deadline exceeded" ]; then echo race; else echo fail; fi
}

count_files() {
  if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi
}

if [ "${1:-}" = --classify ]; then
  classify "$2" "${3:-0}"
  exit 0
fi

FUZZTIME="${FUZZTIME:-20s}"
n=0
races=0
while IFS= read -r file; do
  pkg="./$(dirname "$file")"
  for target in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    corpus="$pkg/testdata/fuzz/$target"
    for attempt in 1 2; do
      echo "fuzz: $pkg $target for $FUZZTIME"
      log=$(mktemp)
      before=$(count_files "$corpus")
      go test -run='^$' -fuzz="^${target}\$" -fuzztime="$FUZZTIME" -fuzzminimizetime=5s "$pkg" >"$log" 2>&1 || true
      after=$(count_files "$corpus")
      verdict=$(classify "$log" $((after - before)))
      case $verdict in
      pass)
        grep -E 'elapsed|execs' "$log" | tail -1 || true
        tail -1 "$log"; rm -f "$log"
        break ;;
      race)
        grep -E 'elapsed|execs' "$log" | tail -1 || true
        rm -f "$log"
        if [ "$attempt" = 1 ]; then
          echo "fuzz: $target stopped with a bare 'context deadline exceeded' and no failing input (golang/go#75804); running it again"
          continue
        fi
        echo "fuzz: $target hit golang/go#75804 twice and wrote no failing input; not a finding"
        races=$((races+1))
        break ;;
      *)
        tail -40 "$log"; rm -f "$log"
        if [ $((after - before)) -gt 0 ]; then
          echo "fuzz: $pkg $target FAILED; the failing input is in $corpus (commit it once fixed: go test -run=$target/ $pkg)"
        else
          echo "fuzz: $pkg $target FAILED (no failing input written; see the output above)"
        fi
        exit 1 ;;
      esac
    done
    n=$((n+1))
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | sed 's|^\./||' | sort)
echo "fuzz: $n targets ran for $FUZZTIME each ($races stopped twice by golang/go#75804)"
