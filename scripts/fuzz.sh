#!/usr/bin/env bash
# Runs every `func FuzzX` in the module for FUZZTIME each (default 20s).
# go test -fuzz takes one target in one package at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-20s}"
n=0
while IFS= read -r file; do
  pkg="./$(dirname "$file")"
  for target in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz: $pkg $target for $FUZZTIME"
    log=$(mktemp)
    if ! go test -run='^$' -fuzz="^${target}\$" -fuzztime="$FUZZTIME" -fuzzminimizetime=5s "$pkg" >"$log" 2>&1; then
      tail -40 "$log"; rm -f "$log"
      echo "fuzz: $pkg $target FAILED (the failing input is saved under $pkg/testdata/fuzz/$target)"
      exit 1
    fi
    grep -E 'elapsed|execs' "$log" | tail -1 || true
    tail -1 "$log"; rm -f "$log"
    n=$((n+1))
  done
done < <(grep -rl --include='*_test.go' '^func Fuzz' . | sed 's|^\./||' | sort)
echo "fuzz: $n targets ran for $FUZZTIME each"
