# Names and paths of the test swarm, sourced by the swarm-*.sh scripts. Everything carries the
# "swarmtest" prefix: namespaces, sockets under /run/swarmtest, data under /tmp/swarmtest.
# shellcheck shell=bash

readonly SWARM_NODES=(swarmtest-1 swarmtest-2 swarmtest-3)
readonly SWARM_BRIDGE_NS=swarmtest-net
readonly SWARM_RUN_DIR=/run/swarmtest
readonly SWARM_DATA_DIR=/tmp/swarmtest
readonly SWARM_SUBNET=10.199.77

# The node's address on the swarm bridge; node 0 is the manager.
node_address() { echo "$SWARM_SUBNET.$((11 + $1))"; }
node_socket() { echo "$SWARM_RUN_DIR/$1.sock"; }
node_pidfile() { echo "$SWARM_RUN_DIR/$1/dockerd.pid"; }
node_docker() { local node=$1; shift; docker -H "unix://$(node_socket "$node")" "$@"; }

# The pid in the node's pid file, only when that process really is the node's dockerd (pids are
# reused, and a killed daemon leaves its pid file behind).
node_daemon_pid() {
  local pidfile pid
  pidfile=$(node_pidfile "$1")
  [[ -r $pidfile ]] || return 0
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | grep -qF -- "--pidfile $pidfile" && echo "$pid"
  return 0
}
