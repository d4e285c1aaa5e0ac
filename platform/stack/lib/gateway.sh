# The gateway (issue 12): nginx from Debian, the API's one front door on GATEWAY_PORT. Its config is generated from
# platform/gateway/routes.json (platform/gateway/render.ts) into $STACK_DIR/gateway at every start; the combined
# OpenAPI document (platform/gateway/openapi.ts) is written there once the services are ready. Logs: logs/gateway.log
# (nginx's errors) and logs/gateway-access.log (one JSON line per request, with its request id).

GATEWAY_DIR="$STACK_DIR/gateway"

nginx_bin() { command -v nginx 2>/dev/null || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }; }

# gateway_env CMD...: runs CMD with what the generators read (ports, CORS origins, body limit, STACK_DIR).
gateway_env() {
  (cd "$ROOT" && STACK_DIR=$STACK_DIR GATEWAY_PORT=$GATEWAY_PORT AUTH_PORT=$AUTH_PORT USER_PORT=$USER_PORT \
    CATALOG_PORT=$CATALOG_PORT INVENTORY_PORT=$INVENTORY_PORT ORDER_PORT=$ORDER_PORT PAYMENT_PORT=$PAYMENT_PORT \
    "$@")
}

render_gateway() {
  gateway_env bun platform/gateway/render.ts >/dev/null || die "could not render the gateway's nginx config"
  "$(nginx_bin)" -t -q -p "$GATEWAY_DIR" -c "$GATEWAY_DIR/nginx.conf" -e stderr ||
    die "the generated gateway config does not pass nginx -t: $GATEWAY_DIR/nginx.conf"
}

gateway_answers() { curl -s -o /dev/null "http://127.0.0.1:$GATEWAY_PORT/openapi/json"; }

# Started (or, when running, reloaded with a freshly rendered config: routes.json may have changed).
start_gateway() {
  mkdir -p "$GATEWAY_DIR"
  render_gateway
  [[ -f "$GATEWAY_DIR/openapi.json" ]] || write_gateway_placeholder
  if is_running gateway; then
    "$(nginx_bin)" -p "$GATEWAY_DIR" -c "$GATEWAY_DIR/nginx.conf" -e stderr -s reload
    return
  fi
  port_open "$GATEWAY_PORT" && die "port $GATEWAY_PORT is taken by another process (set GATEWAY_PORT)"
  say "starting the gateway (nginx) on 127.0.0.1:$GATEWAY_PORT"
  start_bg gateway "$(nginx_bin)" -p "$GATEWAY_DIR" -c "$GATEWAY_DIR/nginx.conf" -e stderr
  wait_until 30 "the gateway" gateway_answers
}

stop_gateway() { stop_process gateway; }

# Until the services are up, /openapi/json says so rather than 404.
write_gateway_placeholder() {
  printf '{"openapi":"3.1.0","info":{"title":"commerce (services not started yet)","version":"0"},"paths":{}}\n' \
    >"$GATEWAY_DIR/openapi.json"
}

# The combined OpenAPI document and its UI, from the running services (regenerable: `stack gateway-openapi`).
write_gateway_openapi() {
  mkdir -p "$GATEWAY_DIR"
  gateway_env bun platform/gateway/openapi.ts || say "the combined OpenAPI document could not be written (see above)"
}
