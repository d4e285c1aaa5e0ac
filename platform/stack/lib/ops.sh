# The operator console and ops exporter (platform/src/ops/main.ts, issue 13 §3) on 127.0.0.1:$OPS_CONSOLE_PORT: the page at /,
# the admin-only API under /api/ops, Prometheus gauges at /metrics. Started by `up` after the services (its login goes
# to auth through the gateway), stopped first by `down`; log logs/ops.log.

ops_ready() { curl -sf -o /dev/null "http://127.0.0.1:$OPS_CONSOLE_PORT/health/ready"; }

start_ops() {
  is_running ops && return
  port_open "$OPS_CONSOLE_PORT" && die "port $OPS_CONSOLE_PORT is taken by another process (set OPS_CONSOLE_PORT)"
  say "starting the operator console on :$OPS_CONSOLE_PORT"
  (
    set -a
    source "$STACK_DIR/env"
    OPS_PORT=$OPS_CONSOLE_PORT OPS_LOGIN_URL="http://127.0.0.1:$GATEWAY_PORT/api/auth/login" \
      AUTH_JWKS_URL="http://127.0.0.1:$AUTH_PORT/.well-known/jwks.json" AUTH_JWT_ISSUER=$AUTH_JWT_ISSUER \
      AUTH_JWT_AUDIENCE=$AUTH_JWT_AUDIENCE AUTH_URL="http://127.0.0.1:$AUTH_PORT" USER_URL="http://127.0.0.1:$USER_PORT" \
      CATALOG_URL="http://127.0.0.1:$CATALOG_PORT" INVENTORY_URL="http://127.0.0.1:$INVENTORY_PORT" \
      ORDER_URL="http://127.0.0.1:$ORDER_PORT" PAYMENT_URL="http://127.0.0.1:$PAYMENT_PORT" start_bg ops bun "$ROOT/platform/src/ops/main.ts"
  )
  wait_until 30 "the operator console" ops_ready
}

stop_ops() { stop_process ops; }
