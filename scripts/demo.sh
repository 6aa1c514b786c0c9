#!/usr/bin/env bash
# The README's main job on the embedded default: synthesize the dev and prod stacks into out/<stack>
# (program.yaml and the GitOps tree) and print what each would deploy, per kind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build infra --nologo --verbosity quiet
for stack in dev prod; do
  dotnet run --project infra --no-build -- synth --stack "$stack" --out "out/$stack"
  echo
done
