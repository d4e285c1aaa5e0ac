# Shared by every stack command: paths, ports and versions (from defaults.env) and small process helpers.
# Everything the stack installs or writes lives under $STACK_DIR (git-ignored), so `down` + `rm -rf .stack` is a full reset.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
STACK_SRC="$ROOT/platform/stack"
STACK_DIR=${STACK_DIR:-$ROOT/.stack}
LOG_DIR="$STACK_DIR/logs"
RUN_DIR="$STACK_DIR/run"

# Ports and versions: defaults.env is the one list (the TypeScript side reads it through defaults.ts). A variable
# already set in the environment wins over the file.
load_defaults() {
  local key value
  while IFS='=' read -r key value; do
    [[ $key =~ ^[A-Z][A-Z0-9_]*$ ]] || continue
    [[ -n ${!key:-} ]] || printf -v "$key" '%s' "$value"
  done <"$STACK_SRC/defaults.env"
}
load_defaults

JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The Bun that `up` installed from npm, for every command (status, down) and not only the one that installed it.
export PATH="$STACK_DIR/tools/node_modules/.bin:$PATH"

mkdir -p "$LOG_DIR" "$RUN_DIR"

say() { printf '\033[1m[stack]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[stack] %s\033[0m\n' "$*" >&2; exit 1; }

# pid_of NAME: prints the pid if the process recorded under NAME is alive.
pid_of() {
  local file="$RUN_DIR/$1.pid"
  [[ -f $file ]] || return 1
  local pid
  pid=$(cat "$file")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

is_running() { pid_of "$1" >/dev/null; }

# start_bg NAME CMD...: runs CMD detached, output in logs/NAME.log, pid in run/NAME.pid.
start_bg() {
  local name=$1
  shift
  (
    # A daemon keeps none of its starter's descriptors (a caller's lock file, a pipe): it would hold them for life.
    local fd
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      ((fd > 2)) && eval "exec $fd>&-"
    done
    exec setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null
  ) &
  echo $! >"$RUN_DIR/$name.pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_until SECONDS DESCRIPTION CMD...: polls CMD until it succeeds or the deadline passes.
wait_until() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || die "timed out after ${seconds}s waiting for $what (logs: $LOG_DIR)"
    sleep 0.2
  done
}

# stop_process NAME [SECONDS]: SIGTERM, wait, then SIGKILL.
stop_process() {
  local name=$1 seconds=${2:-30} pid
  pid=$(pid_of "$name") || { rm -f "$RUN_DIR/$name.pid"; return 0; }
  say "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + seconds))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  rm -f "$RUN_DIR/$name.pid"
}

# kill_process NAME: SIGKILL, no grace: what a crash or an OOM kill looks like to the rest of the stack.
kill_process() {
  local name=$1 pid
  pid=$(pid_of "$name") || return 0
  say "killing $name (pid $pid) with SIGKILL"
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  rm -f "$RUN_DIR/$name.pid"
}
