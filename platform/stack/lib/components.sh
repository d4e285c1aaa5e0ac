# Start and stop functions for each infrastructure process. Each start is a no-op when the process already runs.

render() { # render TEMPLATE OUT: fills @VARS@ from the environment of this script
  sed -e "s#@STACK_DIR@#$STACK_DIR#g" -e "s#@MARIADB_PORT@#$MARIADB_PORT#g" -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" \
    -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@CONNECT_PORT@#$CONNECT_PORT#g" \
    -e "s#@USER@#$(id -un)#g" "$STACK_SRC/conf/$1" >"$2"
}

mariadb_cli() { mariadb --protocol=tcp -h127.0.0.1 -P"$MARIADB_PORT" -uroot "$@"; }

start_mariadb() {
  is_running mariadb && return
  port_open "$MARIADB_PORT" && die "port $MARIADB_PORT is taken by another process (set MARIADB_PORT)"
  mkdir -p "$STACK_DIR/mariadb"
  render my.cnf "$STACK_DIR/mariadb/my.cnf"
  if [[ ! -d "$STACK_DIR/mariadb/data/mysql" ]]; then
    say "initialising MariaDB data directory"
    mariadb-install-db --defaults-file="$STACK_DIR/mariadb/my.cnf" --auth-root-authentication-method=normal \
      --skip-test-db >"$LOG_DIR/mariadb-install.log" 2>&1 || die "mariadb-install-db failed: $LOG_DIR/mariadb-install.log"
  fi
  say "starting MariaDB on 127.0.0.1:$MARIADB_PORT"
  local mariadbd
  mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
  start_bg mariadb "$mariadbd" --defaults-file="$STACK_DIR/mariadb/my.cnf"
  wait_until 60 MariaDB mariadb_cli -e 'SELECT 1'
}

start_redis() {
  is_running redis && return
  port_open "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process (set REDIS_PORT)"
  mkdir -p "$STACK_DIR/redis"
  say "starting Redis on 127.0.0.1:$REDIS_PORT (AOF on)"
  start_bg redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STACK_DIR/redis" \
    --appendonly yes --appendfsync everysec --save '' --daemonize no
  wait_until 30 Redis redis-cli -p "$REDIS_PORT" ping
}

start_kafka() {
  is_running kafka && return
  port_open "$KAFKA_PORT" && die "port $KAFKA_PORT is taken by another process (set KAFKA_PORT)"
  mkdir -p "$STACK_DIR/kafka"
  render server.properties "$STACK_DIR/kafka/server.properties"
  render log4j2.properties "$STACK_DIR/log4j2.properties"
  local cp="$STACK_DIR/jars/broker/*"
  if [[ ! -f "$STACK_DIR/kafka/data/meta.properties" ]]; then
    say "formatting Kafka storage (KRaft, standalone controller)"
    local cluster_id
    cluster_id=$("$JAVA_BIN" -cp "$cp" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    "$JAVA_BIN" -Dlog4j2.configurationFile="$STACK_DIR/log4j2.properties" -cp "$cp" kafka.tools.StorageTool format \
      --standalone -t "$cluster_id" -c "$STACK_DIR/kafka/server.properties" --ignore-formatted \
      >>"$LOG_DIR/kafka-format.log" 2>&1 || die "kafka storage format failed: $LOG_DIR/kafka-format.log"
  fi
  port_open "$KAFKA_JMX_PORT" && die "port $KAFKA_JMX_PORT is taken by another process (set KAFKA_JMX_PORT)"
  render jmx-kafka.yml "$STACK_DIR/kafka/jmx-exporter.yml"
  say "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT (metrics on :$KAFKA_JMX_PORT)"
  start_bg kafka "$JAVA_BIN" -Xms256m -Xmx768m -XX:+UseG1GC -Dlog4j2.configurationFile="$STACK_DIR/log4j2.properties" \
    "$(jmx_agent "$KAFKA_JMX_PORT" "$STACK_DIR/kafka/jmx-exporter.yml")" \
    -cp "$cp" kafka.Kafka "$STACK_DIR/kafka/server.properties"
  wait_until 90 Kafka port_open "$KAFKA_PORT"
}

connect_ready() { curl -sf "http://127.0.0.1:$CONNECT_PORT/connector-plugins" >/dev/null; }

start_connect() {
  is_running connect && return
  port_open "$CONNECT_PORT" && die "port $CONNECT_PORT is taken by another process (set CONNECT_PORT)"
  mkdir -p "$STACK_DIR/connect"
  render connect.properties "$STACK_DIR/connect/connect.properties"
  render log4j2.properties "$STACK_DIR/log4j2.properties"
  port_open "$CONNECT_JMX_PORT" && die "port $CONNECT_JMX_PORT is taken by another process (set CONNECT_JMX_PORT)"
  render jmx-connect.yml "$STACK_DIR/connect/jmx-exporter.yml"
  say "starting Kafka Connect $CONNECT_VERSION with Debezium $DEBEZIUM_VERSION on 127.0.0.1:$CONNECT_PORT (metrics on :$CONNECT_JMX_PORT)"
  # Serial GC and C1 only: no concurrent GC or C2 compiler threads waking an idle worker (measured with
  # platform/bench/cdc-layouts.ts, BENCH_JVMS=lean,g1: see README "CDC layout and settings, measured").
  start_bg connect "$JAVA_BIN" -Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k \
    -Dlog4j2.configurationFile="$STACK_DIR/log4j2.properties" \
    "$(jmx_agent "$CONNECT_JMX_PORT" "$STACK_DIR/connect/jmx-exporter.yml")" -cp "$STACK_DIR/jars/connect/*" \
    org.apache.kafka.connect.cli.ConnectDistributed "$STACK_DIR/connect/connect.properties"
  wait_until 120 "Kafka Connect REST" connect_ready
}

stop_mariadb() { stop_process mariadb 60; }
stop_redis() { stop_process redis; }
stop_kafka() { stop_process kafka 60; }
stop_connect() { stop_process connect 60; }
