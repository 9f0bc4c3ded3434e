#!/usr/bin/env bash
# Installs the given Debian packages that are not installed yet (apt-get, as root), saying which
# and how long it took; quick and silent when all are there. Usage: scripts/ensure-packages.sh PACKAGE...
set -euo pipefail

die() { echo "ensure-packages: error: $*" >&2; exit 1; }

is_installed() { dpkg-query -W -f '${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for package in "$@"; do
  is_installed "$package" || missing+=("$package")
done
((${#missing[@]})) || exit 0

[[ $(id -u) == 0 ]] || die "${missing[*]} missing, and installing needs root: sudo apt-get install -y ${missing[*]}"
command -v apt-get >/dev/null || die "${missing[*]} missing, and there is no apt-get here: install them with this system's package manager"
echo "ensure-packages: installing ${missing[*]} (apt-get)"
started=$SECONDS
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# apt's chatter (debconf, needrestart) goes to the log, shown only when something fails.
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >"$log" 2>&1 || die "apt-get update failed:$(echo; tail -n 5 "$log")"
apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" >"$log" 2>&1 \
  || die "apt-get install -y ${missing[*]} failed:$(echo; tail -n 5 "$log")"
echo "ensure-packages: installed ${missing[*]} in $((SECONDS - started)) s"
