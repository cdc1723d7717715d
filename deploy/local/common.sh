# Shared settings and helpers for the local infrastructure scripts (sourced, not run).
#
# A profile is a complete, isolated copy of the system: its own state directory and its own
# block of ports. `dev` (the default) uses the well-known ports; `test` shifts every port by
# 10000 so the test suite never touches a system a developer is running.

SHOP_ROOT=${SHOP_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
SHOP_PROFILE=${SHOP_PROFILE:-dev}
case "$SHOP_PROFILE" in
  dev) port_offset=0 ;;
  test) port_offset=10000 ;;
  *) echo "unknown SHOP_PROFILE '$SHOP_PROFILE' (dev or test)" >&2; exit 2 ;;
esac

SHOP_STATE=${SHOP_STATE:-$SHOP_ROOT/.shop/$SHOP_PROFILE}
SHOP_CACHE=${SHOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shop}
SHOP_LOGS=$SHOP_STATE/logs
SHOP_PIDS=$SHOP_STATE/pids

SHOP_CONSUL_PORT=${SHOP_CONSUL_PORT:-$((8500 + port_offset))}
SHOP_CONSUL_DNS_PORT=${SHOP_CONSUL_DNS_PORT:-$((8600 + port_offset))}
SHOP_CONSUL_SERVER_PORT=${SHOP_CONSUL_SERVER_PORT:-$((8300 + port_offset))}
SHOP_CONSUL_SERF_LAN_PORT=${SHOP_CONSUL_SERF_LAN_PORT:-$((8301 + port_offset))}
SHOP_CONSUL_SERF_WAN_PORT=${SHOP_CONSUL_SERF_WAN_PORT:-$((8302 + port_offset))}
SHOP_PG_PORT=${SHOP_PG_PORT:-$((15432 + port_offset))}
SHOP_KAFKA_PORT=${SHOP_KAFKA_PORT:-$((9092 + port_offset))}
SHOP_KAFKA_CONTROLLER_PORT=${SHOP_KAFKA_CONTROLLER_PORT:-$((9093 + port_offset))}
SHOP_CLUSTER_PORT=${SHOP_CLUSTER_PORT:-$((5701 + port_offset))}
SHOP_GATEWAY_PORT=${SHOP_GATEWAY_PORT:-$((8080 + port_offset))}
SHOP_BRIDGE_PORT=${SHOP_BRIDGE_PORT:-$((7000 + port_offset))}
SHOP_ZIPKIN_PORT=${SHOP_ZIPKIN_PORT:-$((9411 + port_offset))}
SHOP_PROMETHEUS_PORT=${SHOP_PROMETHEUS_PORT:-$((9090 + port_offset))}

SHOP_PG_USER=${SHOP_PG_USER:-shop}
SHOP_PG_PASSWORD=${SHOP_PG_PASSWORD:-shop}

CONSUL_VERSION=1.16.1
KAFKA_VERSION=3.9.1
ZIPKIN_VERSION=3.5.1
PROMETHEUS_VERSION=2.53.3 # deploy/prometheus/build/go.mod pins it as module version v0.53.3

mkdir -p "$SHOP_LOGS" "$SHOP_PIDS" "$SHOP_CACHE"

if [ -t 1 ]; then bold=$'\e[1m'; green=$'\e[32m'; red=$'\e[31m'; yellow=$'\e[33m'; reset=$'\e[0m'
else bold=''; green=''; red=''; yellow=''; reset=''; fi

step() { printf '%s==>%s %s\n' "$bold" "$reset" "$*"; }
ok() { printf '    %s%s%s\n' "$green" "$*" "$reset"; }
warn() { printf '    %s%s%s\n' "$yellow" "$*" "$reset"; }
die() { printf '%serror:%s %s\n' "$red" "$reset" "$*" >&2; exit 1; }

# pid_of NAME: the pid recorded for a component, if that process is still alive.
pid_of() {
  local file=$SHOP_PIDS/$1.pid pid
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [ -n "$pid" ] && alive "$pid" && echo "$pid"
}

# A killed process lingers as a zombie until its parent (often init) reaps it: that is not alive.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  local state
  state=$(sed 's/.*) \(.\).*/\1/' "/proc/$1/stat" 2>/dev/null)
  [ "$state" != Z ] && [ "$state" != X ]
}

# launch NAME COMMAND...: run a command detached from this shell, log and pid under the state dir.
launch() {
  local name=$1; shift
  # Each start gets a fresh log; the one of the previous run is kept as NAME.log.1.
  [ -f "$SHOP_LOGS/$name.log" ] && mv "$SHOP_LOGS/$name.log" "$SHOP_LOGS/$name.log.1"
  setsid nohup "$@" >"$SHOP_LOGS/$name.log" 2>&1 </dev/null &
  echo $! >"$SHOP_PIDS/$name.pid"
}

# wait_until SECONDS DESCRIPTION COMMAND...: poll a condition until it holds or time runs out.
wait_until() {
  local seconds=$1 what=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "timed out after ${seconds}s waiting for $what" >&2
      return 1
    fi
    sleep 0.2
  done
}

# stop SIGNAL NAME...: signal components together, wait for each to exit (SIGKILL after 20 s).
stop() {
  local signal=$1 name pid; shift
  local -A pids=()
  for name in "$@"; do
    if pid=$(pid_of "$name"); then
      kill -"$signal" "$pid" 2>/dev/null && pids[$name]=$pid
    fi
  done
  for name in "${!pids[@]}"; do
    pid=${pids[$name]}
    wait_until 20 "$name to stop" eval "! alive $pid" || kill -KILL "$pid" 2>/dev/null
    ok "stopped $name"
  done
  for name in "$@"; do rm -f "$SHOP_PIDS/$name.pid"; done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A command prefix for servers that refuse to run as root (PostgreSQL). As root, a user namespace
# maps us to "nobody", so the server runs unprivileged while its files stay owned by the real user.
as_unprivileged=()
[ "$(id -u)" -eq 0 ] && as_unprivileged=(unshare --map-user=65534 --map-group=65534 --)
