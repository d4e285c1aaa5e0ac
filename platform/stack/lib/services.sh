# The services: every services/<name>/src/main.ts, plus the sample service (platform/test/lab/main.ts) and the PG
# sandbox (platform/src/pg-sandbox/main.ts, no database; its record in $STACK_DIR/pg-sandbox), started with
# Bun, detached, logs in logs/svc-<name>.log. Each gets the env it reads (ServiceEnv): its own PORT, SERVICE_NAME and
# MARIADB_URL (from <NAME>_MARIADB_URL in .stack/env), the shared endpoints, auth's JWKS URL, every service's base URL
# (<NAME>_URL, for service-to-service calls), demo seeding on, the access log on (one line per request with its
# X-Request-Id) and auth trusting X-Forwarded-For from loopback (the gateway's; AUTH_TRUSTED_PROXIES). With STACK_PROFILE=test (what `npm test` sets) the
# test overlay (test-overlay.env: short payment window, fault switches) is added on top, for every service alike.

# The profile the services start with: "test" (test-overlay.env on top) or "default" (production defaults).
stack_profile() {
  case ${STACK_PROFILE:-default} in
  test | default) echo "${STACK_PROFILE:-default}" ;;
  *) die "STACK_PROFILE must be test or default, not '$STACK_PROFILE'" ;;
  esac
}
# The profile the running services were started with (recorded by start_services).
running_profile() { cat "$RUN_DIR/services.profile" 2>/dev/null || echo default; }

