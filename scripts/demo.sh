#!/usr/bin/env bash
# The README's main job on the embedded default: synthesize the dev and prod stacks into out/<stack>
# (program.yaml and the GitOps tree) and print what each would deploy, then drill every database prod
# declares on the local target, shaped as declared (instances, replication, parameters, owner; HAProxy as
# the read-write address): failover, restore with the application's migrations, rotation with a live
# pooled client, backup health. Prints the fleet table; the report is in out/nightly (fleet.md, fleet.json,
# Prometheus textfile, fleet-rto.svg; evidence-store/, the nightly's Azurite data). The main job proves every
# database each time, so it starts from an empty evidence store: on a kept one, a database proven within half
# its tier's objective is fresh and not drilled again. Exit code: the nightly's (0 all passed, 1 a drill failed, 3 a
# target could not be stood up). The quick lab self-test alone: dotnet run --project infra -- drill --target local
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
bash scripts/install-prereqs.sh
dotnet build infra --nologo --verbosity quiet
for stack in dev prod; do
  dotnet run --project infra --no-build -- synth --stack "$stack" --out "out/$stack"
  echo
done
rm -rf out/nightly/evidence-store
# One database at a time (the local default): on PostgreSQL 17 two targets at once took as long in all (143 s against
# 138 s on an idle 2-core machine) and doubled the measured RTOs, which are what the night proves.
dotnet run --project infra --no-build -- nightly --stack prod --target local --out out/nightly
