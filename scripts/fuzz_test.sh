#!/usr/bin/env bash
# Checks how scripts/fuzz.sh judges a fuzz run: only the bare Go 1.26
# deadline report with no failing input is the upstream race; everything
# else that is not a clean pass fails the build.
set -euo pipefail
cd "$(dirname "$0")"
fail=0
check() { # LOG NEWFILES WANT
  got=$(./fuzz.sh --classify "$PWD/testdata/fuzzlogs/$1" "$2")
  if [ "$got" != "$3" ]; then echo "fuzz_test: $1 with $2 new files: got $got, want $3"; fail=1; fi
}
check pass.log 0 pass
check race.log 0 race
check race.log 1 fail
check finding.log 1 fail
check finding.log 0 fail
check deadline-and-error.log 0 fail
check build-error.log 0 fail
[ $fail = 0 ] && echo "fuzz_test: 7 verdicts as expected"
exit $fail
