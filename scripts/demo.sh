#!/usr/bin/env bash
# The README's main job on the embedded default: synthesize the dev and prod stacks into out/<stack>
# (program.yaml and the GitOps tree) and print what each would deploy, then run the drill suite
# (failover, restore, rotation, backup health) on the local target and print the evidence table.
# Exit code: the drill run's (0 all passed, 1 a drill failed, 3 the target could not be stood up).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/install-prereqs.sh
dotnet build infra --nologo --verbosity quiet
for stack in dev prod; do
  dotnet run --project infra --no-build -- synth --stack "$stack" --out "out/$stack"
  echo
done
dotnet run --project infra --no-build -- drill --target local --out out/drills
