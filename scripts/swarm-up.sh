#!/usr/bin/env bash
# Brings up a real 3-node Docker Swarm on this one Linux host, for the swarm tests and benchmarks,
# and loads the images given as arguments onto every node. Idempotent: a swarm that is already up
# is kept, and a node whose dockerd was killed (a node-loss test) is started again and rejoins.
# Tear it down with scripts/swarm-down.sh.
#
# Each node is its own dockerd (own data root, exec root, pid file, socket, empty config file and
# cgroup parent) in its own network namespace and UTS namespace. The daemons stay in the host's
# mount namespace, so a host folder bind-mounted into a service is the same folder on every node,
# as an NFS share would be. The nodes reach each other through veth pairs on a bridge that lives in
# a namespace of its own: a bridge in the host namespace would meet the host firewall.
#
# Never start a dockerd in the host's network namespace: it deletes the main engine's docker0,
# and `swarm init` creates docker_gwbridge there. `ip netns exec` is not used either: it remounts
# /sys, and dockerd would find no cgroups.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=scripts/swarm-env.sh
source "$here/swarm-env.sh"

readonly NODE_START_TIMEOUT_SECONDS=60
readonly NODES_READY_TIMEOUT_SECONDS=60
# Seconds between a worker's heartbeats; swarm marks a node down after a few missed ones.
readonly HEARTBEAT=2s
started=$SECONDS
declare -A daemon_pids

die() { echo "swarm-up: error: $*" >&2; exit 1; }

readonly FORMED_MARKER=$SWARM_DATA_DIR/formed

node_answers() { node_docker "$1" info >/dev/null 2>&1; }

ready_nodes() { node_docker "${SWARM_NODES[0]}" node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true; }

check_host() {
  [[ $(id -u) == 0 ]] || die "needs root (network namespaces and dockerd)"
  local tool
  for tool in dockerd docker ip nsenter unshare; do
    command -v "$tool" >/dev/null || die "$tool is missing; run scripts/ensure-docker.sh"
  done
}

make_network() {
  ip netns add "$SWARM_BRIDGE_NS"
  ip -n "$SWARM_BRIDGE_NS" link set lo up
  ip -n "$SWARM_BRIDGE_NS" link add br0 type bridge
  ip -n "$SWARM_BRIDGE_NS" link set br0 up
  local i node
  for i in "${!SWARM_NODES[@]}"; do
    node=${SWARM_NODES[$i]}
    ip netns add "$node"
    ip -n "$node" link set lo up
    # Created inside the bridge's namespace with the peer placed straight into the node's: no
    # interface ever appears in the host namespace.
    ip -n "$SWARM_BRIDGE_NS" link add "veth$i" type veth peer name eth0 netns "$node"
    ip -n "$SWARM_BRIDGE_NS" link set "veth$i" master br0 up
    ip -n "$node" addr add "$(node_address "$i")/24" dev eth0
    ip -n "$node" link set eth0 up
  done
}

start_node() {
  local node=$1
  mkdir -p "$SWARM_RUN_DIR/$node" "$SWARM_DATA_DIR/$node"
  # A killed daemon leaves its pid file, and dockerd refuses to start while the pid in it lives.
  [[ -n $(node_daemon_pid "$node") ]] || rm -f "$(node_pidfile "$node")"
  # setsid: the daemon outlives this script; swarm-down.sh (from a trap) ends it.
  setsid nsenter --net="/run/netns/$node" unshare --uts \
    sh -c 'hostname "$1" && shift && exec "$@"' sh "$node" \
    dockerd \
      --host "unix://$(node_socket "$node")" \
      --data-root "$SWARM_DATA_DIR/$node/data" \
      --exec-root "$SWARM_RUN_DIR/$node/exec" \
      --pidfile "$(node_pidfile "$node")" \
      --config-file "$SWARM_DATA_DIR/daemon.json" \
      --cgroup-parent "$node" \
      >>"$SWARM_DATA_DIR/$node/dockerd.log" 2>&1 </dev/null &
  daemon_pids[$node]=$!
}

wait_for_node() {
  local node=$1 waited=0 log=$SWARM_DATA_DIR/$1/dockerd.log
  until node_answers "$node"; do
    kill -0 "${daemon_pids[$node]}" 2>/dev/null || die "$node's dockerd exited; see $log:$(echo; tail -n 5 "$log")"
    ((waited < NODE_START_TIMEOUT_SECONDS * 10)) \
      || die "$node's dockerd did not answer within ${NODE_START_TIMEOUT_SECONDS} s; see $log:$(echo; tail -n 5 "$log")"
    sleep 0.1
    waited=$((waited + 1))
  done
}

form_swarm() {
  local manager=${SWARM_NODES[0]} address token i
  address=$(node_address 0)
  node_docker "$manager" swarm init --advertise-addr "$address" --listen-addr "$address:2377" \
    --dispatcher-heartbeat "$HEARTBEAT" >/dev/null
  token=$(node_docker "$manager" swarm join-token -q worker)
  for i in "${!SWARM_NODES[@]}"; do
    ((i == 0)) && continue
    node_docker "${SWARM_NODES[$i]}" swarm join --token "$token" \
      --advertise-addr "$(node_address "$i")" --listen-addr "$(node_address "$i"):2377" "$address:2377" >/dev/null
  done
}

wait_until_all_ready() {
  local waited=0 ready
  while true; do
    ready=$(ready_nodes)
    ((ready == ${#SWARM_NODES[@]})) && return
    ((waited < NODES_READY_TIMEOUT_SECONDS * 10)) || die "only $ready of ${#SWARM_NODES[@]} nodes ready after ${NODES_READY_TIMEOUT_SECONDS} s"
    sleep 0.1
    waited=$((waited + 1))
  done
}

create_swarm() {
  "$here/swarm-down.sh" --quiet
  trap '"$here/swarm-down.sh" --quiet' ERR
  mkdir -p "$SWARM_RUN_DIR" "$SWARM_DATA_DIR"
  chmod 700 "$SWARM_RUN_DIR" "$SWARM_DATA_DIR"
  echo '{}' >"$SWARM_DATA_DIR/daemon.json"
  make_network
  for node in "${SWARM_NODES[@]}"; do start_node "$node"; done
  for node in "${SWARM_NODES[@]}"; do wait_for_node "$node"; done
  form_swarm
  touch "$FORMED_MARKER"
  wait_until_all_ready
  trap - ERR
  echo "swarm-up: ${#SWARM_NODES[@]} nodes ready in $((SECONDS - started)) s"
}

# Daemons keep their swarm state in their data roots: started again, they rejoin on their own.
revive_dead_nodes() {
  local node revived=()
  for node in "${SWARM_NODES[@]}"; do
    node_answers "$node" || { start_node "$node"; revived+=("$node"); }
  done
  for node in "${revived[@]}"; do wait_for_node "$node"; done
  wait_until_all_ready
  echo "swarm-up: ${revived[*]:-no node} started again; ${#SWARM_NODES[@]} nodes ready in $((SECONDS - started)) s"
}

check_host
if [[ -e $FORMED_MARKER && $(ready_nodes) == "${#SWARM_NODES[@]}" ]]; then
  echo "swarm-up: the swarm is already up"
elif [[ -e $FORMED_MARKER ]]; then
  revive_dead_nodes
else
  create_swarm
fi

if (($# > 0)); then
  "$here/swarm-load-images.sh" "$@"
fi
echo "swarm-up: manager: DOCKER_HOST=unix://$(node_socket "${SWARM_NODES[0]}")"
