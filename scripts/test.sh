#!/usr/bin/env bash
# The README's test command: installs prerequisites (idempotent), builds, runs every test project,
# and ends with one summary line "N passed, N failed" over all projects. Exit 0 only when all passed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 2

bash scripts/install-prereqs.sh || { echo "install-prereqs failed"; echo "0 passed, 1 failed"; exit 1; }

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
status=0
# Built once, then one test project after another: run side by side on 2 cores, the real-cluster tests of one
# project starve the promtool and compiler tests of another into their timeouts.
dotnet build Infra.sln --nologo 2>&1 | tee "$log" || status=$?
if [[ $status -eq 0 ]]; then
  for project in tests/PgPlatform.Testing.Tests tests/PgPlatform.Components.Tests tests/PgPlatform.Bench.Tests \
                 tests/PgPlatform.Infra.Tests tests/PgPlatform.Stacks.Tests; do
    dotnet test "$project" --no-build --nologo 2>&1 | tee -a "$log" || status=$?
  done
fi

# dotnet test prints one line per test project: "Passed!  - Failed: 0, Passed: 80, Skipped: 0, Total: 80, ..."
read -r passed failed < <(grep -E '(Passed|Failed)! +- Failed:' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p += $1; f += $2} END {print p + 0, f + 0}')
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  # The build or a test host failed before any test could report.
  failed=1
fi
echo "$passed passed, $failed failed"
[[ $status -eq 0 && $failed -eq 0 ]]