# service_entries: "name main.ts database" lines.
service_entries() {
  local dir
  for dir in "$ROOT"/services/*/; do
    [[ -f "$dir/src/main.ts" ]] && echo "$(basename "$dir") $dir/src/main.ts $(basename "$dir")"
  done
  echo "sample $ROOT/platform/test/lab/main.ts lab"
  echo "pg-sandbox $ROOT/platform/src/pg-sandbox/main.ts none"
}

service_port() { local var="${1^^}_PORT"; var=${var//-/_}; echo "${!var}"; }

ready_url() { echo "http://127.0.0.1:$(service_port "$1")/health/ready"; }

start_service() {
  local name=$1 main=$2 database=$3
  is_running "svc-$name" && return
  say "starting $name on :$(service_port "$name")"
  (
    set -a
    source "$STACK_DIR/env"
    [[ $(stack_profile) == test ]] && source "$STACK_SRC/test-overlay.env"
    local url_var="${database^^}_MARIADB_URL"
    mkdir -p "$STACK_DIR/pg-sandbox"
    PORT=$(service_port "$name") SERVICE_NAME=$name MARIADB_URL=${!url_var:-} SEED_DEMO_DATA=true \
      PG_SANDBOX_RECORDS="$STACK_DIR/pg-sandbox/records.sqlite" PG_SANDBOX_SECRET_KEY=$PG_SANDBOX_SECRET_KEY \
      AUTH_JWKS_URL="http://127.0.0.1:$AUTH_PORT/.well-known/jwks.json" AUTH_JWT_ISSUER=$AUTH_JWT_ISSUER \
      AUTH_JWT_AUDIENCE=$AUTH_JWT_AUDIENCE PG_SANDBOX_URL="http://127.0.0.1:$PG_SANDBOX_PORT" \
      AUTH_URL="http://127.0.0.1:$AUTH_PORT" USER_URL="http://127.0.0.1:$USER_PORT" \
      CATALOG_URL="http://127.0.0.1:$CATALOG_PORT" INVENTORY_URL="http://127.0.0.1:$INVENTORY_PORT" \
      ORDER_URL="http://127.0.0.1:$ORDER_PORT" PAYMENT_URL="http://127.0.0.1:$PAYMENT_PORT" \
      ADMIN_EMAIL=$ADMIN_EMAIL ADMIN_PASSWORD=$ADMIN_PASSWORD \
      HTTP_ACCESS_LOG=true AUTH_TRUST_PROXY=true \
      start_bg "svc-$name" bash -c "$SUPERVISE" "$name" "$main"
  )
}

# What Kubernetes does for a pod, for the local stack: a service that exits non-zero (a consumer that stopped for good,
# a dependency down at start, a crash) is started again after 2 s; exit 0 (SIGTERM from `down`) ends the loop.
# shellcheck disable=SC2016
SUPERVISE='until bun "$1"; do echo "[stack] $0 exited with $?, restarting in 2 s" >&2; sleep 2; done'

# wait_ready NAME: until /health/ready is 200, or a clear error naming the service and its log.
wait_ready() {
  local name=$1 deadline=$((SECONDS + 90))
  until curl -sf -o /dev/null "$(ready_url "$name")"; do
    if ! is_running "svc-$name" || ((SECONDS >= deadline)); then
      tail -n 15 "$LOG_DIR/svc-$name.log" >&2 || true
      die "service $name did not become ready ($(ready_url "$name")); its log: $LOG_DIR/svc-$name.log"
    fi
    sleep 0.3
  done
}

start_services() {
  local name main database profile
  profile=$(stack_profile)
  # Running services of the other profile are restarted, so `npm run up` after `npm test` is production-configured again.
  if [[ $(running_profile) != "$profile" ]] && any_service_running; then
    say "services run the $(running_profile) profile; restarting them with the $profile profile"
    stop_services
  fi
  echo "$profile" >"$RUN_DIR/services.profile"
  [[ $profile == test ]] && say "services start with the test overlay ($STACK_SRC/test-overlay.env)"
  while read -r name main database; do start_service "$name" "$main" "$database"; done < <(service_entries)
  while read -r name _ _; do wait_ready "$name"; done < <(service_entries)
}

# SIGTERM first: a service drains and exits on its own within SHUTDOWN_TIMEOUT_MS (20 s); KILL only after that.
stop_services() {
  local name
  while read -r name _ _; do stop_process "svc-$name" 30; done < <(service_entries)
}

# stop_one NAME / start_one NAME: one service alone, in the profile the others run with. For a test that must own its
# service's consumer group and leased jobs with its own configuration (platform/src/testing standAside).
stop_one() { stop_process "svc-$1" 30; }
start_one() {
  local name main database
  while read -r name main database; do
    [[ $name == "$1" ]] || continue
    STACK_PROFILE=$(running_profile) start_service "$name" "$main" "$database"
    wait_ready "$name"
    return 0
  done < <(service_entries)
  die "no service named '$1'"
}

any_service_running() {
  local name
  while read -r name _ _; do is_running "svc-$name" && return 0; done < <(service_entries)
  return 1
}

services_status() {
  local name pid health
  any_service_running && echo "services profile: $(running_profile)"
  while read -r name _ _; do
    health=$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$(ready_url "$name")" || true)
    if pid=$(pid_of "svc-$name"); then
      printf '%-10s running  pid %-7s :%s  ready %s\n' "$name" "$pid" "$(service_port "$name")" "$health"
    else
      printf '%-10s stopped\n' "$name"
    fi
  done < <(service_entries)
}

services_where() {
  local name port
  while read -r name _ _; do
    port=$(service_port "$name")
    if [[ $name == pg-sandbox ]]; then
      printf '  %-16s http://127.0.0.1:%s  (Toss v1 shapes, secret key %s, log %s/svc-%s.log)\n' \
        "$name" "$port" "$PG_SANDBOX_SECRET_KEY" "$LOG_DIR" "$name"
      continue
    fi
    printf '  %-16s http://127.0.0.1:%s  (OpenAPI http://127.0.0.1:%s/openapi, log %s/svc-%s.log)\n' \
      "$name" "$port" "$port" "$LOG_DIR" "$name"
  done < <(service_entries)
  [[ -f "$ROOT/services/user/src/main.ts" ]] || return 0
  printf '  %-16s %s / %s  (log in: POST http://127.0.0.1:%s/api/auth/login)\n' \
    "demo admin" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$GATEWAY_PORT"
}
