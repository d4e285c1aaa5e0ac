# Metrics: Prometheus (Debian's package, the stack's own config) and the Redis and MySQL exporters (Debian's packages),
# each a stack component with its pid in run/, its log in logs/ and its data under $STACK_DIR. Debian's own system
# services for them are never started (lib/tools.sh apt_install_daemon). The JMX exporter agents ride inside Kafka and
# Connect (lib/components.sh). prometheus.yml is generated from the stack's ports by
# platform/observability/prometheus/render.ts; the alert rules are the repo's platform/observability/prometheus/rules.

PROMETHEUS_DIR="$STACK_DIR/prometheus"

# observability_env CMD...: runs CMD with every port the scrape config is generated from.
observability_env() {
  (cd "$ROOT" && STACK_DIR=$STACK_DIR PROMETHEUS_PORT=$PROMETHEUS_PORT KAFKA_JMX_PORT=$KAFKA_JMX_PORT \
    CONNECT_JMX_PORT=$CONNECT_JMX_PORT REDIS_EXPORTER_PORT=$REDIS_EXPORTER_PORT \
    MYSQLD_EXPORTER_PORT=$MYSQLD_EXPORTER_PORT OPS_CONSOLE_PORT=$OPS_CONSOLE_PORT AUTH_PORT=$AUTH_PORT \
    USER_PORT=$USER_PORT CATALOG_PORT=$CATALOG_PORT INVENTORY_PORT=$INVENTORY_PORT ORDER_PORT=$ORDER_PORT \
    PAYMENT_PORT=$PAYMENT_PORT SAMPLE_PORT=$SAMPLE_PORT "$@")
}

render_prometheus() {
  mkdir -p "$PROMETHEUS_DIR"
  observability_env bun platform/observability/prometheus/render.ts >/dev/null ||
    die "could not render prometheus.yml"
  promtool check config --syntax-only "$PROMETHEUS_DIR/prometheus.yml" >/dev/null ||
    die "the generated Prometheus config does not pass promtool: $PROMETHEUS_DIR/prometheus.yml"
}

prometheus_ready() { curl -sf "http://127.0.0.1:$PROMETHEUS_PORT/-/ready" >/dev/null; }

# Started, or (when running) reloaded with a freshly rendered config: ports or the services may have changed.
start_prometheus() {
  render_prometheus
  if is_running prometheus; then
    kill -HUP "$(pid_of prometheus)"
    return
  fi
  port_open "$PROMETHEUS_PORT" && die "port $PROMETHEUS_PORT is taken by another process (set PROMETHEUS_PORT)"
  say "starting Prometheus on 127.0.0.1:$PROMETHEUS_PORT"
  # Two days of samples are plenty for a local stack and keep the data directory small.
  start_bg prometheus prometheus --config.file="$PROMETHEUS_DIR/prometheus.yml" \
    --storage.tsdb.path="$PROMETHEUS_DIR/data" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle --log.level=warn
  wait_until 60 Prometheus prometheus_ready
}

start_redis-exporter() {
  is_running redis-exporter && return
  port_open "$REDIS_EXPORTER_PORT" && die "port $REDIS_EXPORTER_PORT is taken by another process (set REDIS_EXPORTER_PORT)"
  say "starting the Redis exporter on 127.0.0.1:$REDIS_EXPORTER_PORT"
  start_bg redis-exporter prometheus-redis-exporter -redis.addr "redis://127.0.0.1:$REDIS_PORT" \
    -web.listen-address "127.0.0.1:$REDIS_EXPORTER_PORT"
  wait_until 30 "the Redis exporter" port_open "$REDIS_EXPORTER_PORT"
}

# Needs the exporter's MariaDB user, which provisioning creates: started after it.
start_mysqld-exporter() {
  is_running mysqld-exporter && return
  port_open "$MYSQLD_EXPORTER_PORT" && die "port $MYSQLD_EXPORTER_PORT is taken by another process (set MYSQLD_EXPORTER_PORT)"
  mkdir -p "$STACK_DIR/mysqld-exporter"
  render mysqld-exporter.cnf "$STACK_DIR/mysqld-exporter/my.cnf"
  say "starting the MySQL exporter on 127.0.0.1:$MYSQLD_EXPORTER_PORT"
  # Debian's defaults plus binlog sizes (what CDC keeps on disk).
  start_bg mysqld-exporter prometheus-mysqld-exporter --config.my-cnf="$STACK_DIR/mysqld-exporter/my.cnf" \
    --web.listen-address="127.0.0.1:$MYSQLD_EXPORTER_PORT" --collect.binlog_size
  wait_until 30 "the MySQL exporter" port_open "$MYSQLD_EXPORTER_PORT"
}

stop_prometheus() { stop_process prometheus; }
stop_redis-exporter() { stop_process redis-exporter; }
stop_mysqld-exporter() { stop_process mysqld-exporter; }

# jmx_agent PORT CONFIG: the -javaagent flag that serves CONFIG's metrics on 127.0.0.1:PORT/metrics.
jmx_agent() {
  local jar
  jar=$(compgen -G "$STACK_DIR/jars/jmx-exporter/jmx_prometheus_javaagent-*.jar" | head -1) ||
    die "the JMX exporter agent is missing in $STACK_DIR/jars/jmx-exporter (stack up fetches it)"
  echo "-javaagent:$jar=127.0.0.1:$1:$2"
}
