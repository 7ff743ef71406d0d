#!/usr/bin/env bash
# The whole test suite: type check, lint and format check, then every *.test.ts under src/, scripts/ and test/ with node's runner.
# Tiers: unit tests always; tests needing PostgreSQL or Chromium skip with a reason when those are absent,
# unless MARSAD_REQUIRE_PG / MARSAD_REQUIRE_CHROMIUM is set (as .ci/run does), where they must run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-fund --no-audit
npx tsc --noEmit -p .
npx biome check --error-on-warnings
mapfile -t files < <(find src scripts test -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
if [ "${#files[@]}" -eq 0 ]; then echo "no test files" >&2; exit 1; fi
exec node --import tsx --test --test-concurrency=2 "${files[@]}"
