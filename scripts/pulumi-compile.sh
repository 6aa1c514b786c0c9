#!/usr/bin/env bash
# Pulumi.yaml's compiler: prints the stack's Pulumi YAML program (PULUMI_STACK, PULUMI_CONFIG) on stdout.
#
# `dotnet run` checks the whole build on every call (about 4 s warm, on every `pulumi preview`/`up`). This
# runs a ReadyToRun publish of the infra program (about 0.5 s) and publishes it again first whenever any
# source it is built from is newer than the last publish: a C# file, project or props file added, edited,
# renamed or deleted (a deletion changes its directory's time). The stamp is taken before the publish
# starts, so an edit made while it runs is rebuilt next time, never ignored.
#
# Usage: bash scripts/pulumi-compile.sh [compile]   (any arguments go to the program; default: compile)
# Environment: PGP_COMPILER_DIR (default: <repo>/.build/compiler) holds the published program.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${PGP_COMPILER_DIR:-$root/.build/compiler}"
built="$out/.built"
program="$out/pg-platform.dll"
sources=("$root/infra" "$root/components" "$root/stacks" "$root/Directory.Build.props" "$root/Directory.Packages.props")

stale() {
  [[ -f $program && -f $built ]] || return 0
  [[ -n "$(find "${sources[@]}" \( -name obj -o -name bin \) -prune -o -newer "$built" -print -quit 2>/dev/null)" ]]
}

mkdir -p "$out"
if stale; then
  # One publish at a time when several Pulumi operations start together; the others wait, then re-check.
  exec 9>"$out.lock"
  flock 9
  if stale; then
    stamp="$out/.building"
    touch "$stamp"
    echo "pulumi-compile: sources changed; publishing the infra program (ReadyToRun) into $out" >&2
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
    if ! dotnet publish "$root/infra" -c Release --use-current-runtime --self-contained false \
        -p:PublishReadyToRun=true -o "$out" --nologo --verbosity quiet >&2; then
      echo "error: the infra program did not build; fix the errors above and run pulumi again" >&2
      exit 1
    fi
    mv "$stamp" "$built"
  fi
  flock -u 9
fi

[[ $# -gt 0 ]] || set -- compile
exec dotnet "$program" "$@"
