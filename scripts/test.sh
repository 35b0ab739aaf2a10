#!/usr/bin/env bash
# The whole suite, as the README promises: type check, lint, build, vitest on SQLite, vitest again
# on a throwaway PostgreSQL cluster, and the browser journeys. Installs Chromium and PostgreSQL
# from apt when they are missing and it may; otherwise says loudly what it skipped (and under
# CI=true a missing suite fails the run). Ends with one line: `N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS=tmp/test-results
PG_DIR=/tmp/horizon-test-pg-$$
PG_PORT=${HORIZON_TEST_PG_PORT:-54329}
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.json
declare -a STEP_RESULTS=()
SKIPPED_SUITES=()

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
record() { STEP_RESULTS+=("$1:$2"); }

# Runs vitest with a JSON report; an exit without a report, or a non-zero exit whose report shows no
# failed test (an unhandled error, a crash), still counts as a failure.
run_vitest() {
  local name=$1; shift
  npx --no-install vitest run "$@" --reporter=default --reporter=json --outputFile="$RESULTS/$name.json"
  local code=$?
  if [ ! -f "$RESULTS/$name.json" ]; then record "vitest $name (no report)" fail; return; fi
  if [ $code -ne 0 ] && node -e "process.exit(JSON.parse(require('fs').readFileSync('$RESULTS/$name.json','utf8')).numFailedTests > 0 ? 1 : 0)"; then
    record "vitest $name (exit $code)" fail
  fi
}

apt_install() {
  # $1 = package, $2 = a command or path that proves it is there
  if command -v "$2" >/dev/null 2>&1 || [ -e "$2" ]; then return 0; fi
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then return 1; fi
  echo "Installing $1 with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "$1" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$1" >/dev/null 2>&1; }
  command -v "$2" >/dev/null 2>&1 || [ -e "$2" ]
}

pg_available() { ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }

step "Tools"
HAVE_CHROMIUM=1; apt_install chromium /usr/bin/chromium || HAVE_CHROMIUM=0
HAVE_PG=1; pg_available || apt_install postgresql /usr/lib/postgresql || true; pg_available || HAVE_PG=0
echo "chromium: $([ $HAVE_CHROMIUM = 1 ] && echo yes || echo MISSING)  postgresql: $([ $HAVE_PG = 1 ] && echo yes || echo MISSING)"

step "Type check"
if npx --no-install tsc --noEmit; then record typecheck pass; else record typecheck fail; fi

step "Lint"
if npx --no-install eslint --max-warnings=0 .; then record lint pass; else record lint fail; fi

step "Build"
if npx --no-install remix build; then record build pass; else record build fail; fi

step "Vitest on SQLite"
run_vitest sqlite

step "Vitest on PostgreSQL"
if [ $HAVE_PG = 1 ]; then
  if PG_URL=$(scripts/postgres-cluster.sh start "$PG_DIR" "$PG_PORT"); then
    export TEST_POSTGRES_URL="$PG_URL"; run_vitest postgres; unset TEST_POSTGRES_URL
    scripts/postgres-cluster.sh stop "$PG_DIR"
  else
    echo "Could not start a PostgreSQL cluster."; record postgres-cluster fail
  fi
else
  SKIPPED_SUITES+=("PostgreSQL (not installed)")
fi

step "Browser journeys"
if [ -d test/e2e ] && ls test/e2e/*.test.ts >/dev/null 2>&1; then
  if [ $HAVE_CHROMIUM = 1 ] && [ -f build/index.js ]; then
    run_vitest e2e -c vitest.e2e.config.ts
  else
    SKIPPED_SUITES+=("browser journeys ($([ $HAVE_CHROMIUM = 1 ] && echo 'no build' || echo 'Chromium not installed'))")
  fi
fi

step "Summary"
for suite in "${SKIPPED_SUITES[@]+"${SKIPPED_SUITES[@]}"}"; do
  printf '\033[1;33mSKIPPED SUITE: %s\033[0m\n' "$suite"
  [ "${CI:-}" = "true" ] && record "missing suite $suite" fail
done
node scripts/test-summary.js "$RESULTS" "${STEP_RESULTS[@]+"${STEP_RESULTS[@]}"}"
