# The services: every services/<name> with src/main.ts is started with Bun, detached, logs in logs/<name>.log.
# (The services arrive in later issues; with none present these functions do nothing.)

service_names() {
  local dir
  for dir in "$ROOT"/services/*/; do
    [[ -f "$dir/src/main.ts" ]] && basename "$dir"
  done
  return 0
}

start_services() {
  local name
  for name in $(service_names); do
    is_running "svc-$name" && continue
    say "starting $name"
    (set -a && source "$STACK_DIR/env" && cd "$ROOT/services/$name" && start_bg "svc-$name" bun src/main.ts)
  done
}

stop_services() {
  local name
  for name in $(service_names); do stop_process "svc-$name" 20; done
}

services_status() {
  local name pid
  for name in $(service_names); do
    if pid=$(pid_of "svc-$name"); then printf '%-10s running  pid %s\n' "$name" "$pid"; else printf '%-10s stopped\n' "$name"; fi
  done
}

services_where() {
  local name
  for name in $(service_names); do printf '  %-16s see %s/svc-%s.log\n' "$name" "$LOG_DIR" "$name"; done
}
