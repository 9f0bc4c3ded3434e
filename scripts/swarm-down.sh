#!/usr/bin/env bash
# Tears down the test swarm of scripts/swarm-up.sh and everything it left, even after a crash or a
# node killed mid-test: its dockerds, their containerds, shims and containers, their mounts,
# cgroups, network namespaces and folders. Touches only what carries the swarmtest names; the main
# engine and its containers are never involved. --quiet: say nothing when there was nothing to do.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/swarm-env.sh
source "$here/swarm-env.sh"

# A daemon gets this long to stop on SIGTERM; everything it leaves is cleaned up after SIGKILL anyway.
readonly STOP_TIMEOUT_SECONDS=2
readonly CGROUP_ROOT=/sys/fs/cgroup
quiet=false
[[ ${1:-} == --quiet ]] && quiet=true
started=$SECONDS

# containerd and its shims started by the nodes' daemons: their command lines name our run folder.
leftover_helper_pids() {
  local cmdline
  for cmdline in /proc/[0-9]*/cmdline; do
    { tr '\0' ' ' <"$cmdline"; } 2>/dev/null | grep -qF -- " $SWARM_RUN_DIR/" || continue
    cmdline=${cmdline#/proc/}
    echo "${cmdline%/cmdline}"
  done
}

# Processes of the nodes' containers: whatever is in the nodes' cgroups.
container_pids() {
  local node
  for node in "${SWARM_NODES[@]}"; do
    [[ -d $CGROUP_ROOT/pids/$node ]] && find "$CGROUP_ROOT/pids/$node" -name cgroup.procs -exec cat {} +
  done
  return 0
}

wait_until_gone() {
  local waited=0 pid
  for pid in "$@"; do
    while kill -0 "$pid" 2>/dev/null && ((waited < STOP_TIMEOUT_SECONDS * 10)); do
      sleep 0.1
      waited=$((waited + 1))
    done
  done
}

stop_daemons() {
  local pids=() node pid
  for node in "${SWARM_NODES[@]}"; do
    pid=$(node_daemon_pid "$node")
    [[ -n $pid ]] && pids+=("$pid")
  done
  ((${#pids[@]} > 0)) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait_until_gone "${pids[@]}"
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

kill_leftovers() {
  local pids
  mapfile -t pids < <(leftover_helper_pids; container_pids)
  ((${#pids[@]} > 0)) || return 0
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait_until_gone "${pids[@]}"
}

unmount_leftovers() {
  local target
  findmnt -rn -o TARGET | { grep -E "^($SWARM_RUN_DIR|$SWARM_DATA_DIR)(/|$)" || true; } | sort -r | while read -r target; do
    umount -l "$target" 2>/dev/null || true
  done
}

remove_cgroups() {
  local node
  for node in "${SWARM_NODES[@]}"; do
    find "$CGROUP_ROOT"/*/"$node" -depth -type d -exec rmdir {} + 2>/dev/null || true
  done
}

remove_namespaces() {
  local namespace
  for namespace in "${SWARM_NODES[@]}" "$SWARM_BRIDGE_NS"; do
    [[ -e /run/netns/$namespace ]] && ip netns del "$namespace"
  done
  return 0
}

anything_there() {
  [[ -e $SWARM_RUN_DIR || -e $SWARM_DATA_DIR || -n $(leftover_helper_pids) ]] && return 0
  local namespace
  for namespace in "${SWARM_NODES[@]}" "$SWARM_BRIDGE_NS"; do
    [[ -e /run/netns/$namespace ]] && return 0
  done
  return 1
}

if ! anything_there; then
  $quiet || echo "swarm-down: no test swarm here"
  exit 0
fi
stop_daemons
kill_leftovers
unmount_leftovers
remove_cgroups
remove_namespaces
rm -rf "$SWARM_RUN_DIR" "$SWARM_DATA_DIR"
echo "swarm-down: test swarm removed in $((SECONDS - started)) s"
